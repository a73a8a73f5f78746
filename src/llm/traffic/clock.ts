// Time seen by the traffic layer. Injected so tests run on fake time and never wait for real.
import { LlmError } from '../types.ts';

export interface Clock {
  /** Milliseconds, monotonic enough for rate limits (Date.now or a fake). */
  now(): number;
  /** Resolves after `ms`; rejects with LlmError('aborted') when the signal fires first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export function abortedError(signal: AbortSignal | undefined): LlmError {
  return new LlmError('aborted', 'The call was cancelled.', { cause: signal?.reason });
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortedError(signal));
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortedError(signal));
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};
