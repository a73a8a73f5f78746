// Serves the Python runtimes from the app's own origin in dev and preview, and copies only the
// files a chart needs into dist/ at build time (the 0.17 bundle is 274 MB; charts need ~70 MB).
//   /pyodide-0.17/<file> ← node_modules/@pyodide/pyodide/dist/
//   /pyodide/<file>      ← vendor/pyodide/ (wheels + trimmed lock) when present, else node_modules/pyodide/
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin, ResolvedConfig } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '..');
const LEGACY_DIR = path.join(ROOT, 'node_modules/@pyodide/pyodide/dist');
const OFFICIAL_DIR = path.join(ROOT, 'node_modules/pyodide');
const VENDOR_DIR = path.join(ROOT, 'vendor/pyodide');
const E2E_PAGE = path.join(ROOT, 'test/e2e/page/sandbox-test.html');
const DATASET_BENCH_PAGE = path.join(ROOT, 'test/bench/page/dataset-bench.html');
const PIPELINE_BENCH_PAGE = path.join(ROOT, 'test/bench/page/pipeline-bench.html');

/** Packages a chart script may need on 0.17: matplotlib is loaded at boot, the rest on demand. */
export const LEGACY_PACKAGES = ['matplotlib', 'scipy', 'networkx'];
const LEGACY_CORE = [
  'pyodide.js',
  'pyodide.asm.js',
  'pyodide.asm.data',
  'pyodide.asm.wasm',
  'packages.json',
];
const OFFICIAL_CORE = [
  'pyodide.js',
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];

const MIME: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.zip': 'application/zip',
  '.whl': 'application/zip',
  '.html': 'text/html',
  '.map': 'application/json',
};

/** The 0.17 files for `packages` and their dependency closure, read from packages.json. */
export function listLegacyFiles(dir = LEGACY_DIR, packages = LEGACY_PACKAGES): string[] {
  const index = JSON.parse(readFileSync(path.join(dir, 'packages.json'), 'utf8')) as {
    dependencies: Record<string, string[]>;
  };
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dep of index.dependencies[name] ?? []) visit(dep);
  };
  packages.forEach(visit);
  const files = [...seen].sort().flatMap((name) => [`${name}.js`, `${name}.data`]);
  return [...LEGACY_CORE, ...files];
}

/** Maps a request path to a file on disk, or null when it is not a runtime file. */
function resolveRuntimeFile(urlPath: string): string | null {
  const match = /^\/(pyodide-0\.17|pyodide)\/([^/?#]+)$/.exec(urlPath);
  if (!match) return null;
  const [, prefix, name] = match;
  if (!name || name.startsWith('.')) return null;
  const candidates =
    prefix === 'pyodide-0.17'
      ? [path.join(LEGACY_DIR, name)]
      : [path.join(VENDOR_DIR, name), path.join(OFFICIAL_DIR, name)];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

function serveRuntimeFiles(base: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const url = new URL(req.url ?? '/', 'http://x');
    let urlPath = decodeURIComponent(url.pathname);
    const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
    if (prefix && prefix !== '.' && urlPath.startsWith(prefix))
      urlPath = urlPath.slice(prefix.length);
    const file = resolveRuntimeFile(urlPath);
    if (!file) return next();
    const size = statSync(file).size;
    res.setHeader('Content-Type', MIME[path.extname(file)] ?? 'application/octet-stream');
    res.setHeader('Content-Length', String(size));
    // The runtime files are versioned by their folder; let the page's HTTP cache keep them.
    res.setHeader('Cache-Control', 'public, max-age=86400');
    createReadStream(file).pipe(res);
  };
}

async function copyFiles(fromDirs: string[], names: string[], toDir: string): Promise<void> {
  await mkdir(toDir, { recursive: true });
  const copyOne = async (name: string): Promise<void> => {
    const from = fromDirs.map((dir) => path.join(dir, name)).find((file) => existsSync(file));
    if (from) await copyFile(from, path.join(toDir, name));
  };
  await Promise.all(names.map(copyOne));
}

/**
 * Official core files (the vendored folder's trimmed lock wins) plus every vendored wheel and the
 * vendor manifest, which is how the app finds out at run time that the wheels are there.
 */
function listOfficialFiles(): string[] {
  const vendored = existsSync(VENDOR_DIR)
    ? readdirSync(VENDOR_DIR).filter((name) => name.endsWith('.whl') || name === 'manifest.json')
    : [];
  return [...OFFICIAL_CORE, ...vendored];
}

/** Vite plugin: runtime files in dev/preview and in the build; only the e2e page when CIT_E2E=1. */
export function runtimesPlugin(): Plugin {
  let config: ResolvedConfig | undefined;
  const withTestPage = process.env['CIT_E2E'] === '1';
  return {
    name: 'cit-runtimes',
    config() {
      if (!withTestPage) return;
      // The e2e build holds only the test page (plus the same runtime files and sandbox scripts as
      // the app build), so the sandbox suite does not depend on the rest of the UI compiling.
      // Production builds never include it.
      return {
        build: {
          rollupOptions: {
            input: {
              sandboxTest: E2E_PAGE,
              datasetBench: DATASET_BENCH_PAGE,
              pipelineBench: PIPELINE_BENCH_PAGE,
            },
          },
        },
      };
    },
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      server.middlewares.use(serveRuntimeFiles(server.config.base));
    },
    configurePreviewServer(server) {
      server.middlewares.use(serveRuntimeFiles(server.config.base));
    },
    async writeBundle() {
      if (!config || config.command !== 'build') return;
      const outDir = path.resolve(config.root, config.build.outDir);
      await copyFiles([LEGACY_DIR], listLegacyFiles(), path.join(outDir, 'pyodide-0.17'));
      await copyFiles(
        [VENDOR_DIR, OFFICIAL_DIR],
        listOfficialFiles(),
        path.join(outDir, 'pyodide'),
      );
    },
  };
}
