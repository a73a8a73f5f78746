import { describe, expect, it } from 'vitest';
import { compareAnswer } from '../../../../../src/core/answer-compare.ts';
import {
  parseAnswer,
  parseChartRating,
  parseQaVote,
  parseQuestions,
} from '../../../../../src/core/cit/parse/qa-replies.ts';

describe('parseQuestions', () => {
  it('reads JSON inside a ```json fence or with prose around it', () => {
    const fenced = 'Sure!\n```json\n{"questions": ["What is A?", "What is B?"]}\n```\nGood luck.';
    expect(parseQuestions(fenced, 4)).toEqual({
      ok: true,
      questions: ['What is A?', 'What is B?'],
    });
    const prose = 'Here they are: {"questions": ["Is {x} shown?"]} -- done';
    expect(parseQuestions(prose, 4)).toEqual({ ok: true, questions: ['Is {x} shown?'] });
  });

  it('trims, strips numbering, drops empty and repeated questions, and keeps at most `expected`', () => {
    const reply = JSON.stringify({
      questions: [
        '  1. Which bar is tallest? ',
        '',
        'Q2: How many bars?',
        'which bar is  TALLEST?',
        { question: 'Total?' },
        'Extra?',
      ],
    });
    expect(parseQuestions(reply, 3)).toEqual({
      ok: true,
      questions: ['Which bar is tallest?', 'How many bars?', 'Total?'],
    });
    expect(parseQuestions('["A?", "B?"]', 4)).toEqual({ ok: true, questions: ['A?', 'B?'] });
  });

  it('refuses replies with no questions or no JSON', () => {
    expect(parseQuestions('{"questions": ["  ", ""]}', 4)).toEqual({
      ok: false,
      reason: 'the reply holds no questions',
    });
    expect(parseQuestions('I cannot help with that.', 4)).toEqual({
      ok: false,
      reason: 'the reply holds no valid JSON',
    });
    expect(parseQuestions('{"items": ["A?"]}', 4)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/expected \{"questions"/),
    });
  });
});

const answerReply = (answer: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    analysis: 'sales = [3, 5]; 5 - 3 = 2',
    steps: ['The South bar reaches 5.', 'The North bar reaches 3.', 'The difference is 2.'],
    answer,
    program: 'answer = sales[1] - sales[0]',
    ...extra,
  });

