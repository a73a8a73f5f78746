// Hook of the CIT pipeline benchmark (built only with CIT_E2E=1, never part of the production UI):
// runs a CIT recipe end to end through the app's job runner on the real sandboxed render pool,
// with the instant template-backed demo LLM, and reads back what the run produced and spent.
// test/bench/pipeline.mjs drives it. The pool hook has the sandbox test page's shape
// (window.__citSandbox.createPool, window.__pool), so corpus-harness.mjs boots and renders with it.
import { readTask } from '../../../src/core/cit/prompts/task.ts';
import { defaultCitRecipe } from '../../../src/core/cit/recipe.ts';
import { loadBytecode, saveBytecode } from '../../../src/db/bytecode-cache.ts';
import { createDataset, LlmCallWriter, openDatabase, saveRecipe } from '../../../src/db/index.ts';
import { createDemoProvider, DEMO_MODEL } from '../../../src/llm/demo/index.ts';
import { withTraffic } from '../../../src/llm/traffic/traffic-provider.ts';
import { UsageMeter } from '../../../src/llm/usage/meter.ts';
import { DEFAULT_PRICES } from '../../../src/llm/usage/prices.ts';
import {
  createCitLlm,
  createDbCitStore,
  createDbRunStore,
  JobRunner,
  runtimeFactsOf,
} from '../../../src/pipeline/index.ts';
import { RenderPool } from '../../../src/python/index.ts';
import { makeThumbnail } from '../../../src/state/thumbnail.ts';
import { readRun } from './pipeline-run-readout.js';

const appBase = new URL('../../../', location.href).href;
// The demo model has no price of its own: its tokens are priced as gpt-4o, the paper's model.
const PRICES = {
  ...DEFAULT_PRICES,
  [DEMO_MODEL]: { ...DEFAULT_PRICES['gpt-4o'], source: 'benchmark: demo tokens at gpt-4o prices' },
};
const BUSY_SAMPLE_MS = 20;

let db = null;
const database = async () => (db ??= await openDatabase());
const since = (started) => performance.now() - started;

/** The pool as the runner sees it, with every render and answer program counted and timed. */
function measuredRenderer(pool) {
  const work = {
    renders: 0,
    renderFailures: 0,
    /** Time inside Python (exec + savefig), as the worker reports it. */
    renderPythonMs: 0,
    /** From the call to its result: queue wait, transfer and facts included. */
    renderWallMs: 0,
    answers: 0,
    answerFailures: 0,
    answerWallMs: 0,
  };
  return {
    work,
    async render(code, options, signal) {
      const started = performance.now();
      const result = await pool.render(code, options, signal);
      work.renders += 1;
      work.renderWallMs += since(started);
      work.renderPythonMs += result.durationMs ?? 0;
      if (!result.ok) work.renderFailures += 1;
      return result;
    },
    async runAnswerProgram(renderId, program, signal) {
      const started = performance.now();
      const result = await pool.runAnswerProgram(renderId, program, signal);
      work.answers += 1;
      work.answerWallMs += since(started);
      if (!result.ok) work.answerFailures += 1;
      return result;
    },
  };
}

/** The provider, with each call's tokens tallied by task and Q&A kind (read from its task line). */
function tallied(provider, tally) {
  return {
    describe: () => provider.describe(),
    load: (onProgress, signal) => provider.load(onProgress, signal),
    unload: () => provider.unload(),
    async chat(request, options) {
      const result = await provider.chat(request, options);
      const info = readTask(request.messages);
      const key = info ? [info.task, info.kind].filter(Boolean).join(':') : 'no-task';
      const entry = (tally[key] ??= { calls: 0, promptTokens: 0, completionTokens: 0 });
      entry.calls += 1;
      entry.promptTokens += result.usage.promptTokens;
      entry.completionTokens += result.usage.completionTokens;
      return result;
    },
  };
}

/** Mean busy workers and queued jobs of the pool while `work` runs. */
async function sampleBusy(pool, work) {
  const samples = { count: 0, busy: 0, queued: 0 };
  const timer = setInterval(() => {
    const status = pool.status();
    samples.count += 1;
    samples.busy += status.busy;
    samples.queued += status.queued;
  }, BUSY_SAMPLE_MS);
  try {
    const result = await work();
    const count = Math.max(1, samples.count);
    return {
      result,
      busyMean: samples.busy / count,
      queuedMean: samples.queued / count,
      size: pool.status().size,
    };
  } finally {
    clearInterval(timer);
  }
}

