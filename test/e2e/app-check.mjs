// The Playground as a person uses it, in Debian's Chromium against the production build
// (dist/, served on 127.0.0.1): runtime badge, example picker, render, facts, errors with the
// failing line highlighted, Ctrl+Enter, the draft surviving a reload, no request off the machine.
// Usage: node test/e2e/app-check.mjs   (builds dist/ first when it is missing)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './corpus-harness.mjs';
import { startStaticServer } from './servers.mjs';
import { createChecks, launchChromium } from './e2e-kit.mjs';

const DIST = path.join(ROOT, 'dist');
const SHOTS = path.join(ROOT, 'test-results');
const { check, finish } = createChecks('app e2e');

if (!existsSync(path.join(DIST, 'index.html'))) {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
mkdirSync(SHOTS, { recursive: true });
const server = await startStaticServer(DIST);
const browser = await launchChromium('cit-app-', {
  viewport: { width: 1400, height: 900 },
});
const { context } = browser;
const foreign = [];
context.on('request', (request) => {
  const url = request.url();
  if (!url.startsWith(server.url) && !url.startsWith('blob:') && !url.startsWith('data:'))
    foreign.push(url);
});
const page = await context.newPage();
const pageErrors = [];
page.on('pageerror', (error) => pageErrors.push(error.message));

async function typeScript(code) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // insertText avoids the editor's auto-indent and bracket closing, so the code arrives as written
  await page.keyboard.insertText(code);
}

try {
  // With "official if reachable", the only request off the machine is the probe of the official
  // CDN for exactly the pinned version (refused here, so the app falls back to the offline bundle).
  await page.goto(server.url);
  await page.getByTestId('nav-playground').click();
  await page.getByRole('status').filter({ hasText: 'matplotlib' }).waitFor({ timeout: 60_000 });
  const probes = [...foreign];
  check(
    'in auto mode the only outside request is the pinned-version CDN probe',
    probes.length > 0 &&
      probes.every((url) => url.startsWith('https://cdn.jsdelivr.net/pyodide/v314.0.7/full/')),
    probes.join(', '),
  );
  foreign.length = 0;
  await page.selectOption('[data-testid=runtime-preference]', 'offline');
  await page.waitForLoadState('load');
  await page.getByRole('status').filter({ hasText: 'matplotlib' }).waitFor({ timeout: 60_000 });
  const badge = await page.getByRole('status').first().innerText();
  check(
    'runtime badge names the offline bundle and its versions',
    /Offline bundle 0\.17/.test(badge) &&
      /Python 3\.8/.test(badge) &&
      /matplotlib 3\.3\.3/.test(badge),
    badge.replace(/\s+/g, ' '),
  );
  const note = (await page.getByTestId('runtime-note').textContent()) ?? '';
  check(
    'a plain note explains the old runtime',
    /3\.8/.test(note) && /3\.10|official/i.test(note),
    note.slice(0, 80),
  );

  const options = await page.locator('[data-testid=corpus-picker] option:not([disabled])').count();
  check('the example picker lists the corpus', options >= 40, `${options} scripts`);
  await page.selectOption('[data-testid=corpus-picker]', 'bar-stacked-energy-mix');
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
    'picking an example renders it',
    size[0] > 300 && size[1] > 200,
    `${size[0]}×${size[1]} px`,
  );
  const status = await page.getByTestId('render-status').innerText();
  check('status shows size and time', /\d+×\d+ px · \d+ ms/.test(status), status);
  const seriesRows = await page.locator('section[aria-label="Figure facts"] tbody tr').count();
  check('figure facts list the series', seriesRows >= 2, `${seriesRows} rows`);
  await page.screenshot({ path: path.join(SHOTS, 'playground-chart.png') });

  await typeScript(
    'import matplotlib.pyplot as plt\n\nvalues = [3, 1, 2]\nplt.bar(range(3), values\nplt.show()\n',
  );
  await page.keyboard.press('Control+Enter');
  await page.locator('[data-error-kind]').waitFor({ timeout: 30_000 });
  const kind = await page.locator('[data-error-kind]').getAttribute('data-error-kind');
  check(
    'Ctrl+Enter renders and a syntax error is reported as such',
    kind === 'syntax',
    kind ?? 'none',
  );
  const highlighted = await page.locator('.cm-error-line').count();
  check('the failing line is highlighted in the editor', highlighted === 1);
  await page.screenshot({ path: path.join(SHOTS, 'playground-error.png') });

  await typeScript('import os\nos.system("touch /tmp/owned")\n');
  await page.getByTestId('render').click();
  await page.locator('[data-error-kind=forbidden]').waitFor({ timeout: 30_000 });
  check('a forbidden call is refused before running', true);

  await typeScript(
    'import matplotlib.pyplot as plt\nplt.title("<img src=x onerror=alert(1)>")\nplt.plot([1, 2, 4])\nplt.show()\n',
  );
  await page.keyboard.press('Control+Enter');
  await page.locator('.chart img').waitFor({ timeout: 30_000 });
  await page.getByRole('tab', { name: /Texts/ }).click();
  const injected = await page.locator('section[aria-label="Figure facts"] img').count();
  const shown = await page.locator('section[aria-label="Figure facts"]').innerText();
  check(
    'text from the script is shown as text, never as HTML',
    injected === 0 && shown.includes('<img src=x onerror=alert(1)>'),
  );

  await page.reload();
  await page.locator('.cm-content').waitFor();
  const draft = await page.locator('.cm-content').innerText();
  check('the draft survives a reload', draft.includes('onerror=alert(1)'));
  check('no uncaught page errors', pageErrors.length === 0, pageErrors.join(' | '));
  check('no request left 127.0.0.1', foreign.length === 0, foreign.slice(0, 5).join(', '));
} catch (error) {
  check('app flow completed', false, error instanceof Error ? error.message : String(error));
  await page
    .screenshot({ path: path.join(SHOTS, 'playground-failure.png') })
    .catch(() => undefined);
} finally {
  await browser.close();
  await server.close();
}
finish();
