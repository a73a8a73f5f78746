// CIT pipeline benchmark (issue 5), in Chromium: a CIT run end to end through the app's job runner
// on the real sandboxed render pool with the instant template-backed demo LLM, then the scripts it
// produced rendered alone on the same pool; charts/min and Q&A/min against render-only, tokens per
// kept chart and Q&A, and per-call averages beside the paper's (METHOD.md §2). Prints a table,
// then one JSON line. Figures only: nothing here asserts on time.
// The machine is shared: each measure is repeated (--repeat) and the median repetition reported.
//   npm run bench:pipeline [-- --charts 40 --dpi 100 --pool N (default: the app's, cores − 1) --concurrency 8 --seed 1 --warmup 16
//                              --repeat 3]
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfStale, E2E_DIST } from '../e2e/build-if-stale.mjs';
import { bootPool, renderInPage, ROOT } from '../e2e/corpus-harness.mjs';
import { launchChromium } from '../e2e/e2e-kit.mjs';
import { startStaticServer } from '../e2e/servers.mjs';
import {
  figuresOf,
  fixed,
  log,
  PAPER,
  perMinute,
  printPoolTime,
  printRun,
  printTokens,
} from './pipeline-report.mjs';

const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const CHARTS = option('--charts', 40);
const DPI = option('--dpi', 100);
// The app's own pool size (src/python/pool-results.ts defaultPoolSize): one core stays with the
// page, which runs the pipeline's stages; `--pool N` measures other sizes.
const POOL = option('--pool', Math.max(1, Math.min(os.availableParallelism() - 1, 4)));
const CONCURRENCY = option('--concurrency', 8);
const DIAGNOSTIC_CONCURRENCY = 4;
const SEED = option('--seed', 1);
// A first run in a fresh page renders ~2× slower (the runtime's code paths are still cold).
const WARMUP = option('--warmup', 16);
const REPEAT = Math.max(1, option('--repeat', 3));
const PAGE = 'test/bench/page/pipeline-bench.html';

/** Newest modification time under `dirs` (files vanishing meanwhile are skipped). */
function newestUnder(dirs) {
  let newest = 0;
  for (const dir of dirs.map((entry) => path.join(ROOT, entry)))
    for (const name of readdirSync(dir, { recursive: true })) {
      const file = path.join(dir, name);
      if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
    }
  return newest;
}

/** The e2e bundle; build-if-stale.mjs does not watch src/pipeline, src/llm or src/state, we do. */
function prepareBuild() {
  const marker = path.join(E2E_DIST, 'sandbox/sandbox-worker.js');
  const built = existsSync(marker) && existsSync(path.join(E2E_DIST, PAGE));
  if (!built || statSync(marker).mtimeMs < newestUnder(['src', 'test/bench/page']))
    rmSync(marker, { force: true });
  if (buildIfStale()) log('e2e bundle rebuilt');
}

/** One repetition: the run, its scripts rendered alone, then the diagnostic run. */
async function measureOnce(bench, page, mainThreadMs) {
  const runCit = async (concurrency) => {
    const before = await mainThreadMs();
    const run = await bench('runCit', { count: CHARTS, dpi: DPI, seed: SEED, concurrency });
    return { ...run, mainThreadMs: (await mainThreadMs()) - before };
  };
  const run = await runCit(CONCURRENCY);
  const scripts = await bench('chartScripts', run.datasetId);
  const before = await mainThreadMs();
  const rendered = await renderInPage(page, scripts, { dpi: DPI, withFacts: false });
  const ok = rendered.results.filter((result) => result.ok);
  const renderOnly = {
    scripts: scripts.length,
    ok: ok.length,
    ms: rendered.wallMs,
    pythonMs: ok.reduce((sum, result) => sum + result.durationMs, 0) / Math.max(1, ok.length),
    rate: perMinute(ok.length, rendered.wallMs),
    mainThreadMs: (await mainThreadMs()) - before,
  };
  const diagnostic =
    CONCURRENCY === DIAGNOSTIC_CONCURRENCY ? null : await runCit(DIAGNOSTIC_CONCURRENCY);
  const figures = figuresOf(run, CHARTS);
  const ratio = figures.chartsPerMin / renderOnly.rate;
  const diagnosticRatio = diagnostic
    ? figuresOf(diagnostic, CHARTS).chartsPerMin / renderOnly.rate
    : null;
  log(
    `repetition: ${fixed(figures.chartsPerMin)} charts/min end to end, ${fixed(renderOnly.rate)} render-only → ${fixed(ratio, 2)} (${DIAGNOSTIC_CONCURRENCY} in flight: ${fixed(diagnosticRatio, 2)})`,
  );
  return { run, renderOnly, diagnostic, figures, ratio, diagnosticRatio };
}

