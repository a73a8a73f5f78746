// The demo LLM's replies about charts: plans (Self-Instruct and Evol-Instruct turn 1), written and
// repaired scripts (prose plus exactly one ```python block), and chart ratings.
import { findMinorChartType } from '../../core/chart-types.ts';
import type { EvolDirection } from '../../core/cit/recipe.ts';
import type { ChartData } from '../../core/template/index.ts';
import { TOPICS } from '../../core/topics.ts';
import { chartOf, markLines, type ChartMarks } from './script-marks.ts';

const DIRECTION_TEXT: Record<EvolDirection, string> = {
  'more-data': 'more data: more categories or points than the original',
  'more-visual-elements': 'more visual elements (annotations, reference lines, richer labels)',
  'overlay-chart-type': 'another chart type overlaid on the original',
  'add-subplot': 'a second subplot beside the original',
};

function list(names: readonly string[], most = 4): string {
  const shown = names.slice(0, most).join(', ');
  return names.length > most ? `${shown}, …` : shown;
}

/** How many values a chart's data holds (what "more data" grows). */
export function dataSize(data: ChartData): number {
  switch (data.kind) {
    case 'categorical':
      return data.series.reduce((sum, series) => sum + series.values.length, 0);
    case 'distribution':
      return data.groups.reduce((sum, group) => sum + group.values.length, 0);
    case 'points':
      return data.series.reduce((sum, series) => sum + series.x.length, 0);
    case 'graph':
      return data.nodes.length + data.edges.length;
  }
}

/** One sentence naming what the data holds. */
export function describeData(data: ChartData): string {
  switch (data.kind) {
    case 'categorical': {
      const unit = data.unit ? ` in ${data.unit}` : '';
      return (
        `${data.categories.length} ${data.categoryNoun} values (${list(data.categories)}) for ` +
        `${data.series.length} ${data.seriesNoun} series (${list(data.series.map((s) => s.name))}); ` +
        `${data.valueLabel.toLowerCase()}${unit}.`
      );
    }
    case 'distribution':
      return (
        `${data.groups.length} ${data.groupNoun} groups (${list(data.groups.map((g) => g.name))}) ` +
        `with ${dataSize(data)} samples of ${data.valueLabel.toLowerCase()} in all.`
      );
    case 'points':
      return (
        `${data.series.length} series with ${dataSize(data)} points: ` +
        `${data.yLabel} against ${data.xLabel}.`
      );
    case 'graph':
      return (
        `${data.nodes.length} ${data.nodeNoun} nodes (${list(data.nodes)}) and ` +
        `${data.edges.length} ${data.directed ? 'directed' : 'undirected'} connections.`
      );
  }
}

function typeName(marks: ChartMarks): string {
  return findMinorChartType(marks.minor)?.name ?? marks.minor;
}

/** Turn 1 of Self-Instruct or Evol-Instruct: title, backstory and data, and the marks. */
export function planReply(marks: ChartMarks, parentSize: number | null = null): string {
  const { spec } = chartOf(marks, 0);
  const topic = TOPICS.find((t) => t.id === marks.topic)?.name ?? marks.topic;
  const lines = [`Title: ${spec.title}`];
  if (marks.evol !== null) {
    lines.push(`Direction: ${DIRECTION_TEXT[marks.evol.direction]}.`);
    if (parentSize !== null)
      lines.push(
        `The original shows ${parentSize} values; the new chart shows ${dataSize(spec.data)}.`,
      );
  }
  lines.push(
    `Backstory: a ${typeName(marks).toLowerCase()} chart for a ${topic.toLowerCase()} report, ` +
      `showing "${spec.title}" so a reader can compare the values at a glance.`,
    `Data: ${describeData(spec.data)}`,
    '',
    ...markLines(marks, ''),
  );
  return lines.join('\n');
}

function fenced(code: string): string {
  return `\`\`\`python\n${code.replace(/\n*$/, '')}\n\`\`\``;
}

/** Turn 2: prose and exactly one python block. */
export function writeReply(marks: ChartMarks, script: string): string {
  const intro =
    marks.evol === null
      ? `Here is the ${typeName(marks).toLowerCase()} chart of the plan. The data is written out ` +
        'in the script, which uses only matplotlib and numpy.'
      : `Here is the evolved chart (${DIRECTION_TEXT[marks.evol.direction]}), still a ` +
        `${typeName(marks).toLowerCase()} chart, drawn with matplotlib and numpy only.`;
  return `${intro}\n\n${fenced(script)}\n\nThe figure is drawn with plt.show() at the end.`;
}

/** A repair round: what went wrong, and the whole corrected script. */
export function repairReply(script: string): string {
  return (
    'The error comes from a name that does not match its definition (a typo). Here is the ' +
    `whole script with the name fixed:\n\n${fenced(script)}`
  );
}

/** A chart rating on the paper's 1–5 rubric. */
export function chartRatingReply(score: number): string {
  const reason =
    score >= 4
      ? 'Clear title, readable labels and legend; the data is easy to compare.'
      : 'Labels crowd each other and the legend hides part of the data.';
  return JSON.stringify({ score, reason });
}
