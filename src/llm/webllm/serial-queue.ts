// WebLLM cannot cancel a request that waits on its internal lock, so the adapter queues its own
// requests and hands the engine one at a time; a queued request aborts without touching the engine.
import { LlmError } from '../types.ts';

export class SerialQueue {
  #tail: Promise<void> = Promise.resolve();

  /** Runs `task` after every earlier task settled; rejects at once with 'aborted' if `signal` fires first. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const previous = this.#tail;
    let finished: () => void = () => undefined;
    // The next task waits for this one to finish or be skipped, not for an early abort rejection.
    this.#tail = new Promise<void>((resolve) => (finished = resolve));
    return new Promise<T>((resolve, reject) => {
      let started = false;
      const onAbort = (): void => {
        if (!started) reject(new LlmError('aborted', 'The call was aborted before it started.'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      void previous.then(async () => {
        signal?.removeEventListener('abort', onAbort);
        try {
          if (signal?.aborted) {
            reject(new LlmError('aborted', 'The call was aborted before it started.'));
            return;
          }
          started = true;
          resolve(await task());
        } catch (error) {
          reject(error);
        } finally {
          finished();
        }
      });
    });
  }
}
