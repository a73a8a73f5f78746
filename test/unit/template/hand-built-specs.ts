// Hand-built chart specs with known data, so tests can work out every answer on their own.
import type {
  CategoricalData,
  ChartStyle,
  TemplateChartSpec,
} from '../../../src/core/template/index.ts';

export const STYLE: ChartStyle = {
  sheet: 'default',
  palette: [
    { hex: '#1f77b4', name: 'blue' },
    { hex: '#ff7f0e', name: 'orange' },
    { hex: '#2ca02c', name: 'green' },
    { hex: '#d62728', name: 'red' },
    { hex: '#9467bd', name: 'purple' },
    { hex: '#8c564b', name: 'brown' },
  ],
  fontSize: 10,
  legendLoc: 'best',
  dataLabels: true,
  grid: true,
  figsize: [9, 6],
};

export function categorical(overrides: Partial<CategoricalData> = {}): CategoricalData {
  return {
    kind: 'categorical',
    categoryNoun: 'region',
    categories: ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'],
    categoriesAreYears: false,
    seriesNoun: 'product',
    series: [
      { name: 'Widgets', values: [12, 40, 25, 7, 31] },
      { name: 'Gadgets', values: [30, 11, 18, 48, 9] },
    ],
    valueLabel: 'Sales',
    unit: 'units',
    decimals: 0,
    errors: null,
    percent: null,
    additive: true,
    waterfallStart: null,
    ...overrides,
  };
}

export function spec(
  minor: TemplateChartSpec['minor'],
  data: TemplateChartSpec['data'],
  dataLabels = true,
): TemplateChartSpec {
  const major = minor.startsWith('bar3d')
    ? 'bar3d'
    : (minor.split('-')[0] as TemplateChartSpec['major']);
  const majors = ['line', 'pie', 'bar', 'graph', 'radar', 'area', 'box', 'scatter'];
  return {
    seed: 1,
    major: majors.includes(major) || major === 'bar3d' ? major : 'specific',
    minor,
    topicId: 'retail-ecommerce',
    title: 'Test chart',
    data,
    style: { ...STYLE, dataLabels },
  };
}

/** A yearly line chart: 2018–2023, three series. */
export const YEARLY = categorical({
  categoryNoun: 'year',
  categories: ['2018', '2019', '2020', '2021', '2022', '2023'],
  categoriesAreYears: true,
  series: [
    { name: 'Widgets', values: [10, 14, 13, 20, 24, 30] },
    { name: 'Gadgets', values: [40, 38, 35, 33, 30, 28] },
    { name: 'Gizmos', values: [5, 9, 12, 15, 18, 21.5] },
  ],
  decimals: 1,
});

/** Names from `names` that the text mentions, in the order they appear in it. */
export function mentioned(text: string, names: readonly string[]): string[] {
  return names
    .filter((n) => new RegExp(`\\b${n}\\b`).test(text))
    .sort((a, b) => text.indexOf(a) - text.indexOf(b));
}
