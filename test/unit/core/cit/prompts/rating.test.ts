import { describe, expect, it } from 'vitest';
import {
  CHART_RATING_SCHEMA,
  chartRatingPrompt,
  QA_RATING_SCHEMA,
  qaRatingPrompt,
} from '../../../../../src/core/cit/prompts/rating.ts';
import { readTask, type PromptMessage } from '../../../../../src/core/cit/prompts/task.ts';
import { parseChartRating, parseQaVote } from '../../../../../src/core/cit/parse/qa-replies.ts';
import { validateJson } from '../../../../../src/llm/structured.ts';
import { allText } from './helpers.ts';

const IMAGE = 'data:image/png;base64,iVBORw0KGgo=';

function imagesOf(messages: PromptMessage[]): string[] {
  return messages.flatMap((message) =>
    typeof message.content === 'string'
      ? []
      : message.content.flatMap((part) => (part.type === 'image' ? [part.dataUrl] : [])),
  );
}

describe('chartRatingPrompt', () => {
  const prompt = chartRatingPrompt({ imageDataUrl: IMAGE, minor: 'scatter-bubble' });

  it('sends the image once with the strict rubric and the intended type', () => {
    expect(imagesOf(prompt)).toEqual([IMAGE]);
    const text = allText(prompt);
    for (const point of ['occlu', 'clutter', 'legend', 'misleading', 'chart type'])
      expect(text).toMatch(new RegExp(point, 'i'));
    expect(text).toMatch(/1 to 5/);
    expect(text).toContain('3D / bubble scatter (scatter-bubble)');
    expect(readTask(prompt)).toEqual({ task: 'rate.chart', minor: 'scatter-bubble' });
  });

  it('has a schema that a valid reply meets and the parser accepts', () => {
    expect(validateJson({ score: 4, reason: 'fine' }, CHART_RATING_SCHEMA)).toEqual([]);
    expect(validateJson({ score: 6, reason: 'x' }, CHART_RATING_SCHEMA)).not.toEqual([]);
    expect(parseChartRating('{"score": 4, "reason": "fine"}')).toEqual({
      ok: true,
      score: 4,
      reason: 'fine',
    });
  });
});

describe('qaRatingPrompt', () => {
  const prompt = qaRatingPrompt({
    imageDataUrl: IMAGE,
    question: 'Which is larger?',
    answer: 'South (5 vs 3)',
  });

  it('sends the image, the question and the answer, and asks for a yes/no vote', () => {
    expect(imagesOf(prompt)).toEqual([IMAGE]);
    const text = allText(prompt);
    expect(text).toContain('Question: Which is larger?');
    expect(text).toContain('Answer: South (5 vs 3)');
    expect(text).toMatch(/"vote": "yes" or "no"/);
    expect(readTask(prompt)).toEqual({ task: 'rate.qa' });
  });

  it('has a schema that a valid reply meets and the parser accepts', () => {
    expect(validateJson({ vote: 'no', reason: 'wrong' }, QA_RATING_SCHEMA)).toEqual([]);
    expect(validateJson({ vote: 'maybe', reason: 'x' }, QA_RATING_SCHEMA)).not.toEqual([]);
    expect(parseQaVote('{"vote": "no", "reason": "wrong"}')).toEqual({
      ok: true,
      vote: 'no',
      reason: 'wrong',
    });
  });
});
