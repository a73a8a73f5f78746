// JSON with object keys sorted at every level, so a record serialises to the same bytes whatever
// order its keys were built in (by the app, or by a schema parser on import): this is what makes
// export → import → export byte-identical.

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) sorted[key] = sortKeys(item);
    }
    return sorted;
  }
  return value;
}

/** One line of JSON with sorted keys (no trailing newline). */
export function toCanonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** Indented JSON with sorted keys, for the small files a person may open. */
export function toPrettyJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}
