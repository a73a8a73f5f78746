// The CIT pipeline's commits (METHOD.md §3, "a per-item state machine"): each stage writes its
// output and the item's working state (CitItemState) in one transaction, after checking the item
// is still at the stage it expects, so a replayed stage after a crash never writes twice. A
// rejected chart is kept, hidden from the dataset, with its reasons (Browse can show and restore it).
import type {
  AttemptRecord,
  ChartRecord,
  ImageRecord,
  ItemStage,
  QaRecord,
  Rejection,
} from '../core/dataset/records.ts';
import type { CitItemState } from '../core/cit/item-state.ts';
import type { MinorChartType } from '../core/chart-types.ts';
import { formatAnswer } from '../core/export/answer-text.ts';
import { buildBrowseRow } from './browse-rows.ts';
import { toQaRecord, toStoredQa, type CitDatabase, type SeedRecord } from './database.ts';
import { advanceItem, requireItemAt } from './runs.ts';
import { guardQuota } from './storage-errors.ts';

/** Saves the item's working state; moves it to `to` when given (with the attempt). */
export async function saveCitItemState(
  db: CitDatabase,
  input: {
    itemId: string;
    stage: ItemStage;
    cit: CitItemState;
    to?: ItemStage;
    attempt?: AttemptRecord;
  },
): Promise<void> {
  await guardQuota(() =>
    db.transaction('rw', db.items, async () => {
      const item = await requireItemAt(db, input.itemId, input.stage);
      const at = input.attempt?.at ?? new Date().toISOString();
      await db.items.put({
        ...item,
        cit: input.cit,
        stage: input.to ?? item.stage,
        attempts: input.attempt ? [...item.attempts, input.attempt] : item.attempts,
        updatedAt: at,
      });
    }),
  );
}

/** drafted → rendered: the chart and its image are stored (hidden until done). */
export async function commitCitRendered(
  db: CitDatabase,
  input: {
    itemId: string;
    chart: ChartRecord;
    image: ImageRecord;
    cit: CitItemState;
    attempt: AttemptRecord;
  },
): Promise<void> {
  await guardQuota(() =>
    db.transaction('rw', [db.items, db.charts, db.images], async () => {
      await advanceItem(db, input.itemId, 'drafted', 'rendered', input.attempt, input.chart.id, {
        cit: input.cit,
      });
      await db.images.add(input.image);
      await db.charts.add(input.chart);
    }),
  );
}

/** rendered → gated (kept) or rejected (hidden, with reasons; its browse row says so). */
export async function commitCitGate(
  db: CitDatabase,
  input: {
    itemId: string;
    chartId: string;
    cit: CitItemState;
    attempt: AttemptRecord;
    rejection: Rejection | null;
    ratings: { score: number; reason: string; model: string }[] | null;
  },
): Promise<void> {
  const to: ItemStage = input.rejection ? 'rejected' : 'gated';
  await guardQuota(() =>
    db.transaction('rw', [db.items, db.charts, db.chartRows], async () => {
      await advanceItem(db, input.itemId, 'rendered', to, input.attempt, undefined, {
        cit: input.cit,
      });
      // A kept chart that no rater saw is as the render stage stored it (only raters add calls
      // between the two stages): do not read and rewrite its facts.
      if (!input.rejection && input.ratings === null) return;
      const chart = await db.charts.get(input.chartId);
      if (!chart) throw new Error(`item ${input.itemId} has no chart ${input.chartId}`);
      const calls = input.cit.calls;
      const cit = chart.provenance.cit
        ? { ...chart.provenance.cit, ratings: input.ratings, calls }
        : null;
      const next: ChartRecord = {
        ...chart,
        rejection: input.rejection,
        provenance: { ...chart.provenance, cit },
        updatedAt: input.attempt.at,
      };
      await db.charts.put(next);
      if (input.rejection) await db.chartRows.put(buildBrowseRow(next, []));
    }),
  );
}

