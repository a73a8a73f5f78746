// Bulk reads and writes of a whole dataset: the exporter streams it in small batches (memory
// stays flat at thousands of charts), the importer writes it all-or-nothing.
import { Dexie } from 'dexie';
import type {
  RecipeRecord,
  RunRecord,
  ChartRecord,
  DatasetRecord,
  ImageRecord,
  QaRecord,
  ReviewStatus,
} from '../core/dataset/records.ts';
import { buildBrowseRow } from './browse-rows.ts';
import { toQaRecord, toStoredQa, type CitDatabase } from './database.ts';
import { guardQuota } from './storage-errors.ts';

export interface ExportEntry {
  chart: ChartRecord;
  /** Null when images were not asked for (or the image is missing). */
  image: ImageRecord | null;
  qa: QaRecord[];
}

export interface ExportOptions {
  /** Charts read per transaction. */
  batchSize?: number;
  /** Read PNGs and thumbnails too (default true). */
  images?: boolean;
  /** Only charts with one of these review states (default: all). */
  review?: readonly ReviewStatus[];
}

/** Every visible chart of the dataset with its image and Q&A, in chart-id order, batch by batch. */
export async function* iterateDatasetForExport(
  db: CitDatabase,
  datasetId: string,
  options: ExportOptions = {},
): AsyncGenerator<ExportEntry> {
  const batchSize = Math.max(1, options.batchSize ?? 25);
  const withImages = options.images ?? true;
  let after: string | null = null;
  for (;;) {
    const lower: [string, string] | [string] = after === null ? [datasetId] : [datasetId, after];
    const batch: ExportEntry[] = await db.transaction(
      'r',
      [db.chartRows, db.charts, db.images, db.qa],
      async () => {
        const rows = await db.chartRows
          .where('[datasetId+chartId]')
          .between(lower, [datasetId, Dexie.maxKey], after === null, true)
          .limit(batchSize)
          .toArray();
        after = rows[rows.length - 1]?.chartId ?? null;
        const charts = await db.charts.bulkGet(rows.map((row) => row.chartId));
        const entries: ExportEntry[] = [];
        for (const chart of charts) {
          if (!chart) continue;
          if (options.review && !options.review.includes(chart.review)) continue;
          const image = withImages ? ((await db.images.get(chart.imageId)) ?? null) : null;
          const qa = await db.qa.where('chartId').equals(chart.id).toArray();
          entries.push({ chart, image, qa: qa.map(toQaRecord) });
        }
        return entries;
      },
    );
    yield* batch;
    if (after === null) return;
  }
}

export interface DatasetImport {
  dataset: DatasetRecord;
  charts: ChartRecord[];
  images: ImageRecord[];
  qa: QaRecord[];
  /** The recipes and runs the charts came from (kept so a re-export is identical). */
  recipes?: RecipeRecord[];
  runs?: RunRecord[];
}

/**
 * Writes a dataset and all its records in one transaction: any failure (an id that already
 * exists, a Q&A whose chart is missing, a full disk) leaves nothing behind.
 */
export async function importDatasetRecords(
  db: CitDatabase,
  records: DatasetImport,
): Promise<{ charts: number; qa: number; images: number }> {
  const chartIds = new Set(records.charts.map((chart) => chart.id));
  const orphan = records.qa.find((qa) => !chartIds.has(qa.chartId));
  if (orphan)
    throw new Error(`Q&A ${orphan.id} refers to chart ${orphan.chartId}, not in the import`);
  const tables = [db.datasets, db.charts, db.chartRows, db.images, db.qa, db.recipes, db.runs];
  await guardQuota(() =>
    db.transaction('rw', tables, async () => {
      await db.datasets.add(records.dataset);
      // A recipe may already be here (it served another dataset): same id, same settings.
      await db.recipes.bulkPut(records.recipes ?? []);
      await db.runs.bulkAdd(
        (records.runs ?? []).map((run) => ({ ...run, datasetId: records.dataset.id })),
      );
      await db.images.bulkAdd(records.images);
      const charts = records.charts.map((chart) => ({ ...chart, datasetId: records.dataset.id }));
      await db.charts.bulkAdd(charts);
      const qa = records.qa.map((item) => toStoredQa({ ...item, datasetId: records.dataset.id }));
      await db.qa.bulkAdd(qa);
      const byChart = new Map<string, QaRecord[]>();
      for (const item of qa)
        byChart.set(item.chartId, [...(byChart.get(item.chartId) ?? []), item]);
      await db.chartRows.bulkAdd(
        charts.map((chart) => buildBrowseRow(chart, byChart.get(chart.id) ?? [])),
      );
    }),
  );
  return { charts: records.charts.length, qa: records.qa.length, images: records.images.length };
}
