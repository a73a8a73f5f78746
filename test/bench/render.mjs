// Render benchmark: the whole corpus in Chromium (offline 0.17 bundle, sandboxed pool, 1 worker
// then N) and natively (Debian CPython + matplotlib 3.6, same dpi), in one run. Prints a table,
// then one JSON line. Figures only: nothing here asserts on time.
//   npm run bench:render [-- --workers N] [--dpi 100]
import os from 'node:os';
import {
  bootPool,
  loadCorpus,
  median,
  openSandboxPage,
  renderInPage,
  renderNatively,
  startNativeRenderer,
} from '../e2e/corpus-harness.mjs';

const argValue = (name, fallback) =>
  process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback;
const N = argValue('--workers', os.availableParallelism());
const DPI = argValue('--dpi', 100);
const corpus = loadCorpus();
const round = (value, digits = 0) => Number(value.toFixed(digits));

console.log(
  `corpus: ${corpus.length} scripts, dpi ${DPI}, N = ${N} workers, ${os.availableParallelism()} cores`,
);

// Native, one process, warm (boot includes imports and a warm-up render).
const native = await startNativeRenderer();
const nativeRun = await renderNatively(native, corpus, { dpi: DPI });
native.close();

const session = await openSandboxPage();
let bootMs, bootCachedMs, respawnMs, single, multi, machineScaling;
try {
  // Cold start to first chart: a pool created in a fresh profile, then one corpus chart.
  // A chart of plain matplotlib: scipy/networkx are loaded on demand and would time their import.
  const first =
    corpus.find((entry) => !/import (scipy|networkx)|from (scipy|networkx)/.test(entry.code)) ??
    corpus[0];
  console.log(`first chart: ${first.id}`);
  const coldStart = performance.now();
  await bootPool(session.page, { size: 1, spares: 0, timeoutMs: 30_000 });
  await renderInPage(session.page, [first], { dpi: DPI, withFacts: false });
  bootMs = performance.now() - coldStart;

  // The same with the runtime files in the HTTP cache (what a returning user sees).
  await session.page.reload();
  await session.page.waitForFunction(() => Boolean(window.__citSandbox));
  const cachedStart = performance.now();
  await bootPool(session.page, { size: 1, spares: 0, timeoutMs: 30_000 });
  await renderInPage(session.page, [first], { dpi: DPI, withFacts: false });
  bootCachedMs = performance.now() - cachedStart;

  // 1 worker, the whole corpus.
  single = await renderInPage(session.page, corpus, {
    dpi: DPI,
    withFacts: false,
    sequential: true,
  });

  // Timeout kill → next chart, with one warm spare.
  await bootPool(session.page, { size: 1, spares: 1, timeoutMs: 30_000 });
  respawnMs = await session.page.evaluate(async (code) => {
    const pool = window.__pool;
    const killed = await pool.render('while True:\n    pass\n', { timeoutMs: 1500 });
    if (killed.ok || killed.error.kind !== 'timeout')
      throw new Error('the loop was not killed as a timeout');
    const afterKill = performance.now();
    const next = await pool.render(code);
    if (!next.ok) throw new Error(`chart after respawn failed: ${next.error.message}`);
    return performance.now() - afterKill;
  }, first.code);

  // What N busy workers can gain on this machine at all: the same pure-JS loop in 1, then N plain
  // workers (the browser, the page and this script share the same cores).
  machineScaling = await session.page.evaluate(async (n) => {
    const source =
      'onmessage = () => { let x = 0; for (let i = 0; i < 3e8; i++) x = (x + i * 7) % 1000003; postMessage(x); };';
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const run = async (count) => {
      const workers = Array.from({ length: count }, () => new Worker(url));
      const started = performance.now();
      await Promise.all(
        workers.map((w) => new Promise((resolve) => ((w.onmessage = resolve), w.postMessage(0)))),
      );
      const ms = performance.now() - started;
      workers.forEach((w) => w.terminate());
      return count / ms;
    };
    await run(1);
    return (await run(n)) / (await run(1));
  }, N);

  // N workers, the whole corpus.
  await bootPool(session.page, { size: N, spares: 0, timeoutMs: 30_000 });
  multi = await renderInPage(session.page, corpus, { dpi: DPI, withFacts: false });
} finally {
  await session.close();
}

