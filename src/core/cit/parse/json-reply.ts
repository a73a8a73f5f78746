// Finds the JSON value in an LLM reply: the whole reply, a ```json fenced block, or the first
// balanced {...} / [...] inside prose ("Sure! Here it is: {...} Hope this helps").

export type JsonReply = { ok: true; value: unknown } | { ok: false; reason: string };

const FENCED = /```[A-Za-z0-9_-]*[ \t]*\r?\n([\s\S]*?)\r?\n[ \t]*```/g;
/** Balanced-brace candidates tried before giving up (replies are short; this bounds the work). */
const MAX_CANDIDATES = 20;

function tryParse(text: string): { ok: true; value: unknown } | null {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

/** End index (exclusive) of the balanced value starting at `start`, or -1. */
function balancedEnd(text: string, start: number): number {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{') stack.push('}');
    else if (char === '[') stack.push(']');
    else if (char === '}' || char === ']') {
      if (stack.pop() !== char) return -1;
      if (stack.length === 0) return i + 1;
    }
  }
  return -1;
}

/** The JSON value of a reply, or why none was found. */
export function extractJson(reply: string): JsonReply {
  const trimmed = reply.trim();
  if (!trimmed) return { ok: false, reason: 'the reply is empty' };
  const whole = tryParse(trimmed);
  if (whole) return whole;
  for (const match of trimmed.matchAll(FENCED)) {
    const fenced = tryParse((match[1] ?? '').trim());
    if (fenced) return fenced;
  }
  let tried = 0;
  for (let i = 0; i < trimmed.length && tried < MAX_CANDIDATES; i += 1) {
    if (trimmed[i] !== '{' && trimmed[i] !== '[') continue;
    tried += 1;
    const end = balancedEnd(trimmed, i);
    if (end === -1) continue;
    const found = tryParse(trimmed.slice(i, end));
    if (found) return found;
  }
  return { ok: false, reason: 'the reply holds no valid JSON' };
}

/** extractJson, then a check that the value is a JSON object. */
export function extractJsonObject(
  reply: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  const found = extractJson(reply);
  if (!found.ok) return found;
  const value = found.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: 'the reply is JSON but not an object' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
