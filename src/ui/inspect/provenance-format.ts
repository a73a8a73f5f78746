// Pure helpers the inspector's provenance panels use to summarise a CIT chart's story: how much
// each repair changed the code, what the LLM calls cost, how the raters scored, how hard it is.
import type { ItemCall } from '../../core/cit/item-state.ts';
import type { EvolDirection } from '../../core/cit/recipe.ts';
import type { ChartRecord, Rejection } from '../../core/dataset/records.ts';

/** Lines added and removed between two versions of a script (a multiset diff of lines). */
export interface LineChange {
  added: number;
  removed: number;
}

/**
 * How many lines differ between two scripts, counting each line as many times as it occurs.
 * Cheap and order-blind: enough to tell a one-line repair from a rewrite.
 */
export function lineChange(before: string, after: string): LineChange {
  const counts = new Map<string, number>();
  for (const line of before.split('\n')) counts.set(line, (counts.get(line) ?? 0) + 1);
  let added = 0;
  for (const line of after.split('\n')) {
    const left = counts.get(line) ?? 0;
    if (left > 0) counts.set(line, left - 1);
    else added += 1;
  }
  let removed = 0;
  for (const left of counts.values()) removed += left;
  return { added, removed };
}

/** "+3 −1 lines", or "no change". */
export function describeLineChange(change: LineChange): string {
  if (change.added === 0 && change.removed === 0) return 'no change';
  return `+${change.added} −${change.removed} lines`;
}

/** Token and cost totals of some LLM calls; cost is null when no call has a known price. */
export interface CallTotals {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
  /** Calls whose cost is unknown (no price for the model). */
  unpriced: number;
}

export function totalCalls(calls: readonly ItemCall[]): CallTotals {
  const totals: CallTotals = {
    calls: calls.length,
    promptTokens: 0,
    completionTokens: 0,
    costUsd: null,
    unpriced: 0,
  };
  for (const call of calls) {
    totals.promptTokens += call.promptTokens;
    totals.completionTokens += call.completionTokens;
    if (call.costUsd === null) totals.unpriced += 1;
    else totals.costUsd = (totals.costUsd ?? 0) + call.costUsd;
  }
  return totals;
}

/** "$0.0123" (4 decimals below a cent), "—" when unknown. */
export function formatCost(costUsd: number | null): string {
  if (costUsd === null) return '—';
  return costUsd < 0.01 && costUsd > 0 ? `$${costUsd.toFixed(4)}` : `$${costUsd.toFixed(3)}`;
}

/** The mean of the raters' scores, or null without ratings. */
export function meanScore(ratings: readonly { score: number }[] | null | undefined): number | null {
  if (!ratings || ratings.length === 0) return null;
  return ratings.reduce((sum, rating) => sum + rating.score, 0) / ratings.length;
}

const DIRECTION_NAMES: Record<EvolDirection, string> = {
  'more-data': 'more data',
  'more-visual-elements': 'more visual elements',
  'overlay-chart-type': 'overlay another chart type',
  'add-subplot': 'add a subplot',
};

/** An Evol-Instruct direction as a person reads it. */
export function describeDirection(direction: EvolDirection | null | undefined): string {
  return direction ? DIRECTION_NAMES[direction] : '—';
}

/** The chart's measured difficulty on one line. */
export function describeComplexity(complexity: ChartRecord['complexity']): string {
  const plural = (count: number, one: string, many: string) =>
    `${count} ${count === 1 ? one : many}`;
  return [
    plural(complexity.subplots, 'subplot', 'subplots'),
    plural(complexity.series, 'series', 'series'),
    plural(complexity.points, 'point', 'points'),
    plural(complexity.texts, 'text', 'texts'),
  ].join(' · ');
}

/** "gate, 2 Nov 2026 10:04": where and when the pipeline set something aside. */
export function describeRejection(rejection: Rejection): string {
  const at = new Date(rejection.at);
  const when = Number.isNaN(at.getTime()) ? rejection.at : at.toLocaleString();
  return `${rejection.stage}, ${when}`;
}
