// The chart taxonomy of the CIT method (METHOD.md §1): 10 major and 32 minor chart types.
// Ids are stable: they are stored on every chart, in recipes and in exported datasets.

/** Ids of the 10 major chart types. */
export type MajorChartType =
  'line' | 'pie' | 'bar' | 'bar3d' | 'graph' | 'radar' | 'area' | 'box' | 'scatter' | 'specific';

/** Ids of the 32 minor chart types. */
export type MinorChartType =
  | 'line-plain'
  | 'line-data-labels'
  | 'line-error-bars'
  | 'pie-plain'
  | 'pie-donut'
  | 'pie-sector'
  | 'pie-ring'
  | 'bar-plain'
  | 'bar-data-labels'
  | 'bar-stacked'
  | 'bar-percentage'
  | 'bar-horizontal'
  | 'bar3d-plain'
  | 'bar3d-stacked'
  | 'bar3d-percentage'
  | 'graph-directed'
  | 'graph-undirected'
  | 'radar-plain'
  | 'radar-filled'
  | 'area-plain'
  | 'area-stacked'
  | 'box-vertical'
  | 'box-horizontal'
  | 'scatter-plain'
  | 'scatter-fitted'
  | 'scatter-bubble'
  | 'heatmap'
  | 'rose'
  | 'funnel'
  | 'waterfall'
  | 'histogram'
  | 'treemap';

/** A major chart type with its display name. */
export interface MajorChartTypeInfo {
  id: MajorChartType;
  name: string;
}

/** A minor chart type: its stable id, the major type it belongs to and its display name. */
export interface MinorChartTypeInfo {
  id: MinorChartType;
  major: MajorChartType;
  name: string;
}

/** The 10 major types in the paper's order. */
export const MAJOR_CHART_TYPES: readonly MajorChartTypeInfo[] = [
  { id: 'line', name: 'Line' },
  { id: 'pie', name: 'Pie' },
  { id: 'bar', name: 'Bar' },
  { id: 'bar3d', name: '3D Bar' },
  { id: 'graph', name: 'Node/graph' },
  { id: 'radar', name: 'Radar' },
  { id: 'area', name: 'Area' },
  { id: 'box', name: 'Box' },
  { id: 'scatter', name: 'Scatter' },
  { id: 'specific', name: 'Specific' },
];

/** The 32 minor types in the paper's order. */
export const MINOR_CHART_TYPES: readonly MinorChartTypeInfo[] = [
  { id: 'line-plain', major: 'line', name: 'Line' },
  { id: 'line-data-labels', major: 'line', name: 'Line with data labels' },
  { id: 'line-error-bars', major: 'line', name: 'Line with error bars' },
  { id: 'pie-plain', major: 'pie', name: 'Pie' },
  { id: 'pie-donut', major: 'pie', name: 'Donut' },
  { id: 'pie-sector', major: 'pie', name: 'Sector' },
  { id: 'pie-ring', major: 'pie', name: 'Ring' },
  { id: 'bar-plain', major: 'bar', name: 'Bar' },
  { id: 'bar-data-labels', major: 'bar', name: 'Bar with data labels' },
  { id: 'bar-stacked', major: 'bar', name: 'Stacked bar' },
  { id: 'bar-percentage', major: 'bar', name: 'Percentage bar' },
  { id: 'bar-horizontal', major: 'bar', name: 'Horizontal bar' },
  { id: 'bar3d-plain', major: 'bar3d', name: '3D bar' },
  { id: 'bar3d-stacked', major: 'bar3d', name: 'Stacked 3D bar' },
  { id: 'bar3d-percentage', major: 'bar3d', name: 'Percentage 3D bar' },
  { id: 'graph-directed', major: 'graph', name: 'Directed graph' },
  { id: 'graph-undirected', major: 'graph', name: 'Undirected graph' },
  { id: 'radar-plain', major: 'radar', name: 'Radar' },
  { id: 'radar-filled', major: 'radar', name: 'Filled radar' },
  { id: 'area-plain', major: 'area', name: 'Area' },
  { id: 'area-stacked', major: 'area', name: 'Stacked area' },
  { id: 'box-vertical', major: 'box', name: 'Vertical box' },
  { id: 'box-horizontal', major: 'box', name: 'Horizontal box' },
  { id: 'scatter-plain', major: 'scatter', name: 'Scatter' },
  { id: 'scatter-fitted', major: 'scatter', name: 'Scatter with fitted curve' },
  { id: 'scatter-bubble', major: 'scatter', name: '3D / bubble scatter' },
  { id: 'heatmap', major: 'specific', name: 'Heatmap' },
  { id: 'rose', major: 'specific', name: 'Rose' },
  { id: 'funnel', major: 'specific', name: 'Funnel' },
  { id: 'waterfall', major: 'specific', name: 'Waterfall' },
  { id: 'histogram', major: 'specific', name: 'Histogram' },
  { id: 'treemap', major: 'specific', name: 'Treemap' },
];

/** Finds a minor type by id; undefined for an unknown id (e.g. one read from an old export). */
export function findMinorChartType(id: string): MinorChartTypeInfo | undefined {
  return MINOR_CHART_TYPES.find((type) => type.id === id);
}
