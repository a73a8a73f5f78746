// The template recipe's stage work (METHOD.md §4): plan an item from its seed, turn a render into
// stored records, and check each answer program's result against the template's answer.
import type { MinorChartType } from '../core/chart-types.ts';
import { compareAnswer } from '../core/answer-compare.ts';
import { sha256Hex } from '../core/sha256.ts';
import type {
  ChartRecord,
  ImageRecord,
  ItemRecord,
  QaRecord,
  RuntimeStamp,
  TemplateRecipeSettings,
} from '../core/dataset/records.ts';
import { generateTemplateChart, type TemplateChart } from '../core/template/index.ts';
import type { AnswerResult, FigureFacts, RenderSuccess } from '../python/index.ts';

/** Minor types as a list where a type's weight is its number of repeats. */
export function weightedChartTypes(
  weights: TemplateRecipeSettings['chartTypes'],
): MinorChartType[] {
  const types: MinorChartType[] = [];
  for (const [type, weight] of Object.entries(weights) as [MinorChartType, number][]) {
    if (weight > 0) for (let i = 0; i < Math.max(1, Math.round(weight)); i += 1) types.push(type);
  }
  return types;
}

/** The plan of one item: same seed and settings → same spec, code and questions. */
export function planTemplateItem(seed: number, settings: TemplateRecipeSettings): TemplateChart {
  const { recognition, reasoning } = settings.questionsPerKind;
  const chart = generateTemplateChart(seed, {
    chartTypes: weightedChartTypes(settings.chartTypes),
    topics: settings.topics,
    questionsPerKind: Math.max(recognition, reasoning),
  });
  const ofKind = (kind: 'recognition' | 'reasoning', count: number) =>
    chart.questions.filter((question) => question.kind === kind).slice(0, count);
  return {
    ...chart,
    questions: [...ofKind('recognition', recognition), ...ofKind('reasoning', reasoning)],
  };
}

export function measureComplexity(facts: FigureFacts): ChartRecord['complexity'] {
  const axes = facts.axes.filter((axis) => !axis.isColorbar);
  const series = axes.flatMap((axis) => axis.series);
  // Overlays: kinds beyond the first on one axes, plus every twin axes (a second scale over it).
  const overlays = axes.reduce(
    (sum, axis) =>
      sum +
      Math.max(0, new Set(axis.series.map((item) => item.kind)).size - 1) +
      (axis.isTwin ? 1 : 0),
    0,
  );
  return {
    series: series.length,
    points: series.reduce((sum, item) => sum + item.count, 0),
    subplots: axes.filter((axis) => !axis.isTwin).length,
    texts: facts.texts.length,
    overlays,
    annotations: facts.texts.filter((text) => text.role === 'annotation' || text.role === 'text')
      .length,
  };
}

export function toRuntimeStamp(result: RenderSuccess): RuntimeStamp {
  const { distribution, pyodide, python, numpy, matplotlib } = result.runtime;
  return { distribution, pyodide, python, numpy, matplotlib };
}

/** Q&A ids sort in question order (the store lists a chart's Q&A by id). */
export function qaId(chartId: string, position: number): string {
  return `${chartId}:q${String(position).padStart(3, '0')}`;
}

/** The image record of a render: PNG bytes as a Blob, sha256, perceptual hash, thumbnail. */
export async function buildImageRecord(
  result: RenderSuccess,
  thumbnail: Blob | null,
): Promise<ImageRecord> {
  return {
    id: crypto.randomUUID(),
    png: new Blob([new Uint8Array(result.png)], { type: 'image/png' }),
    thumbnail,
    sha256: await sha256Hex(result.png),
    phash: result.phash,
    width: result.width,
    height: result.height,
    bytes: result.png.byteLength,
  };
}

/** The records the render stage commits. */
export async function buildRenderedRecords(input: {
  item: ItemRecord;
  plan: TemplateChart;
  result: RenderSuccess;
  thumbnail: Blob | null;
  at: string;
}): Promise<{ chart: ChartRecord; image: ImageRecord; qa: QaRecord[] }> {
  const { item, plan, result, at } = input;
  const chartId = crypto.randomUUID();
  const image = await buildImageRecord(result, input.thumbnail);
  const chart: ChartRecord = {
    id: chartId,
    datasetId: item.datasetId,
    code: plan.code,
    title: plan.spec.title,
    major: plan.spec.major,
    minor: plan.spec.minor,
    level: 'easy',
    topics: [plan.spec.topicId],
    complexity: measureComplexity(result.facts),
    findings: result.facts.findings.map(({ kind, message }) => ({ kind, message })),
    facts: result.facts,
    imageId: image.id,
    width: result.width,
    height: result.height,
    dpi: result.dpi,
    review: 'unreviewed',
    provenance: {
      recipe: 'template',
      runId: item.runId,
      itemId: item.id,
      seed: item.seed,
      templateSpec: plan.spec,
      parentChartId: null,
      runtime: toRuntimeStamp(result),
      notes: [],
    },
    history: [],
    createdAt: at,
    updatedAt: at,
  };
  const qa: QaRecord[] = plan.questions.map((question, position) => ({
    id: qaId(chartId, position),
    chartId,
    datasetId: item.datasetId,
    kind: question.kind,
    template: question.templateId,
    question: question.question,
    steps: question.steps,
    answer: question.answer,
    program: question.program,
    verification: null,
    review: 'unreviewed',
    programSteps: countProgramSteps(question.program),
    createdAt: at,
    updatedAt: at,
  }));
  return { chart, image, qa };
}

/** Statements of an answer program (non-blank, non-comment lines): a measured difficulty. */
export function countProgramSteps(program: string): number {
  return program.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'))
    .length;
}

/** The stored verification of one answer-program result. */
export function judgeAnswer(
  qa: Pick<QaRecord, 'answer'>,
  result: AnswerResult,
  at: string,
): NonNullable<QaRecord['verification']> {
  if (!result.ok) {
    return {
      status: 'unverifiable',
      reason: `The answer program failed (${result.error.kind}): ${result.error.message}`,
      computed: null,
      at,
    };
  }
  const verdict = compareAnswer(qa.answer, result.value);
  return { ...verdict, computed: result.value ?? null, at };
}
