// Bundles the sandbox worker and the sandbox iframe's host script into single classic scripts in
// public/sandbox/. The page loads them as text: the host goes into the iframe's srcdoc (its hash
// goes into the CSP) and the worker becomes a blob: URL inside the iframe.
import path from 'node:path';
import { rm } from 'node:fs/promises';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'public/sandbox');

/** @param {string} entry @param {string} fileName */
async function bundle(entry, fileName) {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      lib: {
        entry: path.join(root, entry),
        formats: ['iife'],
        name: 'citSandbox',
        fileName: () => fileName,
      },
    },
  });
}

const started = performance.now();
await rm(outDir, { recursive: true, force: true });
await Promise.all([
  bundle('workers/python/sandbox.worker.ts', 'sandbox-worker.js'),
  bundle('workers/python/sandbox-host.ts', 'sandbox-host.js'),
]);
console.log(
  `sandbox scripts built in ${Math.round(performance.now() - started)} ms → public/sandbox/`,
);
