// Recognition questions on categorical charts: read a value, count, identify by colour, extremes,
// pairwise comparison.
import type { CategoricalData, TemplateChartSpec } from '../spec.ts';
import type { Rng } from '../prng.ts';
import type { QuestionTemplate, TemplateQuestion } from './question-types.ts';
import { py } from '../builders/python-literal.ts';
import {
  comparisonGap,
  coloursNameCategories,
  coloursNameSeries,
  valuesLabelled,
} from './legibility.ts';
import { categoryAnswer, forSeries, measure, plural, rankOrder, withUnit } from './text.ts';

/** The categorical data of a spec that generic templates may ask about (not waterfalls). */
export function askableCategorical(spec: TemplateChartSpec): CategoricalData | null {
  return spec.data.kind === 'categorical' && spec.minor !== 'waterfall' ? spec.data : null;
}

function question(
  id: string,
  parts: Omit<TemplateQuestion, 'kind' | 'templateId'>,
): TemplateQuestion {
  return { kind: 'recognition', templateId: id, ...parts };
}

const readValue: QuestionTemplate = {
  id: 'read-value',
  kind: 'recognition',
  make(spec, rng) {
    const data = askableCategorical(spec);
    if (!data || !valuesLabelled(spec)) return null;
    const s = rng.int(0, data.series.length - 1);
    const c = rng.int(0, data.categories.length - 1);
    const series = data.series[s]!;
    const category = data.categories[c]!;
    const value = series.values[c]!;
    return question(this.id, {
      question: `What is the ${measure(data)}${forSeries(data, series.name)} in ${category}, as labelled on the chart (in ${data.unit})?`,
      steps: [
        `Find ${category}${forSeries(data, series.name)} on the chart.`,
        `Its data label reads ${withUnit(value, data.decimals, data.unit)}.`,
      ],
      answer: { type: 'number', value, unit: data.unit },
      program: `answer = series[${py(series.name)}][categories.index(${py(category)})]`,
    });
  },
};

const countCategories: QuestionTemplate = {
  id: 'count-categories',
  kind: 'recognition',
  make(spec) {
    const data = askableCategorical(spec);
    if (!data) return null;
    const noun = plural(data.categoryNoun);
    return question(this.id, {
      question: `How many ${noun} does the chart show?`,
      steps: [
        `Count the ${noun} labelled on the chart: ${data.categories.join(', ')}.`,
        `There are ${data.categories.length}.`,
      ],
      answer: { type: 'number', value: data.categories.length },
      program: 'answer = len(categories)',
    });
  },
};

const countSeries: QuestionTemplate = {
  id: 'count-series',
  kind: 'recognition',
  make(spec) {
    const data = askableCategorical(spec);
    if (!data || data.series.length < 2 || spec.minor === 'pie-ring') return null;
    const where = spec.minor === 'heatmap' ? 'as rows of the heatmap' : 'in the legend';
    return question(this.id, {
      question: `How many ${plural(data.seriesNoun)} are shown ${where}?`,
      steps: [
        `Read the entries ${where}: ${data.series.map((s) => s.name).join(', ')}.`,
        `There are ${data.series.length}.`,
      ],
      answer: { type: 'number', value: data.series.length },
      program: 'answer = len(series)',
    });
  },
};

const seriesByColour: QuestionTemplate = {
  id: 'series-by-colour',
  kind: 'recognition',
  make(spec, rng) {
    const data = askableCategorical(spec);
    if (!data || !coloursNameSeries(spec)) return null;
    const s = rng.int(0, data.series.length - 1);
    const colour = spec.style.palette[s]!;
    const name = data.series[s]!.name;
    return question(this.id, {
      question: `Which ${data.seriesNoun} is drawn in ${colour.name}?`,
      steps: [`Find the ${colour.name} entry in the legend.`, `Its label is ${name}.`],
      answer: { type: 'category', value: name },
      program: `answer = list(series.keys())[colors.index(${py(colour.hex)})]`,
    });
  },
};

const categoryByColour: QuestionTemplate = {
  id: 'category-by-colour',
  kind: 'recognition',
  make(spec, rng) {
    const data = askableCategorical(spec);
    if (!data || !coloursNameCategories(spec)) return null;
    const c = rng.int(0, data.categories.length - 1);
    const colour = spec.style.palette[c]!;
    const name = data.categories[c]!;
    const where = spec.minor === 'funnel' ? 'stage' : spec.minor === 'rose' ? 'petal' : 'wedge';
    return question(this.id, {
      question: `Which ${data.categoryNoun} does the ${colour.name} ${where} stand for?`,
      steps: [
        `Find the ${colour.name} ${where}.`,
        `Its label${spec.major === 'pie' ? ' in the legend' : ''} is ${name}.`,
      ],
      answer: { type: 'category', value: name },
      program: `answer = categories[colors.index(${py(colour.hex)})]`,
    });
  },
};

const colourOfSeries: QuestionTemplate = {
  id: 'colour-of-series',
  kind: 'recognition',
  make(spec, rng) {
    const data = askableCategorical(spec);
    if (!data || !coloursNameSeries(spec)) return null;
    const s = rng.int(0, data.series.length - 1);
    const colour = spec.style.palette[s]!;
    const name = data.series[s]!.name;
    const names = Object.fromEntries(spec.style.palette.map((c) => [c.hex, c.name]));
    return question(this.id, {
      question: `What colour is used for ${name}? Answer with a plain colour name.`,
      steps: [`Find ${name} in the legend.`, `Its marker is ${colour.name}.`],
      answer: { type: 'category', value: colour.name },
      program: `colour_names = ${py(names)}\nanswer = colour_names[colors[list(series.keys()).index(${py(name)})]]`,
    });
  },
};

