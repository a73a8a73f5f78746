// The job runner with a fake renderer over a real Dexie database (fake-indexeddb).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { TemplateChart } from '../../../src/core/template/index.ts';
import {
  CitDatabase,
  StorageFullError,
  countCharts,
  createDataset,
  getRun,
  listRunItems,
} from '../../../src/db/index.ts';
import type { RunRecord } from '../../../src/core/dataset/records.ts';
import { JobRunner, createDbRunStore, type RunStore } from '../../../src/pipeline/index.ts';
import { FakeRenderer, SETTINGS, planRun, waitUntil } from './fakes.ts';

async function setup() {
  const db = new CitDatabase(`runner-${crypto.randomUUID()}`);
  await db.open();
  const dataset = await createDataset(db, { name: 'Runner test' });
  const plans = planRun(SETTINGS);
  return { db, dataset, plans, store: createDbRunStore(db) };
}

const start = (runner: JobRunner, datasetId: string, settings = SETTINGS) =>
  runner.start({ datasetId, recipeId: 'recipe', settings });

/**
 * Every item is done or failed as expected, each done item has exactly one chart, the chart is
 * the one the item's seed plans, and its Q&A are exactly the plan's questions, all verified.
 */
async function expectConsistentRun(
  db: CitDatabase,
  run: RunRecord,
  plans: readonly TemplateChart[],
  failed: readonly number[] = [],
): Promise<void> {
  const items = await listRunItems(db, run.id);
  expect(items.map((item) => item.index)).toEqual(plans.map((_, i) => i));
  const done = items.filter((item) => item.stage === 'done');
  expect(items.filter((item) => item.stage === 'failed').map((item) => item.index)).toEqual(failed);
  expect(done).toHaveLength(plans.length - failed.length);
  expect(await db.charts.count()).toBe(done.length);
  expect(await countCharts(db, run.datasetId)).toBe(done.length);
  const expectedQa = done.reduce(
    (sum, item) => sum + (plans[item.index]?.questions.length ?? 0),
    0,
  );
  expect(await db.qa.count()).toBe(expectedQa);
  for (const item of done) {
    const plan = plans[item.index]!;
    const chart = await db.charts.get(item.chartId ?? '');
    expect(chart?.code).toBe(plan.code);
    expect(chart?.provenance).toMatchObject({ itemId: item.id, runId: run.id, seed: item.seed });
    expect(chart?.title).toBe(plan.spec.title);
    const qa = await db.qa.where('chartId').equals(chart!.id).toArray();
    expect(qa.map((q) => q.question)).toEqual(plan.questions.map((q) => q.question));
    expect(qa.every((q) => q.datasetId === run.datasetId)).toBe(true);
    expect(qa.map((q) => q.verification?.status)).toEqual(qa.map(() => 'verified'));
  }
}

