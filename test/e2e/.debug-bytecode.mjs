import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { E2E_DIST, buildIfStale } from './build-if-stale.mjs';
buildIfStale();
import { startStaticServer } from './servers.mjs';
const app = await startStaticServer(E2E_DIST);
const context = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'dbg-')), {
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--headless=new','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run'],
});
const page = await context.newPage();
page.on('console', (m) => console.log('console:', m.text()));
await page.goto(`${app.url}test/e2e/page/sandbox-test.html`);
await page.waitForFunction(() => Boolean(window.__citSandbox));
for (const mode of ['off', 'on', 'on']) {
await page.reload(); await page.waitForFunction(() => Boolean(window.__citSandbox)); await page.evaluate((m) => { window.__noBytecode = m === 'off'; }, mode);
const t = Date.now();
const out = await page.evaluate(async () => {
  const msgs = [];
  window.addEventListener('message', (e) => { const d = e.data; if (d?.type === 'from-worker') msgs.push(JSON.stringify({ ...d.message, info: undefined, bc: d.message.bytecode ? Object.keys(d.message.bytecode.files).length : null, bytecode: d.message.bytecode ? { ...d.message.bytecode, files: Object.keys(d.message.bytecode.files).slice(0, 5) } : null }).slice(0, 900)); });
  const { pool } = window.__citSandbox.createPool({ size: 1, spares: 0, bytecode: window.__noBytecode ? false : true });
  await pool.ready();
  const r = await pool.render(`import sys, os, sysconfig
print(sys.dont_write_bytecode, sysconfig.get_paths()["stdlib"], sys.modules["numpy"].__file__)
p = os.path.dirname(sys.modules["numpy"].__file__) + "/__pycache__"
print(os.path.exists(p), os.listdir(p)[:3] if os.path.exists(p) else None)

import matplotlib.pyplot as plt
plt.plot([1,2])
`);
  return { r: r.ok ? r.stdout : r.error, status: pool.status(), msgs: msgs.filter((m) => !m.includes('progress')) };
});
console.log(mode, Date.now() - t, out.status.bytecode);
}
await context.close(); await app.close();
