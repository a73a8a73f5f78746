// The template-backed fake LLM (issue 5, item 14): answers every request of the CIT pipeline with
// plausible content built from the template recipe, so a whole CIT run works with no model and no
// network. It reads only the prompt's task line (src/core/cit/prompts/task.ts), the python blocks
// of the prompt, the `Question: ` line and its own marks (script-marks.ts), and it can be told to
// misbehave on a schedule: broken code, wrong answers, duplicate scripts and questions, low scores.
//
// "Every Nth" counts the calls of each task separately, from 1 (N, 2N, 3N... misbehave), so a
// test knows which reply is which. Same options and same call order → same replies.
import {
  readTask,
  messageText,
  type CitTask,
  type PromptMessage,
  type TaskInfo,
} from '../../core/cit/prompts/task.ts';
import type { MinorChartType } from '../../core/chart-types.ts';
import { TEMPLATE_CHART_TYPES } from '../../core/template/index.ts';
import { TOPICS } from '../../core/topics.ts';
import { breakScript } from './break-code.ts';
import { chartRatingReply, dataSize, planReply, repairReply, writeReply } from './chart-replies.ts';
import {
  answerReply,
  findQuestion,
  qaVoteReply,
  questionsOfKind,
  questionsReply,
} from './qa-replies.ts';
import {
  chartOf,
  codeInPrompt,
  composeScript,
  isMinorChartType,
  marksOfPlan,
  readMarks,
  topicId,
  type ChartMarks,
} from './script-marks.ts';

export interface CitFakeOptions {
  /** Varies every seed the fake picks (default 1). */
  seed?: number;
  /** Every Nth write reply (per task) has a NameError that the repair reply fixes. */
  brokenCodeEvery?: number;
  /** Every Nth qa.answer reply states a wrong final answer (its program stays right). */
  wrongAnswerEvery?: number;
  /** Every Nth write reply (per task) repeats an earlier script exactly. */
  duplicateEvery?: number;
  /** Every Nth qa.questions reply repeats one question, reworded (a near-duplicate). */
  duplicateQuestionEvery?: number;
  /** Every Nth rate.chart reply scores 2. */
  lowScoreEvery?: number;
}

export type CitResponder = (messages: readonly PromptMessage[]) => string;

export const NO_TASK_REPLY =
  'Hello! I am the demo model of CIT Studio: I answer only the requests of the CIT pipeline, ' +
  'and this one does not say which task it is, so I have nothing useful to add.';

/** FNV-1a of a text: stable 32-bit seeds from the options, the task and the call number. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193);
  return value >>> 0;
}

/** Questions of each kind a chart should offer (the recipe's default per kind). */
const WANTED_PER_KIND = 4;
const FULL_SCORE = 2 * WANTED_PER_KIND;

/** How well a chart's questions cover both kinds: min(recognition, 4) + min(reasoning, 4). */
function questionScore(marks: ChartMarks): number {
  const chart = chartOf(marks, WANTED_PER_KIND);
  return (['recognition', 'reasoning'] as const).reduce(
    (sum, kind) => sum + Math.min(WANTED_PER_KIND, questionsOfKind(chart, kind).length),
    0,
  );
}

const every = (n: number, period: number | undefined): boolean =>
  period !== undefined && Number.isInteger(period) && period > 0 && n % period === 0;

/** What the last user message quotes after "Question: ". */
function askedQuestion(messages: readonly PromptMessage[]): string | null {
  const last = [...messages].reverse().find((message) => message.role === 'user');
  if (!last) return null;
  const line = messageText(last)
    .split('\n')
    .find((text) => text.trim().startsWith('Question: '));
  return line === undefined ? null : line.trim().slice('Question: '.length).trim();
}

