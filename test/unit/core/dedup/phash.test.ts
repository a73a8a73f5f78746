// Perceptual-hash dedup: Hamming distance on 16-hex-digit hashes and the nearest-image index.
import { describe, expect, it } from 'vitest';
import { PhashIndex, hammingHex } from '../../../../src/core/dedup/phash.ts';
import { seededRandom } from '../../../../src/core/cit/quota.ts';

const randomHex = (random: () => number) =>
  Array.from({ length: 16 }, () => Math.floor(random() * 16).toString(16)).join('');

/** Flips `bits` distinct bits of a hash. */
function flip(hex: string, bits: number[]): string {
  let value = BigInt(`0x${hex}`);
  for (const bit of bits) value ^= 1n << BigInt(bit);
  return value.toString(16).padStart(16, '0');
}

describe('hammingHex', () => {
  it('counts differing bits in both halves, case-insensitively', () => {
    expect(hammingHex('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingHex('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingHex('8000000000000001', '0000000000000000')).toBe(2);
    expect(hammingHex('ABCDEF0123456789', 'abcdef0123456789')).toBe(0);
    expect(hammingHex('0000000000000000', flip('0000000000000000', [0, 31, 32, 63]))).toBe(4);
  });

  it('refuses anything but 16 hex digits', () => {
    expect(() => hammingHex('abc', '0000000000000000')).toThrow(/16 hex digits/);
    expect(() => hammingHex('000000000000000g', '0000000000000000')).toThrow(/16 hex digits/);
  });
});

describe('PhashIndex', () => {
  it('returns the closest hash within the distance, or null', () => {
    const random = seededRandom(9);
    const index = new PhashIndex();
    const hashes = Array.from({ length: 10_000 }, () => randomHex(random));
    hashes.forEach((hex, i) => index.add(`c${i}`, hex));
    const near = flip(hashes[1234]!, [3, 40, 61]);
    expect(index.nearest(near, 4)).toEqual({ id: 'c1234', distance: 3 });
    expect(index.nearest(near, 2)?.id).not.toBe('c1234');
    expect(index.nearest(hashes[42]!, 0)).toEqual({ id: 'c42', distance: 0 });
  });

  it('replaces and removes entries, keeping the others findable', () => {
    const index = new PhashIndex();
    for (let i = 0; i < 100; i++) index.add(`c${i}`, i.toString(16).padStart(16, '0'));
    index.add('c5', 'ffffffffffffffff');
    expect(index.nearest('0000000000000005', 0)).toBeNull();
    index.remove('c0');
    index.remove('c0');
    expect(index.size).toBe(99);
    expect(index.nearest('0000000000000063', 0)).toEqual({ id: 'c99', distance: 0 });
    expect(index.nearest('ffffffffffffffff', 0)).toEqual({ id: 'c5', distance: 0 });
    expect(index.nearest('0000000000000000', 0)).toBeNull();
  });
});
