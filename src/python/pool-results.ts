// Results the pool itself produces (time limit, crash, abort), in the shapes of the contract.
import type {
  AnswerResult,
  RenderErrorKind,
  RenderFailure,
  RuntimeInfo,
} from '../../workers/python/api.ts';

/** A render that ended in the pool, not in Python. */
export function failRender(
  kind: RenderErrorKind,
  message: string,
  durationMs: number,
  runtime: RuntimeInfo | null,
): RenderFailure {
  return {
    ok: false,
    error: { kind, message, traceback: null, line: null, name: null },
    stdout: '',
    stderr: '',
    durationMs,
    runtime,
  };
}

/** An answer program that ended in the pool, not in Python. */
export function failAnswer(kind: RenderErrorKind, message: string): AnswerResult {
  return {
    ok: false,
    error: { kind, message, traceback: null, line: null, name: null },
    stdout: '',
  };
}

/** The rejection of an aborted call (tell it apart by name, never instanceof). */
export function abortError(message = 'The render was aborted.'): DOMException {
  return new DOMException(message, 'AbortError');
}

/** Pool-wide render ids carry the worker id, since each worker numbers its renders itself. */
export function joinRenderId(workerId: number, renderId: string): string {
  return `w${workerId}:${renderId}`;
}

/** Splits a pool-wide render id; null when it is not one. */
export function splitRenderId(renderId: string): { workerId: number; renderId: string } | null {
  const match = /^w(\d+):(.+)$/s.exec(renderId);
  if (!match?.[1] || !match[2]) return null;
  return { workerId: Number(match[1]), renderId: match[2] };
}

/** Default number of rendering workers: one core stays with the page, at most 4. */
export function defaultPoolSize(): number {
  const cores = globalThis.navigator?.hardwareConcurrency ?? 2;
  return Math.max(1, Math.min(cores - 1, 4));
}
