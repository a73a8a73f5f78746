// Keeps each dataset's browse rows in memory between filter changes. Reading 3,249 rows from
// IndexedDB costs 35–130 ms in Chromium; filtering them in memory costs a few. The cache is
// dropped whenever Dexie reports a committed change to chartRows, from this tab or another
// (Dexie's `storagemutated` event also carries other tabs' writes).
import { Dexie } from 'dexie';
import type { BrowseRow } from './browse-rows.ts';
import type { CitDatabase } from './database.ts';

/** Database name → dataset id → rows being read or read. */
const rowCaches = new Map<string, Map<string, Promise<readonly BrowseRow[]>>>();
let listening = false;

function listen(): void {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', (parts) => {
    for (const key of Object.keys(parts)) {
      const match = /^idb:\/\/(.+)\/chartRows\//.exec(key);
      if (match?.[1] !== undefined) rowCaches.delete(match[1]);
    }
  });
}

/** The rows of a dataset, shared by every caller until the next change: do not mutate them. */
export function readCachedRows(db: CitDatabase, datasetId: string): Promise<readonly BrowseRow[]> {
  listen();
  let perDataset = rowCaches.get(db.name);
  if (!perDataset) {
    perDataset = new Map();
    rowCaches.set(db.name, perDataset);
  }
  let rows = perDataset.get(datasetId);
  if (!rows) {
    const target = perDataset;
    rows = db.chartRows.where('datasetId').equals(datasetId).toArray();
    target.set(datasetId, rows);
    // A failed read is not cached.
    rows.catch(() => target.get(datasetId) === rows && target.delete(datasetId));
  }
  return rows;
}

/** Drops the cached rows of one database (after deleting it, in tests). */
export function forgetCachedRows(db: CitDatabase): void {
  rowCaches.delete(db.name);
}