const okBrowser = single.results.filter((r) => r.ok);
const okNative = nativeRun.results.filter((r) => r.ok);
const nativeById = new Map(okNative.map((r) => [r.id, r]));
const ratios = okBrowser
  .filter((r) => nativeById.has(r.id))
  .map((r) => r.durationMs / nativeById.get(r.id).durationMs);
const throughput1 = okBrowser.length / (single.wallMs / 1000);
const throughputN = multi.results.filter((r) => r.ok).length / (multi.wallMs / 1000);
const nativeThroughput = okNative.length / (nativeRun.wallMs / 1000);

const rows = [
  ['', 'ok', 'median ms (Python)', 'p90 ms (Python)', 'median ms (wall)', 'charts/s'],
  [
    'native 3.6 (1 process)',
    `${okNative.length}/${corpus.length}`,
    median(okNative.map((r) => r.durationMs)),
    p90(okNative.map((r) => r.durationMs)),
    median(okNative.map((r) => r.wallMs)),
    nativeThroughput,
  ],
  [
    'browser 0.17, 1 worker',
    `${okBrowser.length}/${corpus.length}`,
    median(okBrowser.map((r) => r.durationMs)),
    p90(okBrowser.map((r) => r.durationMs)),
    median(okBrowser.map((r) => r.wallMs)),
    throughput1,
  ],
  [
    `browser 0.17, ${N} workers`,
    `${multi.results.filter((r) => r.ok).length}/${corpus.length}`,
    median(multi.results.filter((r) => r.ok).map((r) => r.durationMs)),
    p90(multi.results.filter((r) => r.ok).map((r) => r.durationMs)),
    NaN,
    throughputN,
  ],
];
for (const row of rows) {
  console.log(
    row
      .map((cell, i) =>
        (typeof cell === 'number'
          ? Number.isNaN(cell)
            ? '-'
            : cell.toFixed(i === 5 ? 2 : 0)
          : cell
        )
          .padStart(i === 0 ? 0 : 18)
          .padEnd(i === 0 ? 26 : 0),
      )
      .join(''),
  );
}
for (const failure of [...single.results, ...nativeRun.results].filter((r) => !r.ok)) {
  console.log(`failed: ${failure.id}: ${failure.error.kind}: ${failure.error.message}`);
}
console.log(
  `browser/native ratio per script (Python time): median ${median(ratios).toFixed(2)}, p10 ${quantile(ratios, 0.1).toFixed(2)}, p90 ${quantile(ratios, 0.9).toFixed(2)}`,
);
console.log(
  `boot to first chart: cold ${round(bootMs)} ms, files cached ${round(bootCachedMs)} ms; timeout kill → next chart (warm spare): ${round(respawnMs)} ms`,
);
console.log(
  `N-worker scaling: ${(throughputN / throughput1).toFixed(2)}× single (ideal ${N}×; target ≥ ${(0.8 * N).toFixed(1)}×)`,
);

console.log(
  JSON.stringify({
    scripts: corpus.length,
    ok_browser: okBrowser.length,
    ok_native: okNative.length,
    dpi: DPI,
    workers_n: N,
    median_ms_browser: round(median(okBrowser.map((r) => r.durationMs)), 1),
    median_ms_native: round(median(okNative.map((r) => r.durationMs)), 1),
    ratio_browser_to_native: round(median(ratios), 2),
    median_wall_ms_browser: round(median(okBrowser.map((r) => r.wallMs)), 1),
    boot_ms: round(bootCachedMs),
    boot_cold_ms: round(bootMs),
    respawn_ms: round(respawnMs),
    throughput_1: round(throughput1, 2),
    throughput_n: round(throughputN, 2),
    throughput_native: round(nativeThroughput, 2),
    scaling_n: round(throughputN / throughput1, 2),
    machine_scaling_n: round(machineScaling, 2),
  }),
);

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
function p90(values) {
  return quantile(values, 0.9);
}
