// Adapter details the contract does not cover: wire formats, HTTP error mapping through the fake
// server, dropped and malformed streams, key hygiene.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnthropicBody, createAnthropicProvider } from '../../../src/llm/anthropic.ts';
import {
  buildOpenAiBody,
  createOpenAiCompatibleProvider,
} from '../../../src/llm/openai-compatible.ts';
import type { ChatRequest, LlmProvider } from '../../../src/llm/types.ts';
import { startFakeLlmServer, type FakeLlmServer } from '../../servers/fake-llm-server.mjs';
import { failure, hello, KEY } from './adapter-helpers.ts';

const IMAGE = 'data:image/png;base64,iVBORw0KGgo=';

let server: FakeLlmServer;
beforeAll(async () => {
  server = await startFakeLlmServer();
});
afterAll(async () => {
  await server.close();
});

const adapters: [string, (stream: boolean, model?: string) => LlmProvider][] = [
  [
    'openai-compatible',
    (stream, model = 'fake') =>
      createOpenAiCompatibleProvider({ baseUrl: `${server.url}/v1`, apiKey: KEY, model, stream }),
  ],
  [
    'anthropic',
    (stream, model = 'fake') =>
      createAnthropicProvider({ baseUrl: server.url, apiKey: KEY, model, stream }),
  ],
];

describe('wire formats', () => {
  const request: ChatRequest = {
    messages: [
      { role: 'system', content: 'Be terse.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Rate this chart' },
          { type: 'image', dataUrl: IMAGE },
        ],
      },
    ],
    seed: 7,
    maxTokens: 50,
    responseFormat: {
      name: 'rating',
      schema: { type: 'object', properties: { score: { type: 'integer' } } },
    },
  };

  it('OpenAI-compatible: image_url parts, seed, strict json_schema, usage in the stream', () => {
    const body = buildOpenAiBody('m', request, true);
    expect(body['seed']).toBe(7);
    expect(body['stream_options']).toEqual({ include_usage: true });
    expect(body['response_format']).toEqual({
      type: 'json_schema',
      json_schema: { name: 'rating', schema: request.responseFormat?.schema, strict: true },
    });
    const messages = body['messages'] as { content: unknown }[];
    expect(messages[1]?.content).toEqual([
      { type: 'text', text: 'Rate this chart' },
      { type: 'image_url', image_url: { url: IMAGE } },
    ]);
  });

  it('Anthropic: system on top, base64 image block, forced tool, no seed', () => {
    const body = buildAnthropicBody('m', request, false, 4096);
    expect(body['system']).toBe('Be terse.');
    expect(body['seed']).toBeUndefined();
    expect(body['max_tokens']).toBe(50);
    expect(body['tool_choice']).toEqual({ type: 'tool', name: 'rating' });
    const messages = body['messages'] as { role: string; content: unknown }[];
    expect(messages).toHaveLength(1);
    expect(messages[0]?.content).toEqual([
      { type: 'text', text: 'Rate this chart' },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
    ]);
  });

  it('sends only Authorization and Content-Type to OpenAI-compatible servers', async () => {
    const seen: string[][] = [];
    const provider = createOpenAiCompatibleProvider({
      baseUrl: `${server.url}/v1/`,
      apiKey: KEY,
      model: 'm',
      fetch: (url, init) => {
        seen.push(Object.keys(init.headers as Record<string, string>));
        return fetch(url, init);
      },
    });
    await provider.chat(hello);
    expect(seen[0]?.sort()).toEqual(['Authorization', 'Content-Type']);
    expect(server.requests.at(-1)?.path).toBe('/v1/chat/completions');
  });

  it('sends the Anthropic key and browser-access headers', async () => {
    await createAnthropicProvider({ baseUrl: server.url, apiKey: KEY, model: 'm' }).chat(hello);
    const headers = server.requests.at(-1)?.headers;
    expect(headers?.['x-api-key']).toBe(KEY);
    expect(headers?.['anthropic-version']).toBe('2023-06-01');
    expect(headers?.['anthropic-dangerous-direct-browser-access']).toBe('true');
  });
});

