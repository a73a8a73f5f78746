// Near-duplicate code across a dataset (METHOD.md §3, cross-dataset dedup): a chart script becomes a
// set of k-token shingles, the set a MinHash signature, and signatures go into an LSH index so that
// "which kept script is most like this one?" is a handful of exact comparisons even at 10k scripts.

/** Python source → tokens: comments dropped, whitespace gone, strings kept (quote style unified). */
const TOKEN =
  /[rRbBuUfF]{0,2}("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\[\s\S]|[^"\\\n])*"|'(?:\\[\s\S]|[^'\\\n])*')|#[^\n]*|\.?\d[\w.]*|[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*|\S/gu;

/** The normalised tokens of a Python script (exported for tests and for callers that want them). */
export function codeTokens(code: string): string[] {
  const tokens: string[] = [];
  for (const match of code.matchAll(TOKEN)) {
    const [token, literal] = match;
    if (token.startsWith('#')) continue;
    if (literal !== undefined) {
      // 'a', "a" and """a""" are the same string; whitespace runs inside are collapsed too.
      const quote = literal.startsWith('"""') || literal.startsWith("'''") ? 3 : 1;
      const body = literal.slice(quote, literal.length - quote).replace(/\s+/g, ' ');
      tokens.push(`"${body}"`);
    } else {
      tokens.push(token);
    }
  }
  return tokens;
}

/** The set of k-token shingles of a script; a script shorter than k tokens is one shingle. */
export function codeShingles(code: string, k = 5): Set<string> {
  if (!Number.isInteger(k) || k < 1)
    throw new Error(`shingle size must be a whole number ≥ 1, not ${k}`);
  const tokens = codeTokens(code);
  const shingles = new Set<string>();
  if (tokens.length === 0) return shingles;
  if (tokens.length < k) {
    shingles.add(tokens.join(' '));
    return shingles;
  }
  for (let i = 0; i + k <= tokens.length; i++) shingles.add(tokens.slice(i, i + k).join(' '));
  return shingles;
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3's finaliser: a bijective 32-bit mix with good avalanche. */
function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Per-hash salts derived from the seed (splitmix-like), cached per (count, seed). */
const saltCache = new Map<string, Uint32Array>();
function salts(count: number, seed: number): Uint32Array {
  const key = `${count}:${seed}`;
  let cached = saltCache.get(key);
  if (!cached) {
    cached = new Uint32Array(count);
    let state = seed >>> 0;
    for (let i = 0; i < count; i++) {
      state = (state + 0x9e3779b9) >>> 0;
      cached[i] = mix32(state);
    }
    saltCache.set(key, cached);
  }
  return cached;
}

/** Signature slot value of an empty set (no shingle ever hashes to a larger value). */
const EMPTY_SLOT = 0xffffffff;

/**
 * MinHash signature: slot i is the least of h_i(shingle) over the set, h_i = mix32(fnv(s) ^ salt_i).
 * The share of equal slots between two signatures estimates the Jaccard similarity of the sets.
 */
export function minhashSignature(
  shingles: Iterable<string>,
  numHashes = 128,
  seed = 1,
): Uint32Array {
  if (!Number.isInteger(numHashes) || numHashes < 1) {
    throw new Error(`a MinHash signature needs a whole number ≥ 1 of hashes, not ${numHashes}`);
  }
  const salt = salts(numHashes, seed);
  const signature = new Uint32Array(numHashes).fill(EMPTY_SLOT);
  for (const shingle of shingles) {
    const base = fnv1a(shingle);
    for (let i = 0; i < numHashes; i++) {
      const value = mix32(base ^ (salt[i] as number));
      if (value < (signature[i] as number)) signature[i] = value;
    }
  }
  return signature;
}

/** The signature of a script with the default shingle size, hash count and seed. */
export function codeSignature(code: string): Uint32Array {
  return minhashSignature(codeShingles(code));
}

/** Estimated Jaccard similarity (0..1) of the sets behind two signatures of the same length. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) {
    throw new Error(
      `MinHash signatures differ in length (${a.length} vs ${b.length}); compare signatures made with the same settings`,
    );
  }
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

/** A stored item and its similarity to a query. */
export interface MinHashMatch {
  id: string;
  similarity: number;
}

/**
 * LSH index over signatures: `bands` × `rows` slots; two items are candidates when all rows of
 * one band agree. With the default 32 × 4, a pair at Jaccard 0.6 is a candidate with probability
 * 0.99 and a pair at 0.3 with 0.23; candidates are then compared exactly on the whole signature.
 */
export class MinHashIndex {
  readonly #bands: number;
  readonly #rows: number;
  readonly #buckets: Map<number, string[]>[];
  readonly #signatures = new Map<string, Uint32Array>();

  constructor(options: { bands?: number; rows?: number } = {}) {
    this.#bands = options.bands ?? 32;
    this.#rows = options.rows ?? 4;
    if (!(this.#bands >= 1 && this.#rows >= 1))
      throw new Error('an LSH index needs ≥ 1 band and ≥ 1 row');
    this.#buckets = Array.from({ length: this.#bands }, () => new Map<number, string[]>());
  }

  /** Number of stored items. */
  get size(): number {
    return this.#signatures.size;
  }

  /** Adds (or replaces) an item. */
  add(id: string, signature: Uint32Array): void {
    this.#checkLength(signature);
    if (this.#signatures.has(id)) this.remove(id);
    this.#signatures.set(id, signature);
    for (let band = 0; band < this.#bands; band++) {
      const key = this.#bandKey(signature, band);
      const bucket = this.#buckets[band] as Map<number, string[]>;
      const ids = bucket.get(key);
      if (ids) ids.push(id);
      else bucket.set(key, [id]);
    }
  }

  /** Removes an item (e.g. a chart that was deleted); unknown ids are ignored. */
  remove(id: string): void {
    const signature = this.#signatures.get(id);
    if (!signature) return;
    this.#signatures.delete(id);
    for (let band = 0; band < this.#bands; band++) {
      const key = this.#bandKey(signature, band);
      const bucket = this.#buckets[band] as Map<number, string[]>;
      const ids = bucket.get(key);
      if (!ids) continue;
      const left = ids.filter((other) => other !== id);
      if (left.length > 0) bucket.set(key, left);
      else bucket.delete(key);
    }
  }

  /** The most similar stored item among the LSH candidates, or null when none shares a band. */
  nearest(signature: Uint32Array): MinHashMatch | null {
    this.#checkLength(signature);
    const seen = new Set<string>();
    let best: MinHashMatch | null = null;
    for (let band = 0; band < this.#bands; band++) {
      const ids = this.#buckets[band]?.get(this.#bandKey(signature, band));
      if (!ids) continue;
      for (const id of ids) {
        if (seen.has(id)) continue;
        seen.add(id);
        const similarity = estimateJaccard(signature, this.#signatures.get(id) as Uint32Array);
        if (!best || similarity > best.similarity) best = { id, similarity };
      }
    }
    return best;
  }

  #checkLength(signature: Uint32Array): void {
    const expected = this.#bands * this.#rows;
    if (signature.length !== expected) {
      throw new Error(
        `this index takes signatures of ${expected} hashes (${this.#bands} bands × ${this.#rows} rows), not ${signature.length}`,
      );
    }
  }

  /** A 32-bit key of one band's rows (collisions only add candidates, never lose one). */
  #bandKey(signature: Uint32Array, band: number): number {
    let hash = mix32(band + 1);
    const start = band * this.#rows;
    for (let i = start; i < start + this.#rows; i++) {
      hash = mix32(hash ^ (signature[i] as number));
    }
    return hash;
  }
}
