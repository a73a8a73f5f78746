// The template recipe's step-by-step answers are written for students who see only the figure;
// the code-mention check must let every one of them through, and their typed answers must survive
// the trip through the qa.answer reply shape.
import { describe, expect, it } from 'vitest';
import { compareAnswer } from '../../../../../src/core/answer-compare.ts';
import { findCodeMention } from '../../../../../src/core/cit/parse/steps-check.ts';
import { toTypedAnswer } from '../../../../../src/core/cit/parse/typed-answer.ts';
import { generateTemplateChart } from '../../../../../src/core/template/generate.ts';

const charts = Array.from({ length: 80 }, (_, seed) =>
  generateTemplateChart(seed + 1, { questionsPerKind: 4 }),
);
const questions = charts.flatMap((chart) => chart.questions);

describe('template answers through the reply parser', () => {
  it('finds no code mention in any template step', () => {
    expect(questions.length).toBeGreaterThan(300);
    for (const question of questions) {
      expect(findCodeMention(question.steps), question.question).toBeNull();
    }
  });

  it('maps each template answer, written as a reply, back to an answer its value verifies', () => {
    for (const { answer } of questions) {
      const reply = {
        type: answer.type,
        value: answer.value,
        unit: answer.type === 'number' ? (answer.unit ?? null) : null,
        ordered: answer.type === 'list' ? answer.ordered : null,
      };
      const typed = toTypedAnswer(reply);
      if (!typed.ok) throw new Error(`${JSON.stringify(reply)}: ${typed.reason}`);
      expect(typed.answer.type).toBe(answer.type);
      expect(compareAnswer(typed.answer, answer.value).status, JSON.stringify(reply)).toBe(
        'verified',
      );
    }
  });
});
