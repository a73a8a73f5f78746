// computeDatasetStats on fake-indexeddb: a small dataset seeded so that every counter of the
// Statistics page has something to count (kept and rejected charts, every verification result,
// repairs rescued and broken, calls with and without a cost, a second dataset that must not leak).
// Set STATS_BENCH=1 to print the time over 5,000 charts and 40,000 Q&A.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ItemCall, RenderTry } from '../../../src/core/cit/item-state.ts';
import type {
  ChartRecord,
  ItemRecord,
  ItemStage,
  QaRecord,
  RunRecord,
} from '../../../src/core/dataset/records.ts';
import { defaultCitRecipe } from '../../../src/core/cit/recipe.ts';
import type { MinorChartType } from '../../../src/core/chart-types.ts';
import {
  buildBrowseRow,
  computeDatasetStats,
  type CitDatabase,
  type LlmCallRecord,
} from '../../../src/db/index.ts';
import { toStoredQa } from '../../../src/db/database.ts';
import { makeChart, makeQa, openFreshDatabase } from './fixtures.ts';

const D = 'd1';
const AT = '2026-01-01T00:00:00.000Z';

function call(
  callId: string,
  task: string,
  promptTokens: number,
  completionTokens: number,
  costUsd: number | null,
): ItemCall {
  return {
    task,
    callId,
    promptHash: `h-${callId}`,
    model: 'm',
    promptTokens,
    completionTokens,
    costUsd,
  };
}

const ok = (round: number): RenderTry => ({ round, code: 'x', error: null });
const bad = (round: number, kind: string): RenderTry => ({
  round,
  code: 'x',
  error: { kind, message: `${kind} error`, line: 3 },
});

function citChart(
  id: string,
  patch: Partial<ChartRecord>,
  cit: { itemId: string | null; tries: RenderTry[]; calls: ItemCall[]; origin?: 'evol' },
): ChartRecord {
  const base = makeChart(id, D, patch);
  return {
    ...base,
    provenance: {
      ...base.provenance,
      recipe: 'cit',
      runId: 'run-c',
      itemId: cit.itemId,
      cit: {
        origin: cit.origin ?? 'self-instruct',
        direction: cit.origin ? 'more-data' : null,
        demoIds: [],
        conversation: [],
        tries: cit.tries,
        calls: cit.calls,
        ratings: null,
        recipeHash: 'r',
      },
    },
  };
}

function item(
  runId: string,
  index: number,
  stage: ItemStage,
  patch: Partial<ItemRecord> & {
    tries?: RenderTry[];
    calls?: ItemCall[];
    questions?: { dropped: string | null; answerCalls: number }[];
    rejection?: { stage: string; reasons: string[] };
  } = {},
  isCit = true,
): ItemRecord {
  const { tries = [], calls = [], questions = [], rejection = null, ...rest } = patch;
  return {
    id: `${runId}:${index}`,
    runId,
    datasetId: D,
    index,
    seed: index,
    stage,
    attempts: [],
    chartId: null,
    updatedAt: AT,
    cit: isCit
      ? {
          origin: 'self-instruct',
          minor: 'bar-plain',
          topics: [],
          renderSeed: 1,
          demoIds: [],
          parentChartId: null,
          direction: null,
          conversation: [],
          code: null,
          tries,
          calls,
          questions: questions.map((q) => ({
            kind: 'reasoning',
            question: 'q',
            answer: null,
            dropped: q.dropped,
            answerCalls: q.answerCalls,
          })),
          rejection,
        }
      : null,
    ...rest,
  };
}

function run(id: string, datasetId: string, kind: 'template' | 'cit'): RunRecord {
  const settings =
    kind === 'cit'
      ? defaultCitRecipe()
      : {
          kind: 'template' as const,
          count: 2,
          seed: 1,
          chartTypes: {},
          topics: [],
          questionsPerKind: { recognition: 1, reasoning: 1 },
          dpi: 100,
        };
  return {
    id,
    datasetId,
    recipeId: 'r',
    settings,
    status: 'completed',
    statusReason: null,
    createdAt: AT,
    updatedAt: AT,
    planned: 2,
    runtime: null,
  };
}

function failedAttempt(stage: ItemStage, kind: string) {
  return { stage, at: AT, ok: false, error: { kind, message: kind }, durationMs: 1 };
}

