// Questions on box plots, histograms and scatter charts.
import type { DistributionData, PointsData, TemplateChartSpec } from '../spec.ts';
import type { QuestionKind, QuestionTemplate, TemplateQuestion } from './question-types.ts';
import { py } from '../builders/python-literal.ts';
import { valuesLabelled } from './legibility.ts';
import { measure, plural, rankOrder } from './text.ts';

function question(
  kind: QuestionKind,
  id: string,
  parts: Omit<TemplateQuestion, 'kind' | 'templateId'>,
): TemplateQuestion {
  return { kind, templateId: id, ...parts };
}

const boxes = (spec: TemplateChartSpec): DistributionData | null =>
  spec.data.kind === 'distribution' && !spec.data.binEdges ? spec.data : null;
const histogram = (spec: TemplateChartSpec): (DistributionData & { binEdges: number[] }) | null =>
  spec.data.kind === 'distribution' && spec.data.binEdges
    ? (spec.data as DistributionData & { binEdges: number[] })
    : null;
const points = (spec: TemplateChartSpec): PointsData | null =>
  spec.data.kind === 'points' ? spec.data : null;

/** Median by sorting (the same definition numpy uses). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function span(data: DistributionData): number {
  const all = data.groups.flatMap((g) => g.values);
  return Math.max(...all) - Math.min(...all);
}

const boxHighestMedian: QuestionTemplate = {
  id: 'box-highest-median',
  kind: 'recognition',
  make(spec) {
    const data = boxes(spec);
    if (!data) return null;
    const medians = data.groups.map((g) => median(g.values));
    const order = rankOrder(medians);
    if (medians[order[0]!]! - medians[order[1]!]! < span(data) * 0.05) return null;
    const name = data.groups[order[0]!]!.name;
    return question('recognition', this.id, {
      question: `Which ${data.groupNoun} has the highest median ${measure(data)}?`,
      steps: [
        'The median is the line inside each box.',
        `The highest median line belongs to ${name}.`,
      ],
      answer: { type: 'category', value: name },
      program: 'answer = max(groups, key=lambda name: np.median(groups[name]))',
    });
  },
};

const boxWidestRange: QuestionTemplate = {
  id: 'box-widest-range',
  kind: 'reasoning',
  make(spec) {
    const data = boxes(spec);
    if (!data) return null;
    const ranges = data.groups.map((g) => Math.max(...g.values) - Math.min(...g.values));
    const order = rankOrder(ranges);
    if (ranges[order[0]!]! - ranges[order[1]!]! < span(data) * 0.08) return null;
    const name = data.groups[order[0]!]!.name;
    return question('reasoning', this.id, {
      question: `Which ${data.groupNoun} has the widest spread between its lowest and highest ${measure(data)} (whiskers and outlier points included)?`,
      steps: [
        `For each ${data.groupNoun}, measure from the lowest point to the highest point, counting outlier markers.`,
        `${name} spans the widest range.`,
      ],
      answer: { type: 'category', value: name },
      program: 'answer = max(groups, key=lambda name: max(groups[name]) - min(groups[name]))',
    });
  },
};

const boxCountGroups: QuestionTemplate = {
  id: 'box-count-groups',
  kind: 'recognition',
  make(spec) {
    const data = boxes(spec);
    if (!data) return null;
    return question('recognition', this.id, {
      question: `How many ${plural(data.groupNoun)} does the box plot compare?`,
      steps: [
        `Count the boxes: ${data.groups.map((g) => g.name).join(', ')}.`,
        `There are ${data.groups.length}.`,
      ],
      answer: { type: 'number', value: data.groups.length },
      program: 'answer = len(groups)',
    });
  },
};

function binCounts(data: DistributionData & { binEdges: number[] }): number[] {
  const edges = data.binEdges;
  return edges
    .slice(0, -1)
    .map((left, i) => data.groups[0]!.values.filter((v) => v >= left && v < edges[i + 1]!).length);
}

const histogramModeBin: QuestionTemplate = {
  id: 'histogram-mode-bin',
  kind: 'recognition',
  make(spec) {
    const data = histogram(spec);
    if (!data) return null;
    const counts = binCounts(data);
    const order = rankOrder(counts);
    const gap = valuesLabelled(spec) ? 1 : Math.max(2, counts[order[0]!]! * 0.08);
    if (counts[order[0]!]! - counts[order[1]!]! < gap) return null;
    const i = order[0]!;
    const label = `${data.binEdges[i]}-${data.binEdges[i + 1]}`;
    return question('recognition', this.id, {
      question: `Which bin of the histogram holds the most values? Answer with its range as "low-high", e.g. "${data.binEdges[0]}-${data.binEdges[1]}".`,
      steps: ['Find the tallest bar.', `It spans ${data.binEdges[i]} to ${data.binEdges[i + 1]}.`],
      answer: { type: 'category', value: label },
      program:
        'counts, _ = np.histogram(samples, bins=bin_edges)\ni = int(np.argmax(counts))\nanswer = "{}-{}".format(bin_edges[i], bin_edges[i + 1])',
    });
  },
};

const histogramCountAbove: QuestionTemplate = {
  id: 'histogram-count-above',
  kind: 'reasoning',
  make(spec, rng) {
    const data = histogram(spec);
    if (!data || !valuesLabelled(spec)) return null;
    const e = rng.int(1, data.binEdges.length - 2);
    const edge = data.binEdges[e]!;
    const counts = binCounts(data);
    const value = counts.slice(e).reduce((a, b) => a + b, 0);
    return question('reasoning', this.id, {
      question: `How many values are at or above ${edge} ${data.unit}?`,
      steps: [
        `Add the counts of the bins from ${edge} upwards: ${counts.slice(e).join(' + ')}.`,
        `Total: ${value}.`,
      ],
      answer: { type: 'number', value },
      program: `answer = len([v for v in samples if v >= ${py(edge)}])`,
    });
  },
};

/** Pearson correlation, written out (the test and numpy compute it their own ways). */
export function correlation(x: readonly number[], y: readonly number[]): number {
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  x.forEach((xi, i) => {
    const dx = xi - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  });
  return sxy / Math.sqrt(sxx * syy);
}

