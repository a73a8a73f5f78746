// Evol-Instruct prompts (METHOD.md §2, S2): one conversation of two turns on a chart that
// rendered. Turn 1 analyses the script and proposes changes along ONE of the 4 directions;
// turn 2 writes the new script, with the runtime and the type's plotting notes.
import type { MinorChartType } from '../../chart-types.ts';
import type { EvolDirection } from '../recipe.ts';
import { runtimeVersions, type RuntimeFacts } from './runtime.ts';
import {
  CODE_WRITER_SYSTEM,
  chartTypeLabel,
  codeReplyRule,
  fencedPython,
  writingGuide,
} from './script-rules.ts';
import { taskLine, type PromptMessage } from './task.ts';

/** What each direction asks for, in the words the prompt uses. */
export const DIRECTION_TEXT: Record<EvolDirection, string> = {
  'more-data':
    'More data: add series, categories or time points (about one and a half to two times as many values), or split values into finer parts, so that questions need more reading and combining.',
  'more-visual-elements':
    'More visual elements: add meaningful elements such as annotations of key points, reference or threshold lines, shaded periods, data labels, error bars or varied markers, without cluttering the chart.',
  'overlay-chart-type':
    'Overlay another chart type: draw a second chart type with related data on the same axes or a twin axis (ax.twinx() when the units differ), e.g. a line of a rate over bars of counts.',
  'add-subplot':
    'Add a subplot: put a second panel of a different chart type beside or below the original (plt.subplots(1, 2) or (2, 1)), showing related data that complements it.',
};

export interface EvolPlanInput {
  /** The script of the chart being evolved. */
  code: string;
  /** The parent's minor type; the evolved chart keeps it as its main chart. */
  minor: MinorChartType;
  direction: EvolDirection;
  runtime: RuntimeFacts;
}

/** Turn 1: system message and the request to analyse and plan. */
export function evolPlan(input: EvolPlanInput): PromptMessage[] {
  const user = [
    `Here is the script of a ${chartTypeLabel(input.minor)} chart:`,
    fencedPython(input.code),
    '',
    'Make a richer, harder version of this chart, along this direction:',
    DIRECTION_TEXT[input.direction],
    '',
    'Do not write code yet. Reply with:',
    '1. Analysis: two or three sentences on what the chart shows and what a reader can work out from it.',
    `2. Changes: the new title, every new or changed number (with names and units) and the new visual elements. Keep the subject, and keep the ${chartTypeLabel(input.minor)} chart as the main chart.`,
    `The script will run on ${runtimeVersions(input.runtime)}.`,
    taskLine({ task: 'evol.plan', minor: input.minor, direction: input.direction }),
  ].join('\n');
  return [
    { role: 'system', content: CODE_WRITER_SYSTEM },
    { role: 'user', content: user },
  ];
}

export interface EvolWriteInput {
  minor: MinorChartType;
  direction: EvolDirection;
  runtime: RuntimeFacts;
  codeLines: { min: number; max: number };
}

/** Turn 2: the user message asking for the evolved script (sent after the plan reply). */
export function evolWrite(input: EvolWriteInput): PromptMessage {
  const content = [
    'Now write the complete new script with all the changes you proposed (the whole script, not a diff).',
    `Direction: ${DIRECTION_TEXT[input.direction]}`,
    '',
    writingGuide(input.minor, input.runtime),
    '',
    codeReplyRule(input.codeLines),
    taskLine({ task: 'evol.write', minor: input.minor, direction: input.direction }),
  ].join('\n');
  return { role: 'user', content };
}
