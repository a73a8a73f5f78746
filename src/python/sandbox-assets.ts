// What a sandbox frame needs, gathered by the page: the runtime choice, the host and worker
// scripts, and (fed mode) every runtime file as a Blob, fetched from the app's own origin so the
// HTTP cache and a service worker serve them.
import type { RuntimeSource } from '../../workers/python/protocol.ts';
import type { PoolProgress, RenderPoolOptions } from './pool-types.ts';
import { chooseRuntimeSource } from './runtime-source/index.ts';
import type { RuntimeSource as ChosenRuntime } from './runtime-source/index.ts';

/** Everything a SandboxFrame is started with. */
export interface SandboxAssets {
  hostSource: string;
  workerSource: string;
  files: Record<string, Blob>;
  source: RuntimeSource;
}

/** Chooses the runtime and fetches the scripts and runtime files. */
export async function loadSandboxAssets(
  options: RenderPoolOptions,
  onProgress: (progress: PoolProgress) => void,
): Promise<SandboxAssets> {
  const fetchFn = options.fetchFn ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl ?? document.baseURI;
  const preferOffline = options.preferOffline ?? false;
  const chosen = await (
    options.chooseSource ??
    (() => chooseRuntimeSource({ fetch: fetchFn, baseUrl: base, preferOffline }))
  )();
  const text = async (path: string) => (await fetchOk(fetchFn, new URL(path, base).href)).text();
  const [hostSource, workerSource] = await Promise.all([
    text('sandbox/sandbox-host.js'),
    text('sandbox/sandbox-worker.js'),
  ]);
  onProgress({ stage: 'fetch', fraction: 0, message: 'Fetching the Python runtime' });
  // Optional packages are fed too: a script importing scipy must not need the network.
  const urls = [...chosen.files, ...Object.values(chosen.onDemand).flat()];
  let loadedBytes = 0;
  let doneFiles = 0;
  const entries = await Promise.all(
    urls.map(async (url): Promise<[string, Blob]> => {
      const blob = await (await fetchOk(fetchFn, url)).blob();
      loadedBytes += blob.size;
      doneFiles += 1;
      onProgress({
        stage: 'fetch',
        fraction: doneFiles / urls.length,
        message: `Fetched ${doneFiles}/${urls.length} runtime files (${(loadedBytes / 1e6).toFixed(1)} MB)`,
      });
      // Typed so the worker can compile the wasm while it streams.
      return [url, url.endsWith('.wasm') ? new Blob([blob], { type: 'application/wasm' }) : blob];
    }),
  );
  return {
    hostSource,
    workerSource,
    files: Object.fromEntries(entries),
    source: toSandboxSource(chosen),
  };
}

async function fetchOk(fetchFn: typeof fetch, url: string): Promise<Response> {
  const response = await fetchFn(url);
  if (!response.ok) throw new Error(`could not fetch ${url}: HTTP ${response.status}`);
  return response;
}

/** The part of the chosen runtime the sandbox worker needs. */
function toSandboxSource(chosen: ChosenRuntime): RuntimeSource {
  const isLegacy = chosen.distribution === 'offline-0.17';
  return {
    distribution: chosen.distribution,
    indexURL: chosen.indexURL,
    lockFileURL: isLegacy ? null : chosen.lockFileURL,
    packageBaseUrl: isLegacy ? null : chosen.packageBaseUrl,
    note: chosen.note,
  };
}