log(
  `CIT run: ${CHARTS} charts, dpi ${DPI} (the paper renders at 200: heavier), seed ${SEED}, pool ${POOL}, ${CONCURRENCY} items in flight, demo LLM (instant), default gates, 4 + 4 questions, ${REPEAT} repetitions`,
);
prepareBuild();
const server = await startStaticServer(E2E_DIST);
const browser = await launchChromium('cit-pipeline-bench-', { serviceWorkers: 'block' });
const repetitions = [];
let cost;
try {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
  await page.goto(`${server.url}${PAGE}`);
  await page.waitForFunction(() => Boolean(window.__citPipelineBench));
  const bench = (name, input) =>
    page.evaluate(([name, input]) => window.__citPipelineBench[name](input), [name, input]);
  // Busy time of the page's main thread (tasks), from the DevTools protocol.
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const mainThreadMs = async () =>
    1000 *
    ((await cdp.send('Performance.getMetrics')).metrics.find(
      (metric) => metric.name === 'TaskDuration',
    )?.value ?? NaN);

  const boot = await bootPool(page, { size: POOL });
  log(
    `pool: ${boot.info.distribution}, Python ${boot.info.python}, matplotlib ${boot.info.matplotlib}; ${POOL} workers warm in ${fixed(boot.readyMs / 1000, 1)} s`,
  );
  if (WARMUP > 0) {
    const warm = await bench('runCit', {
      count: WARMUP,
      dpi: DPI,
      seed: SEED + 1,
      concurrency: CONCURRENCY,
    });
    log(
      `warm-up run (not counted): ${WARMUP} items in ${fixed(warm.runMs / 1000, 1)} s, ${fixed(warm.work.renderPythonMs / Math.max(1, warm.work.renders), 0)} ms in Python per render`,
    );
  }
  for (let at = 0; at < REPEAT; at += 1)
    repetitions.push(await measureOnce(bench, page, mainThreadMs));
  repetitions.sort((a, b) => a.ratio - b.ratio);
  cost = await bench('programCost', {
    datasetId: repetitions[Math.floor(REPEAT / 2)].run.datasetId,
    dpi: DPI,
    charts: 8,
  });
} finally {
  await browser.close();
  await server.close();
}

// The median repetition (by ratio) is the one reported in full.
const {
  run: main,
  renderOnly,
  diagnostic,
  figures,
  ratio,
  diagnosticRatio,
} = repetitions[Math.floor(REPEAT / 2)];
console.log('');
printRun(`${CONCURRENCY} items in flight (median repetition)`, main, figures);
log(
  `render only: ${renderOnly.ok}/${renderOnly.scripts} of the run's chart scripts in ${fixed(renderOnly.ms / 1000, 1)} s (${fixed(renderOnly.pythonMs, 0)} ms in Python each) → ${fixed(renderOnly.rate)} charts/min`,
);
if (diagnostic)
  printRun(
    `${DIAGNOSTIC_CONCURRENCY} items in flight (diagnostic)`,
    diagnostic,
    figuresOf(diagnostic, CHARTS),
  );
printPoolTime(main, renderOnly, cost);
printTokens(main, figures);