/** Highest or lowest category of one series, when it stands out clearly. */
function extreme(id: string, highest: boolean): QuestionTemplate {
  return {
    id,
    kind: 'recognition',
    make(spec: TemplateChartSpec, rng: Rng) {
      const data = askableCategorical(spec);
      if (!data) return null;
      const s = rng.int(0, data.series.length - 1);
      const gap = comparisonGap(spec, data, s);
      const series = data.series[s]!;
      const order = rankOrder(series.values);
      if (!highest) order.reverse();
      const [best, next] = [order[0]!, order[1]!];
      if (gap === null || Math.abs(series.values[best]! - series.values[next]!) < gap) return null;
      const word = highest ? 'highest' : 'lowest';
      const name = data.categories[best]!;
      const detail = valuesLabelled(spec)
        ? ` (${withUnit(series.values[best]!, data.decimals, data.unit)})`
        : '';
      return question(id, {
        question: `Which ${data.categoryNoun} has the ${word} ${measure(data)}${forSeries(data, series.name)}?`,
        steps: [
          `Compare the ${measure(data)}${forSeries(data, series.name)} across the ${plural(data.categoryNoun)}.`,
          `${name} is the ${word}${detail}, ahead of ${data.categories[next]!}.`,
        ],
        answer: categoryAnswer(data, name),
        program: `values = series[${py(series.name)}]\nanswer = categories[values.index(${highest ? 'max' : 'min'}(values))]`,
      });
    },
  };
}

const compareTwo: QuestionTemplate = {
  id: 'compare-two',
  kind: 'recognition',
  make(spec, rng) {
    const data = askableCategorical(spec);
    if (!data || data.categories.length < 2) return null;
    const s = rng.int(0, data.series.length - 1);
    const gap = comparisonGap(spec, data, s);
    const series = data.series[s]!;
    const [a, b] = rng.sample(
      data.categories.map((_, i) => i),
      2,
    ) as [number, number];
    const va = series.values[a]!;
    const vb = series.values[b]!;
    if (gap === null || Math.abs(va - vb) < gap) return null;
    const [ca, cb] = [data.categories[a]!, data.categories[b]!];
    const yes = va > vb;
    return question(this.id, {
      question: `Is the ${measure(data)}${forSeries(data, series.name)} higher in ${ca} than in ${cb}?`,
      steps: [
        `Compare ${ca} with ${cb}${forSeries(data, series.name)}.`,
        `${yes ? ca : cb} is higher, so the answer is ${yes ? 'yes' : 'no'}.`,
      ],
      answer: { type: 'boolean', value: yes },
      program: `values = series[${py(series.name)}]\nanswer = values[categories.index(${py(ca)})] > values[categories.index(${py(cb)})]`,
    });
  },
};

const lastYear: QuestionTemplate = {
  id: 'last-year',
  kind: 'recognition',
  make(spec) {
    const data = askableCategorical(spec);
    if (!data || !data.categoriesAreYears) return null;
    const last = data.categories[data.categories.length - 1]!;
    return question(this.id, {
      question: 'What is the last year shown on the x-axis?',
      steps: ['Read the rightmost label of the x-axis.', `It is ${last}.`],
      answer: { type: 'year', value: Number(last) },
      program: 'answer = int(categories[-1])',
    });
  },
};

const topSeriesAtCategory: QuestionTemplate = {
  id: 'top-series-at-category',
  kind: 'recognition',
  make(spec, rng) {
    const data = askableCategorical(spec);
    if (!data || data.series.length < 2 || spec.major === 'pie') return null;
    const c = rng.int(0, data.categories.length - 1);
    const values = data.series.map((s) => s.values[c]!);
    const order = rankOrder(values);
    const needsLabels =
      spec.minor === 'heatmap' ||
      spec.major === 'bar3d' ||
      spec.minor.includes('stacked') ||
      spec.minor === 'bar-percentage';
    if (needsLabels && !valuesLabelled(spec)) return null;
    const gap = valuesLabelled(spec) ? 1e-9 : comparisonGap(spec, data, 0);
    if (gap === null || values[order[0]!]! - values[order[1]!]! < gap) return null;
    const category = data.categories[c]!;
    const name = data.series[order[0]!]!.name;
    return question(this.id, {
      question: `In ${category}, which ${data.seriesNoun} has the highest ${measure(data)}?`,
      steps: [
        `Look at the values of each ${data.seriesNoun} in ${category}.`,
        `${name} is the highest there.`,
      ],
      answer: { type: 'category', value: name },
      program: `at = categories.index(${py(category)})\nanswer = max(series, key=lambda name: series[name][at])`,
    });
  },
};

export const CATEGORICAL_RECOGNITION: QuestionTemplate[] = [
  readValue,
  countCategories,
  countSeries,
  seriesByColour,
  categoryByColour,
  colourOfSeries,
  extreme('highest-category', true),
  extreme('lowest-category', false),
  compareTwo,
  lastYear,
  topSeriesAtCategory,
];
