// Picks the data of one chart for a minor type from a topic vocabulary, with seeded generators.
import type { MinorChartType } from '../chart-types.ts';
import type { Rng } from './prng.ts';
import type {
  CategoricalData,
  ChartData,
  DistributionData,
  GraphData,
  PointsData,
  ValueSeries,
} from './spec.ts';
import { isAdditive, type VocabularyDataset } from './vocabulary/index.ts';
import {
  generateEdges,
  generateLinearPoints,
  generateSamples,
  generateShares,
  generateTrendSeries,
  pickTrendOptions,
  roundTo,
  spreadApart,
} from './generators.ts';

/** Types whose x axis is time: they get consecutive years as categories. */
const YEAR_TYPES: ReadonlySet<MinorChartType> = new Set<MinorChartType>([
  'line-plain',
  'line-data-labels',
  'line-error-bars',
  'area-plain',
  'area-stacked',
]);

/** How many series each categorical type draws: [min, max]. */
const SERIES_COUNTS: Partial<Record<MinorChartType, [number, number]>> = {
  'line-plain': [1, 4],
  'line-data-labels': [1, 2],
  'line-error-bars': [1, 3],
  'area-plain': [1, 2],
  'area-stacked': [2, 4],
  'bar-plain': [1, 3],
  'bar-data-labels': [1, 3],
  'bar-stacked': [2, 4],
  'bar-percentage': [2, 4],
  'bar-horizontal': [1, 2],
  'bar3d-plain': [2, 3],
  'bar3d-stacked': [2, 3],
  'bar3d-percentage': [2, 3],
  'radar-plain': [2, 3],
  'radar-filled': [1, 3],
  heatmap: [4, 6],
  'pie-plain': [1, 1],
  'pie-donut': [1, 1],
  'pie-sector': [1, 1],
  'pie-ring': [2, 2],
  rose: [1, 1],
  funnel: [1, 1],
  waterfall: [1, 1],
  treemap: [1, 1],
};

/** How many categories each categorical type draws: [min, max]. */
const CATEGORY_COUNTS: Partial<Record<MinorChartType, [number, number]>> = {
  'bar3d-plain': [4, 6],
  'bar3d-stacked': [4, 6],
  'bar3d-percentage': [4, 6],
  'radar-plain': [5, 8],
  'radar-filled': [5, 8],
  'pie-plain': [4, 7],
  'pie-donut': [4, 6],
  'pie-sector': [4, 6],
  'pie-ring': [3, 5],
  rose: [6, 8],
  funnel: [4, 6],
  waterfall: [5, 7],
  treemap: [5, 8],
  heatmap: [5, 7],
  'bar-horizontal': [5, 8],
};

function pickCategories(
  rng: Rng,
  minor: MinorChartType,
  vocab: VocabularyDataset,
): { names: string[]; years: boolean } {
  if (YEAR_TYPES.has(minor)) {
    const start = rng.int(2005, 2016);
    const count = rng.int(6, 9);
    return { names: Array.from({ length: count }, (_, i) => String(start + i)), years: true };
  }
  const [min, max] = CATEGORY_COUNTS[minor] ?? [4, 7];
  return {
    names: rng.sample(vocab.categories, rng.int(min, Math.min(max, vocab.categories.length))),
    years: false,
  };
}

function generateCategorical(
  rng: Rng,
  minor: MinorChartType,
  vocab: VocabularyDataset,
): CategoricalData {
  const { names, years } = pickCategories(rng, minor, vocab);
  const [sMin, sMax] = SERIES_COUNTS[minor] ?? [1, 2];
  const seriesNames = rng.sample(vocab.series, rng.int(sMin, Math.min(sMax, vocab.series.length)));
  let percent: CategoricalData['percent'] = null;
  let unit = vocab.unit;
  let valueLabel = vocab.valueLabel;
  let waterfallStart: number | null = null;
  let series: ValueSeries[];
  if (minor === 'bar-percentage' || minor === 'bar3d-percentage') {
    percent = 'per-category';
    const columns = names.map(() => generateShares(rng, seriesNames.length, 0));
    series = seriesNames.map((name, s) => ({
      name,
      values: columns.map((column) => column[s] as number),
    }));
    unit = '%';
    valueLabel = `Share of ${vocab.valueLabel.toLowerCase()}`;
  } else if (minor.startsWith('pie-')) {
    percent = 'per-series';
    series = seriesNames.map((name) => ({
      name,
      values: generateShares(rng, names.length, vocab.decimals),
    }));
    unit = '%';
    valueLabel = `Share of ${vocab.valueLabel.toLowerCase()}`;
  } else if (minor === 'funnel') {
    const values = spreadApart(rng, names.length, vocab.range, vocab.decimals).sort(
      (a, b) => b - a,
    );
    series = [{ name: seriesNames[0] as string, values }];
  } else if (minor === 'waterfall') {
    const span = vocab.range[1] - vocab.range[0];
    waterfallStart = roundTo(vocab.range[0] + span * rng.float(0.4, 0.6), vocab.decimals);
    const magnitudes = spreadApart(rng, names.length, [span * 0.05, span * 0.3], vocab.decimals);
    // Decreases only while the running level stays above zero, so every bar floats above the axis.
    let level = waterfallStart;
    const changes = magnitudes.map((m) => {
      const change = rng.chance(0.45) && level - m > span * 0.05 ? -m : m;
      level += change;
      return change;
    });
    series = [{ name: seriesNames[0] as string, values: changes }];
  } else {
    const stacked =
      minor === 'area-stacked' || minor === 'bar-stacked' || minor === 'bar3d-stacked';
    const range: [number, number] = stacked
      ? [vocab.range[0], vocab.range[0] + (vocab.range[1] - vocab.range[0]) / seriesNames.length]
      : vocab.range;
    series = seriesNames.map((name) => ({
      name,
      values: generateTrendSeries(rng, pickTrendOptions(rng, names.length, range, vocab.decimals)),
    }));
  }
  const errors =
    minor === 'line-error-bars'
      ? series.map((s) =>
          s.values.map(() =>
            roundTo((vocab.range[1] - vocab.range[0]) * rng.float(0.02, 0.08), vocab.decimals),
          ),
        )
      : null;
  return {
    kind: 'categorical',
    categoryNoun: years ? 'year' : vocab.categoryNoun,
    categories: names,
    categoriesAreYears: years,
    seriesNoun: vocab.seriesNoun,
    series,
    valueLabel,
    unit,
    // Percentage bars are built from whole-number shares.
    decimals: percent === 'per-category' ? 0 : vocab.decimals,
    errors,
    percent,
    additive: percent !== null || isAdditive(vocab),
    waterfallStart,
  };
}

