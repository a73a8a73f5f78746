// The quota scheduler: steering the kept mix to the target when failure rates differ 10× per type.
import { describe, expect, it } from 'vitest';
import { MINOR_CHART_TYPES, type MinorChartType } from '../../../../src/core/chart-types.ts';
import {
  chooseDirection,
  chooseMinorType,
  chooseOrigin,
  chooseTopics,
  seededRandom,
  targetShares,
  type QuotaCounts,
  type QuotaTargets,
} from '../../../../src/core/cit/quota.ts';
import { EVOL_DIRECTIONS, type EvolDirection } from '../../../../src/core/cit/recipe.ts';
import { TOPICS } from '../../../../src/core/topics.ts';

const ALL_TYPES = MINOR_CHART_TYPES.map((type) => type.id);
const emptyCounts = (): QuotaCounts => ({ kept: {}, inFlight: {}, topics: {}, easy: 0, hard: 0 });
const targets = (chartTypes: QuotaTargets['chartTypes'] = {}): QuotaTargets => ({
  chartTypes,
  topics: [],
  evolShare: 0.5,
});

/** Success probability per type: every fourth type fails 90% of the time, the rest 9%. */
const successRate = (id: MinorChartType) => (ALL_TYPES.indexOf(id) % 4 === 0 ? 0.1 : 0.91);

/**
 * Runs `draws` items with `concurrency` in flight; `pick` chooses each item's type. Returns the
 * largest |kept share − target share| over the targeted types, in percentage points.
 */
function simulate(
  target: QuotaTargets,
  pick: (counts: QuotaCounts, random: () => number) => MinorChartType,
  draws: number,
  concurrency: number,
): number {
  const random = seededRandom(2024);
  const counts = emptyCounts();
  const queue: MinorChartType[] = [];
  const settle = () => {
    const id = queue.shift() as MinorChartType;
    counts.inFlight[id] = (counts.inFlight[id] ?? 0) - 1;
    if (random() < successRate(id)) counts.kept[id] = (counts.kept[id] ?? 0) + 1;
  };
  for (let i = 0; i < draws; i++) {
    if (queue.length >= concurrency) settle();
    const id = pick(counts, random);
    counts.inFlight[id] = (counts.inFlight[id] ?? 0) + 1;
    queue.push(id);
  }
  while (queue.length > 0) settle();
  const shares = targetShares(target);
  const kept = ALL_TYPES.reduce((sum, id) => sum + (counts.kept[id] ?? 0), 0);
  let worst = 0;
  for (const [id, share] of shares)
    worst = Math.max(worst, Math.abs((counts.kept[id] ?? 0) / kept - share));
  for (const id of ALL_TYPES) if (!shares.has(id)) expect(counts.kept[id] ?? 0).toBe(0);
  return worst * 100;
}

describe('chooseMinorType', () => {
  it('keeps the kept mix within 1 point of an equal target where naive sampling is far off', () => {
    const target = targets();
    const steered = simulate(
      target,
      (counts, random) => chooseMinorType(target, counts, random),
      3000,
      4,
    );
    const naive = simulate(
      target,
      (_counts, random) => ALL_TYPES[Math.floor(random() * ALL_TYPES.length)]!,
      3000,
      4,
    );
    // Target share is 3.125% per type; naive sampling keeps the failing types near 0.45%.
    expect(steered).toBeLessThan(1);
    expect(naive).toBeGreaterThan(2);
    expect(naive).toBeGreaterThan(steered * 3);
  });

  it('steers to uneven weights, including failing types, and ignores types with weight 0', () => {
    const target = targets({
      'line-plain': 4,
      'pie-plain': 1,
      'bar-stacked': 2,
      funnel: 3,
      treemap: 0,
    });
    expect([...targetShares(target).keys()]).not.toContain('treemap');
    // line-plain and funnel fail 90%; the kept mix must still come out 40/10/20/30.
    const steered = simulate(
      target,
      (counts, random) => chooseMinorType(target, counts, random),
      3000,
      8,
    );
    expect(steered).toBeLessThan(2);
  });

  it('counts in-flight items, so concurrent draws spread over the under-filled types', () => {
    const target = targets({ 'bar-plain': 1, 'pie-plain': 1 });
    const counts = emptyCounts();
    counts.kept = { 'bar-plain': 5, 'pie-plain': 3 };
    counts.inFlight = { 'pie-plain': 1 };
    expect(chooseMinorType(target, counts, () => 0)).toBe('pie-plain');
    counts.inFlight = { 'pie-plain': 2 };
    // 5 vs 3 + 2: a tie, broken by the random source.
    const picks = new Set([0, 0.99].map((r) => chooseMinorType(target, counts, () => r)));
    expect(picks).toEqual(new Set(['bar-plain', 'pie-plain']));
  });

  it('treats an all-zero weight map as all 32 types equally', () => {
    const target = targets({ 'bar-plain': 0 });
    expect(targetShares(target).size).toBe(32);
    const seen = new Set<MinorChartType>();
    const counts = emptyCounts();
    for (let i = 0; i < 32; i++) {
      const id = chooseMinorType(target, counts, seededRandom(i));
      seen.add(id);
      counts.kept[id] = (counts.kept[id] ?? 0) + 1;
    }
    expect(seen.size).toBe(32);
  });
});

