// Typed comparison of an expected answer with a value an answer program computed. Used to mark
// every Q&A verified / mismatch / unverifiable (METHOD.md §3).

/** How far a computed number may be from the expected one (either bound suffices). */
export interface Tolerance {
  absolute?: number;
  relative?: number;
}

/** A concise typed answer. */
export type TypedAnswer =
  | { type: 'number'; value: number; unit?: string; tolerance?: Tolerance }
  | { type: 'year'; value: number }
  | { type: 'category'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'list'; value: (string | number)[]; ordered: boolean; tolerance?: Tolerance };

export type VerificationStatus = 'verified' | 'mismatch' | 'unverifiable';

export interface Verification {
  status: VerificationStatus;
  /** One line for a person. */
  reason: string;
}

/** Numbers closer than this always match (float noise of sums and differences). */
const DEFAULT_ABSOLUTE = 1e-6;

const verified = (reason: string): Verification => ({ status: 'verified', reason });
const mismatch = (reason: string): Verification => ({ status: 'mismatch', reason });

/** Lower case, punctuation to spaces, collapsed whitespace: "Route-A " equals "route a". */
export function normalizeCategory(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A number from a number or a numeric string ("1,234.5", "12 %", "$3"); null otherwise. */
export function parseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const cleaned = value
    .trim()
    .replace(/,(?=\d{3}\b)/g, '')
    .replace(/^[^\d+\-.]+|[^\d.]+$/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return null;
  return Number(cleaned);
}

/** true/false from a boolean, yes/no/true/false strings or 1/0; null otherwise. */
export function parseBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== 'string') return null;
  const word = normalizeCategory(value);
  if (['yes', 'true', 'y'].includes(word)) return true;
  if (['no', 'false', 'n'].includes(word)) return false;
  return null;
}

/** True when `actual` is within the tolerance of `expected`. */
export function numbersMatch(expected: number, actual: number, tolerance: Tolerance = {}): boolean {
  const absolute = Math.max(tolerance.absolute ?? 0, DEFAULT_ABSOLUTE);
  const relative = (tolerance.relative ?? 0) * Math.abs(expected);
  return Math.abs(expected - actual) <= Math.max(absolute, relative);
}

function compareElement(
  expected: string | number,
  actual: unknown,
  tolerance?: Tolerance,
): boolean {
  if (typeof expected === 'number') {
    const number = parseNumber(actual);
    return number !== null && numbersMatch(expected, number, tolerance);
  }
  if (typeof actual !== 'string' && typeof actual !== 'number') return false;
  return normalizeCategory(expected) === normalizeCategory(String(actual));
}

function sortKey(value: unknown): string {
  return typeof value === 'number' ? `n:${value}` : `s:${normalizeCategory(String(value))}`;
}

function compareList(
  expected: Extract<TypedAnswer, { type: 'list' }>,
  actual: unknown,
): Verification {
  if (!Array.isArray(actual)) return mismatch(`expected a list, got ${describe(actual)}`);
  if (actual.length !== expected.value.length) {
    return mismatch(`expected ${expected.value.length} elements, got ${actual.length}`);
  }
  let left: (string | number)[] = expected.value;
  let right: unknown[] = actual;
  if (!expected.ordered) {
    left = [...left].sort((a, b) =>
      sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0,
    );
    right = [...right].sort((a, b) =>
      sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0,
    );
  }
  const bad = left.findIndex(
    (element, i) => !compareElement(element, right[i], expected.tolerance),
  );
  return bad === -1
    ? verified(`all ${left.length} elements match${expected.ordered ? ' in order' : ''}`)
    : mismatch(
        `element ${bad + 1} differs: expected ${String(left[bad])}, got ${describe(right[bad])}`,
      );
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return String(value);
}

/**
 * Compares an expected typed answer with a computed value (what an answer program returned).
 * No value at all is 'unverifiable'; a value of the wrong kind or outside the tolerance is a
 * 'mismatch'.
 */
export function compareAnswer(expected: TypedAnswer, actual: unknown): Verification {
  if (actual === null || actual === undefined)
    return { status: 'unverifiable', reason: 'the program gave no answer' };
  switch (expected.type) {
    case 'number': {
      const number = parseNumber(actual);
      if (number === null) return mismatch(`expected a number, got ${describe(actual)}`);
      return numbersMatch(expected.value, number, expected.tolerance)
        ? verified(`${number} is within tolerance of ${expected.value}`)
        : mismatch(`expected ${expected.value}, got ${number}`);
    }
    case 'year': {
      const number = parseNumber(actual);
      if (number === null || !Number.isInteger(number))
        return mismatch(`expected a year, got ${describe(actual)}`);
      return number === expected.value
        ? verified(`year ${number}`)
        : mismatch(`expected ${expected.value}, got ${number}`);
    }
    case 'category': {
      if (typeof actual !== 'string' && typeof actual !== 'number') {
        return mismatch(`expected a name, got ${describe(actual)}`);
      }
      return normalizeCategory(expected.value) === normalizeCategory(String(actual))
        ? verified(`"${String(actual)}" names ${expected.value}`)
        : mismatch(`expected "${expected.value}", got ${describe(actual)}`);
    }
    case 'boolean': {
      const value = parseBoolean(actual);
      if (value === null) return mismatch(`expected yes or no, got ${describe(actual)}`);
      return value === expected.value
        ? verified(value ? 'yes' : 'no')
        : mismatch(`expected ${expected.value ? 'yes' : 'no'}, got ${value ? 'yes' : 'no'}`);
    }
    case 'list':
      return compareList(expected, actual);
  }
}
