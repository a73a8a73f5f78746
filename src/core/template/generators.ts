// Seeded data generators. Values are rounded to what a chart can show legibly and kept apart
// enough that "which is highest" or "rank" questions have one clear answer.
import type { Rng } from './prng.ts';

/** Rounds to 0 or 1 decimals (half away from zero, the same for every runtime). */
export function roundTo(value: number, decimals: 0 | 1 | 2): number {
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** The smallest gap between any two values (Infinity for fewer than two). */
export function smallestGap(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < sorted.length; i++)
    gap = Math.min(gap, (sorted[i] as number) - (sorted[i - 1] as number));
  return gap;
}

/** A gap that a reader can see between two bars or points of a chart spanning `range`. */
export function legibleGap(range: readonly [number, number]): number {
  return Math.max((range[1] - range[0]) * 0.03, 1e-9);
}

export interface TrendOptions {
  count: number;
  range: [number, number];
  decimals: 0 | 1;
  /** Overall change across the series, as a fraction of the range (-1..1). */
  trend: number;
  /** Seasonal amplitude as a fraction of the range. */
  seasonality: number;
  /** Period of the seasonal wave in points. */
  period: number;
  /** Noise standard deviation as a fraction of the range. */
  noise: number;
}

/** Picks trend, seasonality and noise settings for a series of `count` points. */
export function pickTrendOptions(
  rng: Rng,
  count: number,
  range: [number, number],
  decimals: 0 | 1,
): TrendOptions {
  return {
    count,
    range,
    decimals,
    trend: rng.float(-0.6, 0.6),
    seasonality: rng.chance(0.4) ? rng.float(0.05, 0.2) : 0,
    period: rng.int(3, 6),
    noise: rng.float(0.03, 0.12),
  };
}

/**
 * A series with trend + seasonality + noise, clamped to the range, with values at least a
 * legible gap apart (regenerated on near-ties; values are nudged apart as a last resort).
 */
export function generateTrendSeries(rng: Rng, options: TrendOptions): number[] {
  const [low, high] = options.range;
  const span = high - low;
  const gap = legibleGap(options.range);
  for (let attempt = 0; attempt < 40; attempt++) {
    const base = rng.float(low + span * 0.25, low + span * 0.75);
    const phase = rng.float(0, Math.PI * 2);
    const values = Array.from({ length: options.count }, (_, i) => {
      const progress = options.count > 1 ? i / (options.count - 1) - 0.5 : 0;
      const wave =
        Math.sin((2 * Math.PI * i) / options.period + phase) * options.seasonality * span;
      const raw =
        base + progress * options.trend * span + wave + rng.normal(0, options.noise * span);
      return roundTo(Math.min(high, Math.max(low, raw)), options.decimals);
    });
    if (smallestGap(values) >= gap) return values;
  }
  return spreadApart(rng, options.count, options.range, options.decimals);
}

/** `count` values in the range, pairwise at least a legible gap apart, in random order. */
export function spreadApart(
  rng: Rng,
  count: number,
  range: [number, number],
  decimals: 0 | 1,
): number[] {
  const [low, high] = range;
  const slot = (high - low) / count;
  const values = Array.from({ length: count }, (_, i) =>
    roundTo(low + slot * i + rng.float(slot * 0.1, slot * 0.6), decimals),
  );
  return rng.shuffle(values);
}

/**
 * `count` positive shares that sum to exactly 100 (in 0 or 1 decimals), pairwise distinct by at
 * least 1 (or 0.5 with one decimal) and each at least 3.
 */
export function generateShares(rng: Rng, count: number, decimals: 0 | 1): number[] {
  const unit = decimals === 0 ? 1 : 0.1;
  const minGap = decimals === 0 ? 1 : 0.5;
  for (let attempt = 0; attempt < 100; attempt++) {
    const weights = Array.from({ length: count }, () => rng.float(0.3, 1.5));
    const total = weights.reduce((a, b) => a + b, 0);
    const shares = weights.map((w) => Math.max(3, roundTo((w / total) * 100, decimals)));
    const sum = shares.reduce((a, b) => a + b, 0);
    const largest = shares.indexOf(Math.max(...shares));
    shares[largest] = roundTo((shares[largest] as number) + (100 - sum), decimals);
    const exact = Math.round(shares.reduce((a, b) => a + b, 0) / unit) === Math.round(100 / unit);
    if (exact && smallestGap(shares) >= minGap - 1e-9 && Math.min(...shares) >= 3) return shares;
  }
  throw new Error(`could not generate ${count} distinct shares`);
}

/** Normally distributed samples clamped to the range, rounded. */
export function generateSamples(
  rng: Rng,
  count: number,
  center: number,
  spread: number,
  range: [number, number],
  decimals: 0 | 1,
): number[] {
  return Array.from({ length: count }, () =>
    roundTo(Math.min(range[1], Math.max(range[0], rng.normal(center, spread))), decimals),
  );
}

/** Points along a line with noise: x ascending-ish in the range, y = a + b·x + noise. */
export function generateLinearPoints(
  rng: Rng,
  count: number,
  xRange: [number, number],
  slope: number,
  intercept: number,
  noise: number,
): { x: number[]; y: number[] } {
  const x = Array.from({ length: count }, () => roundTo(rng.float(xRange[0], xRange[1]), 1));
  const y = x.map((value) => roundTo(intercept + slope * value + rng.normal(0, noise), 1));
  return { x, y };
}

/**
 * A random simple graph on `nodes` with `edgeCount` edges (no self-loops, no duplicates; for an
 * undirected graph a-b equals b-a), regenerated until one node has strictly the most edges.
 */
export function generateEdges(
  rng: Rng,
  nodes: readonly string[],
  edgeCount: number,
  directed: boolean,
): [string, string][] {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const seen = new Set<string>();
    const edges: [string, string][] = [];
    while (edges.length < edgeCount) {
      const [a, b] = rng.sample(nodes, 2) as [string, string];
      const key = directed ? `${a}>${b}` : [a, b].sort().join('-');
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push([a, b]);
    }
    const degrees = nodes.map((node) => edges.filter(([a, b]) => a === node || b === node).length);
    const top = Math.max(...degrees);
    if (degrees.filter((d) => d === top).length === 1 && degrees.every((d) => d > 0)) return edges;
  }
  throw new Error('could not generate a graph with a unique busiest node');
}
