// Counts and distributions of an export, gathered while it streams, for the manifest and the
// dataset card.
import type { ChartRecord, QaRecord } from '../dataset/records.ts';

export type Tally = Record<string, number>;

export interface DatasetStats {
  charts: number;
  qa: number;
  imageBytes: number;
  byMajor: Tally;
  byMinor: Tally;
  byLevel: Tally;
  byTopic: Tally;
  byQaKind: Tally;
  byVerification: Tally;
  byChartReview: Tally;
  byFinding: Tally;
  /** Distinct runtime stamps ("distribution · Python · numpy · matplotlib"), with chart counts. */
  byRuntime: Tally;
  /** Charts the pipeline rejected, left out of the counts above and the training formats. */
  excludedCharts: number;
  /** Q&A the pipeline dropped, or of a rejected chart, left out likewise. */
  excludedQa: number;
}

export function createStats(): DatasetStats {
  return {
    charts: 0,
    qa: 0,
    imageBytes: 0,
    byMajor: {},
    byMinor: {},
    byLevel: {},
    byTopic: {},
    byQaKind: {},
    byVerification: {},
    byChartReview: {},
    byFinding: {},
    byRuntime: {},
    excludedCharts: 0,
    excludedQa: 0,
  };
}

function count(tally: Tally, key: string): void {
  tally[key] = (tally[key] ?? 0) + 1;
}

/** Runtime stamp as one line. */
export function describeRuntime(runtime: ChartRecord['provenance']['runtime']): string {
  const pyodide = runtime.pyodide ? ` (Pyodide ${runtime.pyodide})` : '';
  return `${runtime.distribution}${pyodide}, Python ${runtime.python}, numpy ${runtime.numpy}, matplotlib ${runtime.matplotlib}`;
}

/** Notes what the pipeline set aside: a rejected chart (with its Q&A) or dropped Q&A. */
export function addExcluded(stats: DatasetStats, charts: number, qa: number): void {
  stats.excludedCharts += charts;
  stats.excludedQa += qa;
}

/** Adds one exported chart with its exported Q&A. */
export function addToStats(
  stats: DatasetStats,
  chart: ChartRecord,
  qa: readonly QaRecord[],
  imageBytes: number,
): void {
  stats.charts += 1;
  stats.imageBytes += imageBytes;
  count(stats.byMajor, chart.major);
  count(stats.byMinor, chart.minor);
  count(stats.byLevel, chart.level);
  for (const topic of chart.topics) count(stats.byTopic, topic);
  count(stats.byChartReview, chart.review);
  for (const finding of chart.findings) count(stats.byFinding, finding.kind);
  count(stats.byRuntime, describeRuntime(chart.provenance.runtime));
  for (const item of qa) {
    stats.qa += 1;
    count(stats.byQaKind, item.kind);
    count(stats.byVerification, item.verification?.status ?? 'not run');
  }
}
