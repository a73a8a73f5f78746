// Builds the e2e bundle (sandbox scripts + the test page + runtime files) when it is missing or
// older than any source it is made of.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const E2E_DIST = path.join(ROOT, 'test-results/e2e-dist');
// The bench pages import the pipeline, the LLM layer and state helpers too: all of src counts.
const SOURCES = [
  'src',
  'workers/python',
  'test/e2e/page',
  'test/bench/page',
  'scripts/build-sandbox-worker.mjs',
  'scripts/vite-plugin-runtimes.ts',
  'vite.config.ts',
];

function newestMtime(entry) {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** Rebuilds when stale; returns true when it built. */
export function buildIfStale() {
  const marker = path.join(E2E_DIST, 'sandbox/sandbox-worker.js');
  const builtAt = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map((entry) => newestMtime(path.join(ROOT, entry))));
  if (builtAt > sourcesAt) return false;
  const run = (args, env = {}) =>
    execFileSync(process.execPath, args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
  run(['scripts/build-sandbox-worker.mjs']);
  run(
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      E2E_DIST,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    {
      CIT_E2E: '1',
    },
  );
  return true;
}