function llmCall(id: string, runId: string | null, fields: Record<string, unknown>): LlmCallRecord {
  return { id, runId, itemId: null, createdAt: AT, ...fields };
}

async function seed(db: CitDatabase): Promise<void> {
  const c1 = citChart(
    'c1',
    {
      minor: 'bar-stacked',
      major: 'bar',
      level: 'easy',
      review: 'accepted',
      topics: ['business-finance', 'healthcare'],
      complexity: { series: 3, points: 12, subplots: 1, texts: 5, overlays: 0, annotations: 2 },
    },
    {
      itemId: 'run-c:0',
      tries: [bad(0, 'runtime'), ok(1)],
      calls: [
        call('k1', 'self-instruct.plan', 3000, 800, 0.01),
        call('k2', 'self-instruct.write', 4000, 1200, 0.02),
        call('k3', 'repair', 600, 400, null),
      ],
    },
  );
  const c2 = citChart(
    'c2',
    {
      minor: 'bar-stacked',
      major: 'bar',
      level: 'hard',
      topics: ['business-finance'],
      complexity: { series: 5, points: 40, subplots: 2, texts: 9 },
    },
    {
      itemId: 'run-c:1',
      origin: 'evol',
      tries: [ok(0)],
      calls: [
        call('k4', 'evol.plan', 2000, 900, 0.015),
        call('k5', 'evol.write', 2100, 1100, 0.02),
      ],
    },
  );
  const c3 = makeChart('c3', D, {
    topics: ['healthcare'],
    complexity: { series: 1, points: 8, subplots: 1, texts: 4, overlays: 1, annotations: 0 },
  });
  const c4 = citChart(
    'c4',
    {
      rejection: {
        stage: 'gate',
        reasons: ['overlapping-text: 3 findings (max 0)', 'text off canvas: 1 finding'],
        at: AT,
      },
    },
    { itemId: 'run-c:2', tries: [ok(0)], calls: [call('k6', 'rate.chart', 1000, 50, 0.001)] },
  );
  // An imported chart: its item is gone, so its own tries tell the repair story.
  const c5 = citChart(
    'c5',
    {
      rejection: {
        stage: 'dedup',
        reasons: ['near-duplicate code of chart 8f3a9c2e1b (Jaccard 0.93)'],
        at: AT,
      },
    },
    { itemId: 'gone:0', tries: [bad(0, 'syntax'), bad(1, 'runtime'), ok(2)], calls: [] },
  );
  const c6 = makeChart('c6', D, { review: 'rejected' });
  const c7 = makeChart('c7', D, { minor: 'bar-plain', major: 'bar' }); // still in progress
  const c8 = makeChart('c8', D, {
    minor: 'heatmap',
    major: 'specific',
    level: 'hard',
    topics: ['economy'],
    complexity: { series: 2, points: 100, subplots: 1, texts: 30 },
  });
  const charts = [c1, c2, c3, c4, c5, c6, c7, c8];

  const qa: QaRecord[] = [
    makeQa('q1', c1, {
      programSteps: 2,
      calls: [
        call('k7', 'qa.questions', 5000, 1000, 0.02),
        call('k8', 'qa.answer', 1500, 300, 0.005),
      ],
    }),
    makeQa('q2', c1, {
      kind: 'reasoning',
      programSteps: 5,
      verification: { status: 'mismatch', reason: 'differs', computed: 41, at: AT },
      rejection: {
        stage: 'mismatch',
        reasons: ['answer mismatch: computed 41, written 42'],
        at: AT,
      },
      calls: [call('k9', 'qa.answer', 1600, 400, 0.006)],
    }),
    makeQa('q3', c1, {
      kind: 'reasoning',
      programSteps: 4,
      verification: { status: 'unverifiable', reason: 'no value', computed: null, at: AT },
      calls: [
        call('k10', 'qa.questions', 6000, 1500, 0.03),
        call('k11', 'qa.answer', 2000, 500, null),
      ],
    }),
    makeQa('q4', c1, { review: 'rejected' }),
    makeQa('q5', c2, { programSteps: 1 }),
    makeQa('q6', c2, {
      kind: 'reasoning',
      programSteps: 7,
      verification: { status: 'mismatch', reason: 'kept flagged', computed: 3, at: AT },
    }),
    makeQa('q7', c2, { kind: 'reasoning', programSteps: 3, verification: null }),
    makeQa('q8', c2, {
      rejection: { stage: 'vote', reasons: ['2 of 3 raters voted no'], at: AT },
      calls: [call('k12', 'rate.qa', 800, 20, 0.001)],
    }),
    makeQa('q9', c3, { programSteps: 1 }),
    makeQa('q10', c6, { kind: 'reasoning' }),
    makeQa('q11', c7),
  ];

  const items: ItemRecord[] = [
    item('run-c', 0, 'done', {
      chartId: 'c1',
      tries: [bad(0, 'runtime'), ok(1)],
      // k1–k3 are on the chart too, k7 on its Q&A: each must count once.
      calls: [
        call('k1', 'self-instruct.plan', 3000, 800, 0.01),
        call('k2', 'self-instruct.write', 4000, 1200, 0.02),
        call('k3', 'repair', 600, 400, null),
        call('k7', 'qa.questions', 5000, 1000, 0.02),
      ],
      questions: [
        { dropped: 'duplicate question (ROUGE-L 0.82 with question 2)', answerCalls: 0 },
        { dropped: null, answerCalls: 2 },
        { dropped: null, answerCalls: 1 },
      ],
    }),
    item('run-c', 1, 'done', {
      chartId: 'c2',
      tries: [ok(0)],
      calls: [call('k17', 'qa.questions', 600, 100, 0.002)],
    }),
    item('run-c', 2, 'rejected', {
      chartId: 'c4',
      tries: [ok(0)],
      rejection: { stage: 'gate', reasons: ['overlapping-text: 3'] },
    }),
    item('run-c', 3, 'failed', {
      tries: [bad(0, 'syntax'), bad(1, 'runtime'), bad(2, 'runtime')],
      attempts: [failedAttempt('drafted', 'runtime')],
      calls: [
        call('k13', 'self-instruct.plan', 3000, 700, 0.01),
        call('k14', 'self-instruct.write', 3500, 1000, 0.02),
        call('k15', 'repair', 500, 500, 0.004),
        call('k16', 'repair', 500, 500, 0.004),
      ],
    }),
    item('run-c', 4, 'drafted', { tries: [bad(0, 'timeout')] }),
    item('run-c', 5, 'failed', { attempts: [failedAttempt('drafted', 'rate-limit')] }),
    item('run-c', 6, 'rejected', {
      rejection: { stage: 'static', reasons: ['forbidden: import os is not allowed'] },
    }),
    item('run-t', 0, 'done', { chartId: 'c3' }, false),
    item('run-t', 1, 'failed', { attempts: [failedAttempt('rendered', 'timeout')] }, false),
  ];

  const other = makeChart('x1', 'd2', { minor: 'rose', major: 'specific' });
  await db.transaction(
    'rw',
    [db.charts, db.chartRows, db.qa, db.items, db.runs, db.llmCalls],
    async () => {
      await db.runs.bulkAdd([
        run('run-c', D, 'cit'),
        run('run-t', D, 'template'),
        run('run-x', 'd2', 'cit'),
      ]);
      await db.charts.bulkAdd([...charts, other]);
      const finished = [...charts.filter((chart) => chart.id !== 'c7'), other];
      await db.chartRows.bulkAdd(
        finished.map((chart) =>
          buildBrowseRow(
            chart,
            qa.filter((q) => q.chartId === chart.id),
          ),
        ),
      );
      const otherQa = makeQa('xq', other, { calls: [call('kx', 'qa.answer', 9, 9, 9)] });
      await db.qa.bulkAdd([...qa, otherQa].map(toStoredQa));
      await db.items.bulkAdd([
        ...items,
        { ...item('run-x', 0, 'failed', { tries: [bad(0, 'memory')] }), datasetId: 'd2' },
      ]);
      await db.llmCalls.bulkAdd([
        llmCall('r1', 'run-c', {
          costUsd: 0.01,
          usage: { promptTokens: 3000, completionTokens: 800 },
        }),
        llmCall('r2', 'run-c', {
          costUsd: null,
          usage: { promptTokens: 100, completionTokens: 0 },
          error: { kind: 'rate-limit', message: 'slow down' },
        }),
        llmCall('r3', 'run-c', { costUsd: 0.02, usage: null }),
        llmCall('r4', 'run-x', { costUsd: 5, usage: { promptTokens: 1, completionTokens: 1 } }),
        llmCall('r5', null, { costUsd: 7, usage: { promptTokens: 1, completionTokens: 1 } }),
      ]);
    },
  );
}

