// The Browse page's state: the filter and sort, the matching rows in order, and the counts.
// The inspector walks charts in this same order (next/previous), so it asks this class.
// Charts the pipeline rejected are hidden unless "Show" asks for them.
import {
  findMinorChartType,
  type MajorChartType,
  type MinorChartType,
} from '../core/chart-types.ts';
import type { ReviewStatus } from '../core/dataset/records.ts';
import {
  countCharts,
  listChartsPage,
  type BrowseRow,
  type ChartFilter,
  type ChartOrigin,
  type ChartSortKey,
  type CitDatabase,
  type ShowFilter,
  type VerificationFilter,
} from '../db/index.ts';

/** Where the dataset lives; AppState satisfies it (its fields are reactive). */
export interface DatasetSource {
  readonly db: CitDatabase | null;
  readonly datasetId: string | null;
}

/** How the grid is sorted, as offered to a person. */
export type BrowseSortChoice = 'newest' | 'oldest' | 'title' | 'type';

/** Why the grid is empty, so the page can say what to do. */
export type EmptyReason = 'no-dataset' | 'no-charts' | 'no-match' | null;

const SORTS: Record<BrowseSortChoice, { key: ChartSortKey; descending: boolean }> = {
  newest: { key: 'createdAt', descending: true },
  oldest: { key: 'createdAt', descending: false },
  title: { key: 'title', descending: false },
  type: { key: 'type', descending: false },
};

const NUMBER_FORMAT = new Intl.NumberFormat('en');

/** Text search waits for a pause in typing so each keystroke does not re-filter thousands of rows. */
export const SEARCH_DEBOUNCE_MS = 250;
/** How often the page checks whether the runner added charts while it is visible. */
export const POLL_INTERVAL_MS = 2000;

/** The difficulty lower bounds a person can set (null: no bound). */
export type DifficultyControl = 'minSubplots' | 'minSeries' | 'minProgramSteps';

export class BrowseState {
  /** Kept charts (default), those the pipeline rejected, or both. */
  show = $state<ShowFilter>('kept');
  origin = $state<ChartOrigin | null>(null);
  minSubplots = $state<number | null>(null);
  minSeries = $state<number | null>(null);
  minProgramSteps = $state<number | null>(null);
  major = $state<MajorChartType | null>(null);
  minor = $state<MinorChartType | null>(null);
  level = $state<'easy' | 'hard' | null>(null);
  review = $state<ReviewStatus | null>(null);
  verification = $state<VerificationFilter | null>(null);
  /** 'any', 'none', or a finding kind; null: no constraint. */
  findings = $state<string | null>(null);
  /** What is typed in the search box (applied after a pause). */
  searchInput = $state('');
  sort = $state<BrowseSortChoice>('newest');
  /** The search text in force (searchInput after the pause). */
  #appliedText = $state('');

  /** Matching rows in display order. */
  rows = $state.raw<BrowseRow[]>([]);
  /** Charts in the dataset (kept by the pipeline), whatever the filter. */
  total = $state(0);
  /** Charts the pipeline rejected (hidden unless shown). */
  rejectedTotal = $state(0);
  loading = $state(false);
  loaded = $state(false);
  error = $state<string | null>(null);

