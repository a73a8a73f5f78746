// More recognition and reasoning on waterfalls, histograms and scatter charts.
import type { DistributionData, TemplateChartSpec } from '../spec.ts';
import type { QuestionKind, QuestionTemplate, TemplateQuestion } from './question-types.ts';
import { py } from '../builders/python-literal.ts';
import { valuesLabelled } from './legibility.ts';
import { correlation } from './other-charts.ts';
import { rankOrder } from './text.ts';

function question(kind: QuestionKind, parts: Omit<TemplateQuestion, 'kind'>): TemplateQuestion {
  return { kind, ...parts };
}

const waterfall = (spec: TemplateChartSpec) =>
  spec.minor === 'waterfall' && spec.data.kind === 'categorical' ? spec.data : null;
const histogram = (spec: TemplateChartSpec): (DistributionData & { binEdges: number[] }) | null =>
  spec.data.kind === 'distribution' && spec.data.binEdges
    ? (spec.data as DistributionData & { binEdges: number[] })
    : null;

const waterfallDirection: QuestionTemplate = {
  id: 'waterfall-direction',
  kind: 'recognition',
  make(spec, rng) {
    const data = waterfall(spec);
    if (!data) return null;
    const c = rng.int(0, data.categories.length - 1);
    const name = data.categories[c]!;
    const up = data.series[0]!.values[c]! > 0;
    return question('recognition', {
      templateId: this.id,
      question: `Did ${name} increase the total?`,
      steps: [
        `Look at the colour of the ${name} bar and match it with the legend.`,
        up ? 'It is marked "Increase": yes.' : 'It is marked "Decrease": no.',
      ],
      answer: { type: 'boolean', value: up },
      program: `answer = changes[categories.index(${py(name)})] > 0`,
    });
  },
};

const waterfallLargestIncrease: QuestionTemplate = {
  id: 'waterfall-largest-increase',
  kind: 'recognition',
  make(spec) {
    const data = waterfall(spec);
    if (!data) return null;
    const changes = data.series[0]!.values;
    const order = rankOrder(changes);
    const largest = Math.max(...changes.map(Math.abs));
    if (
      changes[order[0]!]! <= 0 ||
      changes[order[0]!]! - Math.max(0, changes[order[1]!]!) <
        (valuesLabelled(spec) ? 1e-9 : largest * 0.08)
    )
      return null;
    const name = data.categories[order[0]!]!;
    return question('recognition', {
      templateId: this.id,
      question: `Which ${data.categoryNoun} adds the most to the total?`,
      steps: ['Among the bars marked "Increase", find the tallest.', `It is ${name}.`],
      answer: { type: 'category', value: name },
      program: 'answer = categories[changes.index(max(changes))]',
    });
  },
};

const histogramBinCount: QuestionTemplate = {
  id: 'histogram-bin-count',
  kind: 'recognition',
  make(spec) {
    const data = histogram(spec);
    if (!data) return null;
    const bins = data.binEdges.length - 1;
    return question('recognition', {
      templateId: this.id,
      question: 'How many bins (bars) does the histogram have?',
      steps: ['Count the bars between the first and the last tick.', `There are ${bins}.`],
      answer: { type: 'number', value: bins },
      program: 'answer = len(bin_edges) - 1',
    });
  },
};

