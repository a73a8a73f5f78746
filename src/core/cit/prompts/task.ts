// Every prompt the CIT pipeline sends ends its last user message with one machine-readable task
// line, e.g.
//   [cit-task] {"task":"self-instruct.write","minor":"bar-stacked"}
// A real model reads it as a harmless footer; the template-backed fake LLM (src/llm/demo) and
// the tests read it to know what is being asked without parsing prose. The pipeline never trusts
// a reply because of it: every reply is parsed and checked as if a stranger wrote it.
import type { MinorChartType } from '../../chart-types.ts';
import type { QaKind } from '../../dataset/records.ts';
import type { EvolDirection } from '../recipe.ts';

export type CitTask =
  | 'self-instruct.plan'
  | 'self-instruct.write'
  | 'evol.plan'
  | 'evol.write'
  | 'repair'
  | 'qa.questions'
  | 'qa.answer'
  | 'rate.chart'
  | 'rate.qa';

export const CIT_TASKS: readonly CitTask[] = [
  'self-instruct.plan',
  'self-instruct.write',
  'evol.plan',
  'evol.write',
  'repair',
  'qa.questions',
  'qa.answer',
  'rate.chart',
  'rate.qa',
];

/** What a prompt asks for, as carried by its task line. */
export interface TaskInfo {
  task: CitTask;
  /** Target minor chart type (self-instruct, evol, repair). */
  minor?: MinorChartType;
  topics?: string[];
  direction?: EvolDirection;
  /** Q&A kind (qa.questions, qa.answer, rate.qa). */
  kind?: QaKind;
  /** Number of questions asked for (qa.questions). */
  count?: number;
  /** Index of the question being answered within its chart and kind (qa.answer). */
  questionIndex?: number;
}

export const TASK_LINE_PREFIX = '[cit-task] ';

/** The task line appended to a prompt's last user message. */
export function taskLine(info: TaskInfo): string {
  return `${TASK_LINE_PREFIX}${JSON.stringify(info)}`;
}

/** A message as the prompt builders produce it (core does not know the llm layer's types). */
export interface PromptMessage {
  role: 'system' | 'user' | 'assistant';
  content:
    string | readonly ({ type: 'text'; text: string } | { type: 'image'; dataUrl: string })[];
}

export function messageText(message: PromptMessage): string {
  if (typeof message.content === 'string') return message.content;
  return message.content
    .map((part) => (part.type === 'text' ? part.text : ''))
    .filter(Boolean)
    .join('\n');
}

/** The task of a conversation: the task line of its last user message, or null. */
export function readTask(messages: readonly PromptMessage[]): TaskInfo | null {
  const last = [...messages].reverse().find((message) => message.role === 'user');
  if (!last) return null;
  const lines = messageText(last).split('\n');
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = lines[i]?.trim() ?? '';
    if (!line.startsWith(TASK_LINE_PREFIX)) continue;
    try {
      const value: unknown = JSON.parse(line.slice(TASK_LINE_PREFIX.length));
      if (
        value !== null &&
        typeof value === 'object' &&
        CIT_TASKS.includes((value as { task?: CitTask }).task as CitTask)
      )
        return value as TaskInfo;
    } catch {
      return null;
    }
    return null;
  }
  return null;
}
