// The "Demo (no LLM)" provider: the CIT responder behind LlmProvider, its description, and
// requests without a task line (JSON requests such as "Test connection" still get valid JSON).
import { describe, expect, it } from 'vitest';
import { createDemoProvider, DEMO_PROVIDER_NAME } from '../../../../src/llm/demo/index.ts';
import { chatJson } from '../../../../src/llm/structured.ts';
import {
  makeProvider,
  presetNeedsKey,
  PROVIDER_PRESETS,
  runConnectionTest,
} from '../../../../src/state/settings.svelte.ts';
import { codeBlocks, user } from './conversation.ts';

describe('createDemoProvider', () => {
  it('describes itself as the template-backed fake with vision and prompt-mode JSON', () => {
    const description = createDemoProvider().describe();
    expect(description.kind).toBe('fake');
    expect(description.name).toBe(DEMO_PROVIDER_NAME);
    expect(description.capabilities).toMatchObject({
      structured: 'prompt',
      vision: true,
      maxConcurrency: 8,
    });
  });

  it('streams a written script and reports usage', async () => {
    const provider = createDemoProvider({ latencyMs: 1 });
    const deltas: string[] = [];
    const result = await provider.chat(
      {
        messages: [
          user('Write the chart.', { task: 'self-instruct.write', minor: 'bar-horizontal' }),
        ],
      },
      { onDelta: (delta) => deltas.push(delta) },
    );
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(result.text);
    expect(codeBlocks(result.text)).toHaveLength(1);
    expect(result.text).toContain('type=bar-horizontal');
    expect(result.usage.completionTokens).toBeGreaterThan(0);
  });

  it('answers a chart rating with an image as schema-valid JSON through chatJson', async () => {
    const provider = createDemoProvider({ lowScoreEvery: 1 });
    const schema = {
      type: 'object',
      properties: {
        score: { type: 'integer', minimum: 1, maximum: 5 },
        reason: { type: 'string' },
      },
      required: ['score', 'reason'],
      additionalProperties: false,
    };
    const { value } = await chatJson<{ score: number }>(
      provider,
      {
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image', dataUrl: 'data:image/png;base64,AAAA' },
              { type: 'text', text: 'Rate it.\n[cit-task] {"task":"rate.chart"}' },
            ],
          },
        ],
      },
      schema,
    );
    expect(value.score).toBe(2);
  });

  it('passes "Test connection" with no key and no network', async () => {
    const report = await runConnectionTest(createDemoProvider());
    expect(report.ok).toBe(true);
    expect(report.jsonSchema).toBe(true);
    expect(report.images).toBe('accepted');
  });

  it('answers plain prompts without a task line in plain text', async () => {
    const result = await createDemoProvider().chat({ messages: [user('Hi there')] });
    expect(result.text).toMatch(/demo model/);
  });

  it('is offered in Settings as "Demo (no LLM)", needing no key', () => {
    expect(PROVIDER_PRESETS.find((preset) => preset.id === 'demo')?.label).toBe('Demo (no LLM)');
    expect(presetNeedsKey('demo')).toBe(false);
    const provider = makeProvider(
      { id: 'p', preset: 'demo', name: 'Demo', baseUrl: '', model: '' },
      null,
    );
    expect(provider.describe().name).toBe(DEMO_PROVIDER_NAME);
  });
});
