// When to retry a failed call and how long to wait: exponential backoff with full jitter
// (delay uniform in [0, min(cap, base·2^attempt)]), or exactly the server's Retry-After.
import { LlmError } from '../types.ts';

export interface RetryPolicy {
  /** Attempts in total, first call included (1 = never retry). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A longer Retry-After is not waited out: the error goes to the caller, who may pause the run. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

/** Upper bound of the jittered delay after the `attempt`-th failure (1-based). */
export function backoffCeilingMs(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * Milliseconds to wait before the next attempt, or null when the call must not be retried.
 * A Retry-After from the server wins over the jitter: we never come back sooner than asked.
 */
export function retryDelayMs(
  error: unknown,
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
): number | null {
  if (!(error instanceof LlmError) || !error.retryable) return null;
  if (attempt >= policy.maxAttempts) return null;
  if (error.retryAfterMs !== null)
    return error.retryAfterMs > policy.maxRetryAfterMs ? null : Math.max(0, error.retryAfterMs);
  return Math.floor(random() * backoffCeilingMs(attempt, policy));
}

/** Counts retries over a sliding minute so a run can pause on a rate-limit storm. */
export class StormDetector {
  private readonly times: number[] = [];

  constructor(
    readonly threshold: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Notes one retry; returns the storm message when the threshold is reached, else null. */
  note(now: number): string | null {
    this.times.push(now);
    const count = this.count(now);
    return count >= this.threshold ? `rate-limited: ${count} retries in the last minute` : null;
  }

  count(now: number): number {
    while (this.times.length > 0 && (this.times[0] ?? 0) <= now - this.windowMs) this.times.shift();
    return this.times.length;
  }
}
