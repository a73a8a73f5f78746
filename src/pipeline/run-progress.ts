// Counts, rate, ETA and a bounded log of the current run, published to subscribers.
import {
  ITEM_STAGES,
  type ItemRecord,
  type ItemStage,
  type RunStatus,
} from '../core/dataset/records.ts';
import type { Clock, RunLogLine, RunSnapshot } from './runner-types.ts';

const LOG_LIMIT = 500;

export function emptyStages(): Record<ItemStage, number> {
  return Object.fromEntries(ITEM_STAGES.map((stage) => [stage, 0])) as Record<ItemStage, number>;
}

export class RunProgress {
  readonly #clock: Clock;
  readonly #listeners = new Set<(snapshot: RunSnapshot) => void>();
  #snapshot: RunSnapshot = {
    runId: null,
    status: 'idle',
    reason: null,
    planned: 0,
    stages: emptyStages(),
    mismatches: 0,
    unverifiable: 0,
    ratePerMinute: null,
    etaMs: null,
    cost: null,
    log: [],
  };
  /** Finished items and time when this runner took the run over (rate excludes earlier work). */
  #base = { at: 0, finished: 0 };

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  get snapshot(): RunSnapshot {
    return this.#snapshot;
  }

  subscribe(listener: (snapshot: RunSnapshot) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#snapshot);
    return () => this.#listeners.delete(listener);
  }

  /** Starts tracking a run from its stored items. */
  load(runId: string, items: readonly ItemRecord[], status: RunStatus): void {
    const stages = emptyStages();
    for (const item of items) stages[item.stage] += 1;
    this.#base = { at: this.#clock.now(), finished: stages.done + stages.failed + stages.rejected };
    this.#publish({
      ...this.#snapshot,
      runId,
      status,
      reason: null,
      planned: items.length,
      stages,
      mismatches: 0,
      unverifiable: 0,
      ratePerMinute: null,
      etaMs: null,
      cost: null,
    });
  }

  /** The run's LLM spending (CIT runs). */
  setCost(cost: RunSnapshot['cost']): void {
    this.#publish({ ...this.#snapshot, cost });
  }

  /** Restarts the rate measurement (after a pause the idle time must not count). */
  restartClock(): void {
    const { done, failed, rejected } = this.#snapshot.stages;
    this.#base = { at: this.#clock.now(), finished: done + failed + rejected };
  }

  move(from: ItemStage, to: ItemStage): void {
    const stages = { ...this.#snapshot.stages };
    stages[from] -= 1;
    stages[to] += 1;
    const finished = stages.done + stages.failed + stages.rejected;
    const minutes = (this.#clock.now() - this.#base.at) / 60_000;
    const gained = finished - this.#base.finished;
    const rate = minutes > 0 && gained > 0 ? gained / minutes : null;
    const left = this.#snapshot.planned - finished;
    this.#publish({
      ...this.#snapshot,
      stages,
      ratePerMinute: rate,
      etaMs: rate ? (left / rate) * 60_000 : null,
    });
  }

  countVerification(status: 'verified' | 'mismatch' | 'unverifiable'): void {
    if (status === 'verified') return;
    const key = status === 'mismatch' ? 'mismatches' : 'unverifiable';
    this.#publish({ ...this.#snapshot, [key]: this.#snapshot[key] + 1 });
  }

  setStatus(status: RunStatus | 'idle', reason: string | null = null): void {
    this.#publish({ ...this.#snapshot, status, reason });
  }

  log(level: RunLogLine['level'], message: string): void {
    const line: RunLogLine = { at: new Date(this.#clock.now()).toISOString(), level, message };
    const log = [...this.#snapshot.log, line].slice(-LOG_LIMIT);
    this.#publish({ ...this.#snapshot, log });
  }

  #publish(next: RunSnapshot): void {
    this.#snapshot = next;
    for (const listener of this.#listeners) listener(next);
  }
}
