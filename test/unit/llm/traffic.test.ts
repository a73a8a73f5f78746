import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/llm/traffic/clock.ts';
import { abortedError } from '../../../src/llm/traffic/clock.ts';
import { backoffCeilingMs, retryDelayMs } from '../../../src/llm/traffic/retry.ts';
import { withTraffic } from '../../../src/llm/traffic/traffic-provider.ts';
import {
  LlmError,
  type ChatRequest,
  type ChatResult,
  type LlmProvider,
} from '../../../src/llm/types.ts';

/** Fake time: sleeps wait for advance(), or (auto) complete at once; every sleep is recorded. */
class ManualClock implements Clock {
  t = 0;
  readonly sleeps: number[] = [];
  private timers: { at: number; resolve: () => void }[] = [];
  constructor(private readonly auto = false) {}
  now(): number {
    return this.t;
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    if (signal?.aborted) return Promise.reject(abortedError(signal));
    if (this.auto) {
      this.t += ms;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const timer = { at: this.t + ms, resolve };
      this.timers.push(timer);
      signal?.addEventListener('abort', () => {
        this.timers = this.timers.filter((x) => x !== timer);
        reject(abortedError(signal));
      });
    });
  }
  async advance(ms: number): Promise<void> {
    const target = this.t + ms;
    await flush();
    for (;;) {
      const due = this.timers.filter((x) => x.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = due.at;
      due.resolve();
      await flush();
    }
    this.t = target;
    await flush();
  }
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function request(text: string, maxTokens?: number): ChatRequest {
  return { messages: [{ role: 'user', content: text }], maxTokens };
}

function reply(text: string, promptTokens = 1, completionTokens = 1): ChatResult {
  const usage = { promptTokens, completionTokens, estimated: false };
  return { text, finishReason: 'stop', usage, latencyMs: 1, model: 'stub' };
}

type Step = ChatResult | LlmError | { delta: string; error: LlmError };

/** A provider whose calls either follow `steps` in order or wait until released by the test. */
function stubProvider(options: { maxConcurrency?: number; steps?: Step[]; gated?: boolean } = {}) {
  const steps = [...(options.steps ?? [])];
  const seen: string[] = [];
  const gates: (() => void)[] = [];
  let inFlight = 0;
  let peak = 0;
  const provider: LlmProvider = {
    describe: () => ({
      kind: 'fake',
      name: 'stub',
      model: 'stub',
      capabilities: {
        streaming: true,
        structured: 'prompt',
        vision: false,
        seed: false,
        maxConcurrency: options.maxConcurrency ?? 4,
        contextTokens: null,
      },
    }),
    load: async () => undefined,
    unload: async () => undefined,
    async chat(req, chatOptions) {
      const first = req.messages[0]?.content;
      seen.push(typeof first === 'string' ? first : '');
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        if (options.gated) await new Promise<void>((resolve) => gates.push(resolve));
        const step = steps.shift() ?? reply('ok');
        if (step instanceof LlmError) throw step;
        if ('delta' in step) {
          chatOptions?.onDelta?.(step.delta);
          throw step.error;
        }
        return step;
      } finally {
        inFlight--;
      }
    },
  };
  return { provider, seen, gates, peak: () => peak };
}

