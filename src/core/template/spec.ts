// The chart spec of the template recipe: data plus style, everything a chart builder and the
// question templates need. It is plain JSON so it can be stored with the chart.
import type { MajorChartType, MinorChartType } from '../chart-types.ts';

/** A named colour: the hex the script uses and the plain name a question may say. */
export interface NamedColor {
  hex: string;
  name: string;
}

/** Visual choices of one chart. */
export interface ChartStyle {
  /** A matplotlib style sheet present in both matplotlib 3.3 and 3.6. */
  sheet: string;
  /** Colours in drawing order; names are unique within a palette. */
  palette: NamedColor[];
  /** Base font size in points. */
  fontSize: number;
  /** matplotlib legend loc string. */
  legendLoc: string;
  /** Whether every value is written on the chart (makes values legible). */
  dataLabels: boolean;
  grid: boolean;
  /** Figure size in inches. */
  figsize: [number, number];
}

/** One named series of values over the categories. */
export interface ValueSeries {
  name: string;
  values: number[];
}

/** Values per category and series: lines, bars, pies, radars, areas, heatmaps, funnels... */
export interface CategoricalData {
  kind: 'categorical';
  categoryNoun: string;
  /** x-axis (or wedge, or row) labels, in drawing order. */
  categories: string[];
  /** True when the categories are consecutive years. */
  categoriesAreYears: boolean;
  seriesNoun: string;
  series: ValueSeries[];
  valueLabel: string;
  unit: string;
  decimals: 0 | 1;
  /** Error bar half-widths per series (line-error-bars only). */
  errors: number[][] | null;
  /**
   * Which values sum to 100: each category's values across the series (percentage bars), each
   * series' values across the categories (pies, rings), or none.
   */
  percent: 'per-category' | 'per-series' | null;
  /** True when adding values makes sense (counts, money), false for rates, scores, averages. */
  additive: boolean;
  /** Waterfall: values are changes from an opening value. */
  waterfallStart: number | null;
}

/** Raw samples per group: box plots and histograms. */
export interface DistributionData {
  kind: 'distribution';
  groupNoun: string;
  groups: ValueSeries[];
  valueLabel: string;
  unit: string;
  decimals: 0 | 1;
  /** Histogram bin edges (ascending); null for box plots. */
  binEdges: number[] | null;
}

/** A scatter series: points (and bubble sizes). */
export interface PointSeries {
  name: string;
  x: number[];
  y: number[];
  /** Bubble sizes (scatter-bubble only). */
  sizes: number[] | null;
}

/** x/y points per series: scatter charts. */
export interface PointsData {
  kind: 'points';
  xLabel: string;
  yLabel: string;
  series: PointSeries[];
}

/** Nodes and edges: node/graph charts. */
export interface GraphData {
  kind: 'graph';
  directed: boolean;
  nodeNoun: string;
  nodes: string[];
  edges: [string, string][];
}

export type ChartData = CategoricalData | DistributionData | PointsData | GraphData;

/** Everything needed to draw one template chart and ask about it. */
export interface TemplateChartSpec {
  seed: number;
  major: MajorChartType;
  minor: MinorChartType;
  topicId: string;
  title: string;
  data: ChartData;
  style: ChartStyle;
}
