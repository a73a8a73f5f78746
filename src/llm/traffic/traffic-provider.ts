// Wraps a provider with traffic control: a FIFO concurrency cap, requests/min and tokens/min
// buckets, and retries with backoff that honour Retry-After. Returns an LlmProvider again.
import type { ChatOptions, ChatRequest, ChatResult, LlmProvider } from '../types.ts';
import { estimateWorstCaseTokens } from '../usage/estimate.ts';
import { type Clock, systemClock } from './clock.ts';
import { ConcurrencyQueue } from './queue.ts';
import { DEFAULT_RETRY, type RetryPolicy, retryDelayMs, StormDetector } from './retry.ts';
import { TokenBucket } from './token-bucket.ts';

export interface TrafficOptions {
  /** Overrides describe().capabilities.maxConcurrency. */
  maxConcurrency?: number;
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  retry?: Partial<RetryPolicy>;
  /** Retries within a minute that count as a storm (default 10). */
  stormThreshold?: number;
  /** Told "rate-limited: N retries in the last minute" at every retry once in a storm. */
  onStorm?: (message: string) => void;
  /** Told about each retry before its wait. */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  clock?: Clock;
  /** Uniform in [0, 1); injected for deterministic jitter in tests. */
  random?: () => number;
}

export interface TrafficStats {
  calls: number;
  retries: number;
  /** Total time spent waiting on backoff, ms. */
  retryDelayMs: number;
  /** Total time spent waiting on rate-limit buckets, ms. */
  throttleDelayMs: number;
  active: number;
  queued: number;
  retriesLastMinute: number;
}

export interface TrafficProvider extends LlmProvider {
  stats(): TrafficStats;
}

export function withTraffic(provider: LlmProvider, options: TrafficOptions = {}): TrafficProvider {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const queue = new ConcurrencyQueue(
    options.maxConcurrency ?? provider.describe().capabilities.maxConcurrency,
  );
  const rpm = options.requestsPerMinute
    ? new TokenBucket(options.requestsPerMinute, clock.now())
    : null;
  const tpm = options.tokensPerMinute
    ? new TokenBucket(options.tokensPerMinute, clock.now())
    : null;
  const storm = new StormDetector(options.stormThreshold ?? 10);
  const totals = { calls: 0, retries: 0, retryDelayMs: 0, throttleDelayMs: 0 };

  /** Waits for both buckets; returns the tokens reserved so they can be corrected later. */
  async function throttle(request: ChatRequest, signal?: AbortSignal): Promise<number> {
    const now = clock.now();
    const worst = estimateWorstCaseTokens(request);
    const tokens = worst.prompt + worst.completion;
    const wait = Math.max(rpm?.reserve(1, now) ?? 0, tpm?.reserve(tokens, now) ?? 0);
    if (wait > 0) {
      totals.throttleDelayMs += wait;
      try {
        await clock.sleep(wait, signal);
      } catch (error) {
        rpm?.adjust(1, clock.now());
        tpm?.adjust(tokens, clock.now());
        throw error;
      }
    }
    return tokens;
  }

  async function attemptOnce(request: ChatRequest, call: ChatOptions, sawDelta: () => void) {
    const reserved = await throttle(request, call.signal);
    const onDelta = call.onDelta;
    let result: ChatResult;
    try {
      result = await provider.chat(request, {
        signal: call.signal,
        onDelta: onDelta
          ? (delta) => {
              sawDelta();
              onDelta(delta);
            }
          : undefined,
      });
    } catch (error) {
      // A refused or failed call produced no tokens; the request itself still counted.
      tpm?.adjust(reserved, clock.now());
      throw error;
    }
    // The bucket took the worst case; give back what the call did not use.
    tpm?.adjust(reserved - result.usage.promptTokens - result.usage.completionTokens, clock.now());
    return result;
  }

  async function chatWithRetry(request: ChatRequest, call: ChatOptions): Promise<ChatResult> {
    totals.calls++;
    let streamed = false;
    for (let attempt = 1; ; attempt++) {
      try {
        return await attemptOnce(request, call, () => (streamed = true));
      } catch (error) {
        // A partial streamed reply has reached the caller: replaying it would duplicate text.
        const delay = streamed ? null : retryDelayMs(error, attempt, policy, random);
        if (delay === null || call.signal?.aborted) throw error;
        totals.retries++;
        totals.retryDelayMs += delay;
        options.onRetry?.({ attempt, delayMs: delay, error });
        const message = storm.note(clock.now());
        if (message) options.onStorm?.(message);
        await clock.sleep(delay, call.signal);
      }
    }
  }

  // The slot is held across retries: a backing-off call keeps its place and adds no pressure.
  return {
    describe: () => provider.describe(),
    load: (onProgress, signal) => provider.load(onProgress, signal),
    unload: () => provider.unload(),
    chat: (request, chatOptions = {}) =>
      queue.run(() => chatWithRetry(request, chatOptions), chatOptions.signal),
    stats: () => ({
      ...totals,
      active: queue.active,
      queued: queue.queued,
      retriesLastMinute: storm.count(clock.now()),
    }),
  };
}
