// Near-duplicate questions (METHOD.md §2 S6 and §3): ROUGE-L F1 over lowercase word tokens, the
// paper's rule being "duplicate when > 0.7". A cheap upper bound from token overlap skips most
// pairs before the O(m·n) longest-common-subsequence, and QuestionIndex adds an inverted index
// so a dataset-wide check only looks at questions that share enough of the rarer words.

const WORD = /[\p{L}\p{N}]+/gu;

/** Lowercase word tokens (letters and digits of any script; punctuation separates words). */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Length of the longest common subsequence of two token lists (two-row dynamic programme). */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  let previous = new Uint32Array(short.length + 1);
  let current = new Uint32Array(short.length + 1);
  for (const token of long) {
    for (let j = 1; j <= short.length; j++) {
      current[j] =
        token === short[j - 1]
          ? (previous[j - 1] as number) + 1
          : Math.max(previous[j] as number, current[j - 1] as number);
    }
    [previous, current] = [current, previous];
  }
  return previous[short.length] as number;
}

/** ROUGE-L F1 of two token lists: 2·LCS / (m + n) (precision and recall weighted equally). */
function rougeLTokens(a: readonly string[], b: readonly string[]): number {
  const total = a.length + b.length;
  return total === 0 ? 0 : (2 * lcsLength(a, b)) / total;
}

/** ROUGE-L F1 (0..1) of two texts over lowercase word tokens; 0 when either has no words. */
export function rougeL(a: string, b: string): number {
  return rougeLTokens(wordTokens(a), wordTokens(b));
}

function tokenCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** Upper bound of ROUGE-L F1 from the multiset overlap (LCS can never exceed it). */
function overlapBound(query: Map<string, number>, m: number, other: readonly string[]): number {
  if (m + other.length === 0) return 0;
  const used = new Map<string, number>();
  let overlap = 0;
  for (const token of other) {
    const taken = used.get(token) ?? 0;
    if (taken < (query.get(token) ?? 0)) {
      overlap++;
      used.set(token, taken + 1);
    }
  }
  return (2 * overlap) / (m + other.length);
}

/** Upper bound of ROUGE-L F1 from lengths alone: 2·min / (m + n). */
const lengthBound = (m: number, n: number) => (m + n === 0 ? 0 : (2 * Math.min(m, n)) / (m + n));

/** A duplicate found among `others`: its index and ROUGE-L F1. */
export interface QuestionMatch {
  index: number;
  score: number;
}

/**
 * The most similar of `others` whose ROUGE-L F1 with `question` is above `threshold` (strictly,
 * as in the paper), or null. Used within one chart; for the whole dataset use QuestionIndex.
 */
export function findDuplicateQuestion(
  question: string,
  others: readonly string[],
  threshold: number,
): QuestionMatch | null {
  const tokens = wordTokens(question);
  const counts = tokenCounts(tokens);
  let best: QuestionMatch | null = null;
  for (let index = 0; index < others.length; index++) {
    const otherTokens = wordTokens(others[index] as string);
    const floor = Math.max(threshold, best?.score ?? -Infinity);
    if (lengthBound(tokens.length, otherTokens.length) <= floor) continue;
    if (overlapBound(counts, tokens.length, otherTokens) <= floor) continue;
    const score = rougeLTokens(tokens, otherTokens);
    if (score > floor) best = { index, score };
  }
  return best;
}

/** A stored question and its ROUGE-L F1 with a query. */
export interface QuestionIndexMatch {
  id: string;
  score: number;
}

/**
 * Questions of a dataset, indexed by word. `nearest` probes only the query's rarest words: when
 * a stored question shares none of a set of query words whose count exceeds m − t·m/(2 − t), its
 * overlap (hence its LCS) is too small for an F1 above t, so skipping it loses nothing.
 */
export class QuestionIndex {
  readonly #tokens = new Map<string, string[]>();
  readonly #postings = new Map<string, Set<string>>();

  /** Number of stored questions. */
  get size(): number {
    return this.#tokens.size;
  }

  /** Adds (or replaces) a question. */
  add(id: string, question: string): void {
    if (this.#tokens.has(id)) this.remove(id);
    const tokens = wordTokens(question);
    this.#tokens.set(id, tokens);
    for (const token of new Set(tokens)) {
      let ids = this.#postings.get(token);
      if (!ids) this.#postings.set(token, (ids = new Set()));
      ids.add(id);
    }
  }

  /** Removes a question; unknown ids are ignored. */
  remove(id: string): void {
    const tokens = this.#tokens.get(id);
    if (!tokens) return;
    this.#tokens.delete(id);
    for (const token of new Set(tokens)) {
      const ids = this.#postings.get(token);
      ids?.delete(id);
      if (ids?.size === 0) this.#postings.delete(token);
    }
  }

  /** The most similar stored question with ROUGE-L F1 above `threshold` (0 < t ≤ 1), or null. */
  nearest(question: string, threshold: number): QuestionIndexMatch | null {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new Error(`a ROUGE-L threshold must be in (0, 1], not ${threshold}`);
    }
    const tokens = wordTokens(question);
    if (tokens.length === 0) return null;
    const counts = tokenCounts(tokens);
    // The least overlap any duplicate needs, whatever its length: o > t·m / (2 − t).
    const needed = (threshold * tokens.length) / (2 - threshold);
    const byRarity = [...counts.keys()].sort(
      (a, b) => (this.#postings.get(a)?.size ?? 0) - (this.#postings.get(b)?.size ?? 0),
    );
    let unprobed = tokens.length;
    // Candidate → query words (with repeats) it shares among the probed ones: an upper bound.
    const shared = new Map<string, number>();
    for (const token of byRarity) {
      if (unprobed <= needed) break;
      const count = counts.get(token) as number;
      this.#postings.get(token)?.forEach((id) => shared.set(id, (shared.get(id) ?? 0) + count));
      unprobed -= count;
    }
    let best: QuestionIndexMatch | null = null;
    for (const [id, probedOverlap] of shared) {
      const other = this.#tokens.get(id) as string[];
      const floor = Math.max(threshold, best?.score ?? -Infinity);
      if (lengthBound(tokens.length, other.length) <= floor) continue;
      const total = tokens.length + other.length;
      if ((2 * Math.min(probedOverlap + unprobed, other.length)) / total <= floor) continue;
      if (overlapBound(counts, tokens.length, other) <= floor) continue;
      const score = rougeLTokens(tokens, other);
      if (score > floor) best = { id, score };
    }
    return best;
  }
}
