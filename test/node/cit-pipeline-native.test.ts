// The CIT pipeline end to end with REAL rendering (Debian's CPython + matplotlib) and the
// template-backed demo LLM told to misbehave: broken scripts, wrong answers, duplicate scripts
// and near-duplicate questions. Every misbehaviour must be caught by the stage meant to catch it.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCitRecipe, type CitRecipeSettings } from '../../src/core/cit/recipe.ts';
import { CitDatabase, createDataset, listRunItems } from '../../src/db/index.ts';
import { toQaRecord } from '../../src/db/database.ts';
import { createDemoProvider } from '../../src/llm/demo/index.ts';
import { UsageMeter } from '../../src/llm/usage/meter.ts';
import {
  createCitLlm,
  createDbCitStore,
  createDbRunStore,
  JobRunner,
} from '../../src/pipeline/index.ts';
import { hasMatplotlib, startNativeRenderer } from './native-renderer.ts';

const RECIPE: CitRecipeSettings = {
  ...defaultCitRecipe(),
  count: 12,
  seed: 7,
  dpi: 60,
  evolShare: 0.4,
  questionsPerKind: { recognition: 2, reasoning: 2 },
  // Template charts are not laid out for every finding kind; the gates are tested elsewhere.
  gates: { ...defaultCitRecipe().gates, 'overlapping-text': null, 'text-off-canvas': null },
};

describe.skipIf(!hasMatplotlib)('CIT pipeline with real rendering', () => {
  let renderer: ReturnType<typeof startNativeRenderer>;
  beforeAll(() => {
    renderer = startNativeRenderer();
  });
  afterAll(() => renderer.close());

  it('repairs, evolves, catches wrong answers and drops duplicates', async () => {
    const db = new CitDatabase(`cit-native-${crypto.randomUUID()}`);
    await db.open();
    const dataset = await createDataset(db, { name: 'CIT native' });
    const llm = createDemoProvider({
      seed: 3,
      brokenCodeEvery: 4,
      wrongAnswerEvery: 9,
      duplicateEvery: 5,
      duplicateQuestionEvery: 3,
    });
    const runner = new JobRunner({
      renderer,
      store: createDbRunStore(db),
      citConcurrency: 2,
      cit: async (run) => ({
        store: createDbCitStore(db),
        llm: createCitLlm({
          runId: run.id,
          providers: { 'code-writer': llm, 'qa-writer': llm, 'chart-rater': llm, 'qa-rater': llm },
          roles: RECIPE.roles,
          meter: new UsageMeter({}),
        }),
        runtimeFacts: async () => {
          const info = await renderer.runtimeInfo();
          return { ...info, notes: '' };
        },
      }),
    });
    const run = await runner.start({ datasetId: dataset.id, recipeId: 'r', settings: RECIPE });
    await runner.whenIdle();
    const items = await listRunItems(db, run.id);
    const stages = items.map((item) => item.stage);
    const charts = await db.charts.toArray();
    const qa = (await db.qa.toArray()).map(toQaRecord);

    // Every item ended; most were kept.
    expect(stages.every((stage) => ['done', 'rejected', 'failed'].includes(stage))).toBe(true);
    expect(stages.filter((stage) => stage === 'done').length).toBeGreaterThanOrEqual(8);
    // A broken script was repaired: a failed first try, then a rendered one.
    const repaired = charts.filter((c) => (c.provenance.cit?.tries.length ?? 0) > 1);
    expect(repaired.length).toBeGreaterThan(0);
    expect(repaired[0]!.provenance.cit!.tries[0]!.error?.message).toMatch(/Error/);
    // An evolved chart is linked to its kept parent, and differs from it.
    const evolved = charts.filter((c) => c.provenance.cit?.origin === 'evol' && !c.rejection);
    expect(evolved.length).toBeGreaterThan(0);
    for (const chart of evolved) {
      const parent = charts.find((c) => c.id === chart.provenance.parentChartId);
      expect(parent?.minor).toBe(chart.minor);
      expect(parent?.code).not.toBe(chart.code);
    }
    // A duplicate script was dropped by dedup, kept hidden with its reason.
    const duplicates = charts.filter((c) => c.rejection?.stage === 'dedup');
    expect(duplicates.length).toBeGreaterThan(0);
    // Wrong answers were caught by their programs and regenerated; near-duplicate questions dropped.
    expect(qa.length).toBeGreaterThan(20);
    const regenerated = qa.filter((q) => (q.calls?.length ?? 0) === 2);
    expect(regenerated.length).toBeGreaterThan(0);
    const verified = qa.filter((q) => q.verification?.status === 'verified').length;
    expect(verified / qa.length).toBeGreaterThan(0.9);
    const droppedQuestions = items.flatMap((item) =>
      (item.cit?.questions ?? []).filter((q) => q.dropped?.includes('near-duplicate')),
    );
    expect(droppedQuestions.length).toBeGreaterThan(0);
  }, 240_000);
});
