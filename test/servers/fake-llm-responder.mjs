// The default responder of the fake LLM server and the named faults. A responder is
// `(request) => reply | Promise<reply>`, where request is {format, path, headers, body, stream,
// structured, index}; a template-backed responder can replace this one with setResponder().

/** The smallest value matching a plain JSON Schema (mirrors src/llm/schema-example.ts). */
export function schemaExample(schema) {
  if (schema === null || typeof schema !== 'object') return null;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    if (Array.isArray(schema[key]) && schema[key].length > 0) return schemaExample(schema[key][0]);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object' || (type === undefined && schema.properties)) {
    const properties = schema.properties ?? {};
    const required = Array.isArray(schema.required) ? schema.required : Object.keys(properties);
    return Object.fromEntries(
      required.map((name) => [name, schemaExample(properties[name] ?? {})]),
    );
  }
  if (type === 'array')
    return Array.from({ length: schema.minItems ?? 0 }, () => schemaExample(schema.items ?? {}));
  if (type === 'string') return 'x'.repeat(schema.minLength ?? 0);
  if (type === 'integer') return Math.ceil(schema.minimum ?? 0);
  if (type === 'number') return schema.minimum ?? 0;
  if (type === 'boolean') return false;
  return null;
}

/** The JSON Schema a request asks for, or null. */
export function requestedSchema(format, body) {
  if (format === 'openai') return body.response_format?.json_schema?.schema ?? null;
  const forced = body.tool_choice?.type === 'tool' ? body.tool_choice.name : null;
  return body.tools?.find((tool) => tool.name === forced)?.input_schema ?? null;
}

export function isStructured(format, body) {
  return requestedSchema(format, body) !== null;
}

/** Answers structured requests with a minimal valid instance, others with a short text. */
export function defaultResponder(request) {
  const schema = requestedSchema(request.format, request.body);
  if (schema !== null) return { text: JSON.stringify(schemaExample(schema)) };
  return { text: 'Hello from the fake server.' };
}

/** Replies for the named faults. */
export function faultReply(name) {
  switch (name) {
    case '429':
      return { status: 429, headers: { 'retry-after': '2' }, error: 'rate limit reached' };
    case '401':
      return { status: 401, error: 'invalid api key' };
    case '500':
      return { status: 500, error: 'internal server error' };
    case '529':
      return { status: 529, error: 'overloaded' };
    case 'hang':
      return { fault: 'hang' };
    case 'drop':
      return { fault: 'drop', text: 'This reply will be cut short by the server.' };
    case 'invalid-json':
      return { fault: 'invalid-json' };
    case 'stream-error':
      return { fault: 'stream-error', text: 'Partial text before an error.' };
    case 'drip':
      return { text: 'A slow drip of characters.', chunkSize: 1, chunkDelayMs: 50 };
    default:
      return { status: 400, error: `unknown fault ${name}` };
  }
}
