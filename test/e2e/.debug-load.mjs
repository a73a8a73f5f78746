import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { E2E_DIST, buildIfStale } from './build-if-stale.mjs';
import { startStaticServer } from './servers.mjs';
buildIfStale();
const app = await startStaticServer(E2E_DIST);
const context = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'dbg-')), {
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--headless=new','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run'],
});
const page = await context.newPage();
page.on('console', (m) => m.text().startsWith('DEBUG') && console.log(m.text()));
await page.goto(`${app.url}test/e2e/page/sandbox-test.html`);
await page.waitForFunction(() => Boolean(window.__citSandbox));
for (const mode of ['off', 'harvest', 'cached', 'off', 'harvest', 'cached', 'off', 'cached', 'off', 'cached']) {
  await page.reload(); await page.waitForFunction(() => Boolean(window.__citSandbox));
  const out = await page.evaluate(async (mode) => {
    if (mode === 'harvest') await window.__citSandbox.clearBytecode();
    let loadMs = null;
    if (mode === 'cached') {
      const t = performance.now();
      const keys = await (await caches.open('cit-studio-bytecode')).keys();
      const key = decodeURIComponent(new URL(keys[0].url).pathname.split('/').pop());
      await window.__citSandbox.loadBytecode(key);
      loadMs = performance.now() - t;
    }
    const t0 = performance.now();
    const { pool } = window.__citSandbox.createPool({ size: 1, spares: 0, bytecode: mode !== 'off' });
    await pool.ready();
    const ready = performance.now() - t0;
    const r = await pool.render('import matplotlib.pyplot as plt\nplt.bar(["a","b"],[1,2])\n');
    const first = performance.now() - t0;
    const deadline = performance.now() + 20000;
    while (mode === 'harvest' && (await (await caches.open('cit-studio-bytecode')).keys()).length === 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const s0 = performance.now();
    pool.resize(1, 1);
    while (pool.status().idle < 2 && performance.now() - s0 < 60000) await new Promise((r) => setTimeout(r, 20));
    const spare = Math.round(performance.now() - s0);
    return { mode, spare, ready: Math.round(ready), first: Math.round(first), ok: r.ok, bytecode: pool.status().bytecode, loadMs };
  }, mode);
  console.log(JSON.stringify(out));
}
await context.close(); await app.close();