describe('parseAnswer', () => {
  it('maps every answer type onto a TypedAnswer', () => {
    const cases: [unknown, unknown][] = [
      [
        { type: 'number', value: 12.5, unit: '%' },
        { type: 'number', value: 12.5, unit: '%' },
      ],
      [
        { type: 'number', value: '1,204', unit: null },
        { type: 'number', value: 1204 },
      ],
      [
        { type: 'year', value: 2019 },
        { type: 'year', value: 2019 },
      ],
      [
        { type: 'year', value: '2021' },
        { type: 'year', value: 2021 },
      ],
      [
        { type: 'category', value: ' South ' },
        { type: 'category', value: 'South' },
      ],
      [
        { type: 'boolean', value: true },
        { type: 'boolean', value: true },
      ],
      [
        { type: 'boolean', value: 'No' },
        { type: 'boolean', value: false },
      ],
      [
        { type: 'list', value: ['A', 'B'], ordered: true },
        { type: 'list', value: ['A', 'B'], ordered: true },
      ],
      [
        { type: 'list', value: [3, 'B'], ordered: null },
        { type: 'list', value: [3, 'B'], ordered: false },
      ],
    ];
    for (const [answer, expected] of cases) {
      const parsed = parseAnswer(answerReply(answer));
      expect(parsed, JSON.stringify(answer)).toMatchObject({ ok: true, answer: expected });
    }
  });

  it('returns the analysis, the steps and the program', () => {
    expect(parseAnswer(answerReply({ type: 'number', value: 2 }))).toMatchObject({
      ok: true,
      analysis: 'sales = [3, 5]; 5 - 3 = 2',
      steps: ['The South bar reaches 5.', 'The North bar reaches 3.', 'The difference is 2.'],
      program: 'answer = sales[1] - sales[0]',
    });
  });

  it('gives a written number the tolerance of its last decimal', () => {
    const typed = (value: unknown) => {
      const parsed = parseAnswer(answerReply({ type: 'number', value }));
      if (!parsed.ok) throw new Error(parsed.reason);
      return parsed.answer;
    };
    expect(compareAnswer(typed(33.33), 100 / 3).status).toBe('verified');
    expect(compareAnswer(typed(33.33), 33.5).status).toBe('mismatch');
    expect(compareAnswer(typed(33), 33.4).status).toBe('verified');
    expect(compareAnswer(typed(33), 33.6).status).toBe('mismatch');
    expect(compareAnswer(typed('12.50'), 12.504).status).toBe('verified');
    expect(compareAnswer(typed('12.50'), 12.51).status).toBe('mismatch');
    expect(compareAnswer(typed(0.0015), 0.00149).status).toBe('verified');
  });

  it('refuses answers whose value does not fit their type', () => {
    const bad: [unknown, RegExp][] = [
      [{ type: 'number', value: 'many' }, /typed "number" but its value is "many"/],
      [{ type: 'year', value: 2019.5 }, /typed "year"/],
      [{ type: 'category', value: '' }, /typed "category"/],
      [{ type: 'boolean', value: 'perhaps' }, /typed "boolean"/],
      [{ type: 'list', value: 'A, B' }, /typed "list"/],
      [{ type: 'list', value: ['A', null] }, /list holds null/],
      [{ type: 'percentage', value: 5 }, /"percentage" is not one of/],
    ];
    for (const [answer, reason] of bad) {
      expect(parseAnswer(answerReply(answer)), JSON.stringify(answer)).toMatchObject({
        ok: false,
        reason: expect.stringMatching(reason),
      });
    }
  });

  it('refuses bad JSON and missing fields', () => {
    expect(parseAnswer('The answer is 5.')).toEqual({
      ok: false,
      reason: 'the reply holds no valid JSON',
    });
    expect(parseAnswer('{"steps": ["a"], "answer": {"type": "number", "value": 1}')).toMatchObject({
      ok: false,
    });
    expect(parseAnswer('["a"]')).toEqual({
      ok: false,
      reason: 'the reply is JSON but not an object',
    });
    expect(
      parseAnswer(JSON.stringify({ steps: ['a'], answer: { type: 'year', value: 2000 } })),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/malformed answer: program/),
    });
    expect(parseAnswer(answerReply({ type: 'year', value: 2000 }, { steps: [] }))).toEqual({
      ok: false,
      reason: 'the answer has no steps',
    });
    expect(parseAnswer(answerReply({ type: 'year', value: 2000 }, { program: '  ' }))).toEqual({
      ok: false,
      reason: 'the answer has no program',
    });
  });

  it('refuses steps that mention the code, saying which step and why', () => {
    const mentions = [
      'According to the code, South is 5.',
      'The script sets South to 5.',
      'The variable sales holds [3, 5].',
      'Reading plt.bar we get 5.',
      'sales[1] is 5.',
      'south_sales is 5.',
      'The Python code gives 5.',
      'Looking at code above, South is 5.',
      'this script draws 5 for South.',
      'As ```sales``` shows, 5.',
    ];
    for (const step of mentions) {
      const parsed = parseAnswer(
        answerReply({ type: 'number', value: 2 }, { steps: ['The North bar reaches 3.', step] }),
      );
      expect(parsed, step).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/^step 2 mentions the code/),
      });
    }
  });

  it('accepts ordinary words of a chart subject (postal code, Python, program, variable costs)', () => {
    const steps = [
      'The bar for postal code 10115 reaches 42 and Area-code 212 has 30.',
      'Python has 30 users; the program with the most funding gets 42.',
      'The variable costs are 12 and a variable-rate loan costs 3.',
      'So 42 - 30 = 12.',
    ];
    expect(parseAnswer(answerReply({ type: 'number', value: 12 }, { steps }))).toMatchObject({
      ok: true,
    });
  });

  it('splits steps given as one string and unwraps a fenced program', () => {
    const parsed = parseAnswer(
      answerReply(
        { type: 'number', value: 2 },
        { steps: 'South is 5.\nNorth is 3.\n', program: '```python\nanswer = 5 - 3\n```' },
      ),
    );
    expect(parsed).toMatchObject({
      ok: true,
      steps: ['South is 5.', 'North is 3.'],
      program: 'answer = 5 - 3',
    });
  });
});

describe('parseChartRating', () => {
  it('reads a JSON score, a numeric string and a "Score: N" reply', () => {
    expect(parseChartRating('```json\n{"score": 3, "reason": "legend overlaps"}\n```')).toEqual({
      ok: true,
      score: 3,
      reason: 'legend overlaps',
    });
    expect(parseChartRating('{"score": "5"}')).toEqual({ ok: true, score: 5, reason: '' });
    expect(parseChartRating('Score: 2 - labels collide')).toEqual({
      ok: true,
      score: 2,
      reason: 'Score: 2 - labels collide',
    });
  });

  it('refuses scores outside 1–5 and replies without a score', () => {
    expect(parseChartRating('{"score": 0, "reason": "x"}')).toEqual({
      ok: false,
      reason: 'the score 0 is outside 1–5',
    });
    expect(parseChartRating('{"score": 7}')).toEqual({
      ok: false,
      reason: 'the score 7 is outside 1–5',
    });
    expect(parseChartRating('Looks nice.')).toEqual({
      ok: false,
      reason: 'the rating reply holds no score',
    });
    expect(parseChartRating('{"score": "great"}')).toEqual({
      ok: false,
      reason: 'the rating reply holds no score',
    });
  });
});

describe('parseQaVote', () => {
  it('reads yes and no from JSON, booleans and plain replies', () => {
    expect(parseQaVote('{"vote": "Yes", "reason": "correct"}')).toEqual({
      ok: true,
      vote: 'yes',
      reason: 'correct',
    });
    expect(parseQaVote('{"vote": false}')).toEqual({ ok: true, vote: 'no', reason: '' });
    expect(parseQaVote('No. The bar is 4, not 5.')).toEqual({
      ok: true,
      vote: 'no',
      reason: 'No. The bar is 4, not 5.',
    });
    expect(parseQaVote('My vote: yes')).toMatchObject({ ok: true, vote: 'yes' });
  });

  it('reports an unreadable vote as a failure, not as approval', () => {
    for (const reply of ['{"vote": "maybe"}', 'It depends.', '']) {
      const parsed = parseQaVote(reply);
      expect(parsed.ok, reply).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toMatch(/not counted as approval/);
    }
  });
});