describe('job runner', () => {
  it('runs 20 items to the end with exact counts', async () => {
    const { db, dataset, plans, store } = await setup();
    const renderer = new FakeRenderer(plans);
    const runner = new JobRunner({ renderer, store, concurrency: 3 });
    const snapshots: string[] = [];
    runner.subscribe((snapshot) => snapshots.push(snapshot.status));
    const run = await start(runner, dataset.id);
    await runner.whenIdle();
    expect(runner.snapshot).toMatchObject({
      status: 'completed',
      planned: 20,
      stages: { planned: 0, rendered: 0, verified: 0, done: 20, failed: 0 },
      mismatches: 0,
    });
    expect(runner.snapshot.ratePerMinute).toBeGreaterThan(0);
    expect(snapshots).toContain('running');
    expect((await getRun(db, run.id))?.status).toBe('completed');
    expect((await getRun(db, run.id))?.runtime?.matplotlib).toBe('3.6.3');
    expect(renderer.renderCalls).toBe(20);
    await expectConsistentRun(db, run, plans);
  });

  it('pauses after the stages in flight and resumes to the same end', async () => {
    const { db, dataset, plans, store } = await setup();
    const renderer = new FakeRenderer(plans);
    const runner = new JobRunner({ renderer, store, concurrency: 2 });
    let paused: Promise<void> | null = null;
    renderer.onRender = (count) => {
      if (count === 6) paused = runner.pause();
    };
    const run = await start(runner, dataset.id);
    await waitUntil(() => paused !== null);
    await paused;
    expect(runner.snapshot.status).toBe('paused');
    expect((await getRun(db, run.id))?.status).toBe('paused');
    const calls = renderer.renderCalls;
    const items = await listRunItems(db, run.id);
    expect(items.filter((item) => item.stage === 'planned').length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(renderer.renderCalls).toBe(calls); // nothing runs while paused
    await runner.resume();
    await runner.whenIdle();
    expect(runner.snapshot.status).toBe('completed');
    await expectConsistentRun(db, run, plans);
  });

  it('cancels: the run is stored cancelled and is not resumed later', async () => {
    const { db, dataset, plans, store } = await setup();
    const renderer = new FakeRenderer(plans);
    const runner = new JobRunner({ renderer, store });
    let cancelled: Promise<void> | null = null;
    renderer.onRender = (count) => {
      if (count === 4) cancelled = runner.cancel();
    };
    const run = await start(runner, dataset.id);
    await waitUntil(() => cancelled !== null);
    await cancelled;
    expect((await getRun(db, run.id))?.status).toBe('cancelled');
    expect(runner.snapshot.status).toBe('cancelled');
    const done = (await listRunItems(db, run.id)).filter((item) => item.stage === 'done');
    expect(done.length).toBeLessThan(20);
    expect(await new JobRunner({ renderer, store }).resumeUnfinished()).toBeNull();
  });

  it('survives a crash mid-run: a new runner over the same db finishes without loss or doubles', async () => {
    const { db, dataset, plans, store } = await setup();
    const dying = new FakeRenderer(plans);
    // The tab "closes" while an item waits for its answer programs (rendered, not verified).
    dying.onAnswer = (count) => {
      if (count === 9) dying.hung = true;
    };
    const first = new JobRunner({ renderer: dying, store, concurrency: 2 });
    const run = await start(first, dataset.id);
    await waitUntil(() => dying.hung);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const stages = (await listRunItems(db, run.id)).map((item) => item.stage);
    expect(stages).toContain('rendered');
    expect(stages).toContain('planned');
    expect((await getRun(db, run.id))?.status).toBe('running');

    const fresh = new FakeRenderer(plans);
    const second = new JobRunner({ renderer: fresh, store, concurrency: 2 });
    const resumed = await second.resumeUnfinished();
    expect(resumed?.id).toBe(run.id);
    await second.whenIdle();
    expect(second.snapshot.status).toBe('completed');
    expect(second.snapshot.stages.done).toBe(20);
    // Planned items render once; rendered ones render again only to get a fresh namespace.
    const renderedBefore = stages.filter((stage) => stage === 'rendered').length;
    const plannedBefore = stages.filter((stage) => stage === 'planned').length;
    expect(fresh.renderCalls).toBe(plannedBefore + renderedBefore);
    await expectConsistentRun(db, run, plans);
  });

  it('fails an item whose script does not render, retries transient failures, and goes on', async () => {
    const { db, dataset, plans, store } = await setup();
    const renderer = new FakeRenderer(plans);
    renderer.failures.set(plans[3]!.code, { kind: 'runtime', times: Infinity });
    renderer.failures.set(plans[5]!.code, { kind: 'timeout', times: 1 });
    renderer.failures.set(plans[7]!.code, { kind: 'crashed', times: 5 });
    const runner = new JobRunner({ renderer, store, maxAttempts: 3 });
    const run = await start(runner, dataset.id);
    await runner.whenIdle();
    expect(runner.snapshot.status).toBe('completed');
    expect(runner.snapshot.stages).toMatchObject({ done: 18, failed: 2 });
    await expectConsistentRun(db, run, plans, [3, 7]);
    const items = await listRunItems(db, run.id);
    expect(items[3]?.attempts).toEqual([
      expect.objectContaining({
        stage: 'rendered',
        ok: false,
        error: { kind: 'runtime', message: 'fake runtime' },
      }),
    ]);
    expect(items[5]?.attempts.map((a) => [a.stage, a.ok])).toEqual([
      ['rendered', false],
      ['rendered', true],
      ['verified', true],
      ['done', true],
    ]);
    expect(items[7]?.attempts.map((a) => a.error?.kind ?? 'ok')).toEqual([
      'crashed',
      'crashed',
      'crashed',
    ]);
    expect(runner.snapshot.log.some((line) => line.message.includes('Item 3 failed'))).toBe(true);
  });

  it('re-renders when the worker that held a render is gone before verification', async () => {
    const { db, dataset, plans, store } = await setup();
    const renderer = new FakeRenderer(plans);
    renderer.onAnswer = (count) => {
      if (count === 1) renderer.forgetRenders();
    };
    const runner = new JobRunner({ renderer, store });
    const run = await start(runner, dataset.id);
    await runner.whenIdle();
    expect(renderer.renderCalls).toBe(21);
    await expectConsistentRun(db, run, plans);
  });

  it('counts a template answer that does not verify and keeps it flagged mismatch', async () => {
    const { db, dataset, plans, store } = await setup();
    const renderer = new FakeRenderer(plans);
    const target = plans[2]!.questions[0]!;
    renderer.lieAbout = target.program;
    const runner = new JobRunner({ renderer, store });
    await start(runner, dataset.id);
    await runner.whenIdle();
    const lies = plans
      .flatMap((plan) => plan.questions)
      .filter((q) => q.program === target.program);
    expect(runner.snapshot.mismatches).toBe(lies.length);
    expect(runner.snapshot.reason).toMatch(/did not verify/);
    expect(await countCharts(db, dataset.id, { verification: 'any-mismatch' })).toBeGreaterThan(0);
    const stored = await db.qa.filter((qa) => qa.question === target.question).first();
    expect(stored?.verification?.status).toBe('mismatch');
  });

  it('pauses with a clear reason when the disk is full, writes nothing half, and resumes', async () => {
    const { db, dataset, plans, store } = await setup();
    let full = false;
    let commits = 0;
    const flaky: RunStore = {
      ...store,
      commitRenderedItem: async (input) => {
        commits += 1;
        if (commits === 4) full = true;
        if (full) throw new StorageFullError(new DOMException('full', 'QuotaExceededError'));
        return store.commitRenderedItem(input);
      },
    };
    const runner = new JobRunner({ renderer: new FakeRenderer(plans), store: flaky });
    const run = await start(runner, dataset.id);
    await runner.whenIdle();
    expect(runner.snapshot.status).toBe('paused');
    expect(runner.snapshot.reason).toMatch(/no storage left/);
    const stored = await getRun(db, run.id);
    expect(stored).toMatchObject({
      status: 'paused',
      statusReason: expect.stringMatching(/storage/),
    });
    const items = await listRunItems(db, run.id);
    expect(items.filter((item) => item.chartId !== null)).toHaveLength(3);
    expect(await db.charts.count()).toBe(3);
    expect(await db.images.count()).toBe(3);
    full = false;
    // After a reload the paused run comes back paused, with its reason, until resumed.
    const later = new JobRunner({ renderer: new FakeRenderer(plans), store: flaky });
    expect((await later.resumeUnfinished())?.id).toBe(run.id);
    expect(later.snapshot).toMatchObject({
      status: 'paused',
      reason: expect.stringMatching(/storage/),
    });
    expect(later.snapshot.stages).toMatchObject({ planned: 17, done: 3 });
    await later.resume();
    await later.whenIdle();
    expect(later.snapshot.status).toBe('completed');
    await expectConsistentRun(db, run, plans);
  });
});
