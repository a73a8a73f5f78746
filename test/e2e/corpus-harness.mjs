// Shared by the corpus e2e check and the render benchmark: load the corpus, render it in
// Chromium through the app's sandboxed RenderPool (the test page of the e2e build), render it
// natively through workers/python/py/native_server.py, and compare facts with the manifest.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { chromium } from 'playwright-core';
import { buildIfStale, E2E_DIST } from './build-if-stale.mjs';
import { startStaticServer } from './servers.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SYSTEM_PYTHON = '/usr/bin/python3';
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** The corpus manifest with each script's code (as the app bundles it). */
export function loadCorpus() {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'test/corpus/export-manifest.mjs')], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`export-manifest failed: ${run.stderr}`);
  return JSON.parse(run.stdout.toString());
}

/** The built e2e app on 127.0.0.1 and a Chromium page on its sandbox test hook. */
export async function openSandboxPage() {
  buildIfStale();
  const server = await startStaticServer(E2E_DIST);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'cit-corpus-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
  await page.goto(`${server.url}test/e2e/page/sandbox-test.html`);
  await page.waitForFunction(() => Boolean(window.__citSandbox));
  return {
    page,
    server,
    /** Requests the browser made to anything but the app's server. */
    foreignRequests: () =>
      requests.filter(
        (url) =>
          !url.startsWith(server.url) && !url.startsWith('blob:') && !url.startsWith('data:'),
      ),
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Boots a fresh pool of `size` workers in the page; returns ms from creation to ready. */
export async function bootPool(page, options) {
  return page.evaluate(async (opts) => {
    window.__pool?.dispose();
    const started = performance.now();
    const { pool } = window.__citSandbox.createPool(opts);
    window.__pool = pool;
    const info = await pool.ready();
    // Wait until every worker (and the spare) is warm, so timings measure renders, not boots.
    const deadline = performance.now() + 120_000;
    while (
      (pool.status().booting > 0 || pool.status().idle < opts.size + (opts.spares ?? 1)) &&
      performance.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { info, readyMs: performance.now() - started };
  }, options);
}

/**
 * Renders each script in the page's pool, all queued at once (the pool spreads them over its
 * workers). Returns per-script summaries (facts included) and the wall time of the whole batch.
 */
export async function renderInPage(
  page,
  scripts,
  { dpi = 100, withFacts = true, sequential = false } = {},
) {
  return page.evaluate(
    async ({ scripts, dpi, withFacts, sequential }) => {
      const pool = window.__pool;
      async function inkFraction(png) {
        const bitmap = await createImageBitmap(new Blob([png], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d');
        context.drawImage(bitmap, 0, 0);
        const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
        let ink = 0;
        for (let i = 0; i < pixels.length; i += 4)
          if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 690) ink += 1;
        return { width: bitmap.width, height: bitmap.height, ink: ink / (pixels.length / 4) };
      }
      const started = performance.now();
      const renderOne = async ({ id, code }) => {
        const queued = performance.now();
        const result = await pool.render(code, { dpi });
        const wallMs = performance.now() - queued;
        if (!result.ok) return { id, ok: false, error: result.error, wallMs };
        return {
          id,
          ok: true,
          width: result.width,
          height: result.height,
          durationMs: result.durationMs,
          wallMs,
          compat: result.compat,
          decoded: withFacts ? await inkFraction(result.png) : null,
          facts: withFacts ? result.facts : null,
        };
      };
      const results = [];
      if (sequential) for (const script of scripts) results.push(await renderOne(script));
      else results.push(...(await Promise.all(scripts.map(renderOne))));
      return { results, wallMs: performance.now() - started };
    },
    { scripts: scripts.map(({ id, code }) => ({ id, code })), dpi, withFacts, sequential },
  );
}

/** A native render server (Debian CPython + matplotlib 3.6), one request at a time. */
export async function startNativeRenderer() {
  const child = spawn(SYSTEM_PYTHON, [path.join(ROOT, 'workers/python/py/native_server.py')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout });
  const waiting = new Map();
  lines.on('line', (line) => {
    const reply = JSON.parse(line);
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  let nextId = 1;
  const call = (request) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, (reply) =>
        reply.ok ? resolve(reply.result) : reject(new Error(reply.message)),
      );
      child.stdin.write(JSON.stringify({ id, ...request }) + '\n');
    });
  await call({ op: 'boot', config: { distribution: 'native' } });
  return { call, close: () => child.kill() };
}

/** Renders each script natively, one after another; returns summaries with wall times. */
export async function renderNatively(native, scripts, { dpi = 100 } = {}) {
  const results = [];
  const started = performance.now();
  for (const { id, code } of scripts) {
    const queued = performance.now();
    const result = await native.call({ op: 'render', code, options: { dpi, seed: 0 } });
    const wallMs = performance.now() - queued;
    results.push(
      result.ok
        ? {
            id,
            ok: true,
            width: result.width,
            height: result.height,
            durationMs: result.durationMs,
            wallMs,
            facts: result.facts,
          }
        : { id, ok: false, error: result.error, wallMs },
    );
  }
  return { results, wallMs: performance.now() - started };
}

/** Compares facts with the manifest's expectations (test/corpus/expectations.py). */
export function compareWithExpectations(pairs) {
  const program = [
    'import json, sys',
    `sys.path.insert(0, ${JSON.stringify(path.join(ROOT, 'test/corpus'))})`,
    'import expectations',
    'pairs = json.load(sys.stdin)',
    'print(json.dumps({p["id"]: expectations.compare(p["facts"], p["expect"]) for p in pairs}))',
  ].join('\n');
  const run = spawnSync(SYSTEM_PYTHON, ['-c', program], {
    input: JSON.stringify(pairs),
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`expectations.compare failed: ${run.stderr}`);
  return JSON.parse(run.stdout.toString());
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};