const scatterDirection: QuestionTemplate = {
  id: 'scatter-direction',
  kind: 'reasoning',
  make(spec, rng) {
    const data = points(spec);
    if (!data) return null;
    const series = rng.pick(data.series);
    const r = correlation(series.x, series.y);
    if (Math.abs(r) < 0.5) return null;
    const where = data.series.length > 1 ? ` for ${series.name}` : '';
    return question('reasoning', this.id, {
      question: `Does ${data.yLabel.toLowerCase()} tend to rise as ${data.xLabel.toLowerCase()} increases${where}?`,
      steps: [
        'Follow the cloud of points from left to right.',
        r > 0
          ? 'It climbs: higher x goes with higher y, so yes.'
          : 'It falls: higher x goes with lower y, so no.',
      ],
      answer: { type: 'boolean', value: r > 0 },
      program: `p = points[${py(series.name)}]\nanswer = bool(np.corrcoef(p["x"], p["y"])[0, 1] > 0)`,
    });
  },
};

const scatterTopSeries: QuestionTemplate = {
  id: 'scatter-top-series',
  kind: 'recognition',
  make(spec) {
    const data = points(spec);
    if (!data || data.series.length < 2) return null;
    const tops = data.series.map((s) => Math.max(...s.y));
    const all = data.series.flatMap((s) => s.y);
    const order = rankOrder(tops);
    if (tops[order[0]!]! - tops[order[1]!]! < (Math.max(...all) - Math.min(...all)) * 0.04)
      return null;
    const name = data.series[order[0]!]!.name;
    return question('recognition', this.id, {
      question: `Which series has the highest single point on the ${data.yLabel.toLowerCase()} axis?`,
      steps: ['Find the topmost point of the chart.', `Its colour matches ${name} in the legend.`],
      answer: { type: 'category', value: name },
      program: 'answer = max(points, key=lambda name: max(points[name]["y"]))',
    });
  },
};

export const OTHER_CHART_TEMPLATES: QuestionTemplate[] = [
  boxHighestMedian,
  boxCountGroups,
  boxWidestRange,
  histogramModeBin,
  histogramCountAbove,
  scatterDirection,
  scatterTopSeries,
];
