// Writes the corpus manifest (with each script's code) as JSON for the native Python check:
//   node test/corpus/export-manifest.mjs [out.json]      (default: stdout)
// Vite loads the TypeScript manifest, so the JSON always matches what the app bundles.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const server = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
});
try {
  const corpus = await server.ssrLoadModule('/src/core/corpus/index.ts');
  const json = JSON.stringify(corpus.listCorpus(), null, 1);
  const out = process.argv[2];
  if (out) writeFileSync(out, json);
  else process.stdout.write(json + '\n');
} finally {
  await server.close();
}
