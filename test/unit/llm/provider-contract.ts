// The behaviour every LlmProvider must show, as one vitest suite. Each backend supplies a way to
// make a provider and controls that script its next reply or failure (through the fake's FIFO,
// the fake server's queue, or a fake engine).
import { describe, expect, it } from 'vitest';
import { LlmError, type ChatRequest, type LlmProvider } from '../../../src/llm/types.ts';

export interface ContractReply {
  text: string;
  finishReason?: 'stop' | 'length';
  /** Characters per streamed chunk. */
  chunkSize?: number;
  /** Delay between streamed chunks (for abort tests). */
  chunkDelayMs?: number;
}

export type ContractFault = { kind: 'auth' } | { kind: 'rate-limit'; retryAfterMs: number };

export interface ContractControls {
  /** The next call answers with this reply. */
  replyNext(reply: ContractReply): void;
  /** The next call fails like the backend would for this kind. */
  failNext(fault: ContractFault): void;
}

const ask = (text: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
  messages: [
    { role: 'system', content: 'You answer briefly.' },
    { role: 'user', content: text },
  ],
  ...extra,
});

const SCHEMA = {
  type: 'object',
  properties: { answer: { type: 'string' }, count: { type: 'integer' } },
  required: ['answer', 'count'],
  additionalProperties: false,
};

async function expectLlmError(promise: Promise<unknown>): Promise<LlmError> {
  const error: unknown = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

export interface ContractOptions {
  /** The provider streams a reply as several deltas (not one at the end). */
  streamsInPieces?: boolean;
}

export function runProviderContract(
  name: string,
  makeProvider: () => LlmProvider | Promise<LlmProvider>,
  controls: ContractControls,
  options: ContractOptions = {},
): void {
  describe(`provider contract: ${name}`, () => {
    it('answers with the scripted text and stop', async () => {
      const provider = await makeProvider();
      controls.replyNext({ text: 'The answer is 42.' });
      const result = await provider.chat(ask('What is the answer?'));
      expect(result.text).toBe('The answer is 42.');
      expect(result.finishReason).toBe('stop');
      expect(result.model).not.toBe('');
      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    });

    it('streams deltas that concatenate to the text', async () => {
      const provider = await makeProvider();
      const text = 'Bars show counts; the tallest bar is March with 31 units sold.';
      controls.replyNext({ text, chunkSize: 5 });
      const deltas: string[] = [];
      const result = await provider.chat(ask('Describe'), { onDelta: (d) => deltas.push(d) });
      expect(deltas.join('')).toBe(text);
      expect(result.text).toBe(text);
      // Only backends that say they stream in pieces must deliver more than one delta.
      if (options.streamsInPieces === true) expect(deltas.length).toBeGreaterThan(1);
    });

    it('reports usage', async () => {
      const provider = await makeProvider();
      controls.replyNext({ text: 'A reply long enough to count some tokens.' });
      const { usage } = await provider.chat(ask('Count tokens for this prompt please.'));
      expect(usage.promptTokens).toBeGreaterThan(0);
      expect(usage.completionTokens).toBeGreaterThan(0);
      expect(typeof usage.estimated).toBe('boolean');
    });

    it("says 'length' when the reply was cut by the token limit", async () => {
      const provider = await makeProvider();
      controls.replyNext({ text: 'This reply was cut', finishReason: 'length' });
      const result = await provider.chat(ask('Write a lot', { maxTokens: 100 }));
      expect(result.finishReason).toBe('length');
      expect(result.text).toBe('This reply was cut');
    });

    it('returns JSON matching the schema for a structured request', async () => {
      const provider = await makeProvider();
      controls.replyNext({ text: JSON.stringify({ answer: 'blue', count: 3 }) });
      const request = ask('Which colour?', { responseFormat: { name: 'reply', schema: SCHEMA } });
      const result = await provider.chat(request);
      const parsed = JSON.parse(result.text) as Record<string, unknown>;
      expect(parsed).toEqual({ answer: 'blue', count: 3 });
      expect(typeof parsed['answer']).toBe('string');
      expect(Number.isInteger(parsed['count'])).toBe(true);
    });

    it("throws 'aborted' for a signal aborted before the call", async () => {
      const provider = await makeProvider();
      const controller = new AbortController();
      controller.abort();
      const error = await expectLlmError(provider.chat(ask('hi'), { signal: controller.signal }));
      expect(error.kind).toBe('aborted');
      expect(error.retryable).toBe(false);
    });

    it("throws 'aborted' when aborted while streaming", async () => {
      const provider = await makeProvider();
      controls.replyNext({ text: 'x'.repeat(400), chunkSize: 4, chunkDelayMs: 10 });
      const controller = new AbortController();
      const deltas: string[] = [];
      // Streaming backends are aborted at the first delta, the others while the reply is pending.
      const timer = setTimeout(() => controller.abort(), 60);
      const call = provider.chat(ask('Go on'), {
        signal: controller.signal,
        onDelta: (d) => {
          deltas.push(d);
          controller.abort();
        },
      });
      const error = await expectLlmError(call).finally(() => clearTimeout(timer));
      expect(error.kind).toBe('aborted');
      expect(deltas.join('').length).toBeLessThan(400);
    });

    it("throws 'auth' (not retryable) when the key is refused", async () => {
      const provider = await makeProvider();
      controls.failNext({ kind: 'auth' });
      const error = await expectLlmError(provider.chat(ask('hi')));
      expect(error.kind).toBe('auth');
      expect(error.retryable).toBe(false);
    });

    it("throws 'rate-limit' with retryAfterMs", async () => {
      const provider = await makeProvider();
      controls.failNext({ kind: 'rate-limit', retryAfterMs: 2000 });
      const error = await expectLlmError(provider.chat(ask('hi')));
      expect(error.kind).toBe('rate-limit');
      expect(error.retryable).toBe(true);
      expect(error.retryAfterMs).toBe(2000);
    });

    it('describes itself', async () => {
      const provider = await makeProvider();
      const description = provider.describe();
      expect(description.model).not.toBe('');
      expect(description.capabilities.maxConcurrency).toBeGreaterThanOrEqual(1);
    });
  });
}
