// The IndexedDB schema of CIT Studio: every version ever shipped, in order, each with a name and
// an optional upgrade function. A new version is appended here, never edited in place, so a
// person's stored datasets open with any later build.
import type { Transaction } from 'dexie';

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
    name: 'CIT pipeline: seed pool',
    stores: {
      // Imported seed scripts of the CIT pool (the corpus is built in; kept charts join too).
      seeds: 'id, createdAt, minor',
    },
  },
];

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;
