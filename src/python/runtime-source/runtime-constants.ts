// Where each Python distribution lives and which of its files the page fetches for the sandbox.
// Paths are relative to the app's base URL (the build copies the files there).

/** The pinned official Pyodide release (package.json pins `pyodide` to exactly this). */
export const PYODIDE_VERSION = '314.0.7';

/** The official CDN folder of that release: the wheels' home when nothing is vendored. */
export const OFFICIAL_CDN_URL = `https://cdn.jsdelivr.net/pyodide/v${PYODIDE_VERSION}/full/`;

/** Folder (under the app's base URL) of the official core, the vendored wheels and the manifest. */
export const OFFICIAL_DIR = 'pyodide/';

/** Folder (under the app's base URL) of the legacy @pyodide/pyodide@0.17.1 bundle. */
export const OFFLINE_017_DIR = 'pyodide-0.17/';

/** Name of the vendor manifest written by `npm run vendor:pyodide`. */
export const VENDOR_MANIFEST = 'manifest.json';

/**
 * Official core files (from the `pyodide` npm package). Both loader builds are listed (18 KB
 * each): `pyodide.mjs` for a module worker, `pyodide.js` for a script tag. 314.x ships the asm
 * glue only as an ES module (`pyodide.asm.mjs`) and refuses classic workers.
 */
export const OFFICIAL_CORE_FILES: readonly string[] = [
  'pyodide.mjs',
  'pyodide.js',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];

/** Legacy 0.17 core: a classic script (`importScripts('pyodide.js')`), its glue and payload. */
export const OFFLINE_017_CORE_FILES: readonly string[] = [
  'pyodide.js',
  'pyodide.asm.js',
  'pyodide.asm.data',
  'pyodide.asm.wasm',
  'packages.json',
];

/** Shown whenever the legacy bundle runs: it must never be silent. */
export const OFFLINE_017_NOTE =
  'Running the old, unofficial offline Python bundle (Pyodide 0.17: Python 3.8, numpy 1.17, ' +
  'matplotlib 3.3.3). Some newer matplotlib APIs are patched or unavailable. With internet ' +
  `access (or after \`npm run vendor:pyodide\`), the official Pyodide ${PYODIDE_VERSION} with ` +
  'Python 3.14, numpy 2.4 and matplotlib 3.10 is used instead.';

/** Shown when the wheels come from the CDN: the first start needed the network. */
export const OFFICIAL_CDN_NOTE =
  `numpy and matplotlib are downloaded from the official Pyodide CDN (cdn.jsdelivr.net) ` +
  'and cached by the browser; later starts work offline while the cache lasts.';
