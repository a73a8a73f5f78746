// FIFO concurrency cap: at most `limit` holders at once; an aborted waiter leaves the line.
import { abortedError } from './clock.ts';

interface Waiter {
  grant: () => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

export class ConcurrencyQueue {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new Error(`Concurrency limit must be ≥ 1, got ${limit}`);
  }

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves with a release function once a slot is free. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(abortedError(signal));
    if (this.running < this.limit && this.waiting.length === 0) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', waiter.onAbort);
          this.running++;
          resolve(this.releaser());
        },
        signal,
        onAbort: () => {
          const at = this.waiting.indexOf(waiter);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(abortedError(signal));
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal);
    try {
      return await task();
    } finally {
      release();
    }
  }

  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.running--;
      const next = this.waiting.shift();
      next?.grant();
    };
  }
}
