import { describe, expect, it } from 'vitest';
import { createFakeProvider } from '../../../src/llm/fake-provider.ts';
import { type CallRecord, canonicalJson, hashRequest } from '../../../src/llm/usage/call-record.ts';
import { UsageMeter } from '../../../src/llm/usage/meter.ts';
import { withMetering } from '../../../src/llm/usage/metered-provider.ts';
import { costUsd, DEFAULT_PRICES, findPrice } from '../../../src/llm/usage/prices.ts';
import type { ChatRequest, LlmProvider } from '../../../src/llm/types.ts';

// 40 characters ≈ 10 tokens + 4 for the message framing.
const PROMPT = 'x'.repeat(40);
const PROMPT_TOKENS = 14;

function request(maxTokens: number): ChatRequest {
  return { messages: [{ role: 'user', content: PROMPT }], maxTokens, temperature: 0.2, seed: 7 };
}

/** Reports exactly the usage given, under a chosen model id. */
function fixedUsageProvider(model: string, completionTokens: number, promptTokens = PROMPT_TOKENS) {
  const fake = createFakeProvider({ model });
  const provider: LlmProvider = {
    ...fake,
    async chat(req, options) {
      const result = await fake.chat(req, options);
      return { ...result, usage: { promptTokens, completionTokens, estimated: false } };
    },
  };
  return provider;
}

describe('prices', () => {
  it('has GPT-4o at $2.50 / $10 per 1M tokens and matches dated and routed ids', () => {
    expect(findPrice(DEFAULT_PRICES, 'gpt-4o')).toMatchObject({
      inputPerMTok: 2.5,
      outputPerMTok: 10,
    });
    expect(findPrice(DEFAULT_PRICES, 'gpt-4o-2024-08-06')?.inputPerMTok).toBe(2.5);
    expect(findPrice(DEFAULT_PRICES, 'openai/gpt-4o-mini')?.inputPerMTok).toBe(0.15);
    expect(findPrice(DEFAULT_PRICES, 'some-unknown-model')).toBeNull();
    expect(costUsd(DEFAULT_PRICES, 'gpt-4o', 1_000_000, 100_000)).toBeCloseTo(3.5, 10);
    for (const price of Object.values(DEFAULT_PRICES)) expect(price.source).not.toBe('');
  });
});