export function createCitResponder(options: CitFakeOptions = {}): CitResponder {
  const counters = new Map<CitTask, number>();
  /** Clean scripts written so far (duplicates repeat one of these). */
  const written: { minor: MinorChartType; script: string }[] = [];
  const seedOf = (...parts: (string | number)[]): number =>
    hash([options.seed ?? 1, ...parts].join('|'));

  /** Seeds tried per chart: the first whose chart asks enough questions of both kinds wins. */
  const TRIES = 8;

  function freshMarks(task: TaskInfo, n: number, salt = ''): ChartMarks {
    const asked = (task.topics ?? []).map(topicId).filter((id): id is string => id !== null);
    const topics = asked.length > 0 ? asked : TOPICS.map((topic) => topic.id);
    const topic = topics[seedOf('topic', task.task, n, salt) % topics.length] as string;
    const first = seedOf(task.task, n, salt);
    const minor = isMinorChartType(task.minor)
      ? task.minor
      : (TEMPLATE_CHART_TYPES[first % TEMPLATE_CHART_TYPES.length] as MinorChartType);
    let best: { marks: ChartMarks; score: number } | null = null;
    for (let k = 0; k < TRIES; k++) {
      const marks: ChartMarks = {
        seed: k === 0 ? first : seedOf(task.task, n, salt, k),
        minor,
        topic,
        evol: null,
      };
      const score = questionScore(marks);
      if (score >= FULL_SCORE) return marks;
      if (best === null || score > best.score) best = { marks, score };
    }
    return (best as { marks: ChartMarks }).marks;
  }

  /** Marks of the script a prompt quotes; a script without marks gets a chart from its hash. */
  function marksOfCode(task: TaskInfo, code: string | null): ChartMarks {
    return (code !== null ? readMarks(code) : null) ?? freshMarks(task, 0, code ?? '');
  }

  /**
   * Evol turn 1's choice: same type and topic, another seed whose chart differs from the parent,
   * preferably with more data and enough questions.
   */
  function evolMarks(task: TaskInfo, n: number, parent: ChartMarks, salt: string): ChartMarks {
    const parentSize = dataSize(chartOf(parent, 0).spec.data);
    const parentCode = composeScript({ ...parent, evol: null });
    const minor = isMinorChartType(task.minor) ? task.minor : parent.minor;
    const evol = { direction: task.direction ?? 'more-data', parentSeed: parent.seed } as const;
    let best: { marks: ChartMarks; rank: number } | null = null;
    for (let k = 0; k < 3 * TRIES; k++) {
      const marks: ChartMarks = {
        ...parent,
        minor,
        seed: seedOf('evol', n, salt, parent.seed, k),
        evol,
      };
      if (marks.seed === parent.seed) continue;
      const chart = chartOf(marks, 0);
      if (chart.code === parentCode) continue;
      const rank =
        (dataSize(chart.spec.data) > parentSize ? FULL_SCORE + 1 : 0) + questionScore(marks);
      if (rank >= 2 * FULL_SCORE + 1) return marks;
      if (best === null || rank > best.rank) best = { marks, rank };
    }
    return best?.marks ?? { ...parent, minor, seed: (parent.seed + 1) >>> 0, evol };
  }

  function write(marks: ChartMarks, n: number): string {
    let script = composeScript(marks);
    if (every(n, options.duplicateEvery)) {
      const earlier = [...written].reverse();
      const copy = earlier.find((entry) => entry.minor === marks.minor) ?? earlier[0];
      if (copy !== undefined) script = copy.script;
    }
    if (!written.some((entry) => entry.script === script))
      written.push({ minor: marks.minor, script });
    if (every(n, options.brokenCodeEvery)) script = breakScript(script).code;
    return writeReply(marks, script);
  }

  function respond(task: TaskInfo, n: number, messages: readonly PromptMessage[]): string {
    // Seeds depend on the prompt too: different prompts get different charts even when a new
    // responder (fresh counters) serves each call.
    const prompt = String(hash(messages.map(messageText).join('\n')));
    switch (task.task) {
      case 'self-instruct.plan':
        return planReply(freshMarks(task, n, prompt));
      case 'self-instruct.write':
        return write(marksOfPlan(messages) ?? freshMarks(task, n, prompt), n);
      case 'evol.plan': {
        const parent = marksOfCode(task, codeInPrompt(messages));
        const parentSize = dataSize(chartOf(parent, 0).spec.data);
        return planReply(evolMarks(task, n, parent, prompt), parentSize);
      }
      case 'evol.write': {
        const planned = marksOfPlan(messages);
        const marks =
          planned?.evol != null
            ? planned
            : evolMarks(task, n, marksOfCode(task, codeInPrompt(messages)), prompt);
        return write(marks, n);
      }
      case 'repair':
        return repairReply(composeScript(marksOfCode(task, codeInPrompt(messages))));
      case 'qa.questions': {
        const count = Math.max(1, task.count ?? 4);
        const chart = chartOf(marksOfCode(task, codeInPrompt(messages)), count);
        const questions = questionsOfKind(chart, task.kind ?? 'recognition').slice(0, count);
        return questionsReply(questions, every(n, options.duplicateQuestionEvery));
      }
      case 'qa.answer': {
        const perKind = Math.max(12, (task.questionIndex ?? 0) + 1);
        const chart = chartOf(marksOfCode(task, codeInPrompt(messages)), perKind);
        const ofKind = questionsOfKind(chart, task.kind ?? 'recognition');
        const pool = ofKind.length > 0 ? ofKind : chart.questions;
        const question = findQuestion(pool, askedQuestion(messages), task.questionIndex);
        if (question === null)
          return JSON.stringify({
            analysis: 'The chart gives no way to answer this question.',
            steps: ['The chart does not show what the question asks about.'],
            answer: { type: 'category', value: 'unknown' },
            program: 'answer = None',
          });
        return JSON.stringify(answerReply(question, chart, every(n, options.wrongAnswerEvery)));
      }
      case 'rate.chart':
        return chartRatingReply(every(n, options.lowScoreEvery) ? 2 : n % 2 === 0 ? 4 : 5);
      case 'rate.qa':
        return qaVoteReply();
    }
  }

  return (messages) => {
    const task = readTask(messages);
    if (task === null) return NO_TASK_REPLY;
    const n = (counters.get(task.task) ?? 0) + 1;
    counters.set(task.task, n);
    return respond(task, n, messages);
  };
}
