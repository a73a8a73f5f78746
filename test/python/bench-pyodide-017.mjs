// Benchmark and check: loads the render engine (workers/python/py) into the offline Pyodide 0.17
// bundle in Debian's headless Chromium, renders every corpus script plus a few compat probes,
// and prints timings, compat patches used, findings and failures. No assertions; exit code 1 when
// a corpus script fails. Usage: node test/python/bench-pyodide-017.mjs
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'node_modules/@pyodide/pyodide/dist');
const readPython = (dir) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.py'))
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );
const modules = readPython(join(root, 'workers/python/py'));
const corpus = readPython(join(root, 'src/core/corpus/scripts'));
const probes = {
  'probe-modern-api.py': [
    'import matplotlib.pyplot as plt',
    "fig, ax = plt.subplots(layout='constrained')",
    "ax.plot([0, 1, 2], [3, 1, 2], color=plt.colormaps['viridis'](0.2), label='a')",
    "ax.set_xticks([0, 1, 2], labels=['Jan', 'Feb', 'Mar'])",
    "ax.spines[['top', 'right']].set_visible(False)",
    'bars = ax.bar([0, 1], [1, 2])',
    "ax.bar_label(bars, fmt=lambda v: '%.1f' % v)",
    'ax.legend(ncols=2, reverse=True)',
  ].join('\n'),
  'probe-pie-hatch.py':
    "import matplotlib.pyplot as plt\nplt.pie([1, 2, 3], hatch=['//', 'xx', '..'])\n",
  'probe-networkx.py':
    'import matplotlib.pyplot as plt\nimport networkx as nx\nG = nx.karate_club_graph()\nnx.draw(G, nx.spring_layout(G, seed=42))\n',
  'probe-spline.py':
    'import numpy as np\nimport matplotlib.pyplot as plt\nfrom scipy.interpolate import make_interp_spline\n' +
    'x = np.arange(1, 6); xs = np.linspace(1, 5, 50)\nplt.plot(xs, make_interp_spline(x, x ** 2, k=3)(xs))\n',
};

const types = {
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};
const server = http.createServer((request, response) => {
  const url = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
  if (url === '/') {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><script src="/pyodide.js"></script>');
    return;
  }
  try {
    const body = readFileSync(join(dist, url.replace(/\.\.+/g, '')));
    response.writeHead(200, { 'content-type': types[extname(url)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404);
    response.end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;

const browser = await chromium.launchPersistentContext(
  mkdtempSync(join(tmpdir(), 'cit-pyodide017-')),
  {
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  },
);
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  const report = await page.evaluate(
    async ({ modules, scripts }) => {
      const started = performance.now();
      const pyodide = await loadPyodide({ indexURL: location.origin + '/' });
      await pyodide.loadPackage(['matplotlib']);
      const files = Object.entries(modules)
        .map(([name, source]) => `    (${JSON.stringify(name)}, ${JSON.stringify(source)}),`)
        .join('\n');
      pyodide.runPython(
        [
          'import os, sys, importlib',
          'd = "/home/pyodide/cit"',
          'os.makedirs(d, exist_ok=True)',
          'for n, s in [',
          files,
          ']:',
          '    open(os.path.join(d, n), "w").write(s)',
          'sys.path.insert(0, d)',
          'importlib.invalidate_caches()',
          'import cit_render',
          // Time the perceptual hash of each render (cit_render calls it through the module).
          'import cit_phash, time',
          '_phash = cit_phash.phash_hex',
          'phash_ms = []',
          'def _timed_phash(pixels):',
          '    started = time.perf_counter()',
          '    try:',
          '        return _phash(pixels)',
          '    finally:',
          '        phash_ms.append((time.perf_counter() - started) * 1000.0)',
          'cit_phash.phash_hex = _timed_phash',
        ].join('\n'),
      );
      const engine = pyodide.globals.get('cit_render');
      const config = {
        distribution: 'offline-0.17',
        pyodide: pyodide.version,
        loadable: ['scipy', 'networkx'],
      };
      const info = JSON.parse(engine.boot(JSON.stringify(config)));
      const bootMs = performance.now() - started;
      const rows = [];
      for (const [name, code] of Object.entries(scripts)) {
        const analysis = JSON.parse(engine.analyze(code));
        if (analysis.ok && analysis.packages.length > 0)
          await pyodide.loadPackage(analysis.packages);
        const options = JSON.stringify({ dpi: 100, seed: 0, timeoutMs: 20000, maxPixels: 1e7 });
        const meta = JSON.parse(engine.render(code, options).toJs()[0]);
        rows.push({
          name,
          ok: meta.ok,
          ms: meta.durationMs,
          compat: meta.ok ? meta.compat : [],
          findings: meta.ok ? meta.facts.findings.map((finding) => finding.kind) : [],
          error: meta.ok ? null : `${meta.error.kind}: ${meta.error.message}`,
        });
      }
      const phashMs = pyodide.globals.get('phash_ms').toJs();
      return { info, bootMs, rows, phashMs };
    },
    { modules, scripts: { ...corpus, ...probes } },
  );
  const { info, bootMs, rows, phashMs } = report;
  console.log(
    `runtime: Pyodide ${info.pyodide}, Python ${info.python}, numpy ${info.numpy}, matplotlib ${info.matplotlib}`,
  );
  console.log(
    `boot (loadPyodide + matplotlib + engine boot with warm-up): ${Math.round(bootMs)} ms`,
  );
  for (const row of rows) {
    const detail = row.ok
      ? `${row.ms.toFixed(0).padStart(5)} ms  ${row.compat.join(',')} ${row.findings.join(',')}`
      : `FAILED ${row.error}`;
    console.log(`${row.name.padEnd(46)} ${detail}`);
  }
  const times = rows
    .filter((row) => row.ok)
    .map((row) => row.ms)
    .sort((a, b) => a - b);
  const failed = rows.filter((row) => !row.ok);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `scripts ${rows.length}, failed ${failed.length}, with findings ${rows.filter((row) => row.findings.length).length}, render median ${median.toFixed(0)} ms`,
  );
  const hashes = [...phashMs].sort((a, b) => a - b);
  console.log(
    `perceptual hash: median ${(hashes[Math.floor(hashes.length / 2)] ?? 0).toFixed(1)} ms, max ${(hashes.at(-1) ?? 0).toFixed(1)} ms per render (not in the render times above)`,
  );
  process.exitCode = failed.some((row) => row.name in corpus) ? 1 : 0;
} finally {
  await browser.close();
  server.close();
}