describe.each(adapters)('%s through the fake server', (_name, make) => {
  for (const stream of [true, false]) {
    const mode = stream ? 'streaming' : 'not streaming';

    it(`${mode}: maps 429 (model-name fault) with Retry-After, 529 and 500 to kinds`, async () => {
      const limited = await failure(make(stream, 'm#fault=429').chat(hello));
      expect(limited.kind).toBe('rate-limit');
      expect(limited.retryAfterMs).toBe(2000);
      expect((await failure(make(stream, 'm#fault=529').chat(hello))).kind).toBe('overloaded');
      expect((await failure(make(stream, 'm#fault=500').chat(hello))).kind).toBe('overloaded');
    });

    it(`${mode}: a body that is not JSON is a bad-request error`, async () => {
      server.queueReply({ fault: 'invalid-json' });
      expect((await failure(make(stream).chat(hello))).kind).toBe('bad-request');
    });

    it(`${mode}: a connection dropped before any text is a network error`, async () => {
      server.queueReply({ fault: 'drop', text: stream ? '' : 'lost' });
      expect((await failure(make(stream).chat(hello))).kind).toBe('network');
    });

    it(`${mode}: a hanging server is ended by the signal`, async () => {
      server.queueReply({ fault: 'hang' });
      const error = await failure(make(stream).chat(hello, { signal: AbortSignal.timeout(100) }));
      expect(error.kind).toBe('aborted');
    });

    it(`${mode}: usage the server omits is estimated and marked`, async () => {
      server.queueReply({ text: 'twelve chars', omitUsage: true });
      const { usage } = await make(stream).chat(hello);
      expect(usage).toEqual({
        promptTokens: expect.any(Number) as number,
        completionTokens: 3,
        estimated: true,
      });
    });

    it(`${mode}: a structured request without a script gets a minimal valid instance`, async () => {
      const schema = {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 2 },
          tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
        },
        required: ['name', 'tags'],
      };
      const result = await make(stream).chat({
        ...hello,
        responseFormat: { name: 'thing', schema },
      });
      expect(JSON.parse(result.text)).toEqual({ name: 'xx', tags: [''] });
    });
  }

  it('streaming: a stream cut after some text resolves with finishReason error, never stop', async () => {
    const text = 'A reply that the server cuts in the middle of its stream.';
    server.queueReply({ fault: 'drop', text, chunkSize: 6 });
    const result = await make(true).chat(hello);
    expect(result.finishReason).toBe('error');
    expect(result.text.length).toBeGreaterThan(0);
    expect(text.startsWith(result.text)).toBe(true);
    expect(result.text.length).toBeLessThan(text.length);
  });

  it('streaming: an error event mid-stream throws overloaded', async () => {
    server.queueReply({ fault: 'stream-error', text: 'partial' });
    expect((await failure(make(true).chat(hello))).kind).toBe('overloaded');
  });

  it('streaming: a slow drip arrives as many deltas', async () => {
    const deltas: string[] = [];
    server.queueReply({ text: 'drip-drop', chunkSize: 1, chunkDelayMs: 5 });
    const result = await make(true).chat(hello, { onDelta: (d) => deltas.push(d) });
    expect(deltas).toHaveLength(9);
    expect(result.text).toBe('drip-drop');
  });

  it('never puts the key in an error message (echoed body, key in URL, refused connection)', async () => {
    const messages: string[] = [];
    server.queueReply({ status: 401, error: `key ${KEY} is not valid` });
    messages.push((await failure(make(true).chat(hello))).message);
    const unreachable = createOpenAiCompatibleProvider({
      baseUrl: `http://127.0.0.1:1/v1?key=${KEY}`,
      apiKey: KEY,
      model: 'm',
    });
    const refused = await failure(unreachable.chat(hello));
    expect(refused.kind).toBe('network');
    messages.push(refused.message, String((refused.cause as Error).message));
    const malformed = createOpenAiCompatibleProvider({
      baseUrl: `http://[bad host/${KEY}`,
      apiKey: KEY,
      model: 'm',
    });
    const invalid = await failure(malformed.chat(hello));
    expect(invalid.kind).toBe('bad-request');
    messages.push(invalid.message);
    for (const message of messages) expect(message).not.toContain(KEY);
  });
});

describe('OpenAI-compatible stream parsing (crafted bodies)', () => {
  const reply = (body: string, contentType: string) =>
    createOpenAiCompatibleProvider({
      baseUrl: 'http://fake.invalid/v1',
      model: 'm',
      fetch: () =>
        Promise.resolve(new Response(body, { headers: { 'content-type': contentType } })),
    });

  it('skips keep-alive comments between events and reads usage from the last chunk', async () => {
    const chunk = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;
    const body = [
      ': OPENROUTER PROCESSING\n\n',
      chunk({ model: 'real-model', choices: [{ delta: { content: 'Hel' } }] }),
      ': keep-alive\n\n',
      chunk({ choices: [{ delta: { content: 'lo' }, finish_reason: 'length' }] }),
      chunk({ choices: [], usage: { prompt_tokens: 11, completion_tokens: 2 } }),
      'data: [DONE]\n\n',
    ].join('');
    const result = await reply(body, 'text/event-stream').chat(hello);
    expect(result).toMatchObject({ text: 'Hello', finishReason: 'length', model: 'real-model' });
    expect(result.usage).toEqual({ promptTokens: 11, completionTokens: 2, estimated: false });
  });

  it('accepts a plain JSON reply to a streaming request (servers that ignore stream)', async () => {
    const body = JSON.stringify({
      choices: [{ message: { content: 'plain' }, finish_reason: 'stop' }],
    });
    const deltas: string[] = [];
    const result = await reply(body, 'application/json').chat(hello, {
      onDelta: (d) => deltas.push(d),
    });
    expect(result.text).toBe('plain');
    expect(deltas).toEqual(['plain']);
    expect(result.usage.estimated).toBe(true);
  });

  it('treats a stream that ends without [DONE] or finish_reason as cut short', async () => {
    const body = `data: ${JSON.stringify({ choices: [{ delta: { content: 'half' } }] })}\n\n`;
    const result = await reply(body, 'text/event-stream').chat(hello);
    expect(result.finishReason).toBe('error');
    expect(result.text).toBe('half');
  });
});
