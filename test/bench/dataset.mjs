// Datasets benchmark, in Chromium: a dataset the size of the paper's (3,249 charts with real
// PNGs, 19,963 Q&A) stored, browsed, filtered, exported (heap sampled, and at a quarter of the
// size) and imported back; then the template recipe end to end vs render-only on the same pool.
// Prints a table, then one JSON line. Figures only: nothing here asserts on time.
//   npm run bench:dataset [-- --charts 3249 --qa 19963 --template 100]
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildIfStale, E2E_DIST } from '../e2e/build-if-stale.mjs';
import {
  CHROMIUM_ARGS,
  loadCorpus,
  median,
  ROOT,
  startNativeRenderer,
} from '../e2e/corpus-harness.mjs';

const argValue = (name, fallback) =>
  process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback;
const CHARTS = argValue('--charts', 3249);
const QA = argValue('--qa', 19963);
const TEMPLATE_COUNT = argValue('--template', 100);
const POOL_SIZE = argValue('--pool', Math.min(2, os.availableParallelism()));
const QUARTER = Math.round(CHARTS / 4);
const round = (value, digits = 0) =>
  value === null || value === undefined ? null : Number(value.toFixed(digits));
const seconds = (ms) => round(ms / 1000, 2);
const log = (message) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

// The bench page imports more of the app than the e2e build's staleness sources list: rebuild
// when any of those is newer than the build.
const BENCH_SOURCES = [
  'src/core',
  'src/db',
  'src/pipeline',
  'src/python',
  'src/state',
  'test/bench/page',
];
const APP_SOURCES = ['src', 'index.html', 'workers', 'scripts', 'vite.config.ts'];
const newestMtime = (entry) => {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
};
const newestOf = (entries) =>
  Math.max(
    ...entries
      .map((entry) => path.join(ROOT, entry))
      .filter(existsSync)
      .map(newestMtime),
  );

function prepareE2eBuild() {
  const marker = path.join(E2E_DIST, 'sandbox/sandbox-worker.js');
  const page = path.join(E2E_DIST, 'test/bench/page/dataset-bench.html');
  const stale =
    !existsSync(page) || !existsSync(marker) || statSync(marker).mtimeMs < newestOf(BENCH_SOURCES);
  if (stale) rmSync(marker, { force: true });
  buildIfStale();
}

