// A person's dataset flow in Debian's Chromium against the production build (dist/): generate 20
// template charts, reload the page in the middle of the run, find the run resumed and the
// finished counts exact, export a zip (checked with `unzip -t` and Debian's python3: json + PIL),
// import it back (refused while the same dataset is here, accepted once it is deleted), and no
// request leaves 127.0.0.1.   Usage: node test/e2e/generate-check.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SYSTEM_PYTHON } from './corpus-harness.mjs';
import { startStaticServer } from './servers.mjs';
import { createChecks, launchChromium } from './e2e-kit.mjs';

const DIST = path.join(ROOT, 'dist');
const OUT = path.join(ROOT, 'test-results');
const CHARTS = 20;
const { check, finish } = createChecks('generate e2e');

if (!existsSync(path.join(DIST, 'index.html')))
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
mkdirSync(OUT, { recursive: true });
const server = await startStaticServer(DIST);
const browser = await launchChromium('cit-generate-', {
  viewport: { width: 1400, height: 900 },
  acceptDownloads: true,
});
const { context } = browser;
// Offline-only runtime (no CDN probe) and the Blob download path instead of the save picker,
// which a headless browser cannot answer.
await context.addInitScript(() => {
  if (window !== window.top) return; // the sandbox iframe has no storage, by design
  localStorage.setItem('cit-studio.runtime-preference', 'offline');
  delete window.showSaveFilePicker;
});
const foreign = [];
context.on('request', (request) => {
  const url = request.url();
  if (!url.startsWith(server.url) && !url.startsWith('blob:') && !url.startsWith('data:'))
    foreign.push(url);
});
const page = await context.newPage();
const pageErrors = [];
page.on('pageerror', (error) => pageErrors.push(error.message));
page.on('dialog', (dialog) => dialog.accept());
const done = async () => Number(await page.getByTestId('stage-done').innerText());

try {
  await page.goto(`${server.url}#generate`);
  await page.getByTestId('generate-count').fill(String(CHARTS));
  await page.getByTestId('generate-seed').fill('7');
  // Long main-thread tasks while the run goes: printed (the machine is shared, so no time limit).
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) =>
      window.__longTasks.push(...list.getEntries().map((entry) => entry.duration)),
    ).observe({ type: 'longtask' });
  });
  await page.getByTestId('generate-start').click();
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid=stage-done]')?.textContent) >= 4,
    null,
    { timeout: 120_000 },
  );
  const longTasks = await page.evaluate(() => window.__longTasks);
  console.log(
    `  · main-thread tasks over 50 ms during the first charts: ${longTasks.length}, longest ${Math.round(Math.max(0, ...longTasks))} ms`,
  );
  const before = await done();
  await page.reload();
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid=run-progress]')?.getAttribute('data-status') ===
      'running',
    null,
    { timeout: 60_000 },
  );
  check(
    'a reload in the middle of a run resumes it',
    true,
    `${before} charts were done before the reload`,
  );
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid=run-progress]')?.getAttribute('data-status') ===
      'completed',
    null,
    { timeout: 300_000 },
  );
  const counts = await page.getByTestId('run-counts').innerText();
  check(
    'the run completes with exact counts',
    counts === `${CHARTS} of ${CHARTS} charts` && (await done()) === CHARTS,
    counts,
  );
  const mismatches = await page.locator('[data-testid=run-progress] dd').nth(5).innerText();
  check('no template answer fails its check', mismatches === '0', `${mismatches} mismatches`);
  await page.screenshot({ path: path.join(OUT, 'generate-done.png') });

  await page.getByTestId('nav-export').click();
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid=dataset-count]')?.textContent === String(n),
    CHARTS,
    { timeout: 10_000 },
  );
  check('the dataset holds exactly the generated charts', true);
  const downloadPromise = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByTestId('export-start').click();
  const download = await downloadPromise;
  const zipPath = path.join(OUT, 'export-e2e.zip');
  await download.saveAs(zipPath);
  await page.screenshot({ path: path.join(OUT, 'export-done.png') });
  const unzip = spawnSync('unzip', ['-tq', zipPath], { encoding: 'utf8' });
  check(
    'unzip -t finds no error in the export',
    unzip.status === 0,
    (unzip.stdout + unzip.stderr).trim().split('\n').at(-1),
  );
  const python = spawnSync(
    SYSTEM_PYTHON,
    [path.join(ROOT, 'test/export/check_archive.py'), zipPath],
    { encoding: 'utf8' },
  );
  check(
    'python3 (zipfile, json, PIL) validates every record and image',
    python.status === 0,
    (python.stdout + python.stderr).trim().split('\n').at(-1),
  );
  const counted = spawnSync(
    SYSTEM_PYTHON,
    [
      '-c',
      `import zipfile,json,sys; z=zipfile.ZipFile(sys.argv[1]); m=json.loads(z.read('manifest.json')); print(m['counts']['charts'] if 'counts' in m else m)`,
      zipPath,
    ],
    { encoding: 'utf8' },
  );
  check(
    'the manifest counts every chart',
    counted.stdout.trim() === String(CHARTS),
    counted.stdout.trim() || counted.stderr.trim(),
  );

  // Import: the same dataset is refused while it is here, and comes back whole once deleted.
  await page.getByTestId('import-file').setInputFiles(zipPath);
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid=transfer-status]')?.getAttribute('data-phase') ===
      'failed',
    null,
    { timeout: 60_000 },
  );
  const refusal = await page.getByTestId('transfer-status').innerText();
  check(
    'importing a dataset that is already here is refused, naming why',
    /already here/.test(refusal),
    refusal,
  );
  await page
    .getByRole('button', { name: /^Delete / })
    .first()
    .click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid=dataset-count]')?.textContent === '0',
    null,
    { timeout: 10_000 },
  );
  await page.getByTestId('import-file').setInputFiles(zipPath);
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid=transfer-status]')?.getAttribute('data-phase') ===
      'done',
    null,
    { timeout: 60_000 },
  );
  const imported = await page.getByTestId('transfer-status').innerText();
  check(
    'the exported archive imports back',
    new RegExp(`${CHARTS} charts`).test(imported),
    imported,
  );
  const rows = await page.getByTestId('dataset-count').allInnerTexts();
  check('the imported dataset has all its charts', rows.includes(String(CHARTS)), rows.join(','));
  check('no uncaught page errors', pageErrors.length === 0, pageErrors.join(' | '));
  check('no request left 127.0.0.1', foreign.length === 0, foreign.slice(0, 3).join(', '));
} catch (error) {
  check(
    'dataset flow completed',
    false,
    error instanceof Error ? error.message.split('\n')[0] : String(error),
  );
  await page.screenshot({ path: path.join(OUT, 'generate-failure.png') }).catch(() => undefined);
} finally {
  await browser.close();
  await server.close();
}
finish();
