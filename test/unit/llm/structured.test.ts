import { describe, expect, it } from 'vitest';
import { createFakeProvider } from '../../../src/llm/fake-provider.ts';
import { chatJson, extractJsonText, validateJson } from '../../../src/llm/structured.ts';
import type { ChatRequest } from '../../../src/llm/types.ts';

const SCHEMA = {
  type: 'object',
  required: ['questions'],
  additionalProperties: false,
  properties: {
    questions: {
      type: 'array',
      minItems: 1,
      maxItems: 3,
      items: {
        type: 'object',
        required: ['question', 'answer', 'kind'],
        properties: {
          question: { type: 'string' },
          answer: { type: 'number' },
          kind: { enum: ['value', 'trend'] },
          rank: { type: 'integer' },
          open: { type: 'boolean' },
        },
      },
    },
  },
};

const VALID = { questions: [{ question: 'Max?', answer: 4.5, kind: 'value', rank: 1 }] };
const REQUEST: ChatRequest = {
  messages: [{ role: 'user', content: 'Write Q&A.' }],
  maxTokens: 500,
};

describe('validateJson', () => {
  it('accepts a matching value and names each problem of a wrong one', () => {
    expect(validateJson(VALID, SCHEMA)).toEqual([]);
    const wrong = {
      questions: [{ question: 3, answer: 'x', kind: 'other', rank: 1.5, open: 'no' }],
      extra: true,
    };
    expect(validateJson(wrong, SCHEMA)).toEqual([
      '$.questions[0].question: expected string, got number',
      '$.questions[0].answer: expected number, got string',
      '$.questions[0].kind: must be one of ["value","trend"]',
      '$.questions[0].rank: expected integer, got number 1.5',
      '$.questions[0].open: expected boolean, got string',
      '$: unexpected property "extra"',
    ]);
    expect(validateJson({ questions: [] }, SCHEMA)).toEqual(['$.questions: fewer than 1 items']);
    expect(validateJson({}, SCHEMA)).toEqual(['$: missing "questions"']);
    expect(
      validateJson(
        {
          questions: [
            VALID.questions[0],
            VALID.questions[0],
            VALID.questions[0],
            VALID.questions[0],
          ],
        },
        SCHEMA,
      ),
    ).toEqual(['$.questions: more than 3 items']);
  });

  it('strips code fences and surrounding prose', () => {
    expect(extractJsonText('```json\n{"a": 1}\n```')).toBe('{"a": 1}');
    expect(extractJsonText('Here it is: {"a": [1]} hope it helps')).toBe('{"a": [1]}');
  });
});

describe('chatJson', () => {
  it('returns a valid reply and asks with the schema as responseFormat', async () => {
    const fake = createFakeProvider({ script: [{ text: JSON.stringify(VALID) }] });
    const out = await chatJson(fake, REQUEST, SCHEMA);
    expect(out.value).toEqual(VALID);
    expect(out.repaired).toBe(false);
    expect(fake.requests[0]?.responseFormat?.schema).toBe(SCHEMA);
  });

  it('accepts a fenced reply', async () => {
    const fake = createFakeProvider({
      script: [{ text: '```json\n' + JSON.stringify(VALID) + '\n```' }],
    });
    expect((await chatJson(fake, REQUEST, SCHEMA)).value).toEqual(VALID);
  });

  it('repairs an invalid reply with one call that carries the problem and the reply', async () => {
    const bad = '{"questions": [{"question": "Max?", "answer": "four", "kind": "value"}]}';
    const fake = createFakeProvider({ script: [{ text: bad }, { text: JSON.stringify(VALID) }] });
    const out = await chatJson(fake, REQUEST, SCHEMA);
    expect(out).toMatchObject({ value: VALID, repaired: true });
    const repair = fake.requests[1];
    expect(repair?.messages).toHaveLength(3);
    expect(repair?.messages[1]).toEqual({ role: 'assistant', content: bad });
    expect(String(repair?.messages[2]?.content)).toContain('expected number, got string');
  });

  it('gives up with invalid-output when the repair is invalid too', async () => {
    const fake = createFakeProvider({
      script: [{ text: '{"questions": ' }, { text: 'not json' }, { text: JSON.stringify(VALID) }],
    });
    await expect(chatJson(fake, REQUEST, SCHEMA)).rejects.toMatchObject({
      name: 'LlmError',
      kind: 'invalid-output',
    });
    expect(fake.requests).toHaveLength(2);
  });

  it('turns a truncated reply into invalid-output without a repair call', async () => {
    const fake = createFakeProvider({
      script: [{ text: '{"questions": [{"quest', finishReason: 'length' }],
    });
    await expect(chatJson(fake, REQUEST, SCHEMA)).rejects.toThrow(/cut off at 500 token limit/);
    expect(fake.requests).toHaveLength(1);
  });

  it('retries a truncated reply once with the larger maxTokens when allowed', async () => {
    const fake = createFakeProvider({
      script: [
        { text: '{"questions": [', finishReason: 'length' },
        { text: JSON.stringify(VALID) },
      ],
    });
    const out = await chatJson(fake, REQUEST, SCHEMA, { truncationMaxTokens: 2000 });
    expect(out.value).toEqual(VALID);
    expect(fake.requests.map((r) => r.maxTokens)).toEqual([500, 2000]);
  });
});
