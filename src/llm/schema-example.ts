// The smallest value that satisfies a plain JSON Schema (object, array, string, number, integer,
// boolean, null, enum, const). Used by test doubles to answer structured requests they have no
// script for; composite keywords take their first branch.

export function makeSchemaExample(schema: unknown): unknown {
  if (schema === null || typeof schema !== 'object') return null;
  const s = schema as Record<string, unknown>;
  if ('const' in s) return s['const'];
  if (Array.isArray(s['enum']) && s['enum'].length > 0) return s['enum'][0];
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = s[key];
    if (Array.isArray(branches) && branches.length > 0) return makeSchemaExample(branches[0]);
  }
  const type = Array.isArray(s['type']) ? (s['type'][0] as unknown) : s['type'];
  switch (type) {
    case 'object': {
      const properties = (s['properties'] ?? {}) as Record<string, unknown>;
      const required = Array.isArray(s['required'])
        ? (s['required'] as string[])
        : Object.keys(properties);
      const out: Record<string, unknown> = {};
      for (const name of required) out[name] = makeSchemaExample(properties[name] ?? {});
      return out;
    }
    case 'array': {
      const min = typeof s['minItems'] === 'number' ? s['minItems'] : 0;
      return Array.from({ length: min }, () => makeSchemaExample(s['items'] ?? {}));
    }
    case 'string': {
      const min = typeof s['minLength'] === 'number' ? s['minLength'] : 0;
      return 'x'.repeat(min);
    }
    case 'integer':
    case 'number': {
      const min = typeof s['minimum'] === 'number' ? s['minimum'] : 0;
      return type === 'integer' ? Math.ceil(min) : min;
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return 'properties' in s ? makeSchemaExample({ ...s, type: 'object' }) : null;
  }
}