const histogramBinsAbove: QuestionTemplate = {
  id: 'histogram-bins-above',
  kind: 'reasoning',
  make(spec, rng) {
    const data = histogram(spec);
    if (!data) return null;
    const edges = data.binEdges;
    const counts = edges
      .slice(0, -1)
      .map(
        (left, i) => data.groups[0]!.values.filter((v) => v >= left && v < edges[i + 1]!).length,
      );
    const sorted = [...new Set(counts)].sort((a, b) => a - b);
    if (sorted.length < 2) return null;
    const cut = rng.int(1, sorted.length - 1);
    const [low, high] = [sorted[cut - 1]!, sorted[cut]!];
    const threshold = Math.round((low + high) / 2);
    const margin = valuesLabelled(spec) ? 0.5 : Math.max(2, Math.max(...counts) * 0.08);
    if (threshold - low < margin || high - threshold < margin) return null;
    const value = counts.filter((c) => c > threshold).length;
    return question('reasoning', {
      templateId: this.id,
      question: `How many bins hold more than ${threshold} values?`,
      steps: [
        `Compare each bar's height with ${threshold} on the count axis.`,
        `${value} bar${value === 1 ? ' is' : 's are'} higher.`,
      ],
      answer: { type: 'number', value },
      program: `counts, _ = np.histogram(samples, bins=bin_edges)\nanswer = int((counts > ${threshold}).sum())`,
    });
  },
};

const scatterSeriesByColour: QuestionTemplate = {
  id: 'scatter-series-by-colour',
  kind: 'recognition',
  make(spec, rng) {
    if (spec.data.kind !== 'points' || spec.data.series.length < 2) return null;
    const s = rng.int(0, spec.data.series.length - 1);
    const colour = spec.style.palette[s]!;
    const name = spec.data.series[s]!.name;
    return question('recognition', {
      templateId: this.id,
      question: `Which series is plotted with ${colour.name} markers?`,
      steps: [`Find the ${colour.name} marker in the legend.`, `It is labelled ${name}.`],
      answer: { type: 'category', value: name },
      program: `answer = list(points.keys())[colors.index(${py(colour.hex)})]`,
    });
  },
};

const scatterFittedRising: QuestionTemplate = {
  id: 'scatter-fitted-rising',
  kind: 'recognition',
  make(spec) {
    if (spec.minor !== 'scatter-fitted' || spec.data.kind !== 'points') return null;
    const series = spec.data.series[0]!;
    const r = correlation(series.x, series.y);
    if (Math.abs(r) < 0.3) return null;
    return question('recognition', {
      templateId: this.id,
      question: 'Does the fitted line slope upwards from left to right?',
      steps: [
        'Follow the fitted line from its left end to its right end.',
        r > 0 ? 'It ends higher than it starts: yes.' : 'It ends lower than it starts: no.',
      ],
      answer: { type: 'boolean', value: r > 0 },
      program: `p = points[${py(series.name)}]\nanswer = bool(np.polyfit(p["x"], p["y"], 1)[0] > 0)`,
    });
  },
};

const scatterHighestAbove: QuestionTemplate = {
  id: 'scatter-highest-above',
  kind: 'recognition',
  make(spec, rng) {
    if (spec.data.kind !== 'points') return null;
    const ys = spec.data.series.flatMap((s) => s.y);
    const [low, high] = [Math.min(...ys), Math.max(...ys)];
    const span = high - low;
    const step = span > 50 ? 10 : 5;
    const threshold =
      Math.round((high + (rng.chance(0.5) ? -1 : 1) * span * rng.float(0.1, 0.25)) / step) * step;
    if (Math.abs(high - threshold) < span * 0.06) return null;
    return question('recognition', {
      templateId: this.id,
      question: `Does any point reach above ${threshold} on the ${spec.data.yLabel.toLowerCase()} axis?`,
      steps: [
        `Find the highest point: it is ${high > threshold ? 'above' : 'below'} the level of ${threshold}.`,
        high > threshold ? 'So yes.' : 'So no.',
      ],
      answer: { type: 'boolean', value: high > threshold },
      program: `answer = max(max(p["y"]) for p in points.values()) > ${py(threshold)}`,
    });
  },
};

export const MORE_CHART_TEMPLATES: QuestionTemplate[] = [
  waterfallDirection,
  waterfallLargestIncrease,
  histogramBinCount,
  histogramBinsAbove,
  scatterSeriesByColour,
  scatterFittedRising,
  scatterHighestAbove,
];
