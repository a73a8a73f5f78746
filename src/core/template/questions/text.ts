// Small wording helpers for questions and worked answers.
import type { TypedAnswer } from '../../answer-compare.ts';
import type { CategoricalData } from '../spec.ts';

/** English plural of a noun ("category" → "categories", "box" → "boxes"). */
export function plural(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** A number as the chart would write it. */
export function formatValue(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

/** "12.5 million USD" / "34%" */
export function withUnit(value: number, decimals: number, unit: string): string {
  return unit === '%'
    ? `${formatValue(value, decimals)}%`
    : `${formatValue(value, decimals)} ${unit}`;
}

/** The typed answer for a category name: a year when the categories are years. */
export function categoryAnswer(data: CategoricalData, name: string): TypedAnswer {
  return data.categoriesAreYears
    ? { type: 'year', value: Number(name) }
    : { type: 'category', value: name };
}

/** "for Sales " when there are several series, "" otherwise. */
export function forSeries(data: CategoricalData, name: string): string {
  return data.series.length > 1 ? ` for ${name}` : '';
}

/** Indices 0..n-1 sorted by value, highest first. */
export function rankOrder(values: readonly number[]): number[] {
  return values.map((_, i) => i).sort((a, b) => (values[b] as number) - (values[a] as number));
}

/** The precision a question asks for. */
export function precisionNote(decimals: number): string {
  return decimals === 0
    ? 'Give a whole number.'
    : `Give the answer to ${decimals} decimal place${decimals > 1 ? 's' : ''}.`;
}

/**
 * The measured quantity as a noun phrase that reads well after "the": "revenue",
 * "number of patents", "sales figure".
 */
export function measure(data: { valueLabel: string }): string {
  const label = data.valueLabel.toLowerCase();
  if (label.startsWith('share of')) return label;
  if (['sales', 'emissions', 'earnings'].includes(label)) return `${label} figure`;
  if ((/s$/.test(label) && !/ss$/.test(label)) || / sold$/.test(label)) return `number of ${label}`;
  return label;
}
