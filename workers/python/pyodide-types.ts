// The small part of the Pyodide API the runtime uses; both 0.17 and the official releases fit it.

/** A Python object seen from JS. */
export interface PyProxyLike {
  toJs(): unknown;
  destroy(): void;
  get?(key: unknown): unknown;
}

/** A loaded Pyodide instance. */
export interface PyodideLike {
  version: string;
  runPython(code: string): unknown;
  loadPackage(names: string[]): Promise<unknown>;
  globals: { get(name: string): unknown };
}

/** Loads a Pyodide instance (browser: importScripts + loadPyodide; tests: the npm package). */
export type PyodideLoader = () => Promise<PyodideLike>;

/** True when a value is a PyProxy (both versions give proxies a `destroy` and `toJs`). */
export function isPyProxy(value: unknown): value is PyProxyLike {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as PyProxyLike).destroy === 'function' &&
    typeof (value as PyProxyLike).toJs === 'function'
  );
}
