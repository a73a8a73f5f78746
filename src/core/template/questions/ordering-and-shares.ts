// Reasoning by ordering and combining parts: the top three in order, box medians in order, and
// whether two slices of a whole make up more than half.
import type { QuestionTemplate, TemplateQuestion } from './question-types.ts';
import { py } from '../builders/python-literal.ts';
import { askableCategorical } from './categorical-recognition.ts';
import { comparisonGap, valuesLabelled } from './legibility.ts';
import { median } from './other-charts.ts';
import { forSeries, measure, plural, rankOrder } from './text.ts';

function question(parts: Omit<TemplateQuestion, 'kind'>): TemplateQuestion {
  return { kind: 'reasoning', ...parts };
}

const topThreeOrder: QuestionTemplate = {
  id: 'top-three-order',
  kind: 'reasoning',
  make(spec, rng) {
    const data = askableCategorical(spec);
    if (!data || data.categories.length < 4) return null;
    const s = rng.int(0, data.series.length - 1);
    const gap = comparisonGap(spec, data, s);
    const series = data.series[s]!;
    const order = rankOrder(series.values);
    if (
      gap === null ||
      [0, 1, 2].some((k) => series.values[order[k]!]! - series.values[order[k + 1]!]! < gap)
    )
      return null;
    const top = order.slice(0, 3).map((i) => data.categories[i]!);
    const answerValue = data.categoriesAreYears ? top.map(Number) : top;
    return question({
      templateId: this.id,
      question: `List the three ${plural(data.categoryNoun)} with the highest ${measure(data)}${forSeries(data, series.name)}, from highest to lowest.`,
      steps: [
        `Compare the ${plural(data.categoryNoun)}${forSeries(data, series.name)}.`,
        `The highest is ${top[0]}, then ${top[1]}, then ${top[2]}.`,
      ],
      answer: { type: 'list', value: answerValue, ordered: true },
      program: `values = series[${py(series.name)}]\nranked = sorted(range(len(values)), key=lambda i: -values[i])\nanswer = [${data.categoriesAreYears ? 'int(categories[i])' : 'categories[i]'} for i in ranked[:3]]`,
    });
  },
};

const pairMajority: QuestionTemplate = {
  id: 'pair-majority',
  kind: 'reasoning',
  make(spec, rng) {
    const data = askableCategorical(spec);
    if (!data || data.percent !== 'per-series' || data.categories.length < 3) return null;
    const series = data.series[rng.int(0, data.series.length - 1)]!;
    const [a, b] = rng.sample(
      data.categories.map((_, i) => i),
      2,
    ) as [number, number];
    const sum = series.values[a]! + series.values[b]!;
    // Without labels the reader judges angles: only ask when the pair is clearly off a half.
    if (Math.abs(sum - 50) < (valuesLabelled(spec) ? 0.05 : 8)) return null;
    const [ca, cb] = [data.categories[a]!, data.categories[b]!];
    return question({
      templateId: this.id,
      question: `Do ${ca} and ${cb} together make up more than half of the ${data.series.length > 1 ? `${series.name} ring` : 'whole'}?`,
      steps: [
        `Add the two shares${valuesLabelled(spec) ? `: ${series.values[a]} + ${series.values[b]} = ${Math.round(sum * 10) / 10}%` : ' (their wedges together)'}.`,
        sum > 50 ? 'That is more than half, so yes.' : 'That is less than half, so no.',
      ],
      answer: { type: 'boolean', value: sum > 50 },
      program: `shares = series[${py(series.name)}]\nanswer = shares[categories.index(${py(ca)})] + shares[categories.index(${py(cb)})] > sum(shares) / 2`,
    });
  },
};

const boxMedianOrder: QuestionTemplate = {
  id: 'box-median-order',
  kind: 'reasoning',
  make(spec) {
    const data = spec.data;
    if (data.kind !== 'distribution' || data.binEdges) return null;
    const medians = data.groups.map((g) => median(g.values));
    const all = data.groups.flatMap((g) => g.values);
    const gap = (Math.max(...all) - Math.min(...all)) * 0.05;
    const order = rankOrder(medians);
    if (order.slice(1).some((i, k) => medians[order[k]!]! - medians[i]! < gap)) return null;
    const names = order.map((i) => data.groups[i]!.name);
    return question({
      templateId: this.id,
      question: `Order the ${plural(data.groupNoun)} by their median ${measure(data)}, from highest to lowest.`,
      steps: [
        'Compare the median lines inside the boxes.',
        `From highest to lowest: ${names.join(', ')}.`,
      ],
      answer: { type: 'list', value: names, ordered: true },
      program: 'answer = sorted(groups, key=lambda name: -np.median(groups[name]))',
    });
  },
};

const countLeads: QuestionTemplate = {
  id: 'count-leads',
  kind: 'reasoning',
  make(spec, rng) {
    const data = askableCategorical(spec);
    if (!data || data.series.length < 2 || data.percent === 'per-series') return null;
    const [s1, s2] = rng.sample(
      data.series.map((_, i) => i),
      2,
    ) as [number, number];
    const [g1, g2] = [comparisonGap(spec, data, s1), comparisonGap(spec, data, s2)];
    if (g1 === null || g2 === null) return null;
    const [a, b] = [data.series[s1]!, data.series[s2]!];
    if (a.values.some((v, i) => Math.abs(v - b.values[i]!) < Math.max(g1, g2))) return null;
    const leads = data.categories.filter((_, i) => a.values[i]! > b.values[i]!);
    return question({
      templateId: this.id,
      question: `In how many ${plural(data.categoryNoun)} is the ${measure(data)} of ${a.name} higher than that of ${b.name}?`,
      steps: [
        `Compare ${a.name} with ${b.name} ${data.categoryNoun} by ${data.categoryNoun}.`,
        `${a.name} is higher in: ${leads.join(', ') || 'none'}.`,
        `That is ${leads.length}.`,
      ],
      answer: { type: 'number', value: leads.length },
      program: `first, second = series[${py(a.name)}], series[${py(b.name)}]\nanswer = sum(1 for x, y in zip(first, second) if x > y)`,
    });
  },
};

export const ORDERING_TEMPLATES: QuestionTemplate[] = [
  topThreeOrder,
  pairMajority,
  boxMedianOrder,
  countLeads,
];