/** The production app, built into a private folder when dist/ is missing or older than src/. */
function prepareAppBuild() {
  const dist = path.join(ROOT, 'dist');
  const index = path.join(dist, 'index.html');
  const outDir = path.join(ROOT, 'test-results/bench-app-dist');
  const sourcesAt = newestOf(APP_SOURCES);
  for (const dir of [dist, outDir]) {
    const built = path.join(dir, 'index.html');
    if (existsSync(built) && statSync(built).mtimeMs > sourcesAt)
      return { dir, note: `${path.relative(ROOT, dir)}/ (current)` };
  }
  try {
    execFileSync(process.execPath, ['scripts/build-sandbox-worker.mjs'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
    execFileSync(
      process.execPath,
      [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
    return { dir: outDir, note: 'fresh build (dist/ was missing or older than src/)' };
  } catch (error) {
    return existsSync(index)
      ? { dir: dist, note: `stale dist/ (the app did not build: ${error.message.split('\n')[0]})` }
      : { dir: null, note: 'the app did not build' };
  }
}

/** Realistic PNGs: the corpus rendered natively at dpi 100. */
async function renderCorpusPngs() {
  const native = await startNativeRenderer();
  const renders = [];
  try {
    for (const { code } of loadCorpus()) {
      const result = await native.call({ op: 'render', code, options: { dpi: 100, seed: 0 } });
      if (result.ok && result.png)
        renders.push({
          b64: result.png,
          facts: result.facts,
          width: result.width,
          height: result.height,
        });
    }
  } finally {
    native.close();
  }
  return renders;
}

// One origin for the e2e bundle and the app build, so they share IndexedDB.
const MIME = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.zip': 'application/zip',
  '.whl': 'application/zip',
};

/** `mounts`: URL prefix (ending in '/') → folder; the longest matching prefix wins. */
export async function startMountedServer(mounts) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    const prefix = prefixes.find((candidate) => pathname.startsWith(candidate));
    if (!prefix) return void res.writeHead(404).end();
    const root = path.resolve(mounts[prefix]);
    let file = path.join(root, pathname.slice(prefix.length));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cache-Control': 'public, max-age=3600',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Navigation to the first chart image visible in the Browse grid, in ms since navigation start. */
async function measureBrowseFirstPaint(context, origin) {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}#browse`);
    // Either a card's image has loaded, or the app says the page is not there yet.
    const handle = await page.waitForFunction(
      () => {
        const img = [...document.querySelectorAll('[data-testid="chart-card"] img')].find(
          (candidate) => candidate.complete && candidate.naturalWidth > 0,
        );
        if (img) return { ms: performance.now() };
        const pending = document.querySelector('main .pending');
        return pending ? { ms: null, note: pending.textContent.trim() } : null;
      },
      null,
      { polling: 'raf', timeout: 60_000 },
    );
    const { ms, note } = await handle.jsonValue();
    if (ms === null) return { ms, cards: 0, note: `the app's Browse page says: ${note}` };
    const cards = await page.locator('[data-testid="chart-card"]').count();
    const count = await page
      .locator('[data-testid="browse-count"]')
      .textContent({ timeout: 5_000 })
      .catch(() => null);
    return { ms, cards, note: count?.trim().replace(/\s+/g, ' ') ?? null };
  } catch (error) {
    return { ms: null, cards: 0, note: `no chart image appeared: ${error.message.split('\n')[0]}` };
  } finally {
    await page.close();
  }
}

log(
  `${CHARTS} charts / ${QA} Q&A (quarter: ${QUARTER}), template ${TEMPLATE_COUNT}, pool ${POOL_SIZE}`,
);
const renders = await renderCorpusPngs();
log(`corpus rendered natively: ${renders.length} PNGs`);
prepareE2eBuild();
const app = prepareAppBuild();
log(`app: ${app.note}`);

const server = await startMountedServer({ '/e2e/': E2E_DIST, '/': app.dir ?? E2E_DIST });
const profile = mkdtempSync(path.join(os.tmpdir(), 'cit-dataset-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  serviceWorkers: 'block',
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
const figures = {};
try {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
  await page.goto(`${server.url}e2e/test/bench/page/dataset-bench.html`);
  await page.waitForFunction(() => Boolean(window.__citDatasetBench));
  const bench = (name, ...args) =>
    page.evaluate(([name, args]) => window.__citDatasetBench[name](...args), [name, args]);

  const prepared = await bench('prepare', renders);
  log(
    `images decoded: ${prepared.images}, mean PNG ${Math.round(prepared.meanPngBytes / 1024)} KiB`,
  );

  const full = await bench('store', { name: 'Paper-sized', charts: CHARTS, qa: QA, seed: 1 });
  log(
    `stored full: ${full.charts} charts, ${full.qa} Q&A in ${seconds(full.storeMs)} s (records built in ${seconds(full.buildMs)} s)`,
  );
  const quarter = await bench('store', {
    name: 'Quarter',
    charts: QUARTER,
    qa: Math.round(QA / 4),
    seed: 2,
  });
  log(
    `stored quarter: ${quarter.charts} charts, ${quarter.qa} Q&A in ${seconds(quarter.storeMs)} s`,
  );

  const filters = await bench('filter', full.datasetId);
  const changeMs = filters.changes.map((change) => change.ms);
  log(`browse first read ${round(filters.firstMs)} ms (${filters.firstTotal} charts)`);
  for (const change of filters.changes)
    log(`  filter ${change.label.padEnd(30)} ${round(change.ms, 1)} ms → ${change.total}`);

  let browse = { ms: null, cards: 0, note: 'the app was not available' };
  if (app.dir) {
    await page.evaluate((id) => window.__citDatasetBench.selectForApp(id), full.datasetId);
    browse = await measureBrowseFirstPaint(context, server.url);
  }
  log(
    `browse first paint: ${browse.ms === null ? `n/a (${browse.note})` : `${round(browse.ms)} ms, ${browse.cards} cards, count: ${browse.note}`}`,
  );

  // Each export in a freshly loaded page, so both start from the same clean heap.
  const exportInFreshPage = async (datasetId) => {
    await page.reload();
    await page.waitForFunction(() => Boolean(window.__citDatasetBench));
    return bench('exportCounting', datasetId);
  };
  const exportQuarter = await exportInFreshPage(quarter.datasetId);
  const exportFull = await exportInFreshPage(full.datasetId);
  for (const [label, run] of [
    ['quarter', exportQuarter],
    ['full', exportFull],
  ])
    log(
      `export ${label}: ${seconds(run.result.ms)} s, ${round(run.result.bytes / 1e6, 1)} MB; heap baseline ${round(run.baselineMb, 1)} MB, peak ${round(run.peakMb, 1)} MB (+${round(run.deltaMb, 1)}), after GC +${round(run.retainedMb, 1)} MB`,
    );

  const trip = await bench('roundTrip', full.datasetId);
  if (!trip.ok) throw new Error(`import refused: ${JSON.stringify(trip.problem)}`);
  const countsMatch = trip.before.charts === trip.after.charts && trip.before.qa === trip.after.qa;
  log(
    `round trip: archive ${round(trip.archiveBytes / 1e6, 1)} MB built in ${seconds(trip.exportMs)} s; delete ${seconds(trip.deleteMs)} s; import ${seconds(trip.importMs)} s (read ${seconds(trip.readMs)} s); counts ${countsMatch ? 'match' : `DIFFER ${JSON.stringify(trip)}`}`,
  );

  const boot = await bench('bootPool', POOL_SIZE);
  log(`pool: ${boot.distribution}, ${POOL_SIZE} workers warm in ${seconds(boot.bootMs)} s`);
  // The app runs two items per worker (src/state/generate.svelte.ts), so a worker is not idle
  // while its item's results are committed and the next item is planned.
  const template = await bench('runTemplate', {
    count: TEMPLATE_COUNT,
    seed: 1,
    concurrency: 2 * POOL_SIZE,
  });
  Object.assign(template, await bench('renderOnly', { count: TEMPLATE_COUNT, seed: 1 }));
  // Diagnostic: one item per worker.
  const templateDouble = await bench('runTemplate', {
    count: TEMPLATE_COUNT,
    seed: 1,
    concurrency: POOL_SIZE,
  });
  await bench('dispose');
  const perMin = (count, ms) => (count / ms) * 60_000;
  const templateRate = perMin(template.done, template.runMs);
  const renderRate = perMin(template.renderOk, template.renderMs);
  const doubleRate = perMin(templateDouble.done, templateDouble.runMs);
  log(
    `template run: ${template.done} done, ${template.failed} failed, ${template.mismatches} mismatches, ${template.unverifiable} unverifiable in ${seconds(template.runMs)} s → ${round(templateRate, 1)} charts/min`,
  );
  log(
    `render only: ${template.renderOk}/${TEMPLATE_COUNT} in ${seconds(template.renderMs)} s → ${round(renderRate, 1)} charts/min`,
  );
  log(
    `template run, ${POOL_SIZE} items in flight (one per worker): ${templateDouble.done} done in ${seconds(templateDouble.runMs)} s → ${round(doubleRate, 1)} charts/min (${round(doubleRate / renderRate, 2)} of render-only)`,
  );

  Object.assign(figures, {
    charts: full.charts,
    qa: full.qa,
    mean_png_kib: round(prepared.meanPngBytes / 1024, 1),
    store_s: seconds(full.storeMs),
    store_quarter_s: seconds(quarter.storeMs),
    browse_first_read_ms: round(filters.firstMs, 1),
    browse_first_paint_ms: round(browse.ms),
    filter_ms: round(median(changeMs), 1),
    filter_max_ms: round(Math.max(...changeMs), 1),
    export_s: seconds(exportFull.result.ms),
    export_mb: round(exportFull.result.bytes / 1e6, 1),
    export_quarter_s: seconds(exportQuarter.result.ms),
    export_heap_mb_full: round(exportFull.deltaMb, 1),
    export_heap_mb_quarter: round(exportQuarter.deltaMb, 1),
    export_heap_peak_mb_full: round(exportFull.peakMb, 1),
    export_heap_peak_mb_quarter: round(exportQuarter.peakMb, 1),
    export_heap_retained_mb_full: round(exportFull.retainedMb, 1),
    import_s: seconds(trip.importMs),
    import_counts_match: countsMatch,
    template_charts: template.done,
    template_charts_per_min: round(templateRate, 1),
    render_only_charts_per_min: round(renderRate, 1),
    template_to_render_ratio: round(templateRate / renderRate, 2),
    template_charts_per_min_one_per_worker: round(doubleRate, 1),
  });
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}

const rows = [
  ['store (full)', `${figures.store_s} s`, '-'],
  ['browse first read', `${figures.browse_first_read_ms} ms`, '-'],
  [
    'browse first paint',
    figures.browse_first_paint_ms === null ? 'n/a' : `${figures.browse_first_paint_ms} ms`,
    '-',
  ],
  [
    'filter change (median / max)',
    `${figures.filter_ms} / ${figures.filter_max_ms} ms`,
    '≤ 150 ms',
  ],
  ['export (all formats)', `${figures.export_s} s (${figures.export_mb} MB)`, '≤ 30 s'],
  [
    'export heap full / quarter',
    `${figures.export_heap_mb_full} / ${figures.export_heap_mb_quarter} MB`,
    '≤ 1.3×',
  ],
  ['import', `${figures.import_s} s`, '-'],
  ['template end to end', `${figures.template_charts_per_min} charts/min`, '-'],
  ['render only (same pool)', `${figures.render_only_charts_per_min} charts/min`, '-'],
  ['end-to-end / render-only', `${figures.template_to_render_ratio}`, '≥ 0.85'],
  [
    `  same, ${POOL_SIZE} items in flight (one per worker)`,
    `${round(figures.template_charts_per_min_one_per_worker / figures.render_only_charts_per_min, 2)}`,
    'diagnostic',
  ],
];
console.log('');
for (const [label, value, target] of rows)
  console.log(`${label.padEnd(30)}${value.padStart(28)}   ${target}`);
console.log(JSON.stringify(figures));
