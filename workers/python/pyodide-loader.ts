// Loads Pyodide inside the classic sandbox worker, for either distribution.
import type { ScriptLoadingScope } from './fed-files.ts';
import type { RuntimeSource } from './protocol.ts';
import type { PyodideLike, PyodideLoader } from './pyodide-types.ts';

type LoadPyodide = (config: Record<string, unknown>) => Promise<PyodideLike>;

/**
 * A loader for the worker global scope. 0.17 is a classic script taking only indexURL. The
 * official release is an ES module whose asm glue it would `import()` by URL, which no shim can
 * redirect, so both modules are imported from their blob URLs and the glue is handed over.
 */
export function createWorkerLoader(
  scope: ScriptLoadingScope,
  source: RuntimeSource,
  files: Record<string, string>,
): PyodideLoader {
  return async () => {
    if (source.distribution === 'offline-0.17') {
      scope.importScripts(`${source.indexURL}pyodide.js`);
      const loadPyodide = (scope as unknown as { loadPyodide?: LoadPyodide }).loadPyodide;
      if (!loadPyodide) throw new Error('pyodide.js did not define loadPyodide');
      return loadPyodide({ indexURL: source.indexURL });
    }
    const blobOf = (name: string): string => {
      const url = files[`${source.indexURL}${name}`];
      if (!url) throw new Error(`runtime file ${name} was not provided`);
      return url;
    };
    const { loadPyodide } = (await import(/* @vite-ignore */ blobOf('pyodide.mjs'))) as {
      loadPyodide: LoadPyodide;
    };
    const glue = (await import(/* @vite-ignore */ blobOf('pyodide.asm.mjs'))) as {
      default: unknown;
    };
    return loadPyodide({
      indexURL: source.indexURL,
      createPyodideModule: glue.default,
      ...(source.lockFileURL ? { lockFileURL: source.lockFileURL } : {}),
      ...(source.packageBaseUrl ? { packageBaseUrl: source.packageBaseUrl } : {}),
    });
  };
}
