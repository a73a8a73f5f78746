// Turns HTTP failures of hosted LLM APIs into LlmError kinds. Messages are built from the status and
// the server's own error text, never from the request, so an API key cannot leak into them; any key
// the caller names is also scrubbed from the server text (some servers echo headers back).
import { LlmError } from './types.ts';

const CONTEXT_WORDING =
  /context[ _-]?(length|window)|maximum context|too many tokens|prompt is too long|exceeds? the (model'?s? )?(maximum|limit)/i;

/** Parses Retry-After (seconds or an HTTP date) and retry-after-ms into milliseconds. */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | null {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) {
    return Math.max(0, Number(ms));
  }
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return null;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Removes every occurrence of each secret (keys are long; short strings are left alone). */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** The server's own error message from a JSON or text body, shortened. */
export function extractErrorMessage(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed !== null && typeof parsed === 'object') {
      const error = (parsed as { error?: unknown }).error;
      if (typeof error === 'string') return error.slice(0, 500);
      if (error !== null && typeof error === 'object') {
        const message = (error as { message?: unknown }).message;
        if (typeof message === 'string') return message.slice(0, 500);
      }
      const message = (parsed as { message?: unknown }).message;
      if (typeof message === 'string') return message.slice(0, 500);
    }
  } catch {
    // not JSON: use the text as is
  }
  return body.trim().slice(0, 500);
}

/** Maps a status and body to a normalised error. */
export function errorFromStatus(
  status: number,
  body: string,
  headers: Headers,
  secrets: readonly string[] = [],
): LlmError {
  const detail = scrubSecrets(extractErrorMessage(body), secrets);
  const suffix = detail === '' ? '' : `: ${detail}`;
  const retryAfterMs = parseRetryAfter(headers);
  if (status === 401 || status === 403) {
    return new LlmError('auth', `HTTP ${status}, the key was refused${suffix}`, { status });
  }
  if (status === 429) {
    return new LlmError('rate-limit', `HTTP 429, rate limited${suffix}`, { status, retryAfterMs });
  }
  if (status === 529 || status === 503 || status === 502 || status === 500 || status === 504) {
    return new LlmError(
      'overloaded',
      `HTTP ${status}, the server is overloaded or failing${suffix}`,
      {
        status,
        retryAfterMs,
      },
    );
  }
  const contextWording = CONTEXT_WORDING.test(detail) || body.includes('context_length_exceeded');
  if ((status === 400 || status === 413 || status === 422) && contextWording) {
    return new LlmError('context-length', `HTTP ${status}, the prompt is too long${suffix}`, {
      status,
    });
  }
  if (status === 404) {
    return new LlmError('bad-request', `HTTP 404, unknown endpoint or model${suffix}`, { status });
  }
  return new LlmError('bad-request', `HTTP ${status}${suffix}`, { status });
}

/** A copy of a thrown error safe to keep as `cause`: fetch errors can quote the URL, key and all. */
function scrubbedCause(error: unknown, secrets: readonly string[]): Error {
  const source = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(scrubSecrets(source.message, secrets));
  copy.name = source.name;
  return copy;
}

/** Maps what fetch or a body read threw: abort, network/CORS, or an LlmError passed through. */
export function errorFromThrown(
  error: unknown,
  signal?: AbortSignal,
  secrets: readonly string[] = [],
): LlmError {
  if (error instanceof LlmError) return error;
  const cause = scrubbedCause(error, secrets);
  if (signal?.aborted === true || (error instanceof Error && error.name === 'AbortError')) {
    return new LlmError('aborted', 'the call was cancelled', { cause });
  }
  if (error instanceof TypeError) {
    return new LlmError(
      'network',
      'network error or CORS refusal: check the URL, that the server is running and allows this origin',
      { cause },
    );
  }
  // Unknown failures while reading a stream (socket reset and the like) are network failures too.
  return new LlmError('network', 'the connection failed while reading the reply', { cause });
}
