// Fed mode, page side: the runtime files a chart needs, fetched from the app's origin (so the HTTP
// cache and a service worker serve them) and handed to the sandbox as Blobs keyed by their URL.
/** Progress of the page's fetch of runtime files. */
export type FetchProgress = (loadedBytes: number, totalFiles: number, doneFiles: number) => void;

/** Fetches every file as a Blob (the wasm typed application/wasm for streaming compilation). */
export async function fetchRuntimeFiles(
  urls: string[],
  fetchFn: typeof fetch,
  onProgress: FetchProgress,
  signal?: AbortSignal,
): Promise<Record<string, Blob>> {
  let loadedBytes = 0;
  let doneFiles = 0;
  const entries = await Promise.all(
    urls.map(async (url): Promise<[string, Blob]> => {
      const blob = await (await fetchOk(fetchFn, url, signal)).blob();
      loadedBytes += blob.size;
      doneFiles += 1;
      onProgress(loadedBytes, urls.length, doneFiles);
      const typed = url.endsWith('.wasm') ? new Blob([blob], { type: 'application/wasm' }) : blob;
      return [url, typed];
    }),
  );
  return Object.fromEntries(entries);
}

async function fetchOk(fetchFn: typeof fetch, url: string, signal?: AbortSignal): Promise<Response> {
  const response = await fetchFn(url, signal ? { signal } : {});
  if (!response.ok) throw new Error(`could not fetch ${url}: HTTP ${response.status}`);
  return response;
}
