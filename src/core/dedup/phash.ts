// Near-duplicate images (METHOD.md §3): charts are compared by the Hamming distance of their 64-bit
// DCT perceptual hashes, which Python computes at render time (RenderSuccess.phash, 16 hex digits),
// so this side never decodes a PNG. A linear scan over packed 32-bit halves is microseconds at 10k.

const HEX64 = /^[0-9a-f]{16}$/i;

/** The two 32-bit halves of a 16-hex-digit hash; throws a readable error on anything else. */
function halves(hex: string): [number, number] {
  if (!HEX64.test(hex)) {
    throw new Error(`a perceptual hash is 16 hex digits (64 bits), not ${JSON.stringify(hex)}`);
  }
  return [parseInt(hex.slice(0, 8), 16) >>> 0, parseInt(hex.slice(8), 16) >>> 0];
}

/** Number of set bits of a 32-bit value. */
function popcount32(value: number): number {
  let v = value >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Hamming distance (0..64) between two 16-hex-digit hashes. */
export function hammingHex(a: string, b: string): number {
  const [aHigh, aLow] = halves(a);
  const [bHigh, bLow] = halves(b);
  return popcount32(aHigh ^ bHigh) + popcount32(aLow ^ bLow);
}

/** A stored image and its distance to a query. */
export interface PhashMatch {
  id: string;
  distance: number;
}

/** Perceptual hashes of a dataset's images, searched by Hamming distance. */
export class PhashIndex {
  #ids: string[] = [];
  #high = new Uint32Array(64);
  #low = new Uint32Array(64);
  readonly #slots = new Map<string, number>();

  /** Number of stored images. */
  get size(): number {
    return this.#ids.length;
  }

  /** Adds (or replaces) an image's hash. */
  add(id: string, hex: string): void {
    const [high, low] = halves(hex);
    let slot = this.#slots.get(id);
    if (slot === undefined) {
      slot = this.#ids.length;
      if (slot === this.#high.length) this.#grow();
      this.#ids.push(id);
      this.#slots.set(id, slot);
    }
    this.#high[slot] = high;
    this.#low[slot] = low;
  }

  /** Removes an image; unknown ids are ignored. */
  remove(id: string): void {
    const slot = this.#slots.get(id);
    if (slot === undefined) return;
    const last = this.#ids.length - 1;
    const lastId = this.#ids[last] as string;
    this.#ids[slot] = lastId;
    this.#high[slot] = this.#high[last] as number;
    this.#low[slot] = this.#low[last] as number;
    this.#slots.set(lastId, slot);
    this.#ids.pop();
    this.#slots.delete(id);
  }

  /** The closest stored image at distance ≤ maxDistance (on a tie, the first one found), or null. */
  nearest(hex: string, maxDistance: number): PhashMatch | null {
    const [high, low] = halves(hex);
    let bestSlot = -1;
    let bestDistance = maxDistance + 1;
    for (let slot = 0; slot < this.#ids.length; slot++) {
      const distance =
        popcount32(high ^ (this.#high[slot] as number)) +
        popcount32(low ^ (this.#low[slot] as number));
      if (distance < bestDistance) {
        bestDistance = distance;
        bestSlot = slot;
        if (distance === 0) break;
      }
    }
    return bestSlot < 0 ? null : { id: this.#ids[bestSlot] as string, distance: bestDistance };
  }

  #grow(): void {
    const high = new Uint32Array(this.#high.length * 2);
    const low = new Uint32Array(this.#low.length * 2);
    high.set(this.#high);
    low.set(this.#low);
    this.#high = high;
    this.#low = low;
  }
}
