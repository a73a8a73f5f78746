// Maps the "answer" object of a qa.answer reply ({type, value, unit?, ordered?}) onto the
// TypedAnswer shapes of answer-compare.ts. A written number gets a tolerance of half a unit in its
// last written decimal, so "33.33" matches a program's unrounded 33.3333 (METHOD.md §3: "number
// with tolerance") while "33.33" against 33.5 is still a mismatch.
import {
  parseBoolean,
  parseNumber,
  type Tolerance,
  type TypedAnswer,
} from '../../answer-compare.ts';

export interface ReplyAnswer {
  type: string;
  value: unknown;
  unit?: string | null | undefined;
  ordered?: boolean | null | undefined;
}

export type TypedAnswerResult = { ok: true; answer: TypedAnswer } | { ok: false; reason: string };

/** Decimals after the point as written ("12.50" → 2, 1.5e-3 → 4, "1,200" → 0). */
export function writtenDecimals(value: number | string): number {
  const text = typeof value === 'number' ? String(Math.abs(value)) : value.trim();
  const match = /(?:\.(\d+))?(?:e([+-]?\d+))?\s*\D*$/i.exec(text.replace(/,/g, ''));
  const fraction = match?.[1]?.length ?? 0;
  const exponent = match?.[2] ? Number(match[2]) : 0;
  return Math.min(12, Math.max(0, fraction - exponent));
}

/** Half a unit in the last written decimal (a hair more, for float noise). */
export function roundingTolerance(decimals: number): Tolerance {
  return { absolute: 0.5 * 10 ** -decimals * (1 + 1e-9) };
}

const refuse = (reason: string): TypedAnswerResult => ({ ok: false, reason });

function toNumberAnswer(reply: ReplyAnswer): TypedAnswerResult {
  const value = parseNumber(reply.value);
  if (value === null)
    return refuse(`the answer is typed "number" but its value is ${show(reply.value)}`);
  const written = reply.value as number | string;
  let unit = typeof reply.unit === 'string' ? reply.unit.trim() : '';
  if (!unit && typeof written === 'string' && /%\s*$/.test(written)) unit = '%';
  const answer: TypedAnswer = {
    type: 'number',
    value,
    tolerance: roundingTolerance(writtenDecimals(written)),
  };
  if (unit) answer.unit = unit;
  return { ok: true, answer };
}

function toListAnswer(reply: ReplyAnswer): TypedAnswerResult {
  if (!Array.isArray(reply.value))
    return refuse(`the answer is typed "list" but its value is ${show(reply.value)}`);
  const elements: (string | number)[] = [];
  let coarsest: number | null = null;
  for (const element of reply.value as unknown[]) {
    if (typeof element === 'number' && Number.isFinite(element)) {
      elements.push(element);
      const decimals = writtenDecimals(element);
      coarsest = coarsest === null ? decimals : Math.min(coarsest, decimals);
    } else if (typeof element === 'string' && element.trim()) {
      elements.push(element.trim());
    } else {
      return refuse(`the answer list holds ${show(element)}, not a name or a number`);
    }
  }
  const answer: TypedAnswer = { type: 'list', value: elements, ordered: reply.ordered === true };
  // The coarsest written element sets the tolerance: one list has one tolerance.
  if (coarsest !== null) answer.tolerance = roundingTolerance(coarsest);
  return { ok: true, answer };
}

/** The TypedAnswer for a reply's answer object, or why it does not fit one. */
export function toTypedAnswer(reply: ReplyAnswer): TypedAnswerResult {
  switch (reply.type.trim().toLowerCase()) {
    case 'number':
      return toNumberAnswer(reply);
    case 'year': {
      const value = parseNumber(reply.value);
      if (value === null || !Number.isInteger(value) || value < 0 || value > 9999)
        return refuse(`the answer is typed "year" but its value is ${show(reply.value)}`);
      return { ok: true, answer: { type: 'year', value } };
    }
    case 'category': {
      const value = typeof reply.value === 'number' ? String(reply.value) : reply.value;
      if (typeof value !== 'string' || !value.trim())
        return refuse(`the answer is typed "category" but its value is ${show(reply.value)}`);
      return { ok: true, answer: { type: 'category', value: value.trim() } };
    }
    case 'boolean': {
      const value = parseBoolean(reply.value);
      if (value === null)
        return refuse(`the answer is typed "boolean" but its value is ${show(reply.value)}`);
      return { ok: true, answer: { type: 'boolean', value } };
    }
    case 'list':
      return toListAnswer(reply);
    default:
      return refuse(
        `the answer type "${reply.type}" is not one of number, year, category, boolean, list`,
      );
  }
}

function show(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
