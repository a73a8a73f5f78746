// End-to-end suite of the Python sandbox in Debian's Chromium: real matplotlib on the offline 0.17
// bundle, hostile scripts, leak checks against two logging servers, recovery and figures.
// Usage: node test/e2e/run.mjs   (builds test-results/e2e-dist first when missing or stale)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildIfStale, E2E_DIST } from './build-if-stale.mjs';
import {
  BAR_CHART,
  ON_DEMAND,
  FAILING,
  FORGE_SCRIPT,
  SLOW_CHART,
  escapeScripts,
  probeWorkerSource,
} from './hostile-scripts.mjs';
import { startBystanderServer, startStaticServer } from './servers.mjs';
import * as inPage from './page-steps.mjs';

const failures = [];
const figures = [];
function check(name, condition, detail = '') {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
  if (!condition) failures.push(name);
}
const figure = (label, value) => {
  figures.push(`${label}: ${value}`);
  console.log(`  · ${label}: ${value}`);
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

buildIfStale();
const app = await startStaticServer(E2E_DIST);
const bystander = await startBystanderServer();
const profile = mkdtempSync(path.join(os.tmpdir(), 'cit-e2e-'));
const context = await chromium.launchPersistentContext(profile, {
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
const browserRequests = [];
context.on('request', (request) => browserRequests.push(request.url()));
const page = await context.newPage();
page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));

try {
  await page.goto(`${app.url}test/e2e/page/sandbox-test.html`);
  await page.waitForFunction(() => Boolean(window.__citSandbox));
  await page.evaluate(inPage.writeAppStorage);
  const storageBefore = await page.evaluate(inPage.readAppStorage);
  await page.evaluate(inPage.listenForLeaks);

  // Boot and the first chart.
  const boot = await page.evaluate(inPage.bootPool, { size: 2, spares: 1, timeoutMs: 3000 });
  check(
    'pool boots the offline 0.17 runtime',
    boot.info?.distribution === 'offline-0.17',
    boot.error ?? `${boot.info?.python}, mpl ${boot.info?.matplotlib}`,
  );
  check(
    'runtime note says it is the old offline bundle',
    /old|offline/i.test(boot.info?.note ?? '') && /3\.8/.test(boot.info?.note ?? ''),
  );
  check(
    'boot reports progress stages',
    ['fetch', 'runtime', 'packages', 'ready'].every((stage) => boot.stages.includes(stage)),
    boot.stages.join(','),
  );
  figure('boot to matplotlib-ready (first worker, cold)', `${boot.readyMs.toFixed(0)} ms`);

  const bar = await page.evaluate(inPage.renderSummary, { code: BAR_CHART });
  figure('boot to first chart', `${(boot.readyMs + bar.wallMs).toFixed(0)} ms`);
  check(
    'bar chart renders a PNG of the expected size',
    bar.ok && bar.width === 600 && bar.height === 400,
    JSON.stringify(bar.error ?? { w: bar.width, h: bar.height }),
  );
  check(
    'the PNG decodes and is not blank',
    bar.decoded?.width === 600 && bar.decoded.inkFraction > 0.02,
    `ink ${bar.decoded?.inkFraction?.toFixed(3)}`,
  );
  check(
    'facts hold the bars and title',
    bar.barHeights === '3,1,2' && bar.title === 'Fruit sold',
    `${bar.barHeights} / ${bar.title}`,
  );
  const answer = await page.evaluate(inPage.answer, {
    renderId: bar.renderId,
    program: 'answer = facts["axes"][0]["title"]',
  });
  check(
    'answer program reads the render namespace',
    answer.ok && answer.value === 'Fruit sold',
    JSON.stringify(answer),
  );
  const capped = await page.evaluate(inPage.renderSummary, {
    code: BAR_CHART,
    decode: false,
    options: { dpi: 400, maxPixels: 1_000_000 },
  });
  check(
    'maxPixels lowers the dpi to fit (6×4 in at 400 dpi, cap 1 MP)',
    capped.ok && capped.width * capped.height <= 1_000_000 && capped.width > 600,
    `${capped.width}×${capped.height}`,
  );

  await page.evaluate(inPage.waitForWarmPool);
  check(
    'the first worker harvested bytecode, later workers boot with it',
    (await page.evaluate(() => window.__pool.status().bytecode)) === 'harvested',
  );
  const warm = [];
  for (let i = 0; i < 10; i += 1)
    warm.push(
      (await page.evaluate(inPage.renderSummary, { code: BAR_CHART, decode: false })).wallMs,
    );
  figure(
    'warm render median (10 × 6×4 in bar chart, page round trip)',
    `${median(warm).toFixed(0)} ms`,
  );

  // Optional packages load on demand from the fed files (no network in the sandbox).
  for (const [name, code] of Object.entries(ON_DEMAND)) {
    const result = await page.evaluate(inPage.renderSummary, { code, decode: false });
    check(`a script importing ${name} loads it on demand`, result.ok, JSON.stringify(result.error));
  }

  // Expected failures come back as data with the right kind, and the app keeps working.
  for (const script of FAILING) {
    await page.evaluate(inPage.waitForWarmPool);
    const started = Date.now();
    const result = await page.evaluate(inPage.renderSummary, {
      code: script.code,
      decode: false,
      timeoutMs: script.timeoutMs,
    });
    const lineOk = script.line === undefined || result.error?.line === script.line;
    check(
      `${script.name} → ${script.kind}`,
      !result.ok && result.error?.kind === script.kind && lineOk,
      result.ok
        ? 'rendered!'
        : `${result.error?.kind}: ${result.error?.message?.slice(0, 90)} (line ${result.error?.line})`,
    );
    if (script.kind === 'timeout') {
      const next = await page.evaluate(inPage.renderSummary, { code: BAR_CHART, decode: false });
      check('the chart after a timeout renders (spare promoted)', next.ok);
      figure(
        'timeout → next chart (with a warm spare)',
        `${next.wallMs.toFixed(0)} ms after the kill (whole step ${Date.now() - started} ms, limit 3000 ms)`,
      );
    }
    if (script.kind === 'memory') {
      const next = await page.evaluate(inPage.renderSummary, { code: BAR_CHART, decode: false });
      check('the chart after a MemoryError renders', next.ok);
    }
  }

  // Escapes through the `js` module: whatever the script gets, nothing leaves the sandbox.
  for (const script of escapeScripts(bystander.url, app.url)) {
    const result = await page.evaluate(inPage.renderSummary, { code: script.code, decode: false });
    const leaked = (script.mustNotContain ?? []).some((secret) =>
      JSON.stringify(result).includes(secret),
    );
    check(
      `${script.name}: contained`,
      !leaked,
      result.ok
        ? result.stdout.slice(0, 160)
        : `${result.error?.kind}: ${result.error?.message?.slice(0, 80)}`,
    );
  }

  // Forged replies: ignored for other workers' jobs, and the pool keeps working. A nested worker
  // of an escape script may still report its failure (and take its worker down): let it settle.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await page.evaluate(inPage.waitForWarmPool);
  const forged = await page.evaluate(inPage.renderPair, {
    first: FORGE_SCRIPT,
    second: SLOW_CHART,
  });
  check(
    'forged postMessage replies do not reach another job',
    forged.second.ok && forged.second.renderId !== 'forged',
    JSON.stringify(forged.second.error ?? 'ok'),
  );
  check(
    'the forging script ends as forbidden',
    !forged.first.ok && forged.first.error?.kind === 'forbidden',
    JSON.stringify(forged.first.error?.message),
  );

  // Aborts.
  const aborts = await page.evaluate(inPage.abortBoth, {
    loop: 'while True:\n    pass\n',
    chart: BAR_CHART,
  });
  check(
    'aborting a queued job rejects with AbortError and removes it',
    aborts.queued === 'AbortError',
    aborts.queued,
  );
  check(
    'aborting a running job rejects with AbortError',
    aborts.running === 'AbortError',
    aborts.running,
  );
  check('the chart after an abort renders', aborts.nextOk);

  // The raw sandbox (no Python): the CSP and the opaque origin block everything that matters.
  const probe = await page.evaluate(inPage.probe, {
    source: probeWorkerSource(bystander.url, app.url),
  });
  const mustBlock = Object.entries(probe ?? {}).filter(([name]) => name !== 'eval');
  check('raw worker probe ran', mustBlock.length >= 8, JSON.stringify(probe));
  for (const [name, outcome] of mustBlock)
    check(`raw probe: ${name} blocked`, outcome.startsWith('blocked'), outcome);

  // An answer program past its limit is stopped like a render.
  const fresh = await page.evaluate(inPage.renderSummary, { code: BAR_CHART, decode: false });
  const stuck = await page.evaluate(inPage.answer, {
    renderId: fresh.renderId,
    program: 'while True:\n    pass\n',
    timeoutMs: 1500,
  });
  check(
    'an endless answer program ends as timeout',
    stuck.error?.kind === 'timeout',
    JSON.stringify(stuck.error),
  );
  const afterKill = await page.evaluate(inPage.answer, {
    renderId: fresh.renderId,
    program: 'answer = 1',
  });
  check(
    "an answer program for a render whose worker died ends as 'crashed'",
    afterKill.error?.kind === 'crashed',
    afterKill.error?.message,
  );

  // Host rebuild after the iframe goes silent.
  const rebuilt = await page.evaluate(inPage.silenceHost, { code: BAR_CHART });
  check(
    'a silent sandbox host is rebuilt and renders again',
    rebuilt.ok && rebuilt.framesBuilt === 2,
    JSON.stringify(rebuilt),
  );
  figure(
    'iframe removed → rebuilt and a worker ready (4 s silence limit), then a chart',
    `${rebuilt.wallMs.toFixed(0)} ms`,
  );

  // Throughput with 1 vs 2 rendering workers.
  for (const size of [1, 2]) {
    const t = await page.evaluate(inPage.throughput, { size, count: 8, code: BAR_CHART });
    figure(
      `throughput, ${size} worker(s)`,
      `8 charts in ${t.wallMs.toFixed(0)} ms (${((8 * 1000) / t.wallMs).toFixed(2)} charts/s)`,
    );
  }

  // Idle workers are released down to one. Workers boot one at a time: the release delay must
  // outlast the second boot (several seconds on a loaded 2-core machine), or the first worker is
  // released before the second is up and "before" never reaches 2.
  const released = await page.evaluate(inPage.idleRelease, { idleReleaseMs: 6000 });
  check(
    'idle workers are released, except one',
    released.before >= 2 && released.after === 1,
    JSON.stringify(released),
  );

  // Storage intact, no leaks anywhere.
  const storageAfter = await page.evaluate(inPage.readAppStorage);
  check(
    "the app's IndexedDB and localStorage are intact",
    JSON.stringify(storageAfter) === JSON.stringify(storageBefore),
    JSON.stringify(storageAfter),
  );
  const leaks = await page.evaluate(() => window.__leaks);
  check('no BroadcastChannel message reached the app', leaks.length === 0, JSON.stringify(leaks));
  await new Promise((resolve) => setTimeout(resolve, 500));
  check(
    'the bystander server received nothing',
    bystander.log.length === 0,
    bystander.log.join(' | '),
  );
  const strayAppRequests = app.log.filter((line) => /leak|probe|py-|nested/.test(line));
  check(
    'the app server received no request from the sandbox',
    strayAppRequests.length === 0,
    strayAppRequests.join(' | '),
  );
  const wasmFetches = app.log.filter((line) => line.includes('pyodide.asm.wasm')).length;
  check(
    'runtime files were fetched once (fed mode, respawns and rebuilds make no requests)',
    wasmFetches === 1,
    `${wasmFetches} fetches`,
  );
  const offHost = browserRequests.filter(
    (url) => !/^(http:\/\/127\.0\.0\.1:|blob:|data:|about:)/.test(url),
  );
  check('no request left 127.0.0.1', offHost.length === 0, offHost.slice(0, 5).join(' | '));

  // Bytecode across sessions: reload the page (same profile, runtime files in the HTTP cache).
  const sessions = [
    { label: 'no bytecode', options: { bytecode: false }, clear: true, expect: 'none' },
    { label: 'bytecode harvested', options: {}, clear: true, expect: 'harvested' },
    { label: 'bytecode from the store', options: {}, clear: false, expect: 'cached' },
  ];
  for (const session of sessions) {
    await page.reload();
    await page.waitForFunction(() => Boolean(window.__citSandbox));
    if (session.clear) await page.evaluate(() => window.__citSandbox.clearBytecode());
    const boot = await page.evaluate(inPage.bootToFirstChart, {
      options: { size: 1, spares: 0, ...session.options },
      code: BAR_CHART,
    });
    check(
      `reloaded page, ${session.label}: a correct chart, bytecode '${session.expect}'`,
      boot.ok &&
        boot.bytecode === session.expect &&
        boot.barHeights === '3,1,2' &&
        boot.title === 'Fruit sold',
      JSON.stringify({ ...boot, readyMs: undefined, firstChartMs: undefined }),
    );
    if (session.expect !== 'none')
      check(`reloaded page, ${session.label}: the harvest is stored`, boot.stored);
    figure(
      `boot to first chart, files cached, ${session.label}`,
      `${boot.firstChartMs.toFixed(0)} ms (ready ${boot.readyMs.toFixed(0)} ms)`,
    );
    figure(
      `spare boot, ${session.label}`,
      `${(await page.evaluate(inPage.timeSpareBoot)).toFixed(0)} ms`,
    );
  }
} catch (error) {
  check('suite ran to the end', false, error instanceof Error ? error.stack : String(error));
} finally {
  await context.close();
  await app.close();
  await bystander.close();
  rmSync(profile, { recursive: true, force: true });
}

console.log(
  `\nFigures (Chromium headless, ${os.cpus().length} cores):\n${figures.map((line) => `  ${line}`).join('\n')}`,
);
console.log(
  failures.length === 0
    ? '\nAll e2e checks passed.'
    : `\n${failures.length} e2e check(s) failed:\n  ${failures.join('\n  ')}`,
);
process.exit(failures.length === 0 ? 0 : 1);
