// WebLLM cannot cancel a request that waits on its internal lock, so the adapter queues its own
// requests and hands the engine one at a time; a queued request aborts without touching the engine.
import { LlmError } from '../types.ts';

export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every earlier task settled; rejects at once with 'aborted' if `signal` fires first. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const previous = this.#tail;
    const result = new Promise<T>((resolve, reject) => {
      let started = false;
      const onAbort = (): void => {
        if (!started) reject(new LlmError('aborted', 'The call was aborted before it started.'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      void previous.then(async () => {
        signal?.removeEventListener('abort', onAbort);
        if (signal?.aborted) {
          reject(new LlmError('aborted', 'The call was aborted before it started.'));
          return;
        }
        started = true;
        try {
          resolve(await task());
        } catch (error) {
          reject(error);
        }
      });
    });
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