describe('computeDatasetStats', () => {
  it('counts kept, rejected and in-progress charts and kept Q&A', async () => {
    const db = await openFreshDatabase();
    await seed(db);
    const stats = await computeDatasetStats(db, D);
    expect(stats.charts).toEqual({
      total: 8,
      kept: 4,
      keptByLevel: { easy: 2, hard: 2 },
      rejectedByPipeline: 2,
      rejectedInReview: 1,
      inProgress: 1,
      accepted: 1,
    });
    expect(stats.keptQa).toEqual({ recognition: 3, reasoning: 3 });
    expect(stats.runs).toEqual({ total: 2, template: 1, cit: 1 });
    expect(stats.items.total).toBe(9);
    expect(stats.items.byStage).toMatchObject({ done: 3, rejected: 2, failed: 3, drafted: 1 });
  });

  it('reports coverage by type, topic and level, and the imbalance of the types present', async () => {
    const db = await openFreshDatabase();
    await seed(db);
    const { coverage } = await computeDatasetStats(db, D);
    expect(coverage.byType['bar-stacked']).toEqual({ easy: 1, hard: 1 });
    expect(coverage.byType['line-plain']).toEqual({ easy: 1, hard: 0 });
    expect(coverage.byType.heatmap).toEqual({ easy: 0, hard: 1 });
    expect(coverage.byType['bar-plain']).toEqual({ easy: 0, hard: 0 }); // c7 is not finished
    expect(coverage.byType.rose).toEqual({ easy: 0, hard: 0 }); // the other dataset's
    expect(coverage.byTopic).toEqual({
      'business-finance': { easy: 1, hard: 1 },
      healthcare: { easy: 2, hard: 0 },
      economy: { easy: 0, hard: 1 },
    });
    expect(coverage.typeTopic['bar-stacked']).toEqual({ 'business-finance': 2, healthcare: 1 });
    expect(coverage.unknownTopics).toEqual(['economy']);
    expect(coverage.typesPresent).toBe(3);
    expect(coverage.imbalance).toEqual({
      ratio: 2,
      most: { minor: 'bar-stacked', count: 2 },
      least: { minor: 'line-plain', count: 1 },
    });
  });

  it('counts verification results of answered and of kept Q&A per kind', async () => {
    const db = await openFreshDatabase();
    await seed(db);
    const { verification } = await computeDatasetStats(db, D);
    expect(verification.answered.recognition).toEqual({
      total: 5,
      verified: 5,
      mismatch: 0,
      unverifiable: 0,
      unchecked: 0,
    });
    expect(verification.answered.reasoning).toEqual({
      total: 5,
      verified: 1,
      mismatch: 2,
      unverifiable: 1,
      unchecked: 1,
    });
    expect(verification.kept.recognition.verified).toBe(3);
    expect(verification.kept.reasoning).toEqual({
      total: 3,
      verified: 0,
      mismatch: 1,
      unverifiable: 1,
      unchecked: 1,
    });
    expect(verification.regeneratedAfterMismatch).toBe(1);
  });

  it('groups rejection reasons by stage', async () => {
    const db = await openFreshDatabase();
    await seed(db);
    const { rejections } = await computeDatasetStats(db, D);
    const group = (subject: string, stage: string) =>
      rejections.find((g) => g.subject === subject && g.stage === stage);
    expect(group('chart', 'gate')).toEqual({
      subject: 'chart',
      stage: 'gate',
      total: 1,
      reasons: [
        { reason: 'overlapping-text', count: 1 },
        { reason: 'text-off-canvas', count: 1 },
      ],
    });
    expect(group('chart', 'dedup')?.reasons).toEqual([{ reason: 'duplicate code', count: 1 }]);
    expect(group('chart', 'review')?.total).toBe(1);
    expect(group('chart', 'static')?.reasons).toEqual([{ reason: 'forbidden', count: 1 }]);
    expect(group('chart', 'render')?.reasons).toEqual([{ reason: 'runtime', count: 1 }]);
    expect(group('chart', 'failed')?.reasons).toEqual([
      { reason: 'rate-limit, stage drafted', count: 1 },
      { reason: 'timeout, stage rendered', count: 1 },
    ]);
    expect(group('qa', 'mismatch')?.reasons).toEqual([{ reason: 'answer mismatch', count: 1 }]);
    expect(group('qa', 'vote')?.reasons).toEqual([{ reason: '# of # raters voted no', count: 1 }]);
    expect(group('qa', 'review')?.total).toBe(1);
    expect(group('qa', 'question')?.reasons).toEqual([{ reason: 'duplicate question', count: 1 }]);
    expect(rejections).toHaveLength(10);
  });

  it('measures how often repair rescued a script and how often it stayed broken', async () => {
    const db = await openFreshDatabase();
    await seed(db);
    const { repair } = await computeDatasetStats(db, D);
    expect(repair).toEqual({
      scripts: 6,
      firstTryOk: 2,
      rescued: 2,
      stayedBroken: 1,
      pending: 1,
      rescuedByRound: [1, 1],
      errorsByKind: [
        { reason: 'runtime', count: 4 },
        { reason: 'syntax', count: 2 },
        { reason: 'timeout', count: 1 },
      ],
    });
  });

  it('sums each call once into chart-side and Q&A-side cost per kept item', async () => {
    const db = await openFreshDatabase();
    await seed(db);
    const { cost } = await computeDatasetStats(db, D);
    expect(cost.isLlmUsed).toBe(true);
    expect(cost.chartSide).toMatchObject({
      calls: 10,
      promptTokens: 20200,
      completionTokens: 7150,
      unknownCostCalls: 1,
    });
    expect(cost.chartSide.usd).toBeCloseTo(0.104, 10);
    expect(cost.qaSide).toMatchObject({
      calls: 7,
      promptTokens: 17500,
      completionTokens: 3820,
      unknownCostCalls: 1,
    });
    expect(cost.qaSide.usd).toBeCloseTo(0.064, 10);
    expect(cost.perKeptChart.usd).toBeCloseTo(0.104 / 4, 10);
    expect(cost.perKeptChart.isLowerBound).toBe(true);
    expect(cost.perKeptQa.usd).toBeCloseTo(0.064 / 6, 10);
    expect(cost.perKeptQa.promptTokens).toBeCloseTo(17500 / 6, 10);
    expect(cost.perKeptChart.usdAtGpt4o).toBeCloseTo((20200 * 2.5 + 7150 * 10) / 1e6 / 4, 10);
    const groups = Object.fromEntries(cost.groups.map((g) => [g.group, g]));
    expect(groups['self-instruct']).toMatchObject({
      calls: 4,
      units: 4,
      per: 'call',
      promptTokens: 13500,
    });
    expect(groups.evol).toMatchObject({ calls: 2, promptTokens: 4100, completionTokens: 2000 });
    expect(groups.repair).toMatchObject({ calls: 3, promptTokens: 1600, unknownCostCalls: 1 });
    expect(groups['chart-rating']).toMatchObject({ calls: 1 });
    // k7 sits on an item and on a recognition Q&A: it is attributed to recognition.
    expect(groups['qa-recognition']).toMatchObject({
      calls: 2,
      units: 1,
      per: 'chart',
      promptTokens: 6500,
    });
    expect(groups['qa-reasoning']).toMatchObject({ calls: 3, units: 1, promptTokens: 9600 });
    expect(groups['qa-unattributed']).toMatchObject({ calls: 1, units: 1, promptTokens: 600 });
    expect(groups['qa-rating']).toMatchObject({ calls: 1 });
    expect(cost.qaPerChart).toEqual({ charts: 2, promptTokens: 16700, completionTokens: 3800 });
  });

  it("totals the llmCalls rows of the dataset's runs only", async () => {
    const db = await openFreshDatabase();
    await seed(db);
    const { cost } = await computeDatasetStats(db, D);
    expect(cost.recorded).toMatchObject({
      calls: 3,
      promptTokens: 3100,
      completionTokens: 800,
      unknownCostCalls: 1,
      failedCalls: 1,
    });
    expect(cost.recorded.usd).toBeCloseTo(0.03, 10);
  });

  it('finds the same rows when other runs made most of the calls (read by key)', async () => {
    const db = await openFreshDatabase();
    await seed(db);
    await db.llmCalls.bulkAdd(
      Array.from({ length: 30 }, (_, i) =>
        llmCall(`other-${i}`, 'run-x', {
          costUsd: 1,
          usage: { promptTokens: 5, completionTokens: 5 },
        }),
      ),
    );
    const { cost } = await computeDatasetStats(db, D);
    expect(cost.recorded).toMatchObject({ calls: 3, promptTokens: 3100, unknownCostCalls: 1 });
    expect(cost.recorded.usd).toBeCloseTo(0.03, 10);
  });

  it('describes measured difficulty of kept charts and kept Q&A', async () => {
    const db = await openFreshDatabase();
    await seed(db);
    const { difficulty } = await computeDatasetStats(db, D);
    expect(difficulty.charts.series).toMatchObject({ count: 4, mean: 2.75, median: 2.5, max: 5 });
    expect(difficulty.charts.points.bins.map((b) => [b.label, b.count])).toEqual([
      ['8', 1],
      ['9', 0],
      ['10–19', 1],
      ['20–49', 1],
      ['50–99', 0],
      ['100–199', 1],
    ]);
    expect(difficulty.charts.overlays.count).toBe(2); // only charts that measured it
    expect(difficulty.meanByLevel.easy).toEqual({ charts: 2, series: 2, points: 10, subplots: 1 });
    expect(difficulty.meanByLevel.hard).toEqual({
      charts: 2,
      series: 3.5,
      points: 70,
      subplots: 1.5,
    });
    expect(difficulty.programSteps.recognition).toMatchObject({ count: 3, median: 1, max: 2 });
    expect(difficulty.programSteps.reasoning).toMatchObject({ count: 3, median: 4, max: 7 });
  });

  it('gives zeros and no LLM use for an empty dataset', async () => {
    const db = await openFreshDatabase();
    await seed(db);
    const stats = await computeDatasetStats(db, 'empty');
    expect(stats.charts.total).toBe(0);
    expect(stats.items.total).toBe(0);
    expect(stats.cost.isLlmUsed).toBe(false);
    expect(stats.cost.perKeptChart.usd).toBeNull();
    expect(stats.coverage.imbalance).toBeNull();
    expect(stats.rejections).toEqual([]);
    expect(stats.repair.scripts).toBe(0);
    expect(stats.difficulty.charts.series).toEqual({
      count: 0,
      mean: null,
      median: null,
      max: null,
      bins: [],
    });
  });

  it('reads every chart and item across batches (template dataset, no LLM)', async () => {
    const db = await openFreshDatabase();
    const types: MinorChartType[] = ['line-plain', 'pie-donut', 'treemap'];
    const charts = Array.from({ length: 620 }, (_, i) =>
      makeChart(`t${String(i).padStart(4, '0')}`, D, {
        minor: types[i % 3]!,
        level: i % 4 === 0 ? 'hard' : 'easy',
      }),
    );
    const qa = charts.map((chart, i) =>
      makeQa(`${chart.id}:q`, chart, {
        kind: i % 2 === 0 ? 'recognition' : 'reasoning',
        verification:
          i % 10 === 0 ? { status: 'mismatch', reason: '', computed: 0, at: AT } : undefined,
      }),
    );
    const items = Array.from({ length: 1100 }, (_, i) =>
      item(
        'run-t',
        i,
        i < 620 ? 'done' : 'failed',
        { attempts: [failedAttempt('rendered', 'timeout')] },
        false,
      ),
    );
    await db.runs.add(run('run-t', D, 'template'));
    await db.charts.bulkAdd(charts);
    await db.chartRows.bulkAdd(charts.map((chart) => buildBrowseRow(chart, [])));
    await db.qa.bulkAdd(qa.map(toStoredQa));
    await db.items.bulkAdd(items);
    const stats = await computeDatasetStats(db, D);
    expect(stats.charts.kept).toBe(620);
    expect(stats.coverage.byType['pie-donut']).toEqual({ easy: 155, hard: 52 });
    expect(stats.coverage.imbalance?.ratio).toBeCloseTo(207 / 206, 10);
    expect(stats.keptQa).toEqual({ recognition: 310, reasoning: 310 });
    expect(stats.verification.kept.recognition.mismatch).toBe(62);
    expect(stats.items.total).toBe(1100);
    expect(stats.rejections).toEqual([
      {
        subject: 'chart',
        stage: 'failed',
        total: 480,
        reasons: [{ reason: 'timeout, stage rendered', count: 480 }],
      },
    ]);
    expect(stats.cost.isLlmUsed).toBe(false);
    expect(stats.cost.perKeptChart.usd).toBe(0);
  });
});