/** Answered (and verified) questions: their Q&A records and the item's state, together. */
export async function commitCitAnswers(
  db: CitDatabase,
  input: { itemId: string; cit: CitItemState; qa: QaRecord[] },
): Promise<void> {
  await guardQuota(() =>
    db.transaction('rw', [db.items, db.qa], async () => {
      await requireItemAt(db, input.itemId, 'questioned');
      await db.items.update(input.itemId, { cit: input.cit, updatedAt: new Date().toISOString() });
      if (input.qa.length > 0) await db.qa.bulkPut(input.qa.map(toStoredQa));
    }),
  );
}

/** questioned → verified: every question is answered, checked and stored. */
export async function commitCitVerified(
  db: CitDatabase,
  input: { itemId: string; attempt: AttemptRecord },
): Promise<void> {
  await guardQuota(() =>
    db.transaction('rw', db.items, async () => {
      await advanceItem(db, input.itemId, 'questioned', 'verified', input.attempt);
    }),
  );
}

/** What the pipeline keeps in memory about one chart of the dataset (never the image). */
export interface PoolChart {
  id: string;
  minor: MinorChartType;
  level: 'easy' | 'hard';
  topics: string[];
  code: string;
  phash: string | null;
  origin: 'template' | 'self-instruct' | 'evol';
  parentChartId: string | null;
  /** Kept: done and not rejected by the pipeline or by a person. */
  kept: boolean;
  /** Rejected by the pipeline or a person (not a dedup reference). */
  rejected: boolean;
  /** Kept Q&A: question and final answer as text. */
  qa: { question: string; answer: string }[];
}

/** Every chart of a dataset with what quota, demos, parents and dedup need. */
export async function listPoolCharts(db: CitDatabase, datasetId: string): Promise<PoolChart[]> {
  return db.transaction('r', [db.charts, db.images, db.qa, db.chartRows], async () => {
    const charts = await db.charts.where('datasetId').equals(datasetId).toArray();
    const visible = new Set(
      (await db.chartRows.where('datasetId').equals(datasetId).primaryKeys()).map(String),
    );
    const questions = new Map<string, { question: string; answer: string }[]>();
    await db.qa
      .where('datasetId')
      .equals(datasetId)
      .each((stored) => {
        const qa = toQaRecord(stored);
        if (qa.rejection) return;
        const list = questions.get(qa.chartId) ?? [];
        list.push({ question: qa.question, answer: formatAnswer(qa.answer) });
        questions.set(qa.chartId, list);
      });
    // One read for every image (their perceptual hashes), not one per chart.
    const images = await db.images.bulkGet(charts.map((chart) => chart.imageId));
    return charts.map((chart, index): PoolChart => {
      const image = images[index];
      return {
        id: chart.id,
        minor: chart.minor,
        level: chart.level,
        topics: chart.topics,
        code: chart.code,
        phash: image?.phash ?? null,
        origin: chart.provenance.cit?.origin ?? 'template',
        parentChartId: chart.provenance.parentChartId,
        kept: visible.has(chart.id) && !chart.rejection && chart.review !== 'rejected',
        rejected: Boolean(chart.rejection) || chart.review === 'rejected',
        qa: questions.get(chart.id) ?? [],
      };
    });
  });
}

/** Imported seed scripts (the corpus is built in). */
export async function listSeedScripts(db: CitDatabase): Promise<SeedRecord[]> {
  return db.seeds.orderBy('createdAt').toArray();
}

/** LLM spending recorded for a run (resumed runs continue the cost meter from here). */
export async function sumRunLlmUsage(
  db: CitDatabase,
  runId: string,
): Promise<{ usd: number; promptTokens: number; completionTokens: number; calls: number }> {
  const total = { usd: 0, promptTokens: 0, completionTokens: 0, calls: 0 };
  await db.llmCalls
    .where('runId')
    .equals(runId)
    .each((record) => {
      total.calls += 1;
      if (typeof record.costUsd === 'number') total.usd += record.costUsd;
      const usage = record.usage as { promptTokens?: number; completionTokens?: number } | null;
      total.promptTokens += usage?.promptTokens ?? 0;
      total.completionTokens += usage?.completionTokens ?? 0;
    });
  return total;
}

export async function getImageRecord(
  db: CitDatabase,
  imageId: string,
): Promise<ImageRecord | undefined> {
  return db.images.get(imageId);
}
