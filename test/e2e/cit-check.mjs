// The CIT pipeline as a person runs it, in Debian's Chromium against the production build, with
// REAL rendering (the sandboxed offline runtime) and the template-backed fake LLM server told to
// misbehave: a provider is added in Settings and given the roles; on Generate, a CIT run of 12
// charts is started; the page is reloaded in the middle and the run resumes; at the end the
// dataset must hold a repaired chart, an evolved chart linked to its parent, a wrong answer
// caught as `mismatch`, a duplicate dropped, nothing asked twice that was committed, and a
// native export whose records carry full provenance (checked by unzipping it with Python).
// Usage: node test/e2e/cit-check.mjs   (builds dist/ first when it is missing)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './corpus-harness.mjs';
import { startStaticServer } from './servers.mjs';
import { createChecks, launchChromium } from './e2e-kit.mjs';
import { startCitFakeServer } from '../servers/cit-fake-server.mjs';

const DIST = process.env.CIT_E2E_DIST ?? path.join(ROOT, 'dist');
const COUNT = 12;
const { check, finish } = createChecks('CIT e2e');
const log = (message) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

if (!existsSync(path.join(DIST, 'index.html'))) {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
const server = await startStaticServer(DIST);
const fake = await startCitFakeServer({
  cit: { seed: 5, brokenCodeEvery: 4, wrongAnswerEvery: 7, duplicateEvery: 5 },
});
const browser = await launchChromium('cit-e2e-', {
  viewport: { width: 1400, height: 1000 },
  acceptDownloads: true,
});
const { context } = browser;
await context.addInitScript(() => {
  if (window !== window.top) return;
  localStorage.setItem('cit-studio.runtime-preference', 'offline');
  delete window.showSaveFilePicker;
});
const page = await context.newPage();
const pageErrors = [];
page.on('pageerror', (error) => pageErrors.push(error.message));
page.on('dialog', (dialog) => void dialog.accept());
const shots = process.env.CIT_E2E_SHOTS ?? null;
const shot = async (name) => {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
};

/** Requests the fake server answered, by CIT task (the task line of the last user message). */
function tasksAsked() {
  const counts = {};
  for (const request of fake.requests) {
    const users = (request.body?.messages ?? []).filter((message) => message.role === 'user');
    const last = users.at(-1)?.content;
    const text = Array.isArray(last)
      ? last.map((part) => (typeof part.text === 'string' ? part.text : '')).join('\n')
      : String(last ?? '');
    const task = /\[cit-task\] \{"task":"([a-z.-]+)"/.exec(text)?.[1];
    if (task) counts[task] = (counts[task] ?? 0) + 1;
  }
  return counts;
}

async function stageCount(stage) {
  return Number((await page.getByTestId(`stage-${stage}`).textContent()) ?? 'NaN');
}

try {
  // Settings: the fake server as an OpenAI-compatible provider serving both writer roles.
  await page.goto(`${server.url}#settings`);
  await page.getByTestId('settings-page').waitFor({ timeout: 30_000 });
  await page.getByTestId('preset-select').selectOption('custom');
  await page.getByTestId('provider-add').click();
  await page.getByTestId('provider-name').fill('Template fake');
  await page.getByTestId('provider-base-url').fill(`${fake.url.replace(/\/$/, '')}/v1`);
  await page.getByTestId('provider-model').fill('gpt-4o');
  await page.getByTestId('provider-save').click();
  for (const role of ['code-writer', 'qa-writer']) {
    const select = page.getByTestId(`role-${role}`);
    const value = await select
      .locator('option', { hasText: 'Template fake' })
      .getAttribute('value');
    await select.selectOption(value);
  }
  await shot('1-settings');

  // Generate: the CIT recipe, 12 charts, small images, keep mismatches flagged.
  await page.goto(`${server.url}#generate`);
  await page.getByTestId('recipe-kind-cit').click();
  await page.getByTestId('cit-editor').waitFor();
  await page.getByTestId('cit-count').fill(String(COUNT));
  await page.getByLabel('dpi').fill('60');
  await page.locator('summary', { hasText: 'Q&A:' }).click();
  await page.getByTestId('cit-recognition').fill('2');
  await page.getByTestId('cit-reasoning').fill('2');
  await page.getByTestId('cit-mismatch').selectOption('keep-flagged');
  await shot('2-recipe');
  await page.getByTestId('generate-start').click();
  await page.getByTestId('run-progress').waitFor({ timeout: 30_000 });
  log('run started');

  // Reload in the middle: after a few charts are done, while others are mid-way.
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="stage-done"]')?.textContent ?? 0) >= 3,
    null,
    { timeout: 240_000 },
  );
  const before = tasksAsked();
  log(`reloading mid-run; asked so far ${JSON.stringify(before)}`);
  await shot('3-mid-run');
  await page.reload();
  await page.getByTestId('run-progress').waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    (count) => {
      const value = (id) =>
        Number(document.querySelector(`[data-testid="stage-${id}"]`)?.textContent ?? 0);
      return value('done') + value('rejected') + value('failed') >= count;
    },
    COUNT,
    { timeout: 480_000 },
  );
  await shot('4-finished');
  const stages = {};
  for (const stage of ['done', 'rejected', 'failed']) stages[stage] = await stageCount(stage);
  log(`finished: ${JSON.stringify(stages)}; asked ${JSON.stringify(tasksAsked())}`);
  check(
    'every item ended',
    stages.done + stages.rejected + stages.failed === COUNT,
    JSON.stringify(stages),
  );
  check('most charts were kept', stages.done >= COUNT - 4, JSON.stringify(stages));

  // What IndexedDB holds (read the app's own database from the page).
  const stored = await page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('cit-studio');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (table) =>
      new Promise((resolve, reject) => {
        const request = db.transaction(table).objectStore(table).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const charts = (await all('charts')).map((chart) => ({
      id: chart.id,
      code: chart.code,
      parent: chart.provenance.parentChartId,
      cit: chart.provenance.cit,
      rejection: chart.rejection ?? null,
      minor: chart.minor,
    }));
    const qa = (await all('qa')).map((q) => ({
      id: q.id,
      chartId: q.chartId,
      status: q.verification?.status ?? null,
      calls: q.calls?.length ?? 0,
    }));
    const items = (await all('items')).map((item) => ({ stage: item.stage, cit: item.cit }));
    db.close();
    return { charts, qa, items };
  });
  const repaired = stored.charts.filter((chart) => (chart.cit?.tries.length ?? 0) > 1);
  check('a broken script was repaired', repaired.length > 0);
  const evolved = stored.charts.filter((chart) => chart.cit?.origin === 'evol' && !chart.rejection);
  const linked = evolved.filter((chart) => stored.charts.some((c) => c.id === chart.parent));
  check('an evolved chart is linked to its parent', linked.length > 0, `${evolved.length} evolved`);
  check(
    'a wrong answer was caught as mismatch',
    stored.qa.some((q) => q.status === 'mismatch'),
  );
  check(
    'a duplicate script was dropped',
    stored.charts.some((chart) => chart.rejection?.stage === 'dedup'),
  );
  check('no Q&A was stored twice', new Set(stored.qa.map((q) => q.id)).size === stored.qa.length);
  const asked = tasksAsked();
  const writes = (asked['self-instruct.write'] ?? 0) + (asked['evol.write'] ?? 0);
  // Each item writes its script once; an item caught mid-write by the reload may write again.
  check(
    'committed work was not asked again after the reload',
    writes >= COUNT && writes <= COUNT + 2,
    JSON.stringify(asked),
  );

  // Statistics: coverage, repair and cost beside the paper's figures.
  await page.goto(`${server.url}#stats`);
  await page.getByTestId('stats-cost-per-kept').waitFor({ timeout: 60_000 });
  const repairText = (await page.getByTestId('stats-repair-rate').textContent()) ?? '';
  const costText = (await page.getByTestId('stats-cost-per-kept').textContent()) ?? '';
  await shot('5-statistics');
  check('Statistics shows the repair rate', /rescued|repair/i.test(repairText), repairText);
  check('Statistics shows cost per kept chart beside the paper', /0\.094/.test(costText), costText);

  // Browse: the rejected chart is hidden from the dataset and listed under "rejected".
  await page.goto(`${server.url}#browse`);
  await page.getByTestId('chart-card').first().waitFor({ timeout: 30_000 });
  const keptCards = await page.getByTestId('chart-card').count();
  await page.getByTestId('filter-show').selectOption('rejected');
  await page.getByTestId('card-rejection').first().waitFor({ timeout: 10_000 });
  const rejectedCards = await page.getByTestId('chart-card').count();
  check(
    'Browse lists kept charts by default and the rejected one on request',
    keptCards === stages.done && rejectedCards === stages.rejected,
    `${keptCards} kept, ${rejectedCards} rejected`,
  );
  // Inspect it, see why it was rejected, restore it.
  await page.getByTestId('chart-card').first().dblclick();
  await page.getByTestId('chart-rejection').waitFor({ timeout: 10_000 });
  const reason = (await page.getByTestId('chart-rejection').textContent()) ?? '';
  await page.getByRole('tab', { name: 'Provenance' }).click();
  await page.getByTestId('cit-provenance').waitFor();
  const origin = (await page.getByTestId('cit-origin').textContent()) ?? '';
  const tries = await page.getByTestId('cit-tries').locator('li').count();
  await shot('6-inspect-rejected');
  await page.getByTestId('chart-restore').click();
  await page.getByTestId('chart-restored').waitFor({ timeout: 10_000 });
  check(
    'Inspect shows the rejection reason and restores the chart',
    /duplicate|overlapping|at most|rating/i.test(reason),
    reason,
  );
  check(
    'Inspect shows the CIT provenance (origin, render tries)',
    /Instruct/.test(origin) && tries >= 1,
    `${origin}, ${tries} tries`,
  );
  await page.goto(`${server.url}#browse`);
  await page.getByTestId('filter-show').selectOption('kept');
  await page
    .waitForFunction(
      (expected) => document.querySelectorAll('[data-testid="chart-card"]').length === expected,
      stages.done + 1,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  check(
    'the restored chart is back in the dataset',
    (await page.getByTestId('chart-card').count()) === stages.done + 1,
  );

  // Export the native archive from Datasets & export and read it with Python.
  await page.goto(`${server.url}#export`);
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByTestId('export-start').click();
  const file = await download;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cit-e2e-export-'));
  const zip = path.join(dir, 'dataset.zip');
  await file.saveAs(zip);
  const report = JSON.parse(
    execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        `
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
charts_file = next(n for n in names if n.endswith('charts.jsonl'))
qa_file = next(n for n in names if n.endswith('qa.jsonl'))
charts = [json.loads(l) for l in z.read(charts_file).decode().splitlines() if l.strip()]
qa = [json.loads(l) for l in z.read(qa_file).decode().splitlines() if l.strip()]
cit = [c for c in charts if c['provenance'].get('cit')]
full = [c for c in cit if c['provenance']['cit']['conversation'] and c['provenance']['cit']['tries']
        and c['provenance']['cit']['calls'] and c['provenance']['cit']['recipeHash']
        and c['provenance']['runtime']['matplotlib']]
evolved = [c for c in cit if c['provenance']['cit']['origin'] == 'evol']
ids = {c['id'] for c in charts}
print(json.dumps({'charts': len(charts), 'cit': len(cit), 'full': len(full),
  'evolved_linked': sum(1 for c in evolved if c['provenance']['parentChartId'] in ids),
  'qa': len(qa), 'qa_with_calls': sum(1 for q in qa if q.get('calls')),
  'qa_programs': sum(1 for q in qa if q['program'] and q['verification'])}))
`,
        zip,
      ],
      { encoding: 'utf8' },
    ),
  );
  log(`export: ${JSON.stringify(report)}`);
  rmSync(dir, { recursive: true, force: true });
  check(
    'the export holds every chart with full CIT provenance',
    report.full === report.charts && report.charts > 0,
    report,
  );
  check(
    'evolved charts in the export point at charts in it',
    report.evolved_linked > 0,
    JSON.stringify(report),
  );
  check(
    'every exported Q&A has its calls, program and verification',
    report.qa > 0 && report.qa_with_calls === report.qa && report.qa_programs === report.qa,
    report,
  );
  check('no page errors', pageErrors.length === 0, pageErrors.join(' | '));
} catch (error) {
  await shot('error');
  check('the e2e ran to the end', false, error instanceof Error ? error.stack : String(error));
} finally {
  await browser.close();
  await fake.close();
  await server.close();
}
finish();
