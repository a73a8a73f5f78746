// Reasoning questions on categorical charts: difference, ratio, sum, average, growth rate, rank,
// threshold counts, trend comparison, range, totals and other multi-step computations.
import type { CategoricalData, TemplateChartSpec } from '../spec.ts';
import type { Rng } from '../prng.ts';
import type { QuestionTemplate, TemplateQuestion } from './question-types.ts';
import { py } from '../builders/python-literal.ts';
import { roundTo } from '../generators.ts';
import { askableCategorical } from './categorical-recognition.ts';
import { comparisonGap, isStacked, valuesLabelled } from './legibility.ts';
import {
  categoryAnswer,
  forSeries,
  formatValue,
  measure,
  plural,
  precisionNote,
  rankOrder,
  withUnit,
} from './text.ts';

function question(
  id: string,
  parts: Omit<TemplateQuestion, 'kind' | 'templateId'>,
): TemplateQuestion {
  return { kind: 'reasoning', templateId: id, ...parts };
}

/** Labelled categorical data and one random series of it, or null. */
function labelledSeries(
  spec: TemplateChartSpec,
  rng: Rng,
): { data: CategoricalData; s: number } | null {
  const data = askableCategorical(spec);
  if (!data || !valuesLabelled(spec)) return null;
  return { data, s: rng.int(0, data.series.length - 1) };
}

const sel = (name: string): string => `values = series[${py(name)}]`;
const at = (category: string): string => `values[categories.index(${py(category)})]`;

const difference: QuestionTemplate = {
  id: 'difference',
  kind: 'reasoning',
  make(spec, rng) {
    const picked = labelledSeries(spec, rng);
    if (!picked || picked.data.categories.length < 2) return null;
    const { data, s } = picked;
    const series = data.series[s]!;
    const [a, b] = rng
      .sample(
        data.categories.map((_, i) => i),
        2,
      )
      .sort((i, j) => series.values[j]! - series.values[i]!) as [number, number];
    const [va, vb] = [series.values[a]!, series.values[b]!];
    const value = roundTo(va - vb, data.decimals);
    const [ca, cb] = [data.categories[a]!, data.categories[b]!];
    return question(this.id, {
      question: `How much higher is the ${measure(data)}${forSeries(data, series.name)} in ${ca} than in ${cb} (in ${data.unit})?`,
      steps: [
        `${ca}: ${withUnit(va, data.decimals, data.unit)}.`,
        `${cb}: ${withUnit(vb, data.decimals, data.unit)}.`,
        `Difference: ${formatValue(va, data.decimals)} − ${formatValue(vb, data.decimals)} = ${formatValue(value, data.decimals)}.`,
      ],
      answer: { type: 'number', value, unit: data.unit },
      program: `${sel(series.name)}\nanswer = ${at(ca)} - ${at(cb)}`,
    });
  },
};

const ratio: QuestionTemplate = {
  id: 'ratio',
  kind: 'reasoning',
  make(spec, rng) {
    const picked = labelledSeries(spec, rng);
    if (!picked || picked.data.categories.length < 2) return null;
    const { data, s } = picked;
    const series = data.series[s]!;
    const [a, b] = rng.sample(
      data.categories.map((_, i) => i),
      2,
    ) as [number, number];
    const [va, vb] = [series.values[a]!, series.values[b]!];
    if (va <= 0 || vb <= 0) return null;
    const value = roundTo(va / vb, 2);
    const [ca, cb] = [data.categories[a]!, data.categories[b]!];
    return question(this.id, {
      question: `What is the ratio of the ${measure(data)}${forSeries(data, series.name)} in ${ca} to that in ${cb}? Round to 2 decimal places.`,
      steps: [
        `${ca}: ${formatValue(va, data.decimals)}; ${cb}: ${formatValue(vb, data.decimals)}.`,
        `${formatValue(va, data.decimals)} ÷ ${formatValue(vb, data.decimals)} ≈ ${value.toFixed(2)}.`,
      ],
      answer: { type: 'number', value, tolerance: { absolute: 0.005 + 1e-9 } },
      program: `${sel(series.name)}\nanswer = ${at(ca)} / ${at(cb)}`,
    });
  },
};

