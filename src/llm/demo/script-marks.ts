// The marks the demo LLM leaves in what it writes, so that later calls (questions, answers,
// repairs, evolutions) can rebuild the same template chart from the prompt alone:
//   # template: seed=123 type=bar-stacked topic=environment-sustainability
//   # evol: direction=more-data parent-seed=456
// A script is these comment lines followed by the template recipe's code for that seed, type and
// topic, so `composeScript(readMarks(script))` gives the script back exactly (a repair is that).
import { MINOR_CHART_TYPES, type MinorChartType } from '../../core/chart-types.ts';
import { messageText, type PromptMessage } from '../../core/cit/prompts/task.ts';
import { EVOL_DIRECTIONS, type EvolDirection } from '../../core/cit/recipe.ts';
import { generateTemplateChart, type TemplateChart } from '../../core/template/index.ts';
import { TOPICS } from '../../core/topics.ts';

/** Which template chart a script (or a plan) is. */
export interface ChartMarks {
  seed: number;
  minor: MinorChartType;
  topic: string;
  /** Set on evolved scripts: the direction taken and the parent's template seed. */
  evol: { direction: EvolDirection; parentSeed: number } | null;
}

const TEMPLATE_MARK = /template: seed=(\d+) type=([\w-]+) topic=([\w-]+)/;
const EVOL_MARK = /evol: direction=([\w-]+) parent-seed=(\d+)/;
const PYTHON_BLOCK = /```(?:python|py)[^\n]*\n([\s\S]*?)```/g;

const MINOR_IDS: ReadonlySet<string> = new Set(MINOR_CHART_TYPES.map((type) => type.id));
const TOPIC_IDS: ReadonlySet<string> = new Set(TOPICS.map((topic) => topic.id));

export function isMinorChartType(value: unknown): value is MinorChartType {
  return typeof value === 'string' && MINOR_IDS.has(value);
}

/** A topic id from an id or a display name ("Healthcare"), or null. */
export function topicId(value: string): string | null {
  if (TOPIC_IDS.has(value)) return value;
  const wanted = value.trim().toLowerCase();
  return TOPICS.find((topic) => topic.name.toLowerCase() === wanted)?.id ?? null;
}

/** The marks found in a text (a script or a plan), or null when it has none. */
export function readMarks(text: string): ChartMarks | null {
  const template = TEMPLATE_MARK.exec(text);
  if (!template) return null;
  const [, seed, minor, topic] = template;
  if (!isMinorChartType(minor) || topic === undefined || !TOPIC_IDS.has(topic)) return null;
  const evol = EVOL_MARK.exec(text);
  const direction = evol?.[1] as EvolDirection | undefined;
  return {
    seed: Number(seed),
    minor,
    topic,
    evol:
      evol && direction !== undefined && EVOL_DIRECTIONS.includes(direction)
        ? { direction, parentSeed: Number(evol[2]) }
        : null,
  };
}

/** The mark lines as they head a script ('#' comments) or appear in a plan (no '#'). */
export function markLines(marks: ChartMarks, prefix = '# '): string[] {
  const lines = [`${prefix}template: seed=${marks.seed} type=${marks.minor} topic=${marks.topic}`];
  if (marks.evol !== null)
    lines.push(
      `${prefix}evol: direction=${marks.evol.direction} parent-seed=${marks.evol.parentSeed}`,
    );
  return lines;
}

/** The template chart the marks name (questionsPerKind: how many questions of each kind). */
export function chartOf(marks: ChartMarks, questionsPerKind = 4): TemplateChart {
  return generateTemplateChart(marks.seed, {
    chartTypes: [marks.minor],
    topics: [marks.topic],
    questionsPerKind,
  });
}

/** The whole script for the marks: mark comments, then the template recipe's code. */
export function composeScript(marks: ChartMarks): string {
  return `${markLines(marks).join('\n')}\n${chartOf(marks, 0).code}`;
}

/** The python blocks of a text, in order. */
export function pythonBlocks(text: string): string[] {
  return [...text.matchAll(PYTHON_BLOCK)].map((match) => match[1] ?? '');
}

/** The last python block of the last user message that has one, or null. */
export function codeInPrompt(messages: readonly PromptMessage[]): string | null {
  for (const message of [...messages].reverse()) {
    if (message.role !== 'user') continue;
    const blocks = pythonBlocks(messageText(message));
    if (blocks.length > 0) return blocks[blocks.length - 1] ?? null;
  }
  return null;
}

/** Marks of the latest assistant message that has some (the plan of a two-turn conversation). */
export function marksOfPlan(messages: readonly PromptMessage[]): ChartMarks | null {
  for (const message of [...messages].reverse()) {
    if (message.role !== 'assistant') continue;
    const marks = readMarks(messageText(message));
    if (marks !== null) return marks;
  }
  return null;
}
