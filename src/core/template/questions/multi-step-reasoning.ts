// Multi-step reasoning on labelled categorical charts: totals across series, shares, counts
// against the average, comparisons of two series' peaks, and waterfall running totals.
import type { TemplateChartSpec } from '../spec.ts';
import type { QuestionTemplate, TemplateQuestion } from './question-types.ts';
import { py } from '../builders/python-literal.ts';
import { roundTo } from '../generators.ts';
import { askableCategorical } from './categorical-recognition.ts';
import { isStacked, valuesLabelled } from './legibility.ts';
import {
  categoryAnswer,
  forSeries,
  formatValue,
  measure,
  plural,
  rankOrder,
  withUnit,
} from './text.ts';

function question(
  id: string,
  parts: Omit<TemplateQuestion, 'kind' | 'templateId'>,
): TemplateQuestion {
  return { kind: 'reasoning', templateId: id, ...parts };
}

function labelledMulti(spec: TemplateChartSpec) {
  const data = askableCategorical(spec);
  return data &&
    valuesLabelled(spec) &&
    data.series.length > 1 &&
    data.percent === null &&
    spec.minor !== 'heatmap'
    ? data
    : null;
}

function additiveData(spec: TemplateChartSpec) {
  const data = askableCategorical(spec);
  return data && data.additive ? data : null;
}

const categoryTotal: QuestionTemplate = {
  id: 'category-total',
  kind: 'reasoning',
  make(spec, rng) {
    const data = labelledMulti(spec);
    if (!data || !data.additive) return null;
    const c = rng.int(0, data.categories.length - 1);
    const category = data.categories[c]!;
    const parts = data.series.map((s) => s.values[c]!);
    const value = roundTo(
      parts.reduce((a, b) => a + b, 0),
      data.decimals,
    );
    return question(this.id, {
      question: `What is the combined ${measure(data)} of all ${plural(data.seriesNoun)} in ${category} (in ${data.unit})?`,
      steps: [
        `Read each ${data.seriesNoun} in ${category}: ${parts.map((v) => formatValue(v, data.decimals)).join(' + ')}.`,
        `Sum: ${formatValue(value, data.decimals)}.`,
      ],
      answer: { type: 'number', value, unit: data.unit },
      program: `at = categories.index(${py(category)})\nanswer = sum(values[at] for values in series.values())`,
    });
  },
};

const largestTotal: QuestionTemplate = {
  id: 'largest-total-category',
  kind: 'reasoning',
  make(spec) {
    const data = additiveData(spec);
    if (!data || data.series.length < 2 || data.percent !== null || spec.minor === 'heatmap')
      return null;
    const totals = data.categories.map((_, c) =>
      data.series.reduce((acc, s) => acc + s.values[c]!, 0),
    );
    const order = rankOrder(totals);
    const largest = Math.max(...totals);
    // Without labels only a stacked chart shows totals directly, as the height of each stack.
    const gap = valuesLabelled(spec)
      ? 1e-6
      : isStacked(spec) && spec.major !== 'bar3d'
        ? largest * 0.04
        : null;
    if (gap === null || totals[order[0]!]! - totals[order[1]!]! < gap) return null;
    const name = data.categories[order[0]!]!;
    return question(this.id, {
      question: `Which ${data.categoryNoun} has the largest ${measure(data)} when all ${plural(data.seriesNoun)} are added together?`,
      steps: [
        `Add up the ${plural(data.seriesNoun)} for each ${data.categoryNoun}${isStacked(spec) ? ' (the height of each stack)' : ''}.`,
        `${name} has the largest total.`,
      ],
      answer: categoryAnswer(data, name),
      program:
        'totals = [sum(values[i] for values in series.values()) for i in range(len(categories))]\nanswer = categories[totals.index(max(totals))]',
    });
  },
};

const sumTwo: QuestionTemplate = {
  id: 'sum-two',
  kind: 'reasoning',
  make(spec, rng) {
    const data = additiveData(spec);
    // Shares of different bars (percentage charts) do not add up to anything.
    if (!data || !valuesLabelled(spec) || data.categories.length < 3) return null;
    if (data.percent === 'per-category') return null;
    const series = data.series[rng.int(0, data.series.length - 1)]!;
    const [a, b] = rng.sample(
      data.categories.map((_, i) => i),
      2,
    ) as [number, number];
    const [ca, cb] = [data.categories[a]!, data.categories[b]!];
    const value = roundTo(series.values[a]! + series.values[b]!, data.decimals);
    return question(this.id, {
      question: `What is the combined ${measure(data)}${forSeries(data, series.name)} of ${ca} and ${cb} (in ${data.unit})?`,
      steps: [
        `${ca}: ${formatValue(series.values[a]!, data.decimals)}; ${cb}: ${formatValue(series.values[b]!, data.decimals)}.`,
        `Together: ${formatValue(value, data.decimals)}.`,
      ],
      answer: { type: 'number', value, unit: data.unit },
      program: `values = series[${py(series.name)}]\nanswer = values[categories.index(${py(ca)})] + values[categories.index(${py(cb)})]`,
    });
  },
};

