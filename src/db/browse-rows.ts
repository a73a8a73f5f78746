// Compact per-chart rows for the browse page. Filtering 3,249 charts / 19,963 Q&A by joining
// charts with Q&A on every keystroke is too slow, so each chart keeps one small row (type,
// review, Q&A verification counts, finding kinds, search tokens, pipeline rejection, origin and
// measured difficulty) maintained on every write, and the page filters and sorts these rows in
// memory. Rows written before a field existed lack it: readers go through the accessors below,
// which treat a missing field as a template chart that was kept.
import type { ChartRecord, QaRecord, ReviewStatus } from '../core/dataset/records.ts';
import type { MajorChartType, MinorChartType } from '../core/chart-types.ts';

/** Where a chart came from: the LLM-free template recipe or one of the CIT stages. */
export type ChartOrigin = 'template' | 'self-instruct' | 'evol';

export interface BrowseRow {
  chartId: string;
  datasetId: string;
  title: string;
  imageId: string;
  /** Lower-case title for sorting without locale work per comparison. */
  titleKey: string;
  major: MajorChartType;
  minor: MinorChartType;
  level: 'easy' | 'hard';
  review: ReviewStatus;
  createdAt: string;
  /** Q&A in the dataset (those the pipeline dropped are counted in qaDropped only). */
  qaTotal: number;
  qaVerified: number;
  qaMismatch: number;
  qaUnverifiable: number;
  qaUnchecked: number;
  findingKinds: string[];
  /** Distinct lower-case tokens of the title and every question. */
  tokens: string[];
  /** The pipeline's rejection (stage and reasons); null or absent: kept. */
  rejection?: { stage: string; reasons: string[] } | null;
  /** Absent on rows written before CIT: a template chart. */
  origin?: ChartOrigin;
  /** The chart an evolved chart came from. */
  parentChartId?: string | null;
  /** Measured complexity of the chart (absent on old rows: read as 0). */
  series?: number;
  subplots?: number;
  /** The most answer-program steps among the chart's kept Q&A. */
  maxProgramSteps?: number;
  /** Q&A the pipeline dropped (kept hidden with the chart, restorable). */
  qaDropped?: number;
}

export type VerificationFilter =
  'any-mismatch' | 'all-verified' | 'has-unverifiable' | 'unchecked' | 'has-dropped';

/** Which charts a list shows: those in the dataset, those the pipeline rejected, or both. */
export type ShowFilter = 'kept' | 'rejected' | 'all';

export interface ChartFilter {
  /** Default 'kept': rejected charts stay hidden unless asked for. */
  show?: ShowFilter;
  major?: MajorChartType;
  minor?: MinorChartType;
  level?: 'easy' | 'hard';
  review?: ReviewStatus;
  origin?: ChartOrigin;
  verification?: VerificationFilter;
  /** true: any finding; a kind: that finding; false: none. */
  findings?: boolean | string;
  /** Every word must start a token of the title or a question. */
  text?: string;
  /** Measured difficulty: at least this many subplots, series, answer-program steps. */
  minSubplots?: number;
  minSeries?: number;
  minProgramSteps?: number;
}

export type ChartSortKey = 'createdAt' | 'title' | 'type';
export interface ChartSort {
  key: ChartSortKey;
  descending?: boolean;
}

/** Lower-case word tokens (letters and digits), distinct. */
export function tokenize(text: string): string[] {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  return [...new Set(words)];
}

/** The origin a chart's provenance records. */
export function chartOrigin(chart: ChartRecord): ChartOrigin {
  return chart.provenance.cit?.origin ?? 'template';
}

