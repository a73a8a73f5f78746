// The built app after its first load, with the network gone: the service worker precaches the
// app shell, the sandbox scripts and the Python runtime; then the static server is closed, the
// browser goes offline, and a reload must still boot Python and render a chart.
// Usage: node test/e2e/offline-check.mjs   (builds dist/ first when the service worker is missing)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT } from './corpus-harness.mjs';
import { startStaticServer } from './servers.mjs';

const DIST = path.join(ROOT, 'dist');
const SHOTS = path.join(ROOT, 'test-results');
const EXAMPLE = 'bar-stacked-energy-mix';
let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
  if (ok) passed += 1;
  else failed += 1;
}

if (!existsSync(path.join(DIST, 'sw.js')) || !existsSync(path.join(DIST, 'index.html'))) {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
mkdirSync(SHOTS, { recursive: true });

// The precache manifest as the generated worker lists it (`{url:"…",revision:…}` entries).
const sw = readFileSync(path.join(DIST, 'sw.js'), 'utf8');
const precached = [...new Set([...sw.matchAll(/url:"([^"]+)"/g)].map((match) => match[1]))];
const precacheBytes = precached.reduce((sum, url) => sum + statSync(path.join(DIST, url)).size, 0);
console.log(
  `precache: ${precached.length} files, ${(precacheBytes / 1e6).toFixed(1)} MB ` +
    `(largest: ${precached
      .map((url) => [url, statSync(path.join(DIST, url)).size])
      .sort((a, b) => b[1] - a[1])
      .slice(0, 1)
      .map(([url, size]) => `${url} ${(size / 1e6).toFixed(1)} MB`)
      .join('')})`,
);
const runtimeFiles = precached.filter((url) => /^pyodide(-0\.17)?\//.test(url));
check(
  'the precache lists the app shell, sandbox scripts and runtime files',
  precached.includes('index.html') &&
    precached.some((url) => /^assets\/.*\.js$/.test(url)) &&
    precached.includes('sandbox/sandbox-worker.js') &&
    precached.includes('sandbox/sandbox-host.js') &&
    precached.includes('pyodide-0.17/scipy.data') &&
    precached.includes('pyodide-0.17/pyodide.asm.wasm') &&
    precached.includes('pyodide/pyodide.asm.wasm'),
  `${runtimeFiles.length} runtime files`,
);

const server = await startStaticServer(DIST);
let serverOpen = true;
const profile = mkdtempSync(path.join(os.tmpdir(), 'cit-offline-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
  viewport: { width: 1400, height: 900 },
});
const page = await context.newPage();
const pageErrors = [];
page.on('pageerror', (error) => pageErrors.push(error.message));
const badge = page.getByRole('status').filter({ hasText: 'matplotlib' });

/** Entries stored so far in the precache of the worker's scope. */
const countPrecached = () =>
  page.evaluate(async () => {
    let count = 0;
    for (const name of await caches.keys()) {
      if (name.includes('precache')) count += (await (await caches.open(name)).keys()).length;
    }
    return count;
  });

try {
  const firstStarted = Date.now();
  // The Playground page (kept in the URL hash, so the offline reload returns to it).
  await page.goto(`${server.url}#playground`);
  await badge.waitFor({ timeout: 90_000 });
  console.log(`first (online) boot: ${Date.now() - firstStarted} ms`);
  // clientsClaim makes the first page controlled once the worker activates (after precaching).
  const controlled = await page.evaluate(
    (timeoutMs) =>
      new Promise((resolve) => {
        const report = () => resolve(navigator.serviceWorker.controller?.scriptURL ?? '');
        if (navigator.serviceWorker.controller) return report();
        navigator.serviceWorker.addEventListener('controllerchange', report, { once: true });
        setTimeout(report, timeoutMs);
      }),
    180_000,
  );
  check('a service worker controls the page after the first load', controlled.endsWith('/sw.js'));
  if (!controlled) throw new Error('no service worker: nothing can work offline');
  let stored = await countPrecached();
  const deadline = Date.now() + 180_000;
  while (stored < precached.length && Date.now() < deadline) {
    await page.waitForTimeout(500);
    stored = await countPrecached();
  }
  console.log(`precache stored after ${Date.now() - firstStarted} ms from the first navigation`);
  check(
    'Cache Storage holds every precached file',
    stored >= precached.length,
    `${stored}/${precached.length}`,
  );

  await server.close();
  serverOpen = false;
  const refused = await fetch(server.url).then(
    () => false,
    () => true,
  );
  check('the static server is really closed', refused);
  await context.setOffline(true);

  const sameOriginFailures = [];
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(server.url)) sameOriginFailures.push(request.url());
  });
  // The static server sent Cache-Control max-age, so the HTTP cache alone could answer too;
  // only responses marked as coming from the service worker prove the precache works.
  const fromWorker = [];
  const notFromWorker = [];
  page.on('response', (response) => {
    if (!response.url().startsWith(server.url)) return;
    (response.fromServiceWorker() ? fromWorker : notFromWorker).push(response.url());
  });
  const offlineStarted = Date.now();
  await page.reload();
  await page.locator('[data-testid=corpus-picker]').waitFor({ timeout: 30_000 });
  check('the app shell loads offline', true);
  await badge.waitFor({ timeout: 90_000 });
  const bootMs = Date.now() - offlineStarted;
  const badgeText = (await badge.first().innerText()).replace(/\s+/g, ' ');
  check('the Python runtime boots offline', /matplotlib/.test(badgeText), badgeText);
  console.log(`offline boot (reload → runtime badge): ${bootMs} ms`);

  await page.selectOption('[data-testid=corpus-picker]', EXAMPLE);
  const chart = page.locator('.chart img');
  await chart.waitFor({ timeout: 60_000 });
  const size = await chart.evaluate(
    (img) =>
      new Promise((resolve) =>
        img.complete
          ? resolve([img.naturalWidth, img.naturalHeight])
          : (img.onload = () => resolve([img.naturalWidth, img.naturalHeight])),
      ),
  );
  check(
    'an example renders offline',
    size[0] > 300 && size[1] > 200,
    `${EXAMPLE}: ${size[0]}×${size[1]} px, ${Date.now() - offlineStarted} ms after reload`,
  );
  await page.screenshot({ path: path.join(SHOTS, 'offline-chart.png') });
  // The vendor-manifest probe (pyodide/manifest.json) is not part of the build unless wheels
  // are vendored; it may fail offline. Every other same-origin request must be answered.
  const unexpected = sameOriginFailures.filter((url) => !url.endsWith('/pyodide/manifest.json'));
  check(
    'every other same-origin request was answered from the cache',
    unexpected.length === 0,
    unexpected.slice(0, 5).join(', '),
  );
  const servedRuntime = fromWorker.filter((url) => /\/pyodide(-0\.17)?\//.test(url)).length;
  check(
    'the shell and runtime files came from the service worker',
    fromWorker.some((url) => url === server.url || url.endsWith('/index.html')) &&
      servedRuntime >= precached.filter((url) => url.startsWith('pyodide-0.17/')).length &&
      notFromWorker.length === 0,
    `${fromWorker.length} responses from the worker (${servedRuntime} runtime files); ` +
      `not from it: ${notFromWorker.slice(0, 5).join(', ') || 'none'}`,
  );
  check('no uncaught page errors', pageErrors.length === 0, pageErrors.join(' | '));
} catch (error) {
  check('offline flow completed', false, error instanceof Error ? error.message : String(error));
  await page.screenshot({ path: path.join(SHOTS, 'offline-failure.png') }).catch(() => undefined);
} finally {
  await context.close();
  if (serverOpen) await server.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`offline e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