  matched = $derived(this.rows.length);
  isFiltered = $derived(
    this.show !== 'kept' ||
      this.origin !== null ||
      this.minSubplots !== null ||
      this.minSeries !== null ||
      this.minProgramSteps !== null ||
      this.major !== null ||
      this.minor !== null ||
      this.level !== null ||
      this.review !== null ||
      this.verification !== null ||
      this.findings !== null ||
      this.#appliedText !== '',
  );
  emptyReason = $derived<EmptyReason>(this.#emptyReason());
  /** The count line: "312 of 3,249 charts", "3 rejected charts", ... */
  countLabel = $derived(this.#countLabel());

  readonly #source: DatasetSource;
  #searchTimer: ReturnType<typeof setTimeout> | null = null;
  #pollTimer: ReturnType<typeof setInterval> | null = null;
  /** Bumped per query so a slow, older answer never overwrites a newer one. */
  #query = 0;

  constructor(source: DatasetSource) {
    this.#source = source;
  }

  /** The repository filter the controls describe. */
  get filter(): ChartFilter {
    const filter: ChartFilter = {};
    if (this.show !== 'kept') filter.show = this.show;
    if (this.origin) filter.origin = this.origin;
    if (this.minSubplots !== null) filter.minSubplots = this.minSubplots;
    if (this.minSeries !== null) filter.minSeries = this.minSeries;
    if (this.minProgramSteps !== null) filter.minProgramSteps = this.minProgramSteps;
    if (this.major) filter.major = this.major;
    if (this.minor) filter.minor = this.minor;
    if (this.level) filter.level = this.level;
    if (this.review) filter.review = this.review;
    if (this.verification) filter.verification = this.verification;
    if (this.findings === 'any') filter.findings = true;
    else if (this.findings === 'none') filter.findings = false;
    else if (this.findings) filter.findings = this.findings;
    if (this.#appliedText) filter.text = this.#appliedText;
    return filter;
  }

  /** Re-queries the rows and the total for the current filter and sort. */
  async refresh(): Promise<void> {
    const { db, datasetId } = this.#source;
    const query = ++this.#query;
    if (!db || !datasetId) {
      this.rows = [];
      this.total = 0;
      this.rejectedTotal = 0;
      this.loaded = true;
      return;
    }
    this.loading = true;
    try {
      const [page, total, rejected] = await Promise.all([
        listChartsPage(db, datasetId, this.filter, SORTS[this.sort], 0, Number.MAX_SAFE_INTEGER),
        countCharts(db, datasetId),
        countCharts(db, datasetId, { show: 'rejected' }),
      ]);
      if (query !== this.#query) return;
      this.rows = page.rows;
      this.total = total;
      this.rejectedTotal = rejected;
      this.error = null;
    } catch (error) {
      if (query !== this.#query) return;
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (query === this.#query) {
        this.loading = false;
        this.loaded = true;
      }
    }
  }

  /** Sets one filter control and re-queries. */
  setFilter<K extends FilterControl>(key: K, value: BrowseState[K]): Promise<void> {
    (this as Pick<BrowseState, FilterControl>)[key] = value;
    // A major type that does not contain the chosen minor type would match nothing.
    if (key === 'major' && this.minor && value !== null) {
      if (findMinorChartType(this.minor)?.major !== value) this.minor = null;
    }
    return this.refresh();
  }

  setSort(sort: BrowseSortChoice): Promise<void> {
    this.sort = sort;
    return this.refresh();
  }

  /** Typing in the search box: applied after SEARCH_DEBOUNCE_MS without typing. */
  setSearch(text: string): void {
    this.searchInput = text;
    if (this.#searchTimer) clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      this.#searchTimer = null;
      void this.applySearch();
    }, SEARCH_DEBOUNCE_MS);
  }

  /** Applies the typed search now (Enter in the box, and tests). */
  applySearch(): Promise<void> {
    if (this.#searchTimer) clearTimeout(this.#searchTimer);
    this.#searchTimer = null;
    this.#appliedText = this.searchInput.trim();
    return this.refresh();
  }

  /** Sets a difficulty bound; a blank, non-numeric or < 1 value removes it. */
  setDifficulty(key: DifficultyControl, value: number | string | null): Promise<void> {
    const number = typeof value === 'string' ? (value.trim() === '' ? NaN : Number(value)) : value;
    this[key] =
      number === null || !Number.isFinite(number) || number < 1 ? null : Math.floor(number);
    return this.refresh();
  }

  clearFilters(): Promise<void> {
    this.show = 'kept';
    this.origin = null;
    this.minSubplots = null;
    this.minSeries = null;
    this.minProgramSteps = null;
    this.major = null;
    this.minor = null;
    this.level = null;
    this.review = null;
    this.verification = null;
    this.findings = null;
    this.searchInput = '';
    this.#appliedText = '';
    return this.refresh();
  }

  /**
   * The chart `delta` places after (or before) `chartId` in the current order, or null at an end.
   * A chart that left the filter (rejected while the filter shows unreviewed ones) keeps its
   * place: the order is the one the person was looking at until the grid is refreshed.
   */
  async neighbour(chartId: string, delta: number): Promise<string | null> {
    if (!this.loaded) await this.refresh();
    const index = this.rows.findIndex((row) => row.chartId === chartId);
    if (index < 0) return this.rows[0]?.chartId ?? null;
    return this.rows[index + delta]?.chartId ?? null;
  }

  /** Position of a chart in the order (1-based), for "3 of 312"; null when not in it. */
  positionOf(chartId: string): number | null {
    const index = this.rows.findIndex((row) => row.chartId === chartId);
    return index < 0 ? null : index + 1;
  }

  /** Checks the dataset's size every POLL_INTERVAL_MS and re-queries when it changed. */
  startPolling(intervalMs = POLL_INTERVAL_MS): void {
    this.stopPolling();
    this.#pollTimer = setInterval(() => void this.#poll(), intervalMs);
  }

  stopPolling(): void {
    if (this.#pollTimer) clearInterval(this.#pollTimer);
    this.#pollTimer = null;
  }

  dispose(): void {
    this.stopPolling();
    if (this.#searchTimer) clearTimeout(this.#searchTimer);
  }

  async #poll(): Promise<void> {
    const { db, datasetId } = this.#source;
    if (!db || !datasetId || this.loading) return;
    try {
      const [total, rejected] = await Promise.all([
        countCharts(db, datasetId),
        countCharts(db, datasetId, { show: 'rejected' }),
      ]);
      if (total !== this.total || rejected !== this.rejectedTotal) await this.refresh();
    } catch {
      // A failed poll is retried at the next tick; the grid keeps what it shows.
    }
  }

  #emptyReason(): EmptyReason {
    if (!this.#source.db || !this.#source.datasetId) return 'no-dataset';
    if (!this.loaded || this.rows.length > 0) return null;
    return this.total + this.rejectedTotal === 0 ? 'no-charts' : 'no-match';
  }

  #countLabel(): string {
    const format = (count: number) => NUMBER_FORMAT.format(count);
    const charts = (count: number) => `${format(count)} ${count === 1 ? 'chart' : 'charts'}`;
    /** "12 of " when the filter narrows `of`, else nothing. */
    const part = (of: number) => (this.matched === of ? '' : `${format(this.matched)} of `);
    if (this.show === 'rejected') {
      return `${part(this.rejectedTotal)}${format(this.rejectedTotal)} rejected by the pipeline`;
    }
    if (this.show === 'all') {
      const all = this.total + this.rejectedTotal;
      return `${part(all)}${charts(all)} (${format(this.rejectedTotal)} rejected)`;
    }
    const hidden =
      this.rejectedTotal > 0 ? ` · ${format(this.rejectedTotal)} rejected, hidden` : '';
    // Kept charts: "N charts" unfiltered, "M of N charts" whenever a filter is on (even if all match).
    return `${this.isFiltered ? `${format(this.matched)} of ` : ''}${charts(this.total)}${hidden}`;
  }
}

/** The filter controls setFilter may set. */
export type FilterControl =
  'show' | 'origin' | 'major' | 'minor' | 'level' | 'review' | 'verification' | 'findings';
