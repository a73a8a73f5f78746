// The demo LLM's Q&A replies: questions of one kind as JSON, and answers (analysis, steps, typed
// final answer, answer program) taken from the template recipe's questions of the same chart;
// optionally a wrong final answer (the program stays right, so verification must catch it) and a
// near-duplicate question (dedup must catch it). Also the Q&A raters' vote.
import type { TypedAnswer } from '../../core/answer-compare.ts';
import type { QaKind } from '../../core/dataset/records.ts';
import type { TemplateChart, TemplateQuestion } from '../../core/template/index.ts';

/** The answer object of a qa.answer reply. */
export interface AnswerObject {
  type: 'number' | 'year' | 'category' | 'boolean' | 'list';
  value: number | string | boolean | (string | number)[];
  unit?: string;
  /** Lists: whether the order matters. */
  ordered?: boolean;
}

export interface AnswerReply {
  analysis: string;
  steps: string[];
  answer: AnswerObject;
  program: string;
}

/** The template's typed answer as the reply states it (type, value and unit when there is one). */
export function toAnswerObject(answer: TypedAnswer): AnswerObject {
  if (answer.type === 'number' && answer.unit !== undefined && answer.unit !== '')
    return { type: 'number', value: answer.value, unit: answer.unit };
  if (answer.type === 'list') return { type: 'list', value: answer.value, ordered: answer.ordered };
  return { type: answer.type, value: answer.value };
}

export function questionsOfKind(chart: TemplateChart, kind: QaKind): TemplateQuestion[] {
  return chart.questions.filter((question) => question.kind === kind);
}

/** Same question with other words around it: ROUGE-L well above 0.7 with the original. */
export function nearDuplicate(question: string): string {
  return `Looking at the chart, ${question.charAt(0).toLowerCase()}${question.slice(1)}`;
}

/** JSON {"questions": [...]}; with `duplicate`, the last question repeats the first, reworded. */
export function questionsReply(questions: readonly TemplateQuestion[], duplicate: boolean): string {
  const texts = questions.map((question) => question.question);
  if (duplicate && texts.length > 0) {
    const copy = nearDuplicate(texts[0] ?? '');
    if (texts.length >= 2) texts[texts.length - 1] = copy;
    else texts.push(copy);
  }
  return JSON.stringify({ questions: texts });
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function overlap(a: string, b: string): number {
  const left = new Set(words(a));
  const right = new Set(words(b));
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return shared / Math.max(1, left.size + right.size - shared);
}

/** The template question asked (best word overlap; the index breaks ties and covers no match). */
export function findQuestion(
  pool: readonly TemplateQuestion[],
  asked: string | null,
  index: number | undefined,
): TemplateQuestion | null {
  const byIndex = index !== undefined ? pool[index] : undefined;
  if (asked === null) return byIndex ?? pool[0] ?? null;
  let best: TemplateQuestion | null = byIndex ?? pool[0] ?? null;
  let bestScore = best === null ? -1 : overlap(best.question, asked);
  for (const question of pool) {
    const score = overlap(question.question, asked);
    if (score > bestScore) {
      best = question;
      bestScore = score;
    }
  }
  return best;
}

/** Lists of names a chart shows (categories, series, groups, nodes): wrong names come from these. */
function nameLists(chart: TemplateChart): string[][] {
  const data = chart.spec.data;
  switch (data.kind) {
    case 'categorical':
      return [data.categories, data.series.map((series) => series.name)];
    case 'distribution':
      return [data.groups.map((group) => group.name)];
    case 'points':
      return [data.series.map((series) => series.name)];
    case 'graph':
      return [data.nodes];
  }
}

function roundLike(value: number, like: number): number {
  const decimals = Math.min(6, (String(like).split('.')[1] ?? '').length);
  return Number(value.toFixed(decimals));
}

/** A plausible but wrong answer of the same type (never equal to the right one). */
export function wrongAnswer(answer: TypedAnswer, chart: TemplateChart): TypedAnswer {
  switch (answer.type) {
    case 'number': {
      const step = Number.isInteger(answer.value)
        ? Math.max(1, Math.round(Math.abs(answer.value) * 0.2))
        : Math.max(0.5, Math.abs(answer.value) * 0.2);
      return { ...answer, value: roundLike(answer.value + step, answer.value) };
    }
    case 'year':
      return { ...answer, value: answer.value + 1 };
    case 'boolean':
      return { ...answer, value: !answer.value };
    case 'category': {
      const same = (name: string) =>
        name.trim().toLowerCase() === answer.value.trim().toLowerCase();
      // Another name of the same list (another category for a category...), else any other name.
      const lists = nameLists(chart);
      const home = lists.find((names) => names.some(same)) ?? lists.flat();
      const other = home.find((name) => !same(name)) ?? lists.flat().find((name) => !same(name));
      return { ...answer, value: other ?? `not ${answer.value}` };
    }
    case 'list': {
      const rotated = [...answer.value.slice(1), ...answer.value.slice(0, 1)];
      const changed = rotated.some((value, i) => value !== answer.value[i]);
      return { ...answer, value: changed ? rotated : answer.value.slice(0, -1) };
    }
  }
}

/** The answer reply for a template question; `wrong` states a wrong final answer. */
export function answerReply(
  question: TemplateQuestion,
  chart: TemplateChart,
  wrong: boolean,
): AnswerReply {
  const stated = wrong ? wrongAnswer(question.answer, chart) : question.answer;
  return {
    analysis:
      `A ${question.kind} question about "${chart.spec.title}", answered from what the chart ` +
      `shows in ${question.steps.length} step${question.steps.length === 1 ? '' : 's'}.`,
    steps: [...question.steps],
    answer: toAnswerObject(stated),
    program: question.program,
  };
}

/** A Q&A rater's vote. */
export function qaVoteReply(): string {
  return JSON.stringify({
    vote: 'yes',
    reason: 'The question can be answered from the chart and the answer follows from it.',
  });
}
