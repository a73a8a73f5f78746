// Runs and items: seeds, stage-checked commits, unfinished runs.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { AttemptRecord, TemplateRecipeSettings } from '../../../src/core/dataset/records.ts';
import { generateTemplateDataset } from '../../../src/core/template/index.ts';
import {
  StaleItemError,
  commitDoneItem,
  commitRenderedItem,
  commitVerifiedItem,
  countCharts,
  listRunItems,
  listUnfinishedRuns,
  setRunStatus,
  startRun,
} from '../../../src/db/index.ts';
import { planTemplateItem } from '../../../src/pipeline/index.ts';
import { makeChart, makeImage, makeQa, openFreshDatabase } from './fixtures.ts';

const SETTINGS: TemplateRecipeSettings = {
  kind: 'template',
  count: 5,
  seed: 99,
  chartTypes: {},
  topics: [],
  questionsPerKind: { recognition: 2, reasoning: 2 },
  dpi: 100,
};
const ok = (stage: AttemptRecord['stage']): AttemptRecord => ({
  stage,
  at: '2026-01-01T00:00:00.000Z',
  ok: true,
  error: null,
  durationMs: 1,
});

describe('runs', () => {
  it('creates every item at start, with the seeds the core dataset generator uses', async () => {
    const db = await openFreshDatabase();
    const run = await startRun(db, { datasetId: 'd', recipeId: 'r', settings: SETTINGS });
    const items = await listRunItems(db, run.id);
    expect(items.map((item) => [item.index, item.stage, item.chartId])).toEqual(
      [0, 1, 2, 3, 4].map((i) => [i, 'planned', null]),
    );
    const core = generateTemplateDataset(99, 5, { questionsPerKind: 2 });
    items.forEach((item, i) => {
      const plan = planTemplateItem(item.seed, SETTINGS);
      expect(plan.code).toBe(core[i]?.code);
      expect(plan.questions.map((q) => q.question)).toEqual(
        core[i]?.questions.map((q) => q.question),
      );
    });
  });

  it('commits each stage once: a replayed stage is refused and writes nothing', async () => {
    const db = await openFreshDatabase();
    const run = await startRun(db, { datasetId: 'd', recipeId: 'r', settings: SETTINGS });
    const item = (await listRunItems(db, run.id))[0]!;
    const chart = makeChart('c1', 'd');
    const rendered = {
      itemId: item.id,
      chart,
      image: makeImage(chart.imageId),
      qa: [makeQa('c1:q0', chart, { verification: null })],
      attempt: ok('rendered'),
    };
    await commitRenderedItem(db, rendered);
    const replay = { ...rendered, chart: makeChart('c2', 'd'), image: makeImage('img-c2') };
    await expect(commitRenderedItem(db, replay)).rejects.toBeInstanceOf(StaleItemError);
    expect(await db.charts.count()).toBe(1);
    expect(await db.images.count()).toBe(1);
    expect(await countCharts(db, 'd')).toBe(0); // not visible before done
    const verification = { status: 'verified' as const, reason: 'equal', computed: 2, at: '' };
    await commitVerifiedItem(db, {
      itemId: item.id,
      verifications: [{ qaId: 'c1:q0', verification }],
      attempt: ok('verified'),
    });
    await expect(commitDoneItem(db, { itemId: 'nope', attempt: ok('done') })).rejects.toThrow();
    await commitDoneItem(db, { itemId: item.id, attempt: ok('done') });
    expect(await countCharts(db, 'd', { verification: 'all-verified' })).toBe(1);
    const stored = (await listRunItems(db, run.id))[0];
    expect(stored?.stage).toBe('done');
    expect(stored?.chartId).toBe('c1');
    expect(stored?.attempts.map((a) => a.stage)).toEqual(['rendered', 'verified', 'done']);
  });

  it('lists running and paused runs, oldest first', async () => {
    const db = await openFreshDatabase();
    const input = { datasetId: 'd', recipeId: 'r', settings: { ...SETTINGS, count: 1 } };
    const a = await startRun(db, input, new Date('2026-01-01'));
    const b = await startRun(db, input, new Date('2026-01-02'));
    const c = await startRun(db, input, new Date('2026-01-03'));
    await setRunStatus(db, a.id, 'paused', 'full disk');
    await setRunStatus(db, c.id, 'completed');
    expect((await listUnfinishedRuns(db)).map((run) => run.id)).toEqual([a.id, b.id]);
  });
});
