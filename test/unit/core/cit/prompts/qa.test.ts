import { describe, expect, it } from 'vitest';
import {
  ANSWER_SCHEMA,
  answerPrompt,
  QUESTIONS_SCHEMA,
  questionsPrompt,
} from '../../../../../src/core/cit/prompts/qa.ts';
import { readTask } from '../../../../../src/core/cit/prompts/task.ts';
import { parseAnswer, parseQuestions } from '../../../../../src/core/cit/parse/qa-replies.ts';
import { validateJson } from '../../../../../src/llm/structured.ts';
import { allText } from './helpers.ts';

const CODE = "import matplotlib.pyplot as plt\nsales = [3, 5]\nplt.bar(['North', 'South'], sales)";
const FACTS = 'Axes 1 (rectilinear): x ticks: North, South; series: 1 bar (2 elements).';

describe('questionsPrompt', () => {
  it('frames recognition as an elementary exam and reasoning as a college-entrance maths exam', () => {
    const recognition = questionsPrompt({
      code: CODE,
      kind: 'recognition',
      count: 4,
      minor: 'bar-plain',
      factsSummary: FACTS,
    });
    const reasoning = questionsPrompt({
      code: CODE,
      kind: 'reasoning',
      count: 4,
      minor: 'bar-plain',
      factsSummary: FACTS,
    });
    expect(recognition[0]?.role).toBe('system');
    expect(allText(recognition)).toMatch(/elementary-school/);
    expect(allText(recognition)).not.toMatch(/college-entrance/);
    expect(allText(reasoning)).toMatch(/college-entrance mathematics/);
    expect(allText(reasoning)).toMatch(/several steps/);
  });

  it('shows the code and what the figure shows, asks for N questions as JSON, ends with the task line', () => {
    const prompt = questionsPrompt({
      code: CODE,
      kind: 'reasoning',
      count: 3,
      minor: 'bar-plain',
      factsSummary: FACTS,
    });
    const text = allText(prompt);
    expect(text).toContain(CODE);
    expect(text).toContain(FACTS);
    expect(text).toContain('Write 3 reasoning questions');
    expect(text).toContain('{"questions": [');
    expect(text).toMatch(/never mention the code/);
    expect(readTask(prompt)).toEqual({
      task: 'qa.questions',
      kind: 'reasoning',
      count: 3,
      minor: 'bar-plain',
    });
  });

  it('has a schema that a valid reply meets and the parser accepts', () => {
    const reply = { questions: ['Which region sold more?', 'How many regions are shown?'] };
    expect(validateJson(reply, QUESTIONS_SCHEMA)).toEqual([]);
    expect(validateJson({ questions: 'one' }, QUESTIONS_SCHEMA)).not.toEqual([]);
    expect(parseQuestions(JSON.stringify(reply), 4)).toEqual({
      ok: true,
      questions: reply.questions,
    });
  });
});

describe('answerPrompt', () => {
  const prompt = answerPrompt({
    code: CODE,
    kind: 'recognition',
    question: '  Which region sold more?  ',
    questionIndex: 2,
    factsSummary: FACTS,
  });
  const text = allText(prompt);

  it('asks one question with the code, the facts and the reply fields', () => {
    expect(text).toContain(CODE);
    expect(text).toContain(FACTS);
    expect(text).toContain('\nQuestion: Which region sold more?\n');
    for (const field of ['"analysis"', '"steps"', '"answer"', '"program"'])
      expect(text).toContain(field);
    for (const type of ['number', 'year', 'category', 'boolean', 'list'])
      expect(text).toContain(`"type": "${type}"`);
    expect(text).toMatch(/steps never mention code/);
    expect(text).toMatch(/`answer`/);
    expect(text).toMatch(/`facts`/);
    expect(readTask(prompt)).toEqual({ task: 'qa.answer', kind: 'recognition', questionIndex: 2 });
  });

  it('has a schema that a strict-mode reply meets and the parser accepts', () => {
    const reply = {
      analysis: 'South 5 > North 3',
      steps: ['The South bar reaches 5.', 'The North bar reaches 3.', 'South is higher.'],
      answer: { type: 'category', value: 'South', unit: null, ordered: null },
      program: "answer = ['North', 'South'][sales.index(max(sales))]",
    };
    expect(validateJson(reply, ANSWER_SCHEMA)).toEqual([]);
    expect(validateJson({ ...reply, extra: 1 }, ANSWER_SCHEMA)).not.toEqual([]);
    const parsed = parseAnswer(JSON.stringify(reply));
    expect(parsed).toMatchObject({ ok: true, answer: { type: 'category', value: 'South' } });
  });
});
