// The IndexedDB schema of CIT Studio: every version ever shipped, in order, each with a name and
// an optional upgrade function. A new version is appended here, never edited in place, so a
// person's stored datasets open with any later build.
import type { Transaction } from 'dexie';
import type { ChartRecord, QaRecord } from '../core/dataset/records.ts';
import { buildBrowseRow, type BrowseRow } from './browse-rows.ts';

export interface SchemaVersion {
  version: number;
  /** What changed, for a person reading the list. */
  name: string;
  /** Dexie store declarations: primary key first, then indexes; null deletes a table. */
  stores: Record<string, string | null>;
  /** Rewrites stored records when the version is first opened. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    name: 'initial',
    stores: {
      datasets: 'id, createdAt',
      recipes: 'id, createdAt',
      runs: 'id, datasetId, status',
      items: 'id, runId, [runId+index], [runId+stage], datasetId',
      charts:
        'id, datasetId, [datasetId+id], [datasetId+minor], [datasetId+review], [datasetId+createdAt], createdAt, imageId',
      // Compact per-chart rows the browse page filters in memory (see browse-rows.ts).
      chartRows: 'chartId, datasetId, [datasetId+chartId]',
      images: 'id, sha256',
      qa: 'id, chartId, datasetId, [datasetId+verificationStatus]',
      llmCalls: 'id, runId, itemId, createdAt',
      settings: 'key',
      secrets: 'id',
    },
  },
  {
    version: 2,
    name: 'CIT pipeline: seed pool; browse rows carry origin, rejection and difficulty',
    stores: {
      // Imported seed scripts of the CIT pool (the corpus is built in; kept charts join too).
      seeds: 'id, createdAt, minor',
    },
    upgrade: rebuildBrowseRows,
  },
];

/** Rewrites every browse row from its chart and Q&A (new row fields get their values). */
export async function rebuildBrowseRows(tx: Transaction): Promise<void> {
  const rows = tx.table<BrowseRow, string>('chartRows');
  const charts = tx.table<ChartRecord, string>('charts');
  const qa = tx.table<QaRecord, string>('qa');
  const ids = await rows.toCollection().primaryKeys();
  for (let start = 0; start < ids.length; start += 200) {
    const found = await charts.bulkGet(ids.slice(start, start + 200));
    const next: BrowseRow[] = [];
    for (const chart of found) {
      if (chart)
        next.push(buildBrowseRow(chart, await qa.where('chartId').equals(chart.id).toArray()));
    }
    await rows.bulkPut(next);
  }
}

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;
