// Types of the seed corpus: an entry per script and what its rendered figure must show.
import type { MajorChartType, MinorChartType } from '../chart-types';

/**
 * The series kinds of the sandbox's figure facts (SeriesKind in workers/python/api.ts). Core may
 * not import the worker contract, so the union is repeated here; test/unit/corpus.test.ts fails
 * to compile if the two drift apart.
 */
export type ExpectedSeriesKind =
  | 'line'
  | 'bar'
  | 'scatter'
  | 'wedge'
  | 'area'
  | 'image'
  | 'contour'
  | 'bar3d'
  | 'patch'
  | 'collection'
  | 'errorbar'
  | 'box';

/** One data series the rendered figure must contain (matched against FigureFacts series). */
export interface SeriesExpectation {
  /** Index into FigureFacts.axes (figure order: colorbars and twins count). */
  axes: number;
  kind: ExpectedSeriesKind;
  /** Legend label of the series; omitted when the artist has none. */
  label?: string;
  /** Number of elements (bars, points, wedges, boxes). */
  count?: number;
  /** Values as SeriesFact.y holds them (bar heights, line y, wedge fractions, box medians). */
  y?: readonly number[];
  /** Values as SeriesFact.z holds them (bar3d heights). */
  z?: readonly number[];
  orientation?: 'vertical' | 'horizontal';
}

/** What a script's rendered figure must show. */
export interface CorpusExpectation {
  /** Length of FigureFacts.axes, colorbars and twin axes included. */
  axes: number;
  /** An axes title or the suptitle, exactly. */
  title: string;
  series: readonly SeriesExpectation[];
  /** Entries of one of the figure's legends, in order. */
  legend?: readonly string[];
  /** Substrings that must each appear in some drawn text artist. */
  texts?: readonly string[];
}

/** APIs and techniques a corpus script can be tagged with (the unit tests grep for each). */
export type CorpusFeature =
  | 'make_interp_spline'
  | 'curve_fit'
  | 'polyfit'
  | 'networkx'
  | 'spring_layout'
  | 'circular_layout'
  | 'bar3d'
  | 'axes3d'
  | 'proxy-legend'
  | 'bar_label'
  | 'mathtext'
  | 'log-axis'
  | 'annotate'
  | 'twinx'
  | 'subplots'
  | 'fill_between'
  | 'stackplot'
  | 'boxplot'
  | 'violinplot'
  | 'imshow'
  | 'pcolormesh'
  | 'contour'
  | 'table'
  | 'dates'
  | 'colorbar'
  | 'polar'
  | 'squarify'
  | 'errorbar'
  | 'hist'
  | 'seeded-random'
  | 'savefig';

/** One script of the corpus. */
export interface CorpusEntry {
  /** File name without `.py`; stable. */
  id: string;
  title: string;
  major: MajorChartType;
  minor: MinorChartType;
  /** A topic id of src/core/topics.ts. */
  topic: string;
  /** Number of plotting axes (colorbars and twins not counted). */
  subplots: number;
  /** APIs and techniques the script uses, checked against its code by the unit tests. */
  features: readonly CorpusFeature[];
  expect: CorpusExpectation;
}
