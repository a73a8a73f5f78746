// Vision-rater prompts: the chart rating of METHOD.md §2, S5 (a strict 1–5 rubric: occlusion,
// clutter, missing legend, misleading scales, wrong type; kept if the mean ≥ the threshold) and the
// Q&A vote of S7 (yes/no on image + question + answer).
import type { MinorChartType } from '../../chart-types.ts';
import { chartTypeLabel } from './script-rules.ts';
import { taskLine, type PromptMessage } from './task.ts';

const CHART_RUBRIC = [
  'You are a strict reviewer of chart images for a training dataset. Score the chart from 1 to 5:',
  '5: clear and correct; every label, value and legend entry is readable, nothing overlaps, scales are honest, it is the intended chart type.',
  '4: good, with a small cosmetic flaw that hides no information.',
  '3: usable, with a noticeable problem (crowding, a small overlap, a cramped legend or labels).',
  '2: a serious problem: text or data occluded, clutter that hides values, no legend for several series, a misleading or unlabelled scale, or not the intended chart type.',
  '1: unreadable, blank or broken.',
  'Check in turn: occlusion, clutter, missing legend or labels, misleading scales, wrong chart type. When in doubt, give the lower score.',
].join('\n');

const QA_JUDGE =
  'You check exam questions about charts. Look at the chart image, then judge whether the question can be answered from the image alone and whether the given answer is correct.';

/** JSON Schema of the chart rating reply. */
export const CHART_RATING_SCHEMA = {
  type: 'object',
  properties: {
    score: { type: 'integer', enum: [1, 2, 3, 4, 5] },
    reason: { type: 'string' },
  },
  required: ['score', 'reason'],
  additionalProperties: false,
} as const;

/** JSON Schema of the Q&A vote reply. */
export const QA_RATING_SCHEMA = {
  type: 'object',
  properties: {
    vote: { type: 'string', enum: ['yes', 'no'] },
    reason: { type: 'string' },
  },
  required: ['vote', 'reason'],
  additionalProperties: false,
} as const;

/** The chart rating conversation: rubric, then the image and the intended type. */
export function chartRatingPrompt(input: {
  imageDataUrl: string;
  minor: MinorChartType;
}): PromptMessage[] {
  const text = [
    `The chart is meant to be a ${chartTypeLabel(input.minor)} chart.`,
    'Reply with JSON only: {"score": <1-5>, "reason": "<one sentence>"}',
    taskLine({ task: 'rate.chart', minor: input.minor }),
  ].join('\n');
  return [
    { role: 'system', content: CHART_RUBRIC },
    {
      role: 'user',
      content: [
        { type: 'image', dataUrl: input.imageDataUrl },
        { type: 'text', text },
      ],
    },
  ];
}

/** The Q&A vote conversation: the image, the question and the answer to judge. */
export function qaRatingPrompt(input: {
  imageDataUrl: string;
  question: string;
  answer: string;
}): PromptMessage[] {
  const text = [
    `Question: ${input.question.trim()}`,
    `Answer: ${input.answer.trim()}`,
    'Vote "yes" if the question can be answered from this chart and the answer is correct (allow small differences for values estimated from an axis); vote "no" otherwise.',
    'Reply with JSON only: {"vote": "yes" or "no", "reason": "<one sentence>"}',
    taskLine({ task: 'rate.qa' }),
  ].join('\n');
  return [
    { role: 'system', content: QA_JUDGE },
    {
      role: 'user',
      content: [
        { type: 'image', dataUrl: input.imageDataUrl },
        { type: 'text', text },
      ],
    },
  ];
}
