// Browse and Inspect as a person uses them, in Debian's Chromium against the production build
// (dist/, served on 127.0.0.1, offline Python bundle): generate a few template charts, browse
// and filter them, open one, reject it, step to the next, edit its data so an answer no longer
// holds (mismatch), undo (verified again). Screenshots go to test-results/.
// Usage: node test/e2e/dataset-check.mjs   (builds dist/ first when it is missing;
// CIT_DIST=/other/dist points it at another build)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './corpus-harness.mjs';
import { startStaticServer } from './servers.mjs';
import { createChecks, launchChromium } from './e2e-kit.mjs';

const DIST = process.env.CIT_DIST ?? path.join(ROOT, 'dist');
const SHOTS = path.join(ROOT, 'test-results');
const CHARTS = 6;
/** Extra charts cloned into the dataset for the scale check. */
const SCALE = 3000;
/** A missing page of a build made while the app is being assembled: reported, not failed. */
class SkipError extends Error {}
const { check, finish } = createChecks('dataset e2e');

if (!existsSync(path.join(DIST, 'index.html'))) {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
mkdirSync(SHOTS, { recursive: true });
const server = await startStaticServer(DIST);
const browser = await launchChromium('cit-dataset-', {
  viewport: { width: 1500, height: 950 },
});
const { context } = browser;
const page = await context.newPage();
const pageErrors = [];
page.on('pageerror', (error) => pageErrors.push(error.message));

/** The stored code of a chart, read straight from the app's IndexedDB. */
function readStoredCode(chartId) {
  return page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('cit-studio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('charts').objectStore('charts').get(id);
          get.onsuccess = () => {
            resolve(get.result?.code ?? null);
            open.result.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    chartId,
  );
}

/**
 * Makes the smallest value of every numeric data list the largest, so "highest" and "count
 * above" answers change. Lists of years (x positions, not data) are left alone.
 */
function editData(code) {
  let changed = false;
  const next = code.replace(
    /\[(\s*-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?)+\s*,?\s*)\]/g,
    (whole, inner) => {
      const values = inner
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .map(Number);
      if (values.every((v) => Number.isInteger(v) && v >= 1900 && v <= 2100)) return whole;
      const smallest = values.indexOf(Math.min(...values));
      values[smallest] = Math.round(Math.max(...values.map(Math.abs)) * 3 + 10);
      changed = true;
      return `[${values.join(', ')}]`;
    },
  );
  return changed ? next : null;
}

/** In the page: clones the dataset's charts and browse rows `count` times in all (raw IndexedDB). */
function cloneCharts(count) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('cit-studio');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const read = db.transaction(['charts', 'chartRows']);
      const charts = read.objectStore('charts').getAll();
      const rows = read.objectStore('chartRows').getAll();
      read.oncomplete = () => {
        const write = db.transaction(['charts', 'chartRows'], 'readwrite');
        for (let i = 0; i < count; i += 1) {
          const chart = charts.result[i % charts.result.length];
          const row = rows.result.find((r) => r.chartId === chart.id);
          const id = `clone-${i}`;
          const createdAt = new Date(Date.UTC(2000, 0, 1) + i * 1000).toISOString();
          write
            .objectStore('charts')
            .put({ ...chart, id, createdAt, title: `${chart.title} #${i}` });
          write
            .objectStore('chartRows')
            .put({ ...row, chartId: id, createdAt, title: `${chart.title} #${i}` });
        }
        write.oncomplete = () => {
          db.close();
          resolve(count);
        };
        write.onerror = () => reject(write.error);
      };
    };
  });
}

const countText = () => page.getByTestId('browse-count').innerText();
const qaStatuses = () =>
  page.getByTestId('qa-item').evaluateAll((items) => items.map((item) => item.dataset.status));

