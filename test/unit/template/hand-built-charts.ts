// Hand-built charts of every data kind, with values small enough to check answers by hand.
import type { TemplateChartSpec } from '../../../src/core/template/index.ts';
import { categorical, spec, YEARLY } from './hand-built-specs.ts';

export const BARS = spec('bar-plain', categorical());
export const BARS_UNLABELLED = spec('bar-plain', categorical(), false);
export const SINGLE = spec(
  'bar-data-labels',
  categorical({ series: [{ name: 'Widgets', values: [12, 40, 25, 7, 31] }] }),
);
export const PIE = spec(
  'pie-plain',
  categorical({
    series: [{ name: 'Share', values: [35, 25, 20, 12, 8] }],
    percent: 'per-series',
    unit: '%',
  }),
);
export const LINES = spec('line-data-labels', YEARLY);
export const WATERFALL = spec(
  'waterfall',
  categorical({ series: [{ name: 'Change', values: [5, -3, 8, -2, 4] }], waterfallStart: 50 }),
);
export const BOXES = spec('box-vertical', {
  kind: 'distribution',
  groupNoun: 'clinic',
  valueLabel: 'Wait',
  unit: 'minutes',
  decimals: 0,
  binEdges: null,
  groups: [
    { name: 'North', values: [10, 12, 14, 16, 18] },
    { name: 'South', values: [30, 31, 33, 35, 36, 40] },
    { name: 'East', values: [5, 20, 22, 24, 60] },
  ],
});
export const HISTOGRAM = spec('histogram', {
  kind: 'distribution',
  groupNoun: 'batch',
  valueLabel: 'Weight',
  unit: 'kg',
  decimals: 1,
  binEdges: [0, 10, 20, 30, 40],
  groups: [
    { name: 'Weight', values: [1.5, 12.5, 13.5, 14.5, 15.5, 16.5, 17.5, 22.5, 23.5, 31.5, 35.5] },
  ],
});
export const GRAPH = spec('graph-directed', {
  kind: 'graph',
  directed: true,
  nodeNoun: 'city',
  nodes: ['Oslo', 'Rome', 'Lima', 'Kyiv', 'Doha'],
  edges: [
    ['Oslo', 'Rome'],
    ['Rome', 'Lima'],
    ['Oslo', 'Lima'],
    ['Kyiv', 'Oslo'],
    ['Doha', 'Oslo'],
    ['Lima', 'Kyiv'],
  ],
});
export const SCATTER = spec('scatter-plain', {
  kind: 'points',
  xLabel: 'Price index',
  yLabel: 'Quality score',
  series: [
    { name: 'Mills', x: [1, 2, 3, 4, 5], y: [10, 12, 15, 16, 20], sizes: null },
    { name: 'Forges', x: [1, 2, 3, 4, 5], y: [50, 45, 41, 38, 30], sizes: null },
  ],
});

export const FITTED = spec('scatter-fitted', {
  ...(SCATTER.data as Extract<TemplateChartSpec['data'], { kind: 'points' }>),
  series: [{ name: 'Mills', x: [1, 2, 3, 4, 5], y: [10, 12, 15, 16, 20], sizes: null }],
});
