// The quota scheduler of a CIT run (METHOD.md §3): failure rates differ per chart type (the paper's
// mix came out ~10× imbalanced), so instead of sampling types at random we always draw the type
// furthest below its target share, counting items still in flight, so a type whose items keep
// failing keeps being drawn until enough of them are kept. Topics and levels are steered alike.
import { MINOR_CHART_TYPES, type MinorChartType } from '../chart-types.ts';
import { TOPICS } from '../topics.ts';
import { createRng } from '../template/prng.ts';
import { EVOL_DIRECTIONS, type EvolDirection } from './recipe.ts';

/** What the run aims for. */
export interface QuotaTargets {
  /** Target mix of minor types as weights; empty (or all 0) = all 32 equally. */
  chartTypes: Partial<Record<MinorChartType, number>>;
  /** Topic ids to draw from; empty = all 38. */
  topics: string[];
  /** Target share (0..1) of evolved ("hard") charts. */
  evolShare: number;
}

/** What the run has so far. */
export interface QuotaCounts {
  /** Kept charts per minor type. */
  kept: Partial<Record<MinorChartType, number>>;
  /** Items per minor type that are planned or running (not yet kept or rejected). */
  inFlight: Partial<Record<MinorChartType, number>>;
  /** How often each topic id was given to the LLM. */
  topics: Record<string, number>;
  /** Self-Instruct ("easy") and Evol-Instruct ("hard") charts, kept plus in flight. */
  easy: number;
  hard: number;
}

/** Shares closer than this count as equal, so the tie is broken at random. */
const TIE = 1e-9;

/** The element with the largest score; ties broken uniformly at random. */
function argmaxRandomTie<T>(
  items: readonly T[],
  score: (item: T) => number,
  random: () => number,
): T {
  let best: T[] = [];
  let bestScore = -Infinity;
  for (const item of items) {
    const value = score(item);
    if (value > bestScore + TIE) {
      best = [item];
      bestScore = value;
    } else if (Math.abs(value - bestScore) <= TIE) {
      best.push(item);
    }
  }
  if (best.length === 0) throw new Error('nothing to choose from');
  return best[Math.min(best.length - 1, Math.floor(random() * best.length))] as T;
}

/** The targeted types with their shares (summing to 1). */
export function targetShares(targets: QuotaTargets): Map<MinorChartType, number> {
  const weighted = MINOR_CHART_TYPES.map((type) => type.id).filter(
    (id) => (targets.chartTypes[id] ?? 0) > 0,
  );
  const ids = weighted.length > 0 ? weighted : MINOR_CHART_TYPES.map((type) => type.id);
  const weightOf = (id: MinorChartType) =>
    weighted.length > 0 ? (targets.chartTypes[id] ?? 0) : 1;
  const total = ids.reduce((sum, id) => sum + weightOf(id), 0);
  return new Map(ids.map((id) => [id, weightOf(id) / total]));
}

/**
 * The minor type with the largest deficit, target share × (total + 1) − (kept + in flight), where
 * total counts kept and in-flight items of the targeted types; ties broken by `random`.
 */
export function chooseMinorType(
  targets: QuotaTargets,
  counts: QuotaCounts,
  random: () => number,
): MinorChartType {
  const shares = targetShares(targets);
  const have = (id: MinorChartType) => (counts.kept[id] ?? 0) + (counts.inFlight[id] ?? 0);
  const total = [...shares.keys()].reduce((sum, id) => sum + have(id), 0);
  return argmaxRandomTie(
    [...shares.keys()],
    (id) => (shares.get(id) as number) * (total + 1) - have(id),
    random,
  );
}

/** `n` distinct topics (fewer when the pool is smaller), least used first, ties at random. */
export function chooseTopics(
  targets: QuotaTargets,
  counts: QuotaCounts,
  n: number,
  random: () => number,
): string[] {
  const pool = targets.topics.length > 0 ? [...new Set(targets.topics)] : TOPICS.map((t) => t.id);
  const keyed = pool.map((id) => ({ id, used: counts.topics[id] ?? 0, tie: random() }));
  keyed.sort((a, b) => a.used - b.used || a.tie - b.tie);
  return keyed.slice(0, Math.max(0, Math.floor(n))).map((entry) => entry.id);
}

/** Evolve a kept chart when hard charts are below their share and a parent exists. */
export function chooseOrigin(
  targets: QuotaTargets,
  counts: QuotaCounts,
  parentsAvailable: number,
  random: () => number,
): 'self-instruct' | 'evol' {
  const share = Math.min(1, Math.max(0, targets.evolShare));
  if (parentsAvailable <= 0 || share === 0) return 'self-instruct';
  if (share === 1) return 'evol';
  const total = counts.easy + counts.hard + 1;
  const hardDeficit = share * total - counts.hard;
  const easyDeficit = (1 - share) * total - counts.easy;
  return argmaxRandomTie<'self-instruct' | 'evol'>(
    ['self-instruct', 'evol'],
    (origin) => (origin === 'evol' ? hardDeficit : easyDeficit),
    random,
  );
}

/** An Evol-Instruct direction drawn by weight (negative counts as 0; all 0 → uniform). */
export function chooseDirection(
  weights: Record<EvolDirection, number>,
  random: () => number,
): EvolDirection {
  const positive = EVOL_DIRECTIONS.map((d) => Math.max(0, weights[d] ?? 0));
  const total = positive.reduce((sum, w) => sum + w, 0);
  const draws = total > 0 ? positive : positive.map(() => 1);
  let point = random() * (total > 0 ? total : draws.length);
  for (let i = 0; i < EVOL_DIRECTIONS.length; i++) {
    point -= draws[i] as number;
    if (point < 0 && (draws[i] as number) > 0) return EVOL_DIRECTIONS[i] as EvolDirection;
  }
  // Rounding at the top end: the last direction with weight.
  const last =
    draws
      .map((w, i) => (w > 0 ? i : -1))
      .filter((i) => i >= 0)
      .pop() ?? 0;
  return EVOL_DIRECTIONS[last] as EvolDirection;
}

/** A small deterministic PRNG (mulberry32): uniform in [0, 1), same seed → same sequence. */
export function seededRandom(seed: number): () => number {
  return createRng(seed).next;
}
