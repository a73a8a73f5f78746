import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/template/index.ts';

describe('createRng', () => {
  it('repeats the same stream for the same seed and differs for another seed', () => {
    const a = Array.from({ length: 5 }, createRng(42).next);
    const first = createRng(42);
    const b = Array.from({ length: 5 }, () => first.next());
    const c = Array.from({ length: 5 }, createRng(43).next);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws integers inside the inclusive bounds, reaching both ends', () => {
    const rng = createRng(7);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('shuffles to a permutation and samples distinct elements', () => {
    const rng = createRng(9);
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(rng.shuffle(items).sort()).toEqual(items);
    const sample = rng.sample(items, 4);
    expect(new Set(sample).size).toBe(4);
    expect(() => rng.pick([])).toThrow();
  });

  it('draws normal values with about the asked mean and spread', () => {
    const rng = createRng(11);
    const values = Array.from({ length: 4000 }, () => rng.normal(10, 2));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(mean).toBeGreaterThan(9.8);
    expect(mean).toBeLessThan(10.2);
    expect(sd).toBeGreaterThan(1.8);
    expect(sd).toBeLessThan(2.2);
  });

  it('forks independent but reproducible sub-streams', () => {
    const x = createRng(5).fork().next();
    const y = createRng(5).fork().next();
    expect(x).toBe(y);
  });
});
