// JSON replies that match a schema: ask with `responseFormat`, parse (fences stripped), validate,
// and make at most a bounded number of repair calls. The validator is ours and covers the JSON
// Schema subset our prompts use (type object/array/string/number/integer/boolean/null, enum,
// const, required, properties, additionalProperties: false, items, minItems, maxItems,
// minLength, maxLength, minimum, maximum); anything else in a schema is ignored, not rejected.
import { type ChatMessage, type ChatRequest, type ChatResult, LlmError } from './types.ts';
import type { ChatOptions, LlmProvider } from './types.ts';

export type JsonSchema = Record<string, unknown>;

export interface ChatJsonOptions extends ChatOptions {
  /** Repair calls after an invalid reply (default 1). */
  repairAttempts?: number;
  /** A truncated reply may be retried once with this larger maxTokens; null: no retry. */
  truncationMaxTokens?: number | null;
}

export interface ChatJsonResult<T> {
  value: T;
  /** The result of the call whose reply was accepted. */
  result: ChatResult;
  repaired: boolean;
}

const TYPE_OF: Record<string, (v: unknown) => boolean> = {
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  array: Array.isArray,
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  integer: (v) => Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  null: (v) => v === null,
};

/** Problems of `value` against `schema`, as "path: message" lines; empty when valid. */
export function validateJson(value: unknown, schema: JsonSchema, path = '$'): string[] {
  const errors: string[] = [];
  const types = schema.type === undefined ? [] : [schema.type].flat().map(String);
  if (types.length > 0 && !types.some((t) => TYPE_OF[t]?.(value) ?? true))
    return [`${path}: expected ${types.join(' or ')}, got ${describe(value)}`];
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => deepEqual(e, value)))
    errors.push(`${path}: must be one of ${JSON.stringify(schema.enum)}`);
  if ('const' in schema && !deepEqual(schema.const, value))
    errors.push(`${path}: must be ${JSON.stringify(schema.const)}`);
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength)
      errors.push(`${path}: shorter than ${schema.minLength} characters`);
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength)
      errors.push(`${path}: longer than ${schema.maxLength} characters`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum)
      errors.push(`${path}: less than ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum)
      errors.push(`${path}: greater than ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      errors.push(`${path}: fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
      errors.push(`${path}: more than ${schema.maxItems} items`);
    if (isSchema(schema.items))
      value.forEach((item, i) =>
        errors.push(...validateJson(item, schema.items as JsonSchema, `${path}[${i}]`)),
      );
  }
  if (TYPE_OF.object?.(value)) {
    const record = value as Record<string, unknown>;
    const properties = isSchema(schema.properties)
      ? (schema.properties as Record<string, JsonSchema>)
      : {};
    if (Array.isArray(schema.required))
      for (const key of schema.required)
        if (typeof key === 'string' && !(key in record)) errors.push(`${path}: missing "${key}"`);
    for (const [key, child] of Object.entries(record)) {
      const sub = properties[key];
      if (sub) errors.push(...validateJson(child, sub, `${path}.${key}`));
      else if (schema.additionalProperties === false)
        errors.push(`${path}: unexpected property "${key}"`);
    }
  }
  return errors;
}

function isSchema(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isInteger(value)) return `number ${value}`;
  return typeof value;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The JSON text of a reply: ```json fences and prose around a single object/array removed. */
export function extractJsonText(reply: string): string {
  const fenced = /```(?:json|JSON)?\s*\n?([\s\S]*?)\n?\s*```/.exec(reply);
  const text = (fenced?.[1] ?? reply).trim();
  if (text.startsWith('{') || text.startsWith('[')) return text;
  const start = text.search(/[[{]/);
  const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  return start >= 0 && end > start ? text.slice(start, end + 1) : text;
}

type Parsed = { ok: true; value: unknown } | { ok: false; problem: string };

export function parseReply(reply: string, schema: JsonSchema): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(extractJsonText(reply));
  } catch (error) {
    return { ok: false, problem: `not valid JSON (${(error as Error).message})` };
  }
  const errors = validateJson(value, schema);
  if (errors.length > 0)
    return { ok: false, problem: `does not match the schema:\n${errors.slice(0, 20).join('\n')}` };
  return { ok: true, value };
}

function repairMessages(request: ChatRequest, reply: string, problem: string): ChatMessage[] {
  return [
    ...request.messages,
    { role: 'assistant', content: reply },
    {
      role: 'user',
      content:
        `Your reply is ${problem}\n\nReply again with the corrected JSON only: ` +
        'no explanation, no code fences.',
    },
  ];
}

/**
 * Calls `provider` for JSON matching `schema`. Throws LlmError('invalid-output') when the reply is
 * still invalid after the repair calls, or truncated (finishReason 'length'). Other LlmErrors pass.
 */
export async function chatJson<T = unknown>(
  provider: LlmProvider,
  request: ChatRequest,
  schema: JsonSchema,
  options: ChatJsonOptions = {},
): Promise<ChatJsonResult<T>> {
  const { repairAttempts = 1, truncationMaxTokens = null, ...chatOptions } = options;
  let current: ChatRequest = {
    ...request,
    responseFormat: request.responseFormat ?? { name: 'reply', schema },
  };
  let repairsLeft = repairAttempts;
  let widened = false;
  for (;;) {
    const result = await provider.chat(current, chatOptions);
    if (result.finishReason === 'length') {
      // Cut-off JSON is not repaired: the model would have to guess the missing end.
      const larger = truncationMaxTokens ?? 0;
      if (!widened && larger > (current.maxTokens ?? 0)) {
        widened = true;
        current = { ...current, maxTokens: larger };
        continue;
      }
      throw new LlmError(
        'invalid-output',
        `The reply was cut off at ${current.maxTokens ?? 'the model’s'} token limit ` +
          `(${result.usage.completionTokens} tokens), so its JSON is incomplete. ` +
          'Raise the maximum reply length or ask for less.',
      );
    }
    const parsed = parseReply(result.text, schema);
    if (parsed.ok)
      return {
        value: parsed.value as T,
        result,
        repaired: repairsLeft < repairAttempts,
      };
    if (repairsLeft <= 0)
      throw new LlmError(
        'invalid-output',
        `The reply ${parsed.problem}` +
          (repairAttempts > 0 ? ' (still, after a repair attempt)' : ''),
      );
    repairsLeft--;
    current = { ...current, messages: repairMessages(request, result.text, parsed.problem) };
  }
}
