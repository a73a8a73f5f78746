// Runs and their items: the job runner's state machine. Every stage's output is committed in one
// transaction together with the item's new stage, and each commit first checks the item is still
// at the stage it expects, so a stage replayed after a crash can never write twice.
import type {
  AttemptRecord,
  ChartRecord,
  ImageRecord,
  ItemRecord,
  ItemStage,
  QaRecord,
  RunRecord,
  RunStatus,
  RuntimeStamp,
  RecipeSettings,
} from '../core/dataset/records.ts';
import { createRng } from '../core/template/prng.ts';
import { buildBrowseRow } from './browse-rows.ts';
import { toQaRecord, toStoredQa, type CitDatabase } from './database.ts';
import { newId } from './datasets.ts';
import { guardQuota } from './storage-errors.ts';

/** Seeds of a run's items: item i gets the i-th draw, as generateTemplateDataset does. */
export function deriveItemSeeds(runSeed: number, count: number): number[] {
  const rng = createRng(runSeed);
  return Array.from({ length: count }, () => Math.floor(rng.next() * 4294967296));
}

/** Creates the run and all its items at once, so a resumed run knows every item's seed. */
export async function startRun(
  db: CitDatabase,
  input: { datasetId: string; recipeId: string; settings: RecipeSettings },
  now = new Date(),
): Promise<RunRecord> {
  const at = now.toISOString();
  const run: RunRecord = {
    id: newId(),
    datasetId: input.datasetId,
    recipeId: input.recipeId,
    settings: structuredClone(input.settings),
    status: 'running',
    statusReason: null,
    createdAt: at,
    updatedAt: at,
    planned: input.settings.count,
    runtime: null,
  };
  const items: ItemRecord[] = deriveItemSeeds(input.settings.seed, input.settings.count).map(
    (seed, index) => ({
      id: `${run.id}:${index}`,
      runId: run.id,
      datasetId: input.datasetId,
      index,
      seed,
      stage: 'planned',
      attempts: [],
      chartId: null,
      updatedAt: at,
    }),
  );
  await guardQuota(() =>
    db.transaction('rw', [db.runs, db.items], async () => {
      await db.runs.add(run);
      await db.items.bulkAdd(items);
    }),
  );
  return run;
}

export async function getRun(db: CitDatabase, runId: string): Promise<RunRecord | undefined> {
  return db.runs.get(runId);
}