window.__citSandbox = {
  appBase,
  /** A pool configured as the app's (offline runtime preferred, persistent bytecode cache). */
  createPool(options = {}) {
    const pool = new RenderPool({
      baseUrl: appBase,
      preferOffline: true,
      bytecodeStore: { load: loadBytecode, save: saveBytecode },
      ...options,
    });
    return { pool, progress: [] };
  },
};

window.__citPipelineBench = {
  /** One CIT run into a new dataset, on window.__pool, with a fresh demo LLM (same replies). */
  async runCit({ count, dpi, seed, concurrency }) {
    const pool = window.__pool;
    if (!pool) throw new Error('boot the pool first (corpus-harness bootPool)');
    const store = await database();
    const settings = {
      ...defaultCitRecipe(),
      count,
      seed,
      dpi,
      evolShare: 0.5,
      questionsPerKind: { recognition: 4, reasoning: 4 },
    };
    const dataset = await createDataset(store, { name: `CIT bench ${count} × ${concurrency}` });
    const recipe = await saveRecipe(store, { name: 'CIT bench', settings });
    const tally = {};
    // One traffic queue shared by every role, as the app does for one provider and model.
    const llm = withTraffic(tallied(createDemoProvider(), tally));
    const renderer = measuredRenderer(pool);
    const meter = new UsageMeter(PRICES, null);
    // Call records are written in batches, as the app does (src/state/cit-dependencies.ts).
    const writer = new LlmCallWriter(store);
    const runner = new JobRunner({
      renderer,
      store: createDbRunStore(store),
      concurrency: 2 * pool.status().size,
      citConcurrency: concurrency,
      makeThumbnail,
      cit: async (run) => ({
        store: createDbCitStore(store),
        llm: createCitLlm({
          runId: run.id,
          providers: { 'code-writer': llm, 'qa-writer': llm, 'chart-rater': llm, 'qa-rater': llm },
          roles: settings.roles,
          meter,
          record: async (record) => writer.add({ ...record, createdAt: record.startedAt }),
        }),
        runtimeFacts: async () => runtimeFactsOf(await pool.runtimeInfo()),
        flush: () => writer.flush(),
      }),
    });
    const started = performance.now();
    const sampled = await sampleBusy(pool, async () => {
      const run = await runner.start({ datasetId: dataset.id, recipeId: recipe.id, settings });
      await runner.whenIdle();
      return run;
    });
    const runMs = since(started);
    const snapshot = runner.snapshot;
    return {
      runId: sampled.result.id,
      datasetId: dataset.id,
      runMs,
      status: snapshot.status,
      reason: snapshot.reason,
      meterUsd: snapshot.cost?.usd ?? null,
      work: renderer.work,
      busyMean: sampled.busyMean,
      queuedMean: sampled.queuedMean,
      poolSize: sampled.size,
      tally,
      ...(await readRun(store, sampled.result.id, dataset.id)),
    };
  },

  /**
   * What one answer program costs the pool with nothing else queued: `charts` kept charts are
   * rendered, then each of their answer programs runs alone, and a trivial program (`answer = 1`)
   * gives the round trip without Python work.
   */
  async programCost({ datasetId, dpi, charts }) {
    const pool = window.__pool;
    const store = await database();
    const byChart = new Map();
    await store.qa
      .where('datasetId')
      .equals(datasetId)
      .each((record) => {
        if (!record.rejection)
          byChart.set(record.chartId, [...(byChart.get(record.chartId) ?? []), record.program]);
      });
    const programMs = [];
    const emptyMs = [];
    for (const [chartId, programs] of [...byChart].slice(0, charts)) {
      const chart = await store.charts.get(chartId);
      const rendered = await pool.render(chart.code, { dpi, seed: chart.provenance.seed });
      if (!rendered.ok) continue;
      for (const program of [...programs, null]) {
        const started = performance.now();
        await pool.runAnswerProgram(rendered.renderId, program ?? 'answer = 1');
        (program === null ? emptyMs : programMs).push(since(started));
      }
    }
    const mean = (values) =>
      values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
    return { programs: programMs.length, programMs: mean(programMs), emptyMs: mean(emptyMs) };
  },

  /** The final script of every chart the run stored (kept and rejected), for render-only. */
  async chartScripts(datasetId) {
    const store = await database();
    const charts = await store.charts.where('datasetId').equals(datasetId).toArray();
    return charts.map((chart) => ({ id: chart.id, code: chart.code }));
  },
};
