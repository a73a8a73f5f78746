// The WebGPU capability paths in Debian's Chromium: (a) no flag → no adapter and the right message;
// (b) --enable-unsafe-webgpu → SwiftShader, a fallback adapter without shader-f16 → a q4f32 pick (or
// a refusal with its reason); (c) a WebLLM load of a model whose files 404 on 127.0.0.1 ends in a
// clean error, not a hang; (d) unload() cancels a download that is in flight. No request may leave
// 127.0.0.1.
// Usage: node test/e2e/webgpu-check.mjs   (bundles the probe page with Vite into test-results/)
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, ROOT } from './corpus-harness.mjs';
import { startStaticServer } from './servers.mjs';

const OUT = path.join(ROOT, 'test-results/webgpu-e2e');
const LOAD_TIMEOUT_MS = 60_000;
let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
  if (ok) passed += 1;
  else failed += 1;
}

// A build of its own: the page needs only the probe, the adapter and web-llm, not the app's runtimes.
await build({
  configFile: false,
  root: path.join(ROOT, 'test/e2e/page'),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: OUT,
    // web-llm is one large chunk; size does not matter for a test page.
    chunkSizeWarningLimit: 8000,
    emptyOutDir: true,
    rollupOptions: { input: path.join(ROOT, 'test/e2e/page/webgpu-probe.html') },
  },
  worker: { format: 'es' },
});
const server = await startStaticServer(OUT);
const slow = await startHoldingServer();
const pageUrl = `${server.url}webgpu-probe.html`;

/** A server that answers CORS preflights but holds every other request open (a stalled download). */
async function startHoldingServer() {
  const held = [];
  let notify = () => undefined;
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    held.push({ url: req.url, res });
    notify();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/slow-model/`,
    held,
    /** Resolves once a request is being held. */
    firstHeld: () => (held.length ? Promise.resolve() : new Promise((r) => (notify = r))),
    close: () => {
      for (const { res } of held) res.destroy();
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}

async function withBrowser(extraArgs, run) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'cit-webgpu-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  const foreign = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('http://127.0.0.1:') && !/^(blob|data):/.test(url)) foreign.push(url);
  });
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
    await page.goto(pageUrl);
    await page.waitForFunction(() => window.probeReady === true);
    await run(page);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return foreign;
}

try {
  // (a) No flag: navigator.gpu exists, the adapter is null.
  const foreignA = await withBrowser([], async (page) => {
    const result = await page.evaluate(() => window.runProbe());
    check(
      'no flag: probe reports no adapter',
      result.ok === false && result.adapter === null && result.recommended === null,
      JSON.stringify(result.reasons),
    );
    check(
      'no flag: the message explains the missing adapter',
      result.reasons.some((r) => r.startsWith('WebGPU is present but no GPU adapter')),
    );
  });
  check('no flag: no request left 127.0.0.1', foreignA.length === 0, foreignA.join(', '));

  // (b) and (c) with WebGPU enabled (SwiftShader in a headless browser without a GPU).
  const foreignB = await withBrowser(['--enable-unsafe-webgpu'], async (page) => {
    const result = await page.evaluate(() => window.runProbe());
    const adapter = result.adapter;
    console.log(`adapter: ${JSON.stringify(adapter)}`);
    console.log(`recommended: ${result.recommended}; reasons: ${JSON.stringify(result.reasons)}`);
    check(
      'unsafe-webgpu: a fallback adapter without shader-f16',
      adapter !== null && adapter.isFallback === true && adapter.hasF16 === false,
    );
    check(
      'unsafe-webgpu: warns about the software adapter and the missing shader-f16',
      result.reasons.some((r) => r.includes('software (CPU) fallback')) &&
        result.reasons.some((r) => r.includes('lacks shader-f16')),
    );
    const picksF32 = result.ok && /q4f32_1/.test(result.recommended ?? '');
    const refusesWithReason = !result.ok && result.reasons.length > 0;
    check(
      'unsafe-webgpu: recommends an f32 variant or refuses with a reason',
      picksF32 || refusesWithReason,
      String(result.recommended),
    );
    check(
      'unsafe-webgpu: only q4f32 variants are offered',
      result.models.length > 0 && result.models.every((m) => m.id.includes('q4f32_1')),
    );

    // (c) A model whose files 404: the load must fail cleanly within the timeout.
    const started = Date.now();
    const outcome = await Promise.race([
      page.evaluate(() => window.loadMissingModel()),
      new Promise((resolve) => setTimeout(() => resolve({ outcome: 'hang' }), LOAD_TIMEOUT_MS)),
    ]);
    console.log(`missing model: ${JSON.stringify(outcome)} after ${Date.now() - started} ms`);
    check(
      'missing model: load ends in an LlmError, not a hang',
      outcome.outcome === 'error' && outcome.name === 'LlmError' && outcome.kind === 'network',
      `${outcome.kind}: ${outcome.message}`,
    );
    const asked = server.log.filter((line) => line.includes('no-such-model'));
    check(
      'missing model: the files were asked of the local server',
      asked.length > 0,
      asked.join(', '),
    );

    // (d) A download that stalls: unload() must cancel it and load() must reject as aborted.
    await page.evaluate((base) => window.startSlowModel(base), slow.url);
    await Promise.race([
      slow.firstHeld(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('the download never started')), LOAD_TIMEOUT_MS),
      ),
    ]);
    const cancelled = await Promise.race([
      page.evaluate(() => window.cancelSlowModel()),
      new Promise((resolve) => setTimeout(() => resolve({ outcome: 'hang' }), LOAD_TIMEOUT_MS)),
    ]);
    const heldUrls = slow.held.map((h) => h.url).join(', ');
    console.log(`stalled download after unload(): ${JSON.stringify(cancelled)}; held ${heldUrls}`);
    check(
      "stalled download: unload() ends load() with 'aborted'",
      cancelled.outcome === 'error' && cancelled.kind === 'aborted',
      `${cancelled.kind}: ${cancelled.message}`,
    );
  });
  check('unsafe-webgpu: no request left 127.0.0.1', foreignB.length === 0, foreignB.join(', '));
} catch (error) {
  check('run without exceptions', false, error instanceof Error ? error.stack : String(error));
} finally {
  await server.close();
  await slow.close();
}
console.log(`webgpu e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
