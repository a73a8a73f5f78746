// Fed mode: the page fetched the runtime files and the host made blob: URLs of them. Pyodide still
// asks for `indexURL + name`, so importScripts, fetch and XMLHttpRequest are pointed at the blobs.
// Anything not in the map passes through unchanged and is refused by the iframe's CSP.

/** The parts of a worker's global scope that load files (typed here so DOM-only projects compile). */
export interface ScriptLoadingScope {
  importScripts(...urls: (string | URL)[]): void;
  fetch: typeof fetch;
}

/** Routes the runtime's file URLs to the given blob URLs for the rest of this worker's life. */
export function installFedFiles(scope: ScriptLoadingScope, files: Record<string, string>): void {
  const route = (url: string | URL): string => files[String(url)] ?? String(url);
  const importScripts = scope.importScripts.bind(scope);
  scope.importScripts = (...urls: (string | URL)[]) => importScripts(...urls.map(route));
  const fetch = scope.fetch.bind(scope);
  scope.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    fetch(typeof input === 'string' || input instanceof URL ? route(input) : input, init);
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    args[1] = route(args[1] as string | URL);
    return (open as (...a: unknown[]) => void).apply(this, args);
  };
}
