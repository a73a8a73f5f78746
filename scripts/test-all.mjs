#!/usr/bin/env node
// Every test layer, in order, each printing its own results; exits non-zero if any failed.
// Layers (ARCHITECTURE.md "Tests, by layer"): static checks, unit + Node Pyodide tests (vitest),
// render.py natively under Debian's python3, then the browser tests against the built app.
import { spawnSync } from 'node:child_process';

const steps = [
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['typecheck', 'npx', ['tsc', '-b']],
  [
    'svelte-check',
    'npx',
    ['svelte-check', '--tsconfig', './tsconfig.app.json', '--fail-on-warnings'],
  ],
  ['unit + node', 'npx', ['vitest', 'run']],
  ['python (native)', 'node', ['scripts/run-python-tests.mjs']],
  ['corpus (native)', '/usr/bin/python3', ['test/corpus/check_corpus.py']],
  ['template recipe cross-check (native)', 'node', ['test/template/cross_check.mjs', '128', '1']],
  ['build', 'npm', ['run', 'build']],
  ['browser: sandbox (e2e)', 'node', ['test/e2e/run.mjs']],
  ['browser: corpus (e2e)', 'node', ['test/e2e/corpus-check.mjs']],
  ['browser: app (e2e)', 'node', ['test/e2e/app-check.mjs']],
  ['browser: offline (e2e)', 'node', ['test/e2e/offline-check.mjs']],
  ['browser: generate, export, import (e2e)', 'node', ['test/e2e/generate-check.mjs']],
  ['browser: browse, inspect, edit (e2e)', 'node', ['test/e2e/dataset-check.mjs']],
  ['export archive (native)', 'node', ['test/export/check-archive.mjs']],
  ['browser: WebGPU probe and WebLLM (e2e)', 'node', ['test/e2e/webgpu-check.mjs']],
  ['browser: LLM provider settings (e2e)', 'node', ['test/e2e/settings-check.mjs']],
  [
    'browser: CIT pipeline with the template-backed fake LLM (e2e)',
    'node',
    ['test/e2e/cit-check.mjs'],
  ],
];

const results = [];
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const ok = run.status === 0;
  results.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  console.log(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${run.status ?? run.signal})`}`);
}

console.log('\nSummary');
for (const r of results)
  console.log(`  ${r.ok ? 'ok    ' : 'FAILED'} ${r.name} (${r.seconds.toFixed(1)} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