describe.runIf(process.env.STATS_BENCH)('computeDatasetStats at scale', () => {
  it('prints the time over 5,000 charts and 40,000 Q&A', { timeout: 600_000 }, async () => {
    const db = await openFreshDatabase();
    const seeded = await seedScaleDataset(db, 'scale', 5000, 8);
    const runs: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const started = performance.now();
      const stats = await computeDatasetStats(db, 'scale');
      runs.push(performance.now() - started);
      expect(stats.charts.total).toBe(seeded.charts);
      expect(stats.keptQa.recognition + stats.keptQa.reasoning).toBeGreaterThan(0);
    }
    console.log(
      `computeDatasetStats over ${seeded.charts} charts / ${seeded.qa} Q&A / ${seeded.items} items (fake-indexeddb): ${runs.map((ms) => ms.toFixed(0)).join(', ')} ms`,
    );
  });
});

/** CIT-like records at scale: facts of a few KB per chart, calls on charts, items and Q&A. */
async function seedScaleDataset(
  db: CitDatabase,
  datasetId: string,
  chartCount: number,
  qaPerChart: number,
): Promise<{ charts: number; qa: number; items: number }> {
  const types: MinorChartType[] = ['line-plain', 'bar-stacked', 'pie-donut', 'heatmap', 'rose'];
  const facts = {
    axes: Array.from({ length: 40 }, (_, i) => ({ label: `text ${i}`, box: [i, i, i + 9, i + 9] })),
  };
  await db.runs.add({ ...run('run-s', datasetId, 'cit'), datasetId });
  for (let start = 0; start < chartCount; start += 500) {
    const charts: ChartRecord[] = [];
    const qa: QaRecord[] = [];
    const items: ItemRecord[] = [];
    const calls: LlmCallRecord[] = [];
    for (let i = start; i < Math.min(chartCount, start + 500); i += 1) {
      const id = `s${String(i).padStart(5, '0')}`;
      const chartCalls = [
        call(`${id}-p`, 'self-instruct.plan', 3500, 900, 0.01),
        call(`${id}-w`, 'self-instruct.write', 3600, 1000, 0.02),
      ];
      const tries = i % 7 === 0 ? [bad(0, 'runtime'), ok(1)] : [ok(0)];
      const chart = citChart(
        id,
        {
          datasetId,
          minor: types[i % types.length]!,
          level: i % 3 === 0 ? 'hard' : 'easy',
          topics: ['healthcare', 'business-finance'],
          facts,
          rejection:
            i % 20 === 0 ? { stage: 'gate', reasons: ['overlapping-text: 2'], at: AT } : null,
        },
        { itemId: `run-s:${i}`, tries, calls: chartCalls },
      );
      charts.push(chart);
      items.push({
        ...item('run-s', i, chart.rejection ? 'rejected' : 'done', {
          chartId: id,
          tries,
          calls: chartCalls,
        }),
        datasetId,
      });
      for (let q = 0; q < qaPerChart; q += 1) {
        const qaCall = call(`${id}-a${q}`, 'qa.answer', 1400, 300, 0.004);
        calls.push(
          llmCall(qaCall.callId!, 'run-s', {
            costUsd: 0.004,
            usage: { promptTokens: 1400, completionTokens: 300 },
          }),
        );
        qa.push(
          makeQa(`${id}:q${q}`, chart, {
            kind: q % 2 === 0 ? 'recognition' : 'reasoning',
            programSteps: q,
            calls: [qaCall],
          }),
        );
      }
    }
    await db.transaction(
      'rw',
      [db.charts, db.chartRows, db.qa, db.items, db.llmCalls],
      async () => {
        await db.charts.bulkAdd(charts);
        await db.chartRows.bulkAdd(charts.map((chart) => buildBrowseRow(chart, [])));
        await db.qa.bulkAdd(qa.map(toStoredQa));
        await db.items.bulkAdd(items);
        await db.llmCalls.bulkAdd(calls);
      },
    );
  }
  return { charts: chartCount, qa: chartCount * qaPerChart, items: chartCount };
}
