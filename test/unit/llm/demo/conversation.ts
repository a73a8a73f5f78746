// Prompts shaped like the CIT pipeline's (task line last; code in a ```python block; the question
// on a "Question: " line), and reading the demo LLM's replies back, for the demo LLM's tests.
import type { TypedAnswer } from '../../../../src/core/answer-compare.ts';
import type { MinorChartType } from '../../../../src/core/chart-types.ts';
import {
  taskLine,
  type PromptMessage,
  type TaskInfo,
} from '../../../../src/core/cit/prompts/task.ts';
import type { EvolDirection } from '../../../../src/core/cit/recipe.ts';
import type { QaKind } from '../../../../src/core/dataset/records.ts';
import type { CitResponder } from '../../../../src/llm/demo/index.ts';

/** A text message (fits both the prompt builders' and the providers' message types). */
export interface TextMessage {
  role: 'user' | 'assistant';
  content: string;
}

export const user = (text: string, task?: TaskInfo): TextMessage => ({
  role: 'user',
  content: task === undefined ? text : `${text}\n\n${taskLine(task)}`,
});
export const assistant = (text: string): TextMessage => ({ role: 'assistant', content: text });
const fence = (code: string) => `\`\`\`python\n${code}\n\`\`\``;

/** The python blocks of a reply. */
export function codeBlocks(reply: string): string[] {
  return [...reply.matchAll(/```python\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

/** The one python block of a reply (throws when there is not exactly one). */
export function onlyCode(reply: string): string {
  const blocks = codeBlocks(reply);
  if (blocks.length !== 1) throw new Error(`expected one python block, got ${blocks.length}`);
  return blocks[0] ?? '';
}

/** Self-Instruct: plan then write, in one conversation; returns both replies. */
export function selfInstruct(
  respond: CitResponder,
  minor: MinorChartType,
  topics: string[] = ['healthcare', 'Education'],
): { plan: string; reply: string; code: string } {
  const system: PromptMessage = { role: 'system', content: 'You write matplotlib charts.' };
  const first = user('Plan a chart: title, backstory, data.', {
    task: 'self-instruct.plan',
    minor,
    topics,
  });
  const plan = respond([system, first]);
  const reply = respond([
    system,
    first,
    assistant(plan),
    user('Now write the script.', { task: 'self-instruct.write', minor }),
  ]);
  return { plan, reply, code: onlyCode(reply) };
}

/** Evol-Instruct: plan then write on a parent script. */
export function evolve(
  respond: CitResponder,
  parent: string,
  direction: EvolDirection,
  minor?: MinorChartType,
): { plan: string; reply: string; code: string } {
  const first = user(`Evolve this chart.\n${fence(parent)}`, {
    task: 'evol.plan',
    direction,
    ...(minor ? { minor } : {}),
  });
  const plan = respond([first]);
  const reply = respond([
    first,
    assistant(plan),
    user('Write the evolved script.', {
      task: 'evol.write',
      direction,
      ...(minor ? { minor } : {}),
    }),
  ]);
  return { plan, reply, code: onlyCode(reply) };
}

export function repair(respond: CitResponder, code: string, error: string): string {
  return respond([
    user(`This script fails.\n${fence(code)}\nError: ${error}`, {
      task: 'repair',
    }),
  ]);
}

export function askQuestions(respond: CitResponder, code: string, kind: QaKind, count = 4): string {
  return respond([user(`Write questions.\n${fence(code)}`, { task: 'qa.questions', kind, count })]);
}

export function askAnswer(
  respond: CitResponder,
  code: string,
  kind: QaKind,
  question: string,
  questionIndex: number,
): string {
  return respond([
    user(`Answer about this chart.\n${fence(code)}\nQuestion: ${question}`, {
      task: 'qa.answer',
      kind,
      questionIndex,
    }),
  ]);
}

export interface StatedAnswer {
  type: 'number' | 'year' | 'category' | 'boolean' | 'list';
  value: unknown;
  unit?: string;
}

/** Decimals written in a number (1.25 → 2). */
function decimals(value: number): number {
  return (String(value).split('.')[1] ?? '').length;
}

/**
 * A reply's answer object as a TypedAnswer: numbers match within half a unit of their last
 * written decimal, lists are ordered (as a reader takes "from highest to lowest").
 */
export function typedAnswerOf(answer: StatedAnswer): TypedAnswer {
  switch (answer.type) {
    case 'number':
      return {
        type: 'number',
        value: answer.value as number,
        tolerance: { absolute: 0.5 * 10 ** -decimals(answer.value as number) + 1e-9 },
      };
    case 'year':
      return { type: 'year', value: answer.value as number };
    case 'category':
      return { type: 'category', value: answer.value as string };
    case 'boolean':
      return { type: 'boolean', value: answer.value as boolean };
    case 'list':
      return { type: 'list', value: answer.value as (string | number)[], ordered: true };
  }
}
