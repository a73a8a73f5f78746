// Renders every corpus script on the offline Pyodide 0.17 bundle (matplotlib 3.3.3) in Debian's
// Chromium, through the sandbox's render engine (workers/python/py), and compares the figure
// facts with the manifest's expectations (test/corpus/expectations.py), like check_corpus.py does
// natively.   node test/corpus/check-corpus-pyodide.mjs [--only TEXT] [--verbose]
// Exits non-zero when a script fails. Only 127.0.0.1 is contacted.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : null;
const verbose = process.argv.includes('--verbose');
const MIME = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};
const PAGE = '<!doctype html><meta charset="utf-8"><script src="/dist/pyodide.js"></script>';

// URL prefix -> folder on disk; everything else is 404
const MOUNTS = {
  '/dist/': path.join(root, 'node_modules/@pyodide/pyodide/dist'),
  '/py/': path.join(root, 'workers/python/py'),
  '/corpus/': path.join(root, 'test/corpus'),
};

function serve(req, res) {
  const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (pathname === '/') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
  const prefix = Object.keys(MOUNTS).find((mount) => pathname.startsWith(mount));
  const file =
    prefix && path.join(MOUNTS[prefix], decodeURIComponent(pathname.slice(prefix.length)));
  if (
    !file ||
    !file.startsWith(MOUNTS[prefix]) ||
    !existsSync(file) ||
    statSync(file).isDirectory()
  ) {
    return void res.writeHead(404).end();
  }
  res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

const exported = spawnSync('node', [path.join(root, 'test/corpus/export-manifest.mjs')], {
  cwd: root,
});
if (exported.status !== 0) throw new Error(`export-manifest failed: ${exported.stderr}`);
const entries = JSON.parse(exported.stdout.toString()).filter(
  (entry) => !only || entry.id.includes(only),
);
const engineFiles = readdirSync(MOUNTS['/py/']).filter((name) => name.endsWith('.py'));

const server = createServer(serve);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const profile = mkdtempSync(path.join(tmpdir(), 'corpus-chromium-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
let failed = 0;
try {
  const page = await browser.newPage();
  const leaks = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(origin)) leaks.push(request.url());
  });
  await page.goto(`${origin}/`);
  const bootMs = await page.evaluate(async (files) => {
    const started = performance.now();
    const pyodide = await globalThis.loadPyodide({ indexURL: '/dist/' });
    await pyodide.loadPackage(['matplotlib', 'scipy', 'networkx']);
    // Pyodide 0.17 keeps the Emscripten file system on its private module object
    const fs = pyodide.FS ?? pyodide._module.FS;
    fs.mkdir('/cit');
    for (const name of [...files.map((file) => `/py/${file}`), '/corpus/expectations.py']) {
      const text = await (await fetch(name)).text();
      fs.writeFile(`/cit/${name.split('/').pop()}`, text);
    }
    pyodide.runPython(`import sys, json\nsys.path.insert(0, '/cit')\nimport cit_render, expectations
cit_render.boot(json.dumps({'distribution': 'offline-0.17', 'pyodide': '0.17.1'}))`);
    globalThis.citPyodide = pyodide;
    return performance.now() - started;
  }, engineFiles);
  console.log(
    `Pyodide 0.17 booted with matplotlib, scipy, networkx in ${(bootMs / 1000).toFixed(1)} s; ${entries.length} scripts`,
  );
  const times = [];
  for (const entry of entries) {
    const result = await page.evaluate(
      ({ code, expect }) => {
        const pyodide = globalThis.citPyodide;
        pyodide.globals.set('corpus_code', code);
        pyodide.globals.set('corpus_expect', JSON.stringify(expect));
        return JSON.parse(
          pyodide.runPython(`
meta = json.loads(cit_render.render(corpus_code, json.dumps({'dpi': 100, 'seed': 0}))[0])
if meta['ok']:
    problems = expectations.compare(meta['facts'], json.loads(corpus_expect))
    summary = {'ms': meta['durationMs'], 'compat': meta['compat'], 'problems': problems,
               'findings': [f['kind'] for f in meta['facts']['findings']], 'warnings': meta['warnings']}
else:
    summary = {'ms': meta['durationMs'], 'compat': [], 'findings': [], 'warnings': [],
               'problems': ['render failed (%s): %s' % (meta['error']['kind'], meta['error']['message'])]}
json.dumps(summary)`),
        );
      },
      { code: entry.code, expect: entry.expect },
    );
    times.push(result.ms);
    const extra = [
      result.compat.length ? `compat=${result.compat.join(',')}` : '',
      result.findings.length ? `findings=${result.findings.length}` : '',
      result.warnings.length ? `warnings=${result.warnings.length}` : '',
    ]
      .filter(Boolean)
      .join('  ');
    console.log(
      `${result.problems.length ? 'FAIL' : 'ok  '} ${entry.id.padEnd(44)} ${String(Math.round(result.ms)).padStart(5)} ms  ${extra}`,
    );
    for (const problem of result.problems) console.log(`       - ${problem}`);
    if (verbose) for (const warning of result.warnings) console.log(`       ~ ${warning}`);
    if (result.problems.length) failed += 1;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `renders: median ${Math.round(median)} ms, max ${Math.round(times.at(-1) ?? 0)} ms, total ${(times.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s`,
  );
  console.log(`${entries.length - failed} of ${entries.length} scripts passed on Pyodide 0.17`);
  if (leaks.length) {
    console.log(`requests that left 127.0.0.1: ${leaks.join(', ')}`);
    failed += 1;
  }
} finally {
  await browser.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