try {
  await page.goto(`${server.url}#generate`);
  await page.evaluate(() => localStorage.setItem('cit-studio.runtime-preference', 'offline'));
  await page.reload();
  const start = page.getByTestId('generate-start');
  const hasGenerate = await start
    .waitFor({ timeout: 20_000 })
    .then(() => true)
    .catch(() => false);
  if (!hasGenerate) {
    console.log(
      'skipped: the build has no Generate page ([data-testid=generate-start]) to make charts with',
    );
  } else {
    // A small run of two simple types so the data edit below is meaningful.
    await page.getByTestId('generate-count').fill(String(CHARTS));
    await page.getByTestId('generate-seed').fill('7');
    await page.locator('summary', { hasText: 'Chart types' }).click();
    for (const [major, minor] of [
      ['Bar', 'Bar'],
      ['Line', 'Line'],
    ]) {
      const box = page
        .locator('fieldset', { has: page.locator('legend', { hasText: new RegExp(`^${major}$`) }) })
        .getByLabel(minor, { exact: true });
      if ((await box.count()) === 1) await box.check();
    }
    await start.click();
    await page
      .locator('[data-testid=run-progress][data-status=completed]')
      .waitFor({ timeout: 240_000 });
    check('a run of template charts completes', true);

    await page.getByTestId('nav-browse').click();
    const cards = page.getByTestId('chart-card');
    const hasBrowse = await page
      .locator('section[aria-label="Browse charts"]')
      .waitFor({ timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (!hasBrowse) throw new SkipError('the build does not show the Browse page yet');
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=chart-card]').length === n,
      CHARTS,
      { timeout: 20_000 },
    );
    check(`Browse shows ${CHARTS} cards`, (await cards.count()) === CHARTS);
    check('the count names every chart', (await countText()).startsWith(`${CHARTS} charts`));
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=chart-card] img').length > 0,
      null,
      { timeout: 10_000 },
    );
    await page.screenshot({ path: path.join(SHOTS, 'browse-grid.png') });

    const minors = await cards.evaluateAll((all) => all.map((card) => card.dataset.minor));
    const minor = minors[0];
    const expected = minors.filter((m) => m === minor).length;
    await page.getByTestId('filter-minor').selectOption(minor);
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=chart-card]').length === n,
      expected,
    );
    const filtered = await countText();
    check(
      'filtering by a minor type narrows the grid and the count',
      filtered.startsWith(`${expected} of ${CHARTS}`) &&
        (await cards.evaluateAll((all) =>
          all.every((card) => card.dataset.minor === all[0].dataset.minor),
        )),
      `${minor}: ${filtered}`,
    );
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=chart-card]').length === n,
      CHARTS,
    );

    const title = await page.locator('[data-testid=chart-card] .title').first().innerText();
    const word = title.split(/[^\p{L}\p{N}]+/u).sort((a, b) => b.length - a.length)[0];
    await page.getByTestId('browse-search').fill(word);
    await page.waitForFunction(() =>
      /\bof\b/.test(document.querySelector('[data-testid=browse-count]')?.textContent ?? ''),
    );
    const searched = await countText();
    const found = Number(/^(\d+) of/.exec(searched)?.[1] ?? NaN);
    check('search narrows the grid', found >= 1 && found < CHARTS, `"${word}": ${searched}`);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=chart-card]').length === n,
      CHARTS,
    );

    // Arrow keys move focus between cards; Enter opens the focused one.
    await cards.first().focus();
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-index'));
    check('arrow keys move focus in the grid', focused === '1', `focused index ${focused}`);
    await page.keyboard.press('ArrowLeft');
    const firstId = await cards.first().getAttribute('data-chart-id');
    await page.keyboard.press('Enter');
    await page.getByTestId('inspect-image').waitFor({ timeout: 10_000 });
    check(
      'Enter opens the inspector on that chart',
      (await page.locator('section.inspect').getAttribute('data-chart-id')) === firstId,
    );
    check('the chart shows with its Q&A', (await page.getByTestId('qa-item').count()) > 0);

    await page.keyboard.press('r');
    await page.locator('[data-testid=inspect-review]', { hasText: 'rejected' }).waitFor();
    check('r rejects the chart', true);
    await page.screenshot({ path: path.join(SHOTS, 'inspect-rejected.png') });

    await page.keyboard.press('j');
    await page.waitForFunction(
      (id) => document.querySelector('section.inspect')?.getAttribute('data-chart-id') !== id,
      firstId,
    );
    const secondId = await page.locator('section.inspect').getAttribute('data-chart-id');
    check('j moves to the next chart of the Browse order', secondId !== firstId);

    // Wait for a verified chart (its answers hold before the edit).
    const before = await qaStatuses();
    check(
      'the next chart arrives with verified answers',
      before.length > 0 && before.every((s) => s === 'verified'),
      before.join(','),
    );
    const code = await readStoredCode(secondId);
    const edited = code ? editData(code) : null;
    check('the chart code has a data list to edit', edited !== null && edited !== code);
    const imageBefore = await page.getByTestId('inspect-image').getAttribute('data-image-id');
    await page.keyboard.press('e');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(edited ?? '');
    await page.keyboard.press('Control+Enter');
    await page
      .locator('[data-testid=inspect-status]', { hasText: 'Stored the new version' })
      .waitFor({ timeout: 60_000 });
    const imageAfter = await page.getByTestId('inspect-image').getAttribute('data-image-id');
    check('the edit re-renders to a new image', imageAfter !== imageBefore);
    const afterEdit = await qaStatuses();
    check(
      'an answer that depends on the edited value turns mismatch',
      afterEdit.includes('mismatch'),
      afterEdit.join(','),
    );
    check('the stored code is the edited code', (await readStoredCode(secondId)) === edited);
    await page.screenshot({ path: path.join(SHOTS, 'inspect-mismatch.png') });

    await page.keyboard.press('Escape'); // leave the editor; Ctrl+Z now undoes the edit
    await page.keyboard.press('Control+z');
    await page
      .locator('[data-testid=inspect-status]', { hasText: 'Restored the previous version' })
      .waitFor({ timeout: 60_000 });
    const afterUndo = await qaStatuses();
    check(
      'undo restores the image and the answers are verified again',
      (await page.getByTestId('inspect-image').getAttribute('data-image-id')) === imageBefore &&
        afterUndo.every((s) => s === 'verified'),
      afterUndo.join(','),
    );
    check('undo restores the stored code', (await readStoredCode(secondId)) === code);
    await page.screenshot({ path: path.join(SHOTS, 'inspect-undone.png') });

    await page.keyboard.press('Escape');
    await page.getByTestId('chart-card').first().waitFor();
    const review = await page
      .locator(`[data-chart-id="${firstId}"] [data-testid=card-review]`)
      .innerText();
    check('Esc goes back to Browse, where the rejection shows', review === 'rejected');
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'chart-card');
    check(
      'back in Browse the focus is on the chart last inspected',
      (await page.evaluate(() => document.activeElement?.getAttribute('data-chart-id'))) ===
        secondId,
    );

    // Scale: thousands of charts (clones of the six, sharing their images) stay a few dozen
    // cards in the DOM; the figures are printed, not asserted.
    const seeded = await page.evaluate(cloneCharts, SCALE);
    // Raw IndexedDB writes bypass Dexie's change events, so the app's row cache cannot know:
    // reload (the runner writes through Dexie, which the cache does follow).
    const started = Date.now();
    await page.reload();
    await page
      .getByTestId('browse-count')
      .filter({ hasText: new Intl.NumberFormat('en').format(seeded + CHARTS) })
      .waitFor({ timeout: 20_000 });
    console.log(
      `scale: ${seeded + CHARTS} charts listed ${Date.now() - started} ms after a reload`,
    );
    const inDom = await page.getByTestId('chart-card').count();
    check(
      'the grid keeps only the visible cards in the DOM',
      inDom > 0 && inDom < 120,
      `${inDom} cards`,
    );
    const filterStart = Date.now();
    await page.getByTestId('filter-minor').selectOption(minor);
    await page.waitForFunction(() => {
      const text = document.querySelector('[data-testid=browse-count]')?.textContent ?? '';
      return / of /.test(text) && !text.includes('updating');
    });
    console.log(
      `scale: minor-type filter applied in ${Date.now() - filterStart} ms (${await countText()})`,
    );
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page
      .locator('.scroller')
      .evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await page.waitForTimeout(300); // let the virtualizer mount the last rows before the picture
    const lastIndex = await page
      .getByTestId('chart-card')
      .evaluateAll((all) => Math.max(...all.map((card) => Number(card.dataset.index))));
    check(
      'scrolling to the end shows the last chart',
      lastIndex === seeded + CHARTS - 1,
      `last index ${lastIndex}`,
    );
    await page.screenshot({ path: path.join(SHOTS, 'browse-scale.png') });
    const frames = await page.locator('.scroller').evaluate(
      (element) =>
        new Promise((resolve) => {
          // Scroll back up 400 px a frame and record the time between frames.
          const gaps = [];
          let last = performance.now();
          const step = (now) => {
            gaps.push(now - last);
            last = now;
            element.scrollTop -= 400;
            if (gaps.length < 150 && element.scrollTop > 0) requestAnimationFrame(step);
            else resolve(gaps.slice(1).sort((a, b) => a - b));
          };
          requestAnimationFrame(step);
        }),
    );
    const at = (q) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))];
    console.log(
      `scale: scrolling ${frames.length} frames, median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${frames[frames.length - 1].toFixed(1)} ms per frame (headless, software rendering)`,
    );
    check('no uncaught page errors', pageErrors.length === 0, pageErrors.join(' | '));
  }
} catch (error) {
  if (error instanceof SkipError) {
    console.log(`skipped: ${error.message}`);
  } else {
    check('dataset flow completed', false, error instanceof Error ? error.message : String(error));
    await page.screenshot({ path: path.join(SHOTS, 'dataset-failure.png') }).catch(() => undefined);
  }
} finally {
  await browser.close();
  await server.close();
}
finish();
