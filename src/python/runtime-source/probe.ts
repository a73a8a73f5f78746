// A request with a hard deadline. The deadline holds even when the fetch-like function ignores
// its AbortSignal: the probe gives up and the caller moves on to the next runtime source.

/** The subset of `fetch` the runtime-source choice needs (injectable for tests). */
export type FetchLike = (
  url: string,
  init: { method: 'GET' | 'HEAD'; signal: AbortSignal },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** Outcome of one probe: the parsed body when asked for, or why it failed. */
export type ProbeResult = { ok: true; body: unknown } | { ok: false; reason: string };

export interface ProbeOptions {
  method: 'GET' | 'HEAD';
  timeoutMs: number;
  /** Parse the body as JSON (GET only). */
  json?: boolean;
}

/** Requests `url`; never throws (failures, HTTP errors and timeouts become `{ ok: false }`). */
export async function probeUrl(
  fetchLike: FetchLike,
  url: string,
  options: ProbeOptions,
): Promise<ProbeResult> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<ProbeResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ ok: false, reason: `${url}: no answer within ${options.timeoutMs} ms` });
    }, options.timeoutMs);
  });
  const attempt = (async (): Promise<ProbeResult> => {
    try {
      const response = await fetchLike(url, { method: options.method, signal: controller.signal });
      if (!response.ok) return { ok: false, reason: `${url}: HTTP ${response.status}` };
      return { ok: true, body: options.json ? await response.json() : null };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, reason: `${url}: ${message}` };
    }
  })();
  try {
    return await Promise.race([attempt, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