const peakGap: QuestionTemplate = {
  id: 'peak-gap',
  kind: 'reasoning',
  make(spec, rng) {
    const data = labelledMulti(spec);
    if (!data) return null;
    const [s1, s2] = rng.sample(data.series, 2) as [
      (typeof data.series)[number],
      (typeof data.series)[number],
    ];
    const [m1, m2] = [Math.max(...s1.values), Math.max(...s2.values)];
    const value = roundTo(Math.abs(m1 - m2), data.decimals);
    return question(this.id, {
      question: `What is the difference between the peak ${measure(data)} of ${s1.name} and the peak of ${s2.name} (in ${data.unit}, as a positive number)?`,
      steps: [
        `Peak of ${s1.name}: ${formatValue(m1, data.decimals)}.`,
        `Peak of ${s2.name}: ${formatValue(m2, data.decimals)}.`,
        `Difference: ${formatValue(value, data.decimals)}.`,
      ],
      answer: { type: 'number', value, unit: data.unit },
      program: `answer = abs(max(series[${py(s1.name)}]) - max(series[${py(s2.name)}]))`,
    });
  },
};

const aboveAverage: QuestionTemplate = {
  id: 'above-average-count',
  kind: 'reasoning',
  make(spec, rng) {
    const data = askableCategorical(spec);
    if (!data || !valuesLabelled(spec) || data.percent === 'per-series') return null;
    const series = data.series[rng.int(0, data.series.length - 1)]!;
    const mean = series.values.reduce((a, b) => a + b, 0) / series.values.length;
    if (series.values.some((v) => Math.abs(v - mean) < 1e-6)) return null;
    const above = data.categories.filter((_, i) => series.values[i]! > mean);
    return question(this.id, {
      question: `For how many ${plural(data.categoryNoun)} is the ${measure(data)}${forSeries(data, series.name)} above its average over all ${plural(data.categoryNoun)} shown?`,
      steps: [
        `Average: ${mean.toFixed(2)}.`,
        `Above it: ${above.join(', ') || 'none'}.`,
        `That is ${above.length}.`,
      ],
      answer: { type: 'number', value: above.length },
      program: `values = series[${py(series.name)}]\nmean = sum(values) / len(values)\nanswer = len([v for v in values if v > mean])`,
    });
  },
};

const shareOfTotal: QuestionTemplate = {
  id: 'share-of-total',
  kind: 'reasoning',
  make(spec, rng) {
    const data = additiveData(spec);
    if (!data || !valuesLabelled(spec) || data.percent !== null || data.series.length !== 1)
      return null;
    const series = data.series[0]!;
    const c = rng.int(0, data.categories.length - 1);
    const sum = series.values.reduce((a, b) => a + b, 0);
    const value = roundTo((series.values[c]! / sum) * 100, 1);
    const category = data.categories[c]!;
    return question(this.id, {
      question: `What percentage of the total ${measure(data)} does ${category} account for? Give the answer to 1 decimal place.`,
      steps: [
        `Total: ${formatValue(sum, data.decimals)}.`,
        `${category}: ${formatValue(series.values[c]!, data.decimals)}.`,
        `Share: ${value.toFixed(1)}%.`,
      ],
      answer: { type: 'number', value, unit: '%', tolerance: { absolute: 0.05 + 1e-9 } },
      program: `values = series[${py(series.name)}]\nanswer = values[categories.index(${py(category)})] / sum(values) * 100`,
    });
  },
};

const waterfallFinal: QuestionTemplate = {
  id: 'waterfall-final',
  kind: 'reasoning',
  make(spec) {
    const data = spec.data;
    if (
      spec.minor !== 'waterfall' ||
      data.kind !== 'categorical' ||
      data.waterfallStart === null ||
      !valuesLabelled(spec)
    )
      return null;
    const changes = data.series[0]!.values;
    const value = roundTo(
      changes.reduce((a, b) => a + b, data.waterfallStart),
      data.decimals,
    );
    return question(this.id, {
      question: `Starting from ${withUnit(data.waterfallStart, data.decimals, data.unit)}, what is the value after all the changes shown (in ${data.unit})?`,
      steps: [
        `Start at ${formatValue(data.waterfallStart, data.decimals)}.`,
        `Apply the changes: ${changes.map((v) => (v >= 0 ? `+${formatValue(v, data.decimals)}` : formatValue(v, data.decimals))).join(' ')}.`,
        `End value: ${formatValue(value, data.decimals)}.`,
      ],
      answer: { type: 'number', value, unit: data.unit },
      program: 'answer = start_value + sum(changes)',
    });
  },
};

const waterfallDecreases: QuestionTemplate = {
  id: 'waterfall-decreases',
  kind: 'reasoning',
  make(spec) {
    const data = spec.data;
    if (spec.minor !== 'waterfall' || data.kind !== 'categorical') return null;
    const names = data.categories.filter((_, i) => data.series[0]!.values[i]! < 0);
    return question(this.id, {
      question: `How many of the ${plural(data.categoryNoun)} decreased the total?`,
      steps: [
        'Decreases are drawn in the colour marked "Decrease" in the legend.',
        `They are: ${names.join(', ') || 'none'}.`,
        `That is ${names.length}.`,
      ],
      answer: { type: 'number', value: names.length },
      program: 'answer = len([c for c in changes if c < 0])',
    });
  },
};

export const MULTI_STEP_REASONING: QuestionTemplate[] = [
  categoryTotal,
  largestTotal,
  sumTwo,
  peakGap,
  aboveAverage,
  shareOfTotal,
  waterfallFinal,
  waterfallDecreases,
];
