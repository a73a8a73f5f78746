#!/usr/bin/env node
// The same cross-check as cross_check.mjs, but on the offline Pyodide 0.17 bundle (Python 3.8,
// matplotlib 3.3.3, numpy 1.17) in Debian's Chromium, to prove the scripts and answer programs
// also run on the oldest matplotlib the app supports. Nothing leaves 127.0.0.1.
// Usage: node test/template/cross_check_pyodide.mjs [charts=64] [first-seed=1]
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { generateCharts, loadRecipe, reportResults } from './load-recipe.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(here, '../../node_modules/@pyodide/pyodide/dist');
const count = Number(process.argv[2] ?? 64);
const firstSeed = Number(process.argv[3] ?? 1);
const TYPES = {
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.html': 'text/html',
};
const PAGE =
  '<!doctype html><meta charset="utf-8"><script src="/pyodide/pyodide.js"></script><body>cross-check</body>';

if (!existsSync(join(dist, 'pyodide.js'))) {
  console.log(`skipped: the offline Pyodide 0.17 bundle is not installed at ${dist}`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'template-cross-check-pyodide-'));
const foreign = [];
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  if (path === '/') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
  const file = join(dist, path.replace(/^\/pyodide\//, ''));
  if (
    !path.startsWith('/pyodide/') ||
    !file.startsWith(dist) ||
    !existsSync(file) ||
    statSync(file).isDirectory()
  ) {
    return void res.writeHead(404).end();
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const context = await chromium.launchPersistentContext(join(work, 'profile'), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});

try {
  const recipe = await loadRecipe(work);
  const charts = generateCharts(recipe, count, firstSeed);
  const page = await context.newPage();
  page.on('request', (request) => {
    if (!request.url().startsWith(origin)) foreign.push(request.url());
  });
  await page.goto(`${origin}/`);
  const started = Date.now();
  const payload = {
    source: readFileSync(join(here, 'cross_check.py'), 'utf8'),
    charts: JSON.stringify(
      charts.map(({ id, chart }) => ({
        id,
        code: chart.code,
        programs: chart.questions.map((q) => q.program),
      })),
    ),
  };
  const { results, versions, bootMs } = await page.evaluate(
    async ({ source, charts: chartsJson }) => {
      const t0 = performance.now();
      const pyodide = await globalThis.loadPyodide({ indexURL: '/pyodide/' });
      await pyodide.loadPackage(['numpy', 'matplotlib']);
      const boot = performance.now() - t0;
      globalThis.crossCheckSource = source;
      globalThis.crossCheckCharts = chartsJson;
      const out = pyodide.runPython(
        [
          'import js, json, sys, matplotlib, numpy',
          'namespace = {"__name__": "cross_check"}',
          'exec(js.crossCheckSource, namespace)',
          'json.dumps({"versions": "python %s, matplotlib %s, numpy %s" % (sys.version.split()[0], matplotlib.__version__, numpy.__version__),',
          '            "results": [namespace["run_chart"](chart) for chart in json.loads(js.crossCheckCharts)]})',
        ].join('\n'),
      );
      return { ...JSON.parse(out), bootMs: boot };
    },
    payload,
  );
  console.log(
    `${versions} (Pyodide 0.17 in Chromium): boot ${(bootMs / 1000).toFixed(1)} s, ${charts.length} charts in ${((Date.now() - started - bootMs) / 1000).toFixed(1)} s`,
  );
  const ok = reportResults(recipe, charts, results, 'pyodide-0.17');
  if (foreign.length > 0) console.log(`requests outside 127.0.0.1: ${foreign.join(', ')}`);
  process.exitCode = ok && foreign.length === 0 ? 0 : 1;
} finally {
  await context.close();
  server.close();
  rmSync(work, { recursive: true, force: true });
}