const total: QuestionTemplate = {
  id: 'sum-series',
  kind: 'reasoning',
  make(spec, rng) {
    const picked = labelledSeries(spec, rng);
    if (!picked || picked.data.percent !== null || !picked.data.additive) return null;
    const { data, s } = picked;
    const series = data.series[s]!;
    const value = roundTo(
      series.values.reduce((acc, v) => acc + v, 0),
      data.decimals,
    );
    return question(this.id, {
      question: `What is the total ${measure(data)}${forSeries(data, series.name)} over all ${plural(data.categoryNoun)} shown (in ${data.unit})?`,
      steps: [
        `Read every value: ${series.values.map((v) => formatValue(v, data.decimals)).join(', ')}.`,
        `Add them up: ${formatValue(value, data.decimals)}.`,
      ],
      answer: { type: 'number', value, unit: data.unit },
      program: `answer = sum(series[${py(series.name)}])`,
    });
  },
};

const average: QuestionTemplate = {
  id: 'average',
  kind: 'reasoning',
  make(spec, rng) {
    const picked = labelledSeries(spec, rng);
    if (!picked || picked.data.percent === 'per-series') return null;
    const { data, s } = picked;
    const series = data.series[s]!;
    let sum = 0;
    for (const v of series.values) sum += v;
    const value = roundTo(sum / series.values.length, 1);
    return question(this.id, {
      question: `What is the average ${measure(data)}${forSeries(data, series.name)} across the ${plural(data.categoryNoun)}? ${precisionNote(1)}`,
      steps: [
        `Add the ${series.values.length} values: ${formatValue(sum, data.decimals)}.`,
        `Divide by ${series.values.length}: ${value.toFixed(1)}.`,
      ],
      answer: { type: 'number', value, unit: data.unit, tolerance: { absolute: 0.05 + 1e-9 } },
      program: `values = series[${py(series.name)}]\nanswer = sum(values) / len(values)`,
    });
  },
};

const growthRate: QuestionTemplate = {
  id: 'growth-rate',
  kind: 'reasoning',
  make(spec, rng) {
    const picked = labelledSeries(spec, rng);
    if (!picked || !picked.data.categoriesAreYears) return null;
    const { data, s } = picked;
    const series = data.series[s]!;
    const first = series.values[0]!;
    const last = series.values[series.values.length - 1]!;
    if (first <= 0) return null;
    const value = roundTo(((last - first) / first) * 100, 1);
    const [y0, y1] = [data.categories[0]!, data.categories[data.categories.length - 1]!];
    return question(this.id, {
      question: `By what percentage did the ${measure(data)}${forSeries(data, series.name)} change from ${y0} to ${y1}? Give a negative number for a decrease, to 1 decimal place.`,
      steps: [
        `${y0}: ${formatValue(first, data.decimals)}; ${y1}: ${formatValue(last, data.decimals)}.`,
        `Change: (${formatValue(last, data.decimals)} − ${formatValue(first, data.decimals)}) ÷ ${formatValue(first, data.decimals)} × 100 ≈ ${value.toFixed(1)}%.`,
      ],
      answer: { type: 'number', value, unit: '%', tolerance: { absolute: 0.05 + 1e-9 } },
      program: `values = series[${py(series.name)}]\nanswer = (values[-1] - values[0]) / values[0] * 100`,
    });
  },
};

const rank: QuestionTemplate = {
  id: 'rank',
  kind: 'reasoning',
  make(spec, rng) {
    const data = askableCategorical(spec);
    if (!data || data.categories.length < 4) return null;
    const s = rng.int(0, data.series.length - 1);
    const gap = comparisonGap(spec, data, s);
    const series = data.series[s]!;
    const order = rankOrder(series.values);
    const k = rng.int(2, 3);
    const [above, target, below] = [order[k - 2]!, order[k - 1]!, order[k]!];
    const v = series.values;
    if (gap === null || v[above]! - v[target]! < gap || v[target]! - v[below]! < gap) return null;
    const name = data.categories[target]!;
    const ordinal = k === 2 ? 'second' : 'third';
    return question(this.id, {
      question: `Which ${data.categoryNoun} has the ${ordinal} highest ${measure(data)}${forSeries(data, series.name)}?`,
      steps: [
        `Order the ${plural(data.categoryNoun)} from highest to lowest: ${order
          .slice(0, k + 1)
          .map((i) => data.categories[i])
          .join(', ')}, ...`,
        `The ${ordinal} one is ${name}.`,
      ],
      answer: categoryAnswer(data, name),
      program: `values = series[${py(series.name)}]\nranked = sorted(categories, key=lambda c: -values[categories.index(c)])\nanswer = ranked[${k - 1}]`,
    });
  },
};