describe('chooseTopics', () => {
  it('returns n distinct topics, least used first, and covers all 38 evenly over time', () => {
    const target = targets();
    const counts = emptyCounts();
    const random = seededRandom(1);
    for (let i = 0; i < 190; i++) {
      const chosen = chooseTopics(target, counts, 2, random);
      expect(new Set(chosen).size).toBe(2);
      for (const id of chosen) counts.topics[id] = (counts.topics[id] ?? 0) + 1;
    }
    const uses = TOPICS.map((topic) => counts.topics[topic.id] ?? 0);
    expect(Math.min(...uses)).toBe(10);
    expect(Math.max(...uses)).toBe(10);
  });

  it('draws only from the targeted topics and stops at the pool size', () => {
    const target: QuotaTargets = { ...targets(), topics: ['law', 'music-performance', 'law'] };
    const chosen = chooseTopics(target, emptyCounts(), 5, seededRandom(2));
    expect(chosen.sort()).toEqual(['law', 'music-performance']);
    const counts = emptyCounts();
    counts.topics = { law: 3 };
    expect(chooseTopics(target, counts, 1, seededRandom(3))).toEqual(['music-performance']);
  });
});

describe('chooseOrigin', () => {
  it('evolves only when a parent exists and hard charts are under their share', () => {
    const target = { ...targets(), evolShare: 0.3 };
    expect(chooseOrigin(target, emptyCounts(), 0, () => 0.5)).toBe('self-instruct');
    const counts = { ...emptyCounts(), easy: 10, hard: 2 };
    expect(chooseOrigin(target, counts, 5, () => 0.5)).toBe('evol');
    expect(chooseOrigin(target, { ...counts, hard: 6 }, 5, () => 0.5)).toBe('self-instruct');
    expect(chooseOrigin({ ...target, evolShare: 0 }, counts, 5, () => 0.5)).toBe('self-instruct');
    expect(chooseOrigin({ ...target, evolShare: 1 }, { ...counts, hard: 100 }, 1, () => 0.5)).toBe(
      'evol',
    );
  });

  it('reaches the evol share over a run', () => {
    const target = { ...targets(), evolShare: 0.4 };
    const counts = emptyCounts();
    const random = seededRandom(4);
    for (let i = 0; i < 1000; i++) {
      const origin = chooseOrigin(target, counts, counts.easy, random);
      if (origin === 'evol') counts.hard++;
      else counts.easy++;
    }
    expect(counts.hard / 1000).toBeCloseTo(0.4, 2);
  });
});

describe('chooseDirection', () => {
  const tally = (weights: Record<EvolDirection, number>) => {
    const random = seededRandom(8);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 8000; i++) {
      const direction = chooseDirection(weights, random);
      counts[direction] = (counts[direction] ?? 0) + 1;
    }
    return counts;
  };

  it('follows the weights and never draws a weight-0 direction', () => {
    const counts = tally({
      'more-data': 3,
      'more-visual-elements': 1,
      'overlay-chart-type': 0,
      'add-subplot': 0,
    });
    expect(counts['overlay-chart-type']).toBeUndefined();
    expect(counts['add-subplot']).toBeUndefined();
    expect(counts['more-data']! / 8000).toBeCloseTo(0.75, 1);
  });

  it('is uniform when every weight is 0', () => {
    const counts = tally({
      'more-data': 0,
      'more-visual-elements': 0,
      'overlay-chart-type': 0,
      'add-subplot': 0,
    });
    for (const direction of EVOL_DIRECTIONS) expect(counts[direction]! / 8000).toBeCloseTo(0.25, 1);
  });
});

describe('seededRandom', () => {
  it('repeats per seed, differs between seeds and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = Array.from({ length: 100 }, a);
    expect(Array.from({ length: 100 }, b)).toEqual(first);
    expect(Array.from({ length: 100 }, c)).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
