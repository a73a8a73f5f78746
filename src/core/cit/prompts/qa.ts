// Q&A prompts (METHOD.md §2, S6, and §3): one call writes N questions of one kind from the script;
// one call per question writes a hidden analysis, the step-by-step answer a student would give
// from the figure alone, a concise typed answer and an answer program that recomputes it.
// Recognition is framed as an elementary chart-reading exam, reasoning as a college-entrance
// maths exam, as in the paper.
import type { MinorChartType } from '../../chart-types.ts';
import type { QaKind } from '../../dataset/records.ts';
import { chartTypeLabel, fencedPython } from './script-rules.ts';
import { taskLine, type PromptMessage } from './task.ts';

const EXAM: Record<QaKind, string> = {
  recognition:
    'You set questions for an elementary-school chart-reading exam. Pupils see only the chart image. You also have the Python script that drew it, so you know every exact value.',
  reasoning:
    'You set questions for a college-entrance mathematics exam built on charts. Candidates see only the chart image. You also have the Python script that drew it, so you know every exact value.',
};

const WHAT_TO_ASK: Record<QaKind, string> = {
  recognition:
    'Each question reads something directly off the chart: a value of a bar, point or slice, a label, which series has a colour or legend entry, the largest or smallest item, how many items there are.',
  reasoning:
    'Each question needs several steps: read two or more values, then compute (difference, ratio, percentage change, sum, average, rank, share of a total, comparison with a threshold, trend over a period) and conclude.',
};

/** JSON Schema of the questions reply (strict-mode compatible). */
export const QUESTIONS_SCHEMA = {
  type: 'object',
  properties: { questions: { type: 'array', items: { type: 'string' } } },
  required: ['questions'],
  additionalProperties: false,
} as const;

/** JSON Schema of the answer reply (strict-mode compatible: unit and ordered may be null). */
export const ANSWER_SCHEMA = {
  type: 'object',
  properties: {
    analysis: { type: 'string' },
    steps: { type: 'array', items: { type: 'string' } },
    answer: {
      type: 'object',
      properties: {
        type: { type: 'string', enum: ['number', 'year', 'category', 'boolean', 'list'] },
        value: {
          anyOf: [
            { type: 'number' },
            { type: 'string' },
            { type: 'boolean' },
            { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } },
          ],
        },
        unit: { type: ['string', 'null'] },
        ordered: { type: ['boolean', 'null'] },
      },
      required: ['type', 'value', 'unit', 'ordered'],
      additionalProperties: false,
    },
    program: { type: 'string' },
  },
  required: ['analysis', 'steps', 'answer', 'program'],
  additionalProperties: false,
} as const;

function chartContext(code: string, factsSummary: string, minor?: MinorChartType): string[] {
  const kind = minor ? `${chartTypeLabel(minor)} chart` : 'chart';
  return [
    `The ${kind} was drawn by this script:`,
    fencedPython(code),
    '',
    'What the rendered figure visibly shows (read back from the image):',
    factsSummary.trim() || '(nothing was read back)',
  ];
}

export interface QuestionsInput {
  code: string;
  kind: QaKind;
  count: number;
  minor: MinorChartType;
  /** summarizeFacts() of the rendered figure. */
  factsSummary: string;
}

/** The question-writing conversation for one chart and kind. */
export function questionsPrompt(input: QuestionsInput): PromptMessage[] {
  const user = [
    ...chartContext(input.code, input.factsSummary, input.minor),
    '',
    `Write ${input.count} ${input.kind} questions about this chart.`,
    WHAT_TO_ASK[input.kind],
    'Rules:',
    '- Answerable from the picture alone: use only names and labels visible in the figure (listed above); never mention the code, the script or variables.',
    '- Each has one unambiguous, concise answer: a number (with unit), a year, a category name, yes/no, or a short list.',
    '- Ask for values a reader can see exactly (data labels, tick marks) or estimate without doubt.',
    `- The ${input.count} questions ask different things.`,
    'Reply with JSON only: {"questions": ["...", "..."]}',
    taskLine({ task: 'qa.questions', kind: input.kind, count: input.count, minor: input.minor }),
  ].join('\n');
  return [
    { role: 'system', content: EXAM[input.kind] },
    { role: 'user', content: user },
  ];
}

export interface AnswerInput {
  code: string;
  kind: QaKind;
  question: string;
  /** Index of the question within its chart and kind. */
  questionIndex: number;
  factsSummary: string;
}

const ANSWER_FIELDS = [
  'Reply with JSON only, with these fields:',
  '- "analysis": your private working: the values the question needs, exactly as in the script, and the calculation.',
  '- "steps": the model answer a student writes, as a list of short steps: read the values from the chart (name the bars, points, labels, legend entries or ticks), compute, conclude. The student sees only the figure: steps never mention code, a script, variables, arrays or Python.',
  '- "answer": the concise final answer, one of:',
  '  {"type": "number", "value": 12.5, "unit": "%"}   (value a plain JSON number, rounded as in the steps; unit may be null)',
  '  {"type": "year", "value": 2019}',
  '  {"type": "category", "value": "<a name exactly as written in the chart>"}',
  '  {"type": "boolean", "value": true}   (yes is true, no is false)',
  '  {"type": "list", "value": ["A", "B"], "ordered": true}   (ordered: whether the order matters)',
  '  "unit" and "ordered" may be null where they do not apply.',
  '- "program": Python that recomputes the answer from the script\'s variables (all defined) and `facts`, a dict of what was drawn (facts["axes"][i] has "title", "xticklabels", "yticklabels", "legend", "series" with "label", "x", "y"); `np` and `math` are available. Assign the exact, unrounded result to `answer` (a number, an int year, a string, a bool or a list). Do not import, draw or print.',
];

/** The answer conversation for one question. */
export function answerPrompt(input: AnswerInput): PromptMessage[] {
  const user = [
    ...chartContext(input.code, input.factsSummary),
    '',
    `Question: ${input.question.replace(/\s+/g, ' ').trim()}`,
    '',
    ...ANSWER_FIELDS,
    taskLine({ task: 'qa.answer', kind: input.kind, questionIndex: input.questionIndex }),
  ].join('\n');
  return [
    { role: 'system', content: `${EXAM[input.kind]} Now you write the model answer.` },
    { role: 'user', content: user },
  ];
}