describe('metering', () => {
  it('records provenance of each call and totals per provider, model and run', async () => {
    const records: CallRecord[] = [];
    const meter = new UsageMeter(DEFAULT_PRICES);
    const metered = withMetering(fixedUsageProvider('gpt-4o', 100), {
      meter,
      runId: 'run-1',
      onRecord: (record) => void records.push(record),
    });
    await metered.forItem('chart-9').chat(request(200));
    await metered.chat(request(200));
    expect(records).toHaveLength(2);
    const [first] = records;
    expect(first).toMatchObject({
      runId: 'run-1',
      itemId: 'chart-9',
      model: 'gpt-4o',
      seed: 7,
      parameters: { temperature: 0.2, maxTokens: 200, topP: null },
      usage: { promptTokens: PROMPT_TOKENS, completionTokens: 100, estimated: false },
      error: null,
    });
    expect(first?.promptHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first?.costUsd).toBeCloseTo((PROMPT_TOKENS * 2.5 + 100 * 10) / 1e6, 12);
    expect(records[1]?.itemId).toBeNull();
    const totals = meter.totals();
    expect(totals.total).toMatchObject({ calls: 2, promptTokens: 28, completionTokens: 200 });
    expect(totals.byModel['gpt-4o']?.calls).toBe(2);
    expect(totals.byRun['run-1']?.costUsd).toBeCloseTo(2 * (first?.costUsd ?? 0), 12);
    expect(Object.keys(totals.byProvider)).toEqual(['Fake · gpt-4o']);
  });

  it('estimates usage the backend did not report, and marks it', async () => {
    const meter = new UsageMeter(DEFAULT_PRICES);
    const metered = withMetering(fixedUsageProvider('gpt-4o', 0, 0), { meter });
    const result = await metered.chat({ messages: [{ role: 'user', content: PROMPT }] });
    expect(result.usage.estimated).toBe(true);
    expect(result.usage.promptTokens).toBe(PROMPT_TOKENS);
    expect(meter.totals().total.estimatedCalls).toBe(1);
  });

  it('records failed calls with their error kind and rethrows', async () => {
    const records: CallRecord[] = [];
    const fake = createFakeProvider({ script: [{ fault: { kind: 'auth', status: 401 } }] });
    const metered = withMetering(fake, {
      meter: new UsageMeter({}),
      onRecord: (r) => void records.push(r),
    });
    await expect(metered.chat(request(10))).rejects.toMatchObject({ kind: 'auth' });
    expect(records[0]).toMatchObject({ reply: null, usage: null, error: { kind: 'auth' } });
  });

  it('editing the price table changes the cost of later calls', async () => {
    const meter = new UsageMeter({
      'my-model': { inputPerMTok: 1, outputPerMTok: 1, source: 'test' },
    });
    const metered = withMetering(fixedUsageProvider('my-model', 986), { meter });
    await metered.chat(request(1000));
    expect(meter.spentUsd()).toBeCloseTo(1000 / 1e6, 12);
    meter.setPrices({ 'my-model': { inputPerMTok: 0, outputPerMTok: 10, source: 'edited' } });
    await metered.chat(request(1000));
    expect(meter.spentUsd()).toBeCloseTo(1000 / 1e6 + 9860 / 1e6, 12);
  });

  it('hashes equal requests equally whatever the key order, and different ones differently', async () => {
    const a: ChatRequest = { messages: [{ role: 'user', content: 'hi' }], temperature: 0 };
    const b = { temperature: 0, messages: [{ content: 'hi', role: 'user' }] } as ChatRequest;
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(await hashRequest(a)).toBe(await hashRequest(b));
    expect(await hashRequest(a)).not.toBe(await hashRequest({ ...a, temperature: 1 }));
  });
});

describe('budget', () => {
  // $1 per 1M tokens either way: a call of prompt 14 + maxTokens M costs at most (14 + M) µ$.
  const prices = { 'my-model': { inputPerMTok: 1, outputPerMTok: 1, source: 'test' } };

  it('allows calls exactly up to the cap and refuses the one that could exceed it, before sending', async () => {
    const meter = new UsageMeter(prices, 200 / 1e6);
    const fake = createFakeProvider({ model: 'my-model' });
    const seen: number[] = [];
    const provider: LlmProvider = {
      ...fake,
      async chat(req, options) {
        seen.push(req.maxTokens ?? -1);
        const result = await fake.chat(req, options);
        // The reply uses every token it may: the worst case becomes the real cost.
        return {
          ...result,
          usage: { promptTokens: 14, completionTokens: req.maxTokens ?? 0, estimated: false },
        };
      },
    };
    const metered = withMetering(provider, { meter });
    await metered.chat(request(86)); // 100 µ$
    await metered.chat(request(86)); // 200 µ$: exactly the budget
    expect(meter.spentUsd()).toBeCloseTo(200 / 1e6, 12);
    const refused = metered.chat(request(1));
    await expect(refused).rejects.toMatchObject({
      name: 'LlmError',
      kind: 'budget',
      retryable: false,
    });
    await expect(refused).rejects.toThrow(/Budget reached/);
    expect(seen).toEqual([86, 86]);
  });

  it('counts calls in flight at their worst case', async () => {
    const meter = new UsageMeter(prices, 150 / 1e6);
    const metered = withMetering(
      { ...createFakeProvider({ model: 'my-model', latencyMs: 5 }) },
      { meter },
    );
    const first = metered.chat(request(86)); // holds 100 µ$ while running
    await expect(metered.chat(request(86))).rejects.toMatchObject({ kind: 'budget' });
    await first;
    expect(meter.remainingUsd()).toBeGreaterThan(0);
  });
});