describe('queue', () => {
  it('holds the concurrency cap from describe() and starts calls in FIFO order', async () => {
    const stub = stubProvider({ maxConcurrency: 2, gated: true });
    const traffic = withTraffic(stub.provider, { clock: new ManualClock() });
    const calls = ['a', 'b', 'c', 'd', 'e'].map((t) => traffic.chat(request(t)));
    await flush();
    expect(stub.seen).toEqual(['a', 'b']);
    expect(traffic.stats()).toMatchObject({ active: 2, queued: 3 });
    while (stub.gates.length > 0) {
      stub.gates.shift()?.();
      await flush();
    }
    await Promise.all(calls);
    expect(stub.seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(stub.peak()).toBe(2);
  });

  it('an override beats the provider cap', async () => {
    const stub = stubProvider({ maxConcurrency: 8, gated: true });
    const traffic = withTraffic(stub.provider, { clock: new ManualClock(), maxConcurrency: 1 });
    const calls = ['a', 'b'].map((t) => traffic.chat(request(t)));
    await flush();
    expect(stub.seen).toEqual(['a']);
    stub.gates.shift()?.();
    await flush();
    stub.gates.shift()?.();
    await Promise.all(calls);
    expect(stub.peak()).toBe(1);
  });

  it('an aborted queued call leaves the line and never reaches the provider', async () => {
    const stub = stubProvider({ maxConcurrency: 1, gated: true });
    const traffic = withTraffic(stub.provider, { clock: new ManualClock() });
    const first = traffic.chat(request('first'));
    const controller = new AbortController();
    const second = traffic.chat(request('second'), { signal: controller.signal });
    const third = traffic.chat(request('third'));
    await flush();
    controller.abort();
    await expect(second).rejects.toMatchObject({ name: 'LlmError', kind: 'aborted' });
    expect(traffic.stats().queued).toBe(1);
    stub.gates.shift()?.();
    await flush();
    stub.gates.shift()?.();
    await Promise.all([first, third]);
    expect(stub.seen).toEqual(['first', 'third']);
  });
});

describe('rate limits', () => {
  it('a requests-per-minute bucket delays calls beyond the limit', async () => {
    const stub = stubProvider();
    const clock = new ManualClock();
    const traffic = withTraffic(stub.provider, { clock, requestsPerMinute: 2 });
    const calls = ['a', 'b', 'c', 'd'].map((t) => traffic.chat(request(t)));
    await clock.advance(0);
    expect(stub.seen).toEqual(['a', 'b']);
    await clock.advance(29_999);
    expect(stub.seen).toHaveLength(2);
    await clock.advance(1);
    expect(stub.seen).toHaveLength(3);
    await clock.advance(30_000);
    expect(stub.seen).toHaveLength(4);
    await Promise.all(calls);
  });

  it('a tokens-per-minute bucket reserves the worst case and takes back what usage did not use', async () => {
    // Prompt "x" ≈ 5 tokens + maxTokens 400 → each call reserves ~405 of 1000 tokens a minute.
    const small = stubProvider({ maxConcurrency: 1, steps: [reply('1', 5, 5), reply('2', 5, 5)] });
    const clock = new ManualClock();
    const frugal = withTraffic(small.provider, { clock, tokensPerMinute: 1000 });
    for (const t of ['a', 'b', 'c']) await frugal.chat(request(t, 400));
    expect(clock.sleeps).toEqual([]);

    // Usage that reports the worst case leaves no room: the third call waits for the refill.
    const big = stubProvider({
      maxConcurrency: 1,
      steps: [reply('1', 5, 400), reply('2', 5, 400), reply('3', 5, 400)],
    });
    const clock2 = new ManualClock(true);
    const greedy = withTraffic(big.provider, { clock: clock2, tokensPerMinute: 1000 });
    for (const t of ['a', 'b', 'c']) await greedy.chat(request(t, 400));
    expect(clock2.sleeps).toHaveLength(1);
    expect(clock2.sleeps[0]).toBeGreaterThan(10_000);
    expect(greedy.stats().throttleDelayMs).toBe(clock2.sleeps[0]);
  });
});

describe('retry', () => {
  const overloaded = () => new LlmError('overloaded', 'busy', { status: 503 });

  it('backoff grows exponentially and stays within the full-jitter bounds', () => {
    const policy = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 };
    expect([1, 2, 3, 4, 5].map((a) => backoffCeilingMs(a, policy))).toEqual([
      100, 200, 400, 800, 1_000,
    ]);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const low = retryDelayMs(overloaded(), attempt, policy, () => 0);
      const high = retryDelayMs(overloaded(), attempt, policy, () => 0.999_999);
      expect(low).toBe(0);
      expect(high).toBe(backoffCeilingMs(attempt, policy) - 1);
    }
    expect(retryDelayMs(overloaded(), 10, policy, () => 0.5)).toBeNull();
  });

  it('retries retryable errors with growing jittered waits, then gives up', async () => {
    const stub = stubProvider({ steps: [overloaded(), overloaded(), overloaded(), overloaded()] });
    const clock = new ManualClock(true);
    const traffic = withTraffic(stub.provider, {
      clock,
      random: () => 0.5,
      retry: { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 60_000 },
    });
    await expect(traffic.chat(request('x'))).rejects.toMatchObject({ kind: 'overloaded' });
    expect(stub.seen).toHaveLength(4);
    expect(clock.sleeps).toEqual([500, 1_000, 2_000]);
    expect(traffic.stats()).toMatchObject({ retries: 3, retryDelayMs: 3_500 });
  });

  it('waits exactly the Retry-After the server gave, even above the backoff', async () => {
    const limited = new LlmError('rate-limit', '429', { retryAfterMs: 7_250, status: 429 });
    const stub = stubProvider({ steps: [limited, reply('done')] });
    const clock = new ManualClock(true);
    const traffic = withTraffic(stub.provider, {
      clock,
      random: () => 0.999,
      retry: { baseDelayMs: 10, maxDelayMs: 100 },
    });
    expect((await traffic.chat(request('x'))).text).toBe('done');
    expect(clock.sleeps).toEqual([7_250]);
  });

  it('hands a Retry-After longer than the policy allows to the caller instead of waiting', async () => {
    const limited = new LlmError('rate-limit', '429', { retryAfterMs: 3_600_000, status: 429 });
    const stub = stubProvider({ steps: [limited, reply('late')] });
    const clock = new ManualClock(true);
    const traffic = withTraffic(stub.provider, { clock });
    await expect(traffic.chat(request('x'))).rejects.toBe(limited);
    expect(clock.sleeps).toEqual([]);
  });

  it('does not retry errors that are not retryable', async () => {
    const stub = stubProvider({ steps: [new LlmError('auth', 'bad key', { status: 401 })] });
    const clock = new ManualClock(true);
    const traffic = withTraffic(stub.provider, { clock });
    await expect(traffic.chat(request('x'))).rejects.toMatchObject({ kind: 'auth' });
    expect(stub.seen).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('does not replay a call once deltas reached the caller', async () => {
    const dropped = new LlmError('network', 'stream dropped');
    const stub = stubProvider({ steps: [{ delta: 'par', error: dropped }, reply('whole')] });
    const traffic = withTraffic(stub.provider, { clock: new ManualClock(true) });
    const deltas: string[] = [];
    await expect(
      traffic.chat(request('x'), { onDelta: (d) => deltas.push(d) }),
    ).rejects.toMatchObject({ kind: 'network' });
    expect(deltas).toEqual(['par']);
    expect(stub.seen).toHaveLength(1);
  });

  it('an abort during the backoff stops the retries', async () => {
    const stub = stubProvider({ steps: [overloaded(), reply('late')] });
    const clock = new ManualClock();
    const traffic = withTraffic(stub.provider, { clock, random: () => 0.5 });
    const controller = new AbortController();
    const call = traffic.chat(request('x'), { signal: controller.signal });
    await clock.advance(0);
    controller.abort();
    await expect(call).rejects.toMatchObject({ kind: 'aborted' });
    expect(stub.seen).toHaveLength(1);
  });

  it('reports a storm of retries within a minute', async () => {
    const limited = () => new LlmError('rate-limit', '429', { retryAfterMs: 1_000 });
    const stub = stubProvider({ steps: [limited(), limited(), limited(), reply('ok')] });
    const storms: string[] = [];
    const traffic = withTraffic(stub.provider, {
      clock: new ManualClock(true),
      stormThreshold: 3,
      onStorm: (message) => storms.push(message),
    });
    await traffic.chat(request('x'));
    expect(storms).toEqual(['rate-limited: 3 retries in the last minute']);
    expect(traffic.stats().retriesLastMinute).toBe(3);
  });
});