const ratios = repetitions.map((repetition) => fixed(repetition.ratio, 2));
const summary = [
  [
    'end to end',
    `${fixed(figures.chartsPerMin)} charts/min, ${fixed(figures.qaPerMin)} Q&A/min`,
    '-',
  ],
  ['render only (same pool)', `${fixed(renderOnly.rate)} charts/min`, '-'],
  ['end-to-end / render-only', `${fixed(ratio, 2)} (all: ${ratios.join(', ')})`, '≥ 0.8'],
  [
    '  counting rejected charts too',
    `${fixed(figures.renderedPerMin / renderOnly.rate, 2)}`,
    'diagnostic',
  ],
  [`  same, ${DIAGNOSTIC_CONCURRENCY} in flight`, `${fixed(diagnosticRatio, 2)}`, 'diagnostic'],
  [
    'prompt tokens / kept chart',
    `${fixed(figures.promptPerChart, 0)}`,
    'paper per pair: S-I 3,500, Evol 2,000',
  ],
  [
    'prompt tokens / kept Q&A',
    `${fixed(figures.promptPerQa, 0)}`,
    'paper ≈1,400 recog. / 1,750 reas.',
  ],
  [
    '$ / kept chart (gpt-4o prices)',
    `${fixed(figures.usdPerChart, 4)}`,
    `paper ${PAPER.usdPerChart}`,
  ],
  ['$ / kept Q&A (gpt-4o prices)', `${fixed(figures.usdPerQa, 4)}`, `paper ${PAPER.usdPerQa}`],
];
console.log('');
for (const [label, value, target] of summary)
  console.log(`${label.padEnd(32)}${value.padStart(34)}   ${target}`);

console.log(
  JSON.stringify({
    charts: CHARTS,
    dpi: DPI,
    pool: POOL,
    cit_concurrency: CONCURRENCY,
    repetitions: REPEAT,
    run_s: fixed(main.runMs / 1000, 1),
    done: main.stages.done ?? 0,
    rejected: main.stages.rejected ?? 0,
    failed: main.stages.failed ?? 0,
    qa_kept: main.qa.kept,
    verified: main.qa.verification.verified ?? 0,
    mismatch: main.qa.verification.mismatch ?? 0,
    unverifiable: main.qa.verification.unverifiable ?? 0,
    questions_dropped_near_duplicate: main.qa.questionsDropped,
    charts_per_min: fixed(figures.chartsPerMin),
    qa_per_min: fixed(figures.qaPerMin),
    render_only_charts_per_min: fixed(renderOnly.rate),
    ratio: fixed(ratio, 2),
    ratios,
    ratio_rendered: fixed(figures.renderedPerMin / renderOnly.rate, 2),
    ratio_concurrency_4: fixed(diagnosticRatio, 2),
    pool_busy_fraction: fixed(main.busyMean / main.poolSize, 2),
    main_thread_busy_fraction: fixed(main.mainThreadMs / main.runMs, 2),
    main_thread_busy_fraction_render_only: fixed(renderOnly.mainThreadMs / renderOnly.ms, 2),
    render_python_ms_run: fixed(main.work.renderPythonMs / Math.max(1, main.work.renders), 0),
    render_python_ms_render_only: fixed(renderOnly.pythonMs, 0),
    renders: main.work.renders,
    answer_programs: main.work.answers,
    answer_program_ms_alone: fixed(cost.programMs, 0),
    answer_round_trip_ms_empty: fixed(cost.emptyMs, 0),
    prompt_tokens_per_chart: fixed(figures.promptPerChart, 0),
    completion_tokens_per_chart: fixed(figures.completionPerChart, 0),
    prompt_tokens_per_qa: fixed(figures.promptPerQa, 0),
    completion_tokens_per_qa: fixed(figures.completionPerQa, 0),
    usd_per_chart_gpt4o: fixed(figures.usdPerChart, 4),
    usd_per_qa_gpt4o: fixed(figures.usdPerQa, 4),
  }),
);