/** The smallest of 1, 2, 5 × 10^k that is at least `raw` (bin widths a reader can read). */
export function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((m) => m * power >= raw - 1e-9) ?? 10) * power;
}

function generateDistribution(
  rng: Rng,
  minor: MinorChartType,
  vocab: VocabularyDataset,
): DistributionData {
  const [low, high] = vocab.range;
  const span = high - low;
  if (minor === 'histogram') {
    const binCount = rng.int(6, 9);
    const width = Math.max(1, niceStep(span / binCount));
    const first = Math.floor(low / width) * width;
    const edges = Array.from({ length: binCount + 1 }, (_, i) => first + i * width);
    // Samples sit off the bin edges, so no value's bin depends on edge conventions.
    const samples = generateSamples(
      rng,
      rng.int(60, 150),
      first + (binCount * width) / 2,
      (binCount * width) / 5,
      [first, edges[binCount] as number],
      1,
    )
      .map((v) => (Number.isInteger(v) ? roundTo(v + 0.5, 1) : v))
      .filter((v) => v > first && v < (edges[binCount] as number));
    return {
      kind: 'distribution',
      groupNoun: vocab.seriesNoun,
      groups: [{ name: vocab.valueLabel, values: samples }],
      valueLabel: vocab.valueLabel,
      unit: vocab.unit,
      decimals: 1,
      binEdges: edges,
    };
  }
  const names = rng.sample(vocab.categories, rng.int(3, 5));
  const centers = spreadApart(
    rng,
    names.length,
    [low + span * 0.2, high - span * 0.2],
    vocab.decimals,
  );
  const groups = names.map((name, i) => ({
    name,
    values: generateSamples(
      rng,
      rng.int(15, 40),
      centers[i] as number,
      span * rng.float(0.04, 0.12),
      vocab.range,
      vocab.decimals,
    ),
  }));
  return {
    kind: 'distribution',
    groupNoun: vocab.categoryNoun,
    groups,
    valueLabel: vocab.valueLabel,
    unit: vocab.unit,
    decimals: vocab.decimals,
    binEdges: null,
  };
}

function generatePoints(rng: Rng, minor: MinorChartType, vocab: VocabularyDataset): PointsData {
  const count =
    minor === 'scatter-plain' ? rng.int(1, 3) : minor === 'scatter-bubble' ? rng.int(1, 2) : 1;
  const names = rng.sample(vocab.series, count);
  const direction = rng.chance(0.5) ? 1 : -1;
  const series = names.map((name) => {
    const slope = direction * rng.float(0.6, 2.5);
    const points = generateLinearPoints(
      rng,
      rng.int(12, 30),
      [0, 100],
      slope,
      rng.float(60, 180),
      rng.float(5, 15),
    );
    const sizes = minor === 'scatter-bubble' ? points.x.map(() => rng.int(20, 400)) : null;
    return { name, x: points.x, y: points.y, sizes };
  });
  const yLabel = rng.pick([
    'Satisfaction score',
    'Growth index',
    'Efficiency score',
    'Quality score',
  ]);
  return { kind: 'points', xLabel: `${vocab.valueLabel} index`, yLabel, series };
}

function generateGraph(rng: Rng, minor: MinorChartType, vocab: VocabularyDataset): GraphData {
  const nodes = rng.sample(vocab.categories, rng.int(5, 8));
  const maxEdges = (nodes.length * (nodes.length - 1)) / 2;
  const edgeCount = rng.int(nodes.length, Math.min(Math.floor(maxEdges * 0.6), nodes.length * 2));
  const directed = minor === 'graph-directed';
  return {
    kind: 'graph',
    directed,
    nodeNoun: vocab.categoryNoun,
    nodes,
    edges: generateEdges(rng, nodes, edgeCount, directed),
  };
}

/** The data of one chart of the given minor type. */
export function generateChartData(
  rng: Rng,
  minor: MinorChartType,
  vocab: VocabularyDataset,
): ChartData {
  if (minor.startsWith('box-') || minor === 'histogram')
    return generateDistribution(rng, minor, vocab);
  if (minor.startsWith('scatter-')) return generatePoints(rng, minor, vocab);
  if (minor.startsWith('graph-')) return generateGraph(rng, minor, vocab);
  return generateCategorical(rng, minor, vocab);
}
