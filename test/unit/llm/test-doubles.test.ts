// The test doubles themselves: the fake HTTP server (CORS, fault injection, responder) and the
// scripted fake provider.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeProvider } from '../../../src/llm/fake-provider.ts';
import { createOpenAiCompatibleProvider } from '../../../src/llm/openai-compatible.ts';
import { startFakeLlmServer, type FakeLlmServer } from '../../servers/fake-llm-server.mjs';
import { failure, hello } from './adapter-helpers.ts';

let server: FakeLlmServer;
beforeAll(async () => {
  server = await startFakeLlmServer();
});
afterAll(async () => {
  await server.close();
});

describe('fake server', () => {
  it('answers CORS preflights allowing the headers the adapters send', async () => {
    const response = await fetch(`${server.url}/v1/messages`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://example.org', 'Access-Control-Request-Method': 'POST' },
    });
    expect(response.status).toBe(204);
    const allowed = response.headers.get('access-control-allow-headers') ?? '';
    for (const header of [
      'authorization',
      'x-api-key',
      'anthropic-version',
      'anthropic-dangerous-direct-browser-access',
    ]) {
      expect(allowed).toContain(header);
    }
    expect(response.headers.get('access-control-expose-headers')).toContain('retry-after');
  });

  it('injects faults by request header and by the control API', async () => {
    const provider = createOpenAiCompatibleProvider({
      baseUrl: `${server.url}/v1`,
      model: 'm',
      headers: { 'x-fake-fault': '529' },
    });
    expect((await failure(provider.chat(hello))).status).toBe(529);
    const queued = await fetch(`${server.url}/__control/queue`, {
      method: 'POST',
      body: JSON.stringify({ status: 403, error: 'forbidden' }),
    });
    expect(queued.status).toBe(200);
    const plain = createOpenAiCompatibleProvider({ baseUrl: `${server.url}/v1`, model: 'm' });
    expect((await failure(plain.chat(hello))).kind).toBe('auth');
    expect((await plain.chat(hello)).text).toBe('Hello from the fake server.');
  });

  it('uses a pluggable responder and counts requests', async () => {
    const local = await startFakeLlmServer();
    try {
      local.setResponder((request) => ({ text: `${request.format}:${request.index}` }));
      const provider = createOpenAiCompatibleProvider({ baseUrl: `${local.url}/v1`, model: 'm' });
      expect((await provider.chat(hello)).text).toBe('openai:0');
      expect((await provider.chat(hello)).text).toBe('openai:1');
      expect(local.stats.chats).toBe(2);
    } finally {
      await local.close();
    }
  });
});

describe('scripted fake provider', () => {
  it('replies by a function of the request and chunks deterministically', async () => {
    const fake = createFakeProvider({
      chunkSize: 4,
      script: (request, index) => ({ text: `${index}:${String(request.messages[0]?.content)}` }),
    });
    const deltas: string[] = [];
    const result = await fake.chat(hello, { onDelta: (d) => deltas.push(d) });
    expect(result.text).toBe('0:hello');
    expect(deltas).toEqual(['0:he', 'llo']);
    expect(result.usage).toEqual({ promptTokens: 6, completionTokens: 2, estimated: false });
    expect(fake.requests).toHaveLength(1);
  });

  it('injects faults per call and then recovers', async () => {
    const fake = createFakeProvider({
      script: [{ fault: { kind: 'overloaded' } }, { text: 'fine' }],
    });
    expect((await failure(fake.chat(hello))).kind).toBe('overloaded');
    expect((await fake.chat(hello)).text).toBe('fine');
  });

  it('honours the signal during latency', async () => {
    const fake = createFakeProvider({ latencyMs: 10_000 });
    const error = await failure(fake.chat(hello, { signal: AbortSignal.timeout(20) }));
    expect(error.kind).toBe('aborted');
  });

  it('answers unscripted structured requests with a minimal valid instance', async () => {
    const fake = createFakeProvider();
    const schema = {
      type: 'object',
      properties: {
        kind: { enum: ['bar', 'line'] },
        n: { type: 'integer', minimum: 2 },
        ok: { type: 'boolean' },
      },
      required: ['kind', 'n', 'ok'],
    };
    const result = await fake.chat({ ...hello, responseFormat: { name: 's', schema } });
    expect(JSON.parse(result.text)).toEqual({ kind: 'bar', n: 2, ok: false });
  });
});
