// The render-and-repair outcome of each LLM-written script (METHOD.md §2, S3: "repair rescues
// ~15%, ~5% stay broken"). A script is known from its item (which also knows the ones that never
// rendered) or, for an imported dataset without items, from the tries stored on its chart.
import type { RenderTry } from '../cit/item-state.ts';
import { ReasonCounter } from './reasons.ts';
import type { ReasonCount, RepairStats } from './types.ts';

/** What happened to one script. */
export type RepairOutcome =
  | { kind: 'first-try' }
  | { kind: 'rescued'; round: number }
  | { kind: 'broken'; errorKind: string }
  | { kind: 'pending' };

/**
 * The outcome of a script's tries. `hasGivenUp`: its item stopped (failed or rejected), so a
 * script whose every try failed stayed broken rather than waiting for its next repair round.
 */
export function repairOutcome(
  tries: readonly RenderTry[],
  hasGivenUp: boolean,
): RepairOutcome | null {
  if (tries.length === 0) return null;
  const firstOk = tries.findIndex((attempt) => attempt.error === null);
  if (firstOk === 0) return { kind: 'first-try' };
  if (firstOk > 0) return { kind: 'rescued', round: Math.max(1, tries[firstOk]!.round) };
  if (!hasGivenUp) return { kind: 'pending' };
  return { kind: 'broken', errorKind: tries[tries.length - 1]!.error?.kind ?? 'unknown' };
}

interface ScriptRecord {
  outcome: RepairOutcome;
  /** Error kinds of the failed tries. */
  errorKinds: string[];
}

export class RepairTracker {
  /** By item id (or chart id for a chart without an item). */
  readonly #scripts = new Map<string, ScriptRecord>();

  /** Records a script; a later record for the same key replaces it (items win over charts). */
  record(key: string, tries: readonly RenderTry[], hasGivenUp: boolean): void {
    const outcome = repairOutcome(tries, hasGivenUp);
    if (!outcome) return;
    const errorKinds = tries.flatMap((attempt) => (attempt.error ? [attempt.error.kind] : []));
    this.#scripts.set(key, { outcome, errorKinds });
  }

  has(key: string): boolean {
    return this.#scripts.has(key);
  }

  summarize(): { stats: RepairStats; brokenByKind: ReasonCount[] } {
    const stats: RepairStats = {
      scripts: 0,
      firstTryOk: 0,
      rescued: 0,
      stayedBroken: 0,
      pending: 0,
      rescuedByRound: [],
      errorsByKind: [],
    };
    const errors = new ReasonCounter();
    const broken = new ReasonCounter();
    for (const { outcome, errorKinds } of this.#scripts.values()) {
      stats.scripts += 1;
      for (const kind of errorKinds) errors.add(kind);
      if (outcome.kind === 'first-try') stats.firstTryOk += 1;
      else if (outcome.kind === 'pending') stats.pending += 1;
      else if (outcome.kind === 'broken') {
        stats.stayedBroken += 1;
        broken.add(outcome.errorKind);
      } else {
        stats.rescued += 1;
        while (stats.rescuedByRound.length < outcome.round) stats.rescuedByRound.push(0);
        stats.rescuedByRound[outcome.round - 1]! += 1;
      }
    }
    stats.errorsByKind = errors.sorted();
    return { stats, brokenByKind: broken.sorted() };
  }
}