/** The browse row of a chart and its Q&A. */
export function buildBrowseRow(chart: ChartRecord, qa: readonly QaRecord[]): BrowseRow {
  const kept = qa.filter((item) => !item.rejection);
  const count = (status: string) =>
    kept.filter((item) => (item.verification?.status ?? 'unchecked') === status).length;
  const text = [chart.title, ...qa.map((item) => item.question)].join(' ');
  const rejection = chart.rejection
    ? { stage: chart.rejection.stage, reasons: [...chart.rejection.reasons] }
    : null;
  return {
    chartId: chart.id,
    datasetId: chart.datasetId,
    title: chart.title,
    imageId: chart.imageId,
    titleKey: chart.title.toLowerCase(),
    major: chart.major,
    minor: chart.minor,
    level: chart.level,
    review: chart.review,
    createdAt: chart.createdAt,
    qaTotal: kept.length,
    qaVerified: count('verified'),
    qaMismatch: count('mismatch'),
    qaUnverifiable: count('unverifiable'),
    qaUnchecked: count('unchecked'),
    findingKinds: [...new Set(chart.findings.map((finding) => finding.kind))],
    tokens: tokenize(text),
    rejection,
    origin: chartOrigin(chart),
    parentChartId: chart.provenance.parentChartId,
    series: chart.complexity.series,
    subplots: chart.complexity.subplots,
    maxProgramSteps: kept.reduce((most, item) => Math.max(most, item.programSteps), 0),
    qaDropped: qa.length - kept.length,
  };
}

/** Whether the pipeline rejected the row's chart (old rows: no). */
export function isRejectedRow(row: BrowseRow): boolean {
  return row.rejection != null;
}

/** The row's origin (old rows: template). */
export function rowOrigin(row: BrowseRow): ChartOrigin {
  return row.origin ?? 'template';
}

function matchesVerification(row: BrowseRow, filter: VerificationFilter): boolean {
  switch (filter) {
    case 'any-mismatch':
      return row.qaMismatch > 0;
    case 'all-verified':
      return row.qaTotal > 0 && row.qaVerified === row.qaTotal;
    case 'has-unverifiable':
      return row.qaUnverifiable > 0;
    case 'unchecked':
      return row.qaUnchecked > 0;
    case 'has-dropped':
      return (row.qaDropped ?? 0) > 0;
  }
}

function matchesShow(row: BrowseRow, show: ShowFilter): boolean {
  if (show === 'all') return true;
  return isRejectedRow(row) === (show === 'rejected');
}

/** A lower bound on a measured figure; unset or ≤ 0 constrains nothing. */
function atLeast(value: number | undefined, bound: number | undefined): boolean {
  return bound === undefined || bound <= 0 || (value ?? 0) >= bound;
}

/** A predicate for the filter; words of the text search are prefix-matched against tokens. */
export function compileFilter(filter: ChartFilter): (row: BrowseRow) => boolean {
  const words = filter.text ? tokenize(filter.text) : [];
  const show = filter.show ?? 'kept';
  return (row) => {
    if (!matchesShow(row, show)) return false;
    if (filter.major !== undefined && row.major !== filter.major) return false;
    if (filter.minor !== undefined && row.minor !== filter.minor) return false;
    if (filter.level !== undefined && row.level !== filter.level) return false;
    if (filter.review !== undefined && row.review !== filter.review) return false;
    if (filter.origin !== undefined && rowOrigin(row) !== filter.origin) return false;
    if (filter.verification && !matchesVerification(row, filter.verification)) return false;
    if (filter.findings === true && row.findingKinds.length === 0) return false;
    if (filter.findings === false && row.findingKinds.length > 0) return false;
    if (typeof filter.findings === 'string' && !row.findingKinds.includes(filter.findings)) {
      return false;
    }
    if (!atLeast(row.subplots, filter.minSubplots)) return false;
    if (!atLeast(row.series, filter.minSeries)) return false;
    if (!atLeast(row.maxProgramSteps, filter.minProgramSteps)) return false;
    return words.every((word) => row.tokens.some((token) => token.startsWith(word)));
  };
}

/** A comparator; ties fall back to createdAt then id so paging is stable. */
export function compileSort(sort: ChartSort): (a: BrowseRow, b: BrowseRow) => number {
  const sign = sort.descending ? -1 : 1;
  const primary = (a: BrowseRow, b: BrowseRow): number => {
    if (sort.key === 'title') return a.titleKey < b.titleKey ? -1 : a.titleKey > b.titleKey ? 1 : 0;
    if (sort.key === 'type') {
      const x = `${a.major}/${a.minor}`;
      const y = `${b.major}/${b.minor}`;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    return 0;
  };
  return (a, b) => {
    const first = primary(a, b);
    if (first !== 0) return sign * first;
    const time = a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
    if (time !== 0) return sign * time;
    return a.chartId < b.chartId ? -1 : a.chartId > b.chartId ? 1 : 0;
  };
}
