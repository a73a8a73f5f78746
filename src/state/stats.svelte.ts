// The Statistics page's state: the figures of the current dataset, recomputed when the page
// opens, when the dataset changes and (when that is cheap) shortly after the runner adds charts.
// The newest request wins: figures of a dataset switched away from are never shown.
import type { DatasetStats } from '../core/stats/index.ts';
import { computeDatasetStats, type CitDatabase } from '../db/index.ts';

/** Where the dataset lives; AppState satisfies it (its fields are reactive). */
export interface StatsSource {
  readonly db: CitDatabase | null;
  readonly datasetId: string | null;
}

/** A change refreshes by itself this long after it happened (later changes join that refresh). */
export const AUTO_REFRESH_DELAY_MS = 3000;
/** Slower computations than this wait for the Refresh button instead. */
export const AUTO_REFRESH_MAX_MS = 1500;

export class StatsState {
  stats = $state.raw<DatasetStats | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  /** How long the last computation took, and when it finished. */
  durationMs = $state<number | null>(null);
  computedAt = $state<Date | null>(null);
  /** The dataset changed since the figures were computed. */
  isStale = $state(false);

  readonly #source: StatsSource;
  #request = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(source: StatsSource) {
    this.#source = source;
  }

  /** Recomputes the figures of the current dataset. */
  async refresh(): Promise<void> {
    this.#cancelTimer();
    const { db, datasetId } = this.#source;
    const request = ++this.#request;
    if (!db || !datasetId) {
      this.stats = null;
      return;
    }
    if (this.stats?.datasetId !== datasetId) this.stats = null;
    this.loading = true;
    this.error = null;
    const started = performance.now();
    try {
      const stats = await computeDatasetStats(db, datasetId);
      if (request !== this.#request) return;
      this.stats = stats;
      this.durationMs = performance.now() - started;
      this.computedAt = new Date();
      this.isStale = false;
    } catch (error) {
      if (request !== this.#request) return;
      const message = error instanceof Error ? error.message : String(error);
      this.error = `The statistics could not be computed: ${message}`;
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /** The dataset changed (the runner finished an item): refresh soon if that is cheap. */
  noteChange(): void {
    if (!this.stats) return;
    this.isStale = true;
    if (this.durationMs === null || this.durationMs > AUTO_REFRESH_MAX_MS) return;
    if (this.#timer !== null) return; // a refresh is already due: a busy run refreshes every few s
    this.#timer = setTimeout(() => void this.refresh(), AUTO_REFRESH_DELAY_MS);
  }

  dispose(): void {
    this.#cancelTimer();
    this.#request += 1;
  }

  #cancelTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
