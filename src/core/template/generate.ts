// generateTemplateChart: one seeded chart of the LLM-free template recipe (METHOD.md §4) — spec,
// matplotlib script and questions with typed answers and answer programs.
import { MINOR_CHART_TYPES, type MinorChartType } from '../chart-types.ts';
import { TOPICS } from '../topics.ts';
import { buildChartCode } from './builders/index.ts';
import { generateChartData } from './generate-data.ts';
import { createRng, type Rng } from './prng.ts';
import { pickQuestions, type TemplateQuestion } from './questions/index.ts';
import type { ChartData, TemplateChartSpec } from './spec.ts';
import { pickStyle } from './style.ts';
import { plural } from './questions/text.ts';
import { findVocabulary, isAdditive, type VocabularyDataset } from './vocabulary/index.ts';

export interface TemplateChartOptions {
  /** Minor types to draw from, uniformly (repeat a type to weight it); default: all 32. */
  chartTypes?: readonly MinorChartType[];
  /** Topic ids to draw from; default: all 38. */
  topics?: readonly string[];
  /** Questions per kind (recognition, reasoning); fewer when too few templates apply. */
  questionsPerKind?: number;
}

export interface TemplateChart {
  spec: TemplateChartSpec;
  code: string;
  questions: TemplateQuestion[];
}

/** Minor types the recipe builds: all 32. */
export const TEMPLATE_CHART_TYPES: readonly MinorChartType[] = MINOR_CHART_TYPES.map(
  (type) => type.id,
);

/** Types whose name says whether values are written on the chart. */
const FORCED_LABELS: Partial<Record<MinorChartType, boolean>> = {
  'line-plain': false,
  'bar-plain': false,
  'line-data-labels': true,
  'bar-data-labels': true,
  funnel: true,
  'bar-percentage': true,
};

const ADDS_UP: ReadonlySet<MinorChartType> = new Set<MinorChartType>([
  'bar-stacked',
  'area-stacked',
  'bar3d-stacked',
  'treemap',
  'funnel',
  'waterfall',
  'bar-percentage',
  'bar3d-percentage',
  'pie-plain',
  'pie-donut',
  'pie-sector',
  'pie-ring',
]);

/** Types whose values are hard to judge without labels (depth, colour scales, areas). */
const HARD_TO_READ: ReadonlySet<MinorChartType> = new Set<MinorChartType>([
  'bar3d-plain',
  'bar3d-stacked',
  'bar3d-percentage',
  'heatmap',
  'treemap',
]);

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function makeTitle(rng: Rng, vocab: VocabularyDataset, data: ChartData): string {
  if (data.kind === 'graph') return `Connections between ${plural(data.nodeNoun)}`;
  if (data.kind === 'points') return `${data.yLabel} vs. ${data.xLabel.toLowerCase()}`;
  const years = data.kind === 'categorical' && data.categoriesAreYears ? data.categories : null;
  const patterns = vocab.titles.filter((t) => years !== null || !t.includes('{start}'));
  const pattern = patterns.length > 0 ? rng.pick(patterns) : '{subject}';
  return capitalize(
    pattern
      .replace('{subject}', vocab.subject)
      .replace('{start}', years?.[0] ?? '')
      .replace('{end}', years?.[years.length - 1] ?? ''),
  );
}

/** Builds the spec of one chart (no code, no questions) from a seeded generator. */
export function generateTemplateSpec(
  seed: number,
  options: TemplateChartOptions = {},
): TemplateChartSpec {
  const rng = createRng(seed);
  const types =
    options.chartTypes && options.chartTypes.length > 0 ? options.chartTypes : TEMPLATE_CHART_TYPES;
  const topics =
    options.topics && options.topics.length > 0 ? options.topics : TOPICS.map((t) => t.id);
  const minor = rng.pick(types);
  const info = MINOR_CHART_TYPES.find((t) => t.id === minor);
  if (!info) throw new Error(`unknown chart type ${minor}`);
  const topicId = rng.pick(topics);
  const vocabulary = findVocabulary(topicId);
  if (!vocabulary) throw new Error(`no vocabulary for topic ${topicId}`);
  // Stacks, shares, treemaps, funnels and waterfalls add values up: they need amounts, not rates.
  const additive = vocabulary.datasets.filter(isAdditive);
  const vocab = rng.pick(
    ADDS_UP.has(minor) && additive.length > 0 ? additive : vocabulary.datasets,
  );
  const data = generateChartData(rng.fork(), minor, vocab);
  const style = pickStyle(
    rng.fork(),
    FORCED_LABELS[minor] ?? null,
    HARD_TO_READ.has(minor) ? 0.8 : 0.5,
  );
  return {
    seed,
    major: info.major,
    minor,
    topicId,
    title: makeTitle(rng, vocab, data),
    data,
    style,
  };
}

/** One chart: same seed and options → same spec, code and questions. */
export function generateTemplateChart(
  seed: number,
  options: TemplateChartOptions = {},
): TemplateChart {
  const spec = generateTemplateSpec(seed, options);
  const perKind = options.questionsPerKind ?? 3;
  const rng = createRng(seed ^ 0x5bd1e995);
  const questions = [
    ...pickQuestions(spec, 'recognition', perKind, rng.fork()),
    ...pickQuestions(spec, 'reasoning', perKind, rng.fork()),
  ];
  return { spec, code: buildChartCode(spec), questions };
}

/**
 * `count` charts for a dataset seed: chart seeds come from the dataset seed, so the same seed
 * and options always give the same dataset, and chart i is also reproducible on its own.
 */
export function generateTemplateDataset(
  seed: number,
  count: number,
  options: TemplateChartOptions = {},
): TemplateChart[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () =>
    generateTemplateChart(Math.floor(rng.next() * 4294967296), options),
  );
}