/** Runs a closed tab left running or paused, oldest first. */
/** Every run of a dataset, oldest first. */
export async function listRunsOfDataset(db: CitDatabase, datasetId: string): Promise<RunRecord[]> {
  const runs = await db.runs.where('datasetId').equals(datasetId).toArray();
  return runs.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function listUnfinishedRuns(db: CitDatabase): Promise<RunRecord[]> {
  const runs = await db.runs.where('status').anyOf(['running', 'paused']).toArray();
  return runs.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
}

export async function setRunStatus(
  db: CitDatabase,
  runId: string,
  status: RunStatus,
  reason: string | null = null,
  runtime?: RuntimeStamp,
): Promise<void> {
  const patch: Partial<RunRecord> = {
    status,
    statusReason: reason,
    updatedAt: new Date().toISOString(),
  };
  if (runtime) patch.runtime = runtime;
  await guardQuota(() => db.runs.update(runId, patch));
}

/** Items of a run in index order. */
export async function listRunItems(db: CitDatabase, runId: string): Promise<ItemRecord[]> {
  return db.items.where('[runId+index]').between([runId, -Infinity], [runId, Infinity]).toArray();
}

export async function getItem(db: CitDatabase, itemId: string): Promise<ItemRecord | undefined> {
  return db.items.get(itemId);
}

/** Thrown when a commit finds the item already past the expected stage (a replayed stage). */
export class StaleItemError extends Error {
  constructor(itemId: string, expected: ItemStage, actual: ItemStage | 'missing') {
    super(`item ${itemId} is at stage ${actual}, not ${expected}`);
    this.name = 'StaleItemError';
  }
}

/** The item, checked to be at `stage` (a replayed stage finds it further on: StaleItemError). */
export async function requireItemAt(
  db: CitDatabase,
  itemId: string,
  stage: ItemStage,
): Promise<ItemRecord> {
  const item = await db.items.get(itemId);
  if (!item || item.stage !== stage)
    throw new StaleItemError(itemId, stage, item?.stage ?? 'missing');
  return item;
}

export async function advanceItem(
  db: CitDatabase,
  itemId: string,
  from: ItemStage,
  to: ItemStage,
  attempt: AttemptRecord,
  chartId?: string,
  patch: Partial<Pick<ItemRecord, 'cit'>> = {},
): Promise<ItemRecord> {
  const item = await requireItemAt(db, itemId, from);
  const next: ItemRecord = {
    ...item,
    ...patch,
    stage: to,
    attempts: [...item.attempts, attempt],
    chartId: chartId ?? item.chartId,
    updatedAt: attempt.at,
  };
  await db.items.put(next);
  return next;
}

/** Appends a failed (or retried) attempt without changing the stage. */
export async function recordItemAttempt(
  db: CitDatabase,
  itemId: string,
  attempt: AttemptRecord,
): Promise<void> {
  await guardQuota(() =>
    db.transaction('rw', db.items, async () => {
      const item = await db.items.get(itemId);
      if (!item) return;
      await db.items.put({ ...item, attempts: [...item.attempts, attempt], updatedAt: attempt.at });
    }),
  );
}

/** Render stage: image, chart and its (unverified) Q&A, and the item at 'rendered'. */
export async function commitRenderedItem(
  db: CitDatabase,
  input: {
    itemId: string;
    chart: ChartRecord;
    image: ImageRecord;
    qa: QaRecord[];
    attempt: AttemptRecord;
  },
): Promise<void> {
  const tables = [db.items, db.charts, db.images, db.qa];
  await guardQuota(() =>
    db.transaction('rw', tables, async () => {
      await advanceItem(db, input.itemId, 'planned', 'rendered', input.attempt, input.chart.id);
      await db.images.add(input.image);
      await db.charts.add(input.chart);
      await db.qa.bulkAdd(input.qa.map(toStoredQa));
    }),
  );
}

/** Verify stage: every Q&A's verification, and the item at 'verified'. */
export async function commitVerifiedItem(
  db: CitDatabase,
  input: {
    itemId: string;
    verifications: { qaId: string; verification: NonNullable<QaRecord['verification']> }[];
    attempt: AttemptRecord;
  },
): Promise<void> {
  await guardQuota(() =>
    db.transaction('rw', [db.items, db.qa], async () => {
      await advanceItem(db, input.itemId, 'rendered', 'verified', input.attempt);
      for (const { qaId, verification } of input.verifications) {
        await db.qa.update(qaId, {
          verification,
          verificationStatus: verification.status,
          updatedAt: verification.at,
        });
      }
    }),
  );
}

/** Done: the chart becomes visible (its browse row is written) and the item at 'done'. */
export async function commitDoneItem(
  db: CitDatabase,
  input: { itemId: string; attempt: AttemptRecord },
): Promise<void> {
  const tables = [db.items, db.charts, db.qa, db.chartRows, db.datasets];
  await guardQuota(() =>
    db.transaction('rw', tables, async () => {
      const item = await advanceItem(db, input.itemId, 'verified', 'done', input.attempt);
      const chart = item.chartId ? await db.charts.get(item.chartId) : undefined;
      if (!chart) throw new Error(`item ${item.id} is verified but has no chart`);
      const qa = await db.qa.where('chartId').equals(chart.id).toArray();
      await db.chartRows.put(buildBrowseRow(chart, qa));
      await db.datasets.update(chart.datasetId, { updatedAt: input.attempt.at });
    }),
  );
}

/** Gives up on an item; its last attempt says why. */
export async function failItem(
  db: CitDatabase,
  input: { itemId: string; attempt: AttemptRecord },
): Promise<void> {
  await guardQuota(() =>
    db.transaction('rw', db.items, async () => {
      const item = await db.items.get(input.itemId);
      if (!item) return;
      await db.items.put({
        ...item,
        stage: 'failed',
        attempts: [...item.attempts, input.attempt],
        updatedAt: input.attempt.at,
      });
    }),
  );
}

/** A stored chart with its Q&A, for a stage that resumes after the chart was committed. */
export async function getItemChart(
  db: CitDatabase,
  chartId: string,
): Promise<{ chart: ChartRecord; qa: QaRecord[] } | null> {
  return db.transaction('r', [db.charts, db.qa], async () => {
    const chart = await db.charts.get(chartId);
    if (!chart) return null;
    const qa = await db.qa.where('chartId').equals(chartId).toArray();
    return { chart, qa: qa.map(toQaRecord) };
  });
}