const thresholdCount: QuestionTemplate = {
  id: 'threshold-count',
  kind: 'reasoning',
  make(spec, rng) {
    const data = askableCategorical(spec);
    if (!data || spec.minor === 'heatmap' || spec.minor === 'treemap') return null;
    if (spec.major === 'pie' && !valuesLabelled(spec)) return null;
    const s = rng.int(0, data.series.length - 1);
    const gap = comparisonGap(spec, data, s);
    if (gap === null) return null;
    const series = data.series[s]!;
    const sorted = [...series.values].sort((a, b) => a - b);
    const cut = rng.int(1, sorted.length - 1);
    const [below, above] = [sorted[cut - 1]!, sorted[cut]!];
    const step = data.decimals === 0 ? 1 : 0.1;
    const threshold = roundTo((below + above) / 2, data.decimals);
    if (threshold - below < Math.max(gap, step / 2) || above - threshold < Math.max(gap, step / 2))
      return null;
    const count = series.values.filter((v) => v > threshold).length;
    return question(this.id, {
      question: `For how many ${plural(data.categoryNoun)} is the ${measure(data)}${forSeries(data, series.name)} above ${withUnit(threshold, data.decimals, data.unit)}?`,
      steps: [
        `Compare each ${data.categoryNoun} with ${withUnit(threshold, data.decimals, data.unit)}.`,
        `Above it: ${data.categories.filter((_, i) => series.values[i]! > threshold).join(', ')}.`,
        `That is ${count}.`,
      ],
      answer: { type: 'number', value: count },
      program: `answer = len([v for v in series[${py(series.name)}] if v > ${py(threshold)}])`,
    });
  },
};

const trendComparison: QuestionTemplate = {
  id: 'trend-comparison',
  kind: 'reasoning',
  make(spec) {
    const data = askableCategorical(spec);
    if (!data || !data.categoriesAreYears || data.series.length < 2 || isStacked(spec)) return null;
    const changes = data.series.map((s) => s.values[s.values.length - 1]! - s.values[0]!);
    const order = rankOrder(changes);
    const gap = valuesLabelled(spec) ? 1e-9 : 2 * (comparisonGap(spec, data, 0) ?? Infinity);
    if (changes[order[0]!]! <= 0 || changes[order[0]!]! - changes[order[1]!]! < gap) return null;
    const [y0, y1] = [data.categories[0]!, data.categories[data.categories.length - 1]!];
    const name = data.series[order[0]!]!.name;
    return question(this.id, {
      question: `Which ${data.seriesNoun} grew the most from ${y0} to ${y1}?`,
      steps: [
        `For each ${data.seriesNoun}, compare its ${y1} value with its ${y0} value.`,
        ...data.series.map(
          (s, i) =>
            `${s.name}: ${changes[i]! >= 0 ? 'up' : 'down'} ${formatValue(Math.abs(changes[i]!), data.decimals)}.`,
        ),
        `${name} grew the most.`,
      ],
      answer: { type: 'category', value: name },
      program: 'answer = max(series, key=lambda name: series[name][-1] - series[name][0])',
    });
  },
};

const valueRange: QuestionTemplate = {
  id: 'value-range',
  kind: 'reasoning',
  make(spec, rng) {
    const picked = labelledSeries(spec, rng);
    if (!picked) return null;
    const { data, s } = picked;
    const series = data.series[s]!;
    const high = Math.max(...series.values);
    const low = Math.min(...series.values);
    const value = roundTo(high - low, data.decimals);
    return question(this.id, {
      question: `What is the difference between the highest and the lowest ${measure(data)}${forSeries(data, series.name)} (in ${data.unit})?`,
      steps: [
        `Highest: ${formatValue(high, data.decimals)}.`,
        `Lowest: ${formatValue(low, data.decimals)}.`,
        `Difference: ${formatValue(value, data.decimals)}.`,
      ],
      answer: { type: 'number', value, unit: data.unit },
      program: `values = series[${py(series.name)}]\nanswer = max(values) - min(values)`,
    });
  },
};

export const CATEGORICAL_REASONING: QuestionTemplate[] = [
  difference,
  ratio,
  total,
  average,
  growthRate,
  rank,
  thresholdCount,
  trendComparison,
  valueRange,
];
