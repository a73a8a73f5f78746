// The fake LLM server in CIT mode: OpenAI-style and Anthropic requests answered by the
// template-backed responder (loaded through Vite's runnerImport), options at start, on the
// command line and through the control endpoint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnthropicProvider } from '../../../../src/llm/anthropic.ts';
import { createOpenAiCompatibleProvider } from '../../../../src/llm/openai-compatible.ts';
import {
  parseCitServerArgs,
  promptMessagesOf,
  startCitFakeServer,
  type CitFakeServer,
} from '../../../servers/cit-fake-server.mjs';
import { codeBlocks, user } from './conversation.ts';

let server: CitFakeServer;
beforeAll(async () => {
  server = await startCitFakeServer({ cit: { brokenCodeEvery: 2 } });
}, 60_000);
afterAll(async () => {
  await server.close();
});

const writeRequest = (minor: string) => ({
  messages: [
    { role: 'system' as const, content: 'You write matplotlib charts.' },
    {
      role: 'user' as const,
      content: `Write it.\n[cit-task] {"task":"self-instruct.write","minor":"${minor}"}`,
    },
  ],
});

describe('CIT fake server', () => {
  it('answers an OpenAI-style request with prose and one python block of the asked type', async () => {
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'demo', ...writeRequest('rose') }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { choices: { message: { content: string } }[] };
    const text = body.choices[0]?.message.content ?? '';
    expect(codeBlocks(text)).toHaveLength(1);
    expect(text).toMatch(/# template: seed=\d+ type=rose /);
  });

  it('serves the OpenAI-compatible and Anthropic adapters, streaming', async () => {
    await fetch(`${server.url}/__control/cit-options`, {
      method: 'POST',
      body: JSON.stringify({ lowScoreEvery: 1 }),
    });
    const openai = createOpenAiCompatibleProvider({ baseUrl: `${server.url}/v1`, model: 'demo' });
    const rated = await openai.chat({
      messages: [user('Rate it.', { task: 'rate.chart' })],
    });
    expect(JSON.parse(rated.text)).toMatchObject({ score: 2 });
    const anthropic = createAnthropicProvider({ apiKey: 'k', model: 'demo', baseUrl: server.url });
    const written = await anthropic.chat(writeRequest('funnel'), { onDelta: () => undefined });
    expect(codeBlocks(written.text)).toHaveLength(1);
  });

  it('changes options at run time and refuses unknown ones', async () => {
    const set = await fetch(`${server.url}/__control/cit-options`, {
      method: 'POST',
      body: JSON.stringify({ duplicateEvery: 2 }),
    });
    expect(await set.json()).toEqual({ options: { duplicateEvery: 2 } });
    const read = await fetch(`${server.url}/__control/cit-options`);
    expect(await read.json()).toEqual({ options: { duplicateEvery: 2 } });
    const bad = await fetch(`${server.url}/__control/cit-options`, {
      method: 'POST',
      body: JSON.stringify({ brokenEvery: 2 }),
    });
    expect(bad.status).toBe(400);
    const refusal = (await bad.json()) as { error: { message: string } };
    expect(refusal.error.message).toBe('unknown CIT option "brokenEvery"');
    const openai = createOpenAiCompatibleProvider({ baseUrl: `${server.url}/v1`, model: 'demo' });
    const first = await openai.chat(writeRequest('heatmap'));
    const second = await openai.chat(writeRequest('heatmap'));
    expect(codeBlocks(second.text)).toEqual(codeBlocks(first.text));
  });

  it('answers JSON requests without a task line like the plain fake server', async () => {
    server.setCitOptions({});
    const openai = createOpenAiCompatibleProvider({ baseUrl: `${server.url}/v1`, model: 'demo' });
    const reply = await openai.chat({
      messages: [user('Say ok as JSON.')],
      responseFormat: {
        name: 'ok',
        schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] },
      },
    });
    expect(JSON.parse(reply.text)).toEqual({ ok: false });
  });

  it('reads options from the command line and messages from both wire formats', () => {
    expect(
      parseCitServerArgs(['--port', '0', '--broken-every', '4', '--wrong-every', '5']),
    ).toEqual({ port: 0, latencyMs: 0, cit: { brokenCodeEvery: 4, wrongAnswerEvery: 5 } });
    expect(() => parseCitServerArgs(['--broken-every', 'x'])).toThrow(/whole number/);
    const messages = promptMessagesOf({
      format: 'anthropic',
      body: {
        system: [{ type: 'text', text: 'sys' }],
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image', source: { type: 'base64', data: 'AAAA' } },
              { type: 'text', text: 'hi' },
            ],
          },
        ],
      },
    });
    expect(messages).toEqual([
      { role: 'system', content: 'sys' },
      {
        role: 'user',
        content: [
          { type: 'image', dataUrl: 'AAAA' },
          { type: 'text', text: 'hi' },
        ],
      },
    ]);
  });
});
