// A dataset's statistics (the Statistics page, issue item 13), computed from storage. Records are
// read in batches (keyset ranges and getAll, never a record-by-record cursor), each batch in its
// own short read transaction, so 10k charts keep memory flat and a running generation's writes
// never wait long; images are never read.
import { Dexie } from 'dexie';
import type { ChartRecord, ItemRecord, RunRecord } from '../core/dataset/records.ts';
import { StatsAccumulator, type DatasetStats } from '../core/stats/index.ts';
import type { CitDatabase, LlmCallRecord, StoredQaRecord } from './database.ts';

/** Charts per read (each with its figure facts; Q&A of the batch are read with it). */
const CHART_BATCH = 250;
const ITEM_BATCH = 500;
const CALL_BATCH = 1000;
/** Read the whole llmCalls table when these runs made at least 1 in this many of its calls. */
const RANGE_SCAN_SHARE = 3;

/** Coverage, verification, rejections, repair, cost and difficulty of one dataset. */
export async function computeDatasetStats(
  db: CitDatabase,
  datasetId: string,
): Promise<DatasetStats> {
  const stats = new StatsAccumulator(datasetId);
  const runs = await db.runs.where('datasetId').equals(datasetId).toArray();
  runs.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const run of runs) stats.addRun(run);
  // A chart is finished (done, or rejected by the pipeline) once its browse row exists.
  const finished = new Set(
    (await db.chartRows.where('datasetId').equals(datasetId).primaryKeys()).map(String),
  );
  await forEachChartBatch(db, datasetId, ({ charts, qa }) => {
    for (const chart of charts) stats.addChart(chart, finished.has(chart.id));
    // A Q&A comes after its chart: it needs to know whether the chart is kept.
    for (const record of qa) if (record.datasetId === datasetId) stats.addQa(record);
  });
  for (const run of runs) {
    await forEachItemBatch(db, run, (items) => {
      for (const item of items) stats.addItem(item);
    });
  }
  await forEachRecordedCall(db, new Set(runs.map((run) => run.id)), (call) =>
    stats.addRecordedCall(call),
  );
  return stats.finish();
}

/**
 * The llmCalls rows of some runs. Only a runId index exists, and fetching tens of thousands of
 * rows by key is slow, so when these runs made most of the table's calls the whole table is read
 * in primary-key ranges instead (measured in Chromium, 58k calls: 2.0 s by key, 0.9 s by range).
 */
async function forEachRecordedCall(
  db: CitDatabase,
  runIds: ReadonlySet<string>,
  visit: (call: LlmCallRecord) => void,
): Promise<void> {
  if (runIds.size === 0) return;
  const ids: string[] = [];
  for (const runId of runIds) {
    ids.push(...(await db.llmCalls.where('runId').equals(runId).primaryKeys()).map(String));
  }
  if (ids.length === 0) return;
  if (ids.length * RANGE_SCAN_SHARE >= (await db.llmCalls.count())) {
    let after = '';
    for (;;) {
      const batch = await db.llmCalls.where(':id').above(after).limit(CALL_BATCH).toArray();
      for (const call of batch) if (call.runId !== null && runIds.has(call.runId)) visit(call);
      if (batch.length < CALL_BATCH) return;
      after = batch[batch.length - 1]!.id;
    }
  }
  for (let start = 0; start < ids.length; start += CALL_BATCH) {
    const batch = await db.llmCalls.bulkGet(ids.slice(start, start + CALL_BATCH));
    for (const call of batch) if (call) visit(call);
  }
}

interface ChartBatch {
  charts: ChartRecord[];
  qa: StoredQaRecord[];
}

/** Charts in id order, a batch at a time, each batch with its Q&A (one read transaction). */
async function forEachChartBatch(
  db: CitDatabase,
  datasetId: string,
  visit: (batch: ChartBatch) => void,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const lower: [string, string] | [string] = after === null ? [datasetId] : [datasetId, after];
    const batch: ChartBatch = await db.transaction('r', [db.charts, db.qa], async () => {
      const charts: ChartRecord[] = await db.charts
        .where('[datasetId+id]')
        .between(lower, [datasetId, Dexie.maxKey], after === null, true)
        .limit(CHART_BATCH)
        .toArray();
      // One small query per chart, all in flight at once: anyOf() and cursors walk key by key
      // and are far slower.
      const perChart = await Promise.all(
        charts.map((chart) => db.qa.where('chartId').equals(chart.id).toArray()),
      );
      return { charts, qa: perChart.flat() };
    });
    if (batch.charts.length === 0) return;
    visit(batch);
    after = batch.charts[batch.charts.length - 1]!.id;
    if (batch.charts.length < CHART_BATCH) return;
  }
}

async function forEachItemBatch(
  db: CitDatabase,
  run: RunRecord,
  visit: (items: ItemRecord[]) => void,
): Promise<void> {
  let after = -Infinity;
  for (;;) {
    const batch = await db.items
      .where('[runId+index]')
      .between([run.id, after], [run.id, Infinity], after === -Infinity, true)
      .limit(ITEM_BATCH)
      .toArray();
    if (batch.length === 0) return;
    visit(batch);
    after = batch[batch.length - 1]!.index;
    if (batch.length < ITEM_BATCH) return;
  }
}
