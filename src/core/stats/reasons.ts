// Groups the free-text reasons of pipeline rejections into a few countable keys, so "3 ×
// overlapping-text (at most 0 allowed): …" on one chart and "1 × overlapping-text …" on another
// count as one reason, and "near-duplicate code of chart 8f3a… (0.91)" counts as "duplicate code".
import { GATE_FINDING_KINDS } from '../cit/recipe.ts';
import type { ReasonCount } from './types.ts';

const DUPLICATE_SUBJECTS = ['code', 'image', 'question'] as const;
const MAX_KEY_LENGTH = 80;

/** The countable key of one rejection reason of a stage. */
export function reasonKey(stage: string, reason: string): string {
  const text = reason.trim().toLowerCase();
  if (text === '') return 'no reason given';
  if (stage === 'gate') {
    const spellings = GATE_FINDING_KINDS.flatMap((kind) => [
      { word: kind, key: kind },
      { word: kind.replace(/-/g, ' '), key: kind },
    ]);
    const kind = earliest(text, spellings);
    if (kind) return kind;
  }
  if (stage.includes('dedup') || text.includes('duplicate')) {
    // The earliest word: "near-duplicate of question "Which image…"" is a duplicate question.
    const subject = earliest(
      text,
      DUPLICATE_SUBJECTS.map((word) => ({ word, key: word })),
    );
    if (subject) return `duplicate ${subject}`;
  }
  // The head before any detail ("mean rating 2.50 < 3.75: 2 (cluttered)"), with ids and measured
  // values blanked out, since they make every reason unique.
  const cut = text.search(/[:(]/);
  const head = (cut > 0 ? text.slice(0, cut) : text)
    .replace(/\b[0-9a-f]{8,}(?:-[0-9a-f]{4,})*\b/g, '…')
    .replace(/\d+(?:[.,]\d+)*/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
  return head.length > MAX_KEY_LENGTH ? `${head.slice(0, MAX_KEY_LENGTH - 1)}…` : head;
}

/** The key of the word that occurs first in the text, if any does. */
function earliest(text: string, words: readonly { word: string; key: string }[]): string | null {
  let best: { at: number; key: string } | null = null;
  for (const { word, key } of words) {
    const at = text.indexOf(word);
    if (at >= 0 && (best === null || at < best.at)) best = { at, key };
  }
  return best?.key ?? null;
}

/** Counts keys; `sorted()` lists the most frequent first (ties by key, so output is stable). */
export class ReasonCounter {
  readonly #counts = new Map<string, number>();

  add(key: string, count = 1): void {
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + count);
  }

  get total(): number {
    let total = 0;
    for (const count of this.#counts.values()) total += count;
    return total;
  }

  sorted(): ReasonCount[] {
    return [...this.#counts]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  }
}
