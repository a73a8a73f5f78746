// The one fetch both HTTP adapters use: POST JSON, map failures to LlmError kinds, hand back the
// response for the caller to read (as JSON or as an SSE stream).
import { errorFromStatus, errorFromThrown } from './http-errors.ts';
import { LlmError } from './types.ts';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface PostOptions {
  fetch: FetchLike;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  signal?: AbortSignal;
  /** Strings that must never appear in an error message (the API key). */
  secrets: readonly string[];
}

/** POSTs and returns an OK response, or throws a normalised LlmError. */
export async function postJson(options: PostOptions): Promise<Response> {
  if (options.signal?.aborted === true) {
    throw new LlmError('aborted', 'the call was cancelled before it started');
  }
  try {
    new URL(options.url);
  } catch {
    throw new LlmError('bad-request', 'the base URL is not a valid URL');
  }
  let response: Response;
  try {
    response = await options.fetch(options.url, {
      method: 'POST',
      headers: options.headers,
      body: JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    throw errorFromThrown(error, options.signal, options.secrets);
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    throw errorFromStatus(response.status, text, response.headers, options.secrets);
  }
  return response;
}

/** Reads a JSON body; a body that is not JSON is a bad reply from the server. */
export async function readJsonBody(response: Response, signal?: AbortSignal): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw errorFromThrown(error, signal);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new LlmError('bad-request', 'the server replied with a body that is not JSON', {
      status: response.status,
      cause: error,
    });
  }
}

/** Parses one SSE data payload; a malformed one ends the call as a protocol error. */
export function parseEventData(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch (error) {
    throw new LlmError('bad-request', 'the server streamed an event that is not JSON', {
      cause: error,
    });
  }
}

/** A stream that ended without its end marker: network error if nothing arrived. */
export function droppedStreamError(): LlmError {
  return new LlmError('network', 'the connection dropped before the reply started');
}

export function defaultFetch(): FetchLike {
  // Bound so that browsers do not throw "Illegal invocation".
  return (input, init) => globalThis.fetch(input, init);
}

/** Trims a trailing slash so `${base}/path` joins cleanly. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}
