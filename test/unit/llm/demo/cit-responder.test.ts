// The template-backed fake LLM without Python: reply shapes per task, marks, determinism, the
// per-task "every Nth" schedule, evolution and near-duplicate questions.
import { describe, expect, it } from 'vitest';
import { normalizeCategory } from '../../../../src/core/answer-compare.ts';
import { MINOR_CHART_TYPES } from '../../../../src/core/chart-types.ts';
import { readMarks } from '../../../../src/llm/demo/script-marks.ts';
import { breakScript } from '../../../../src/llm/demo/break-code.ts';
import { createCitResponder, NO_TASK_REPLY } from '../../../../src/llm/demo/index.ts';
import {
  askAnswer,
  askQuestions,
  codeBlocks,
  evolve,
  repair,
  selfInstruct,
  user,
} from './conversation.ts';

const ANSWER_TYPES = ['number', 'year', 'category', 'boolean', 'list'];

interface AnswerJson {
  analysis: string;
  steps: string[];
  answer: { type: string; value: unknown; unit?: string };
  program: string;
}

describe('createCitResponder', () => {
  it('plans with title, backstory and data, then writes exactly one script of 10–150 lines', () => {
    const respond = createCitResponder();
    for (const { id } of MINOR_CHART_TYPES) {
      const { plan, reply, code } = selfInstruct(respond, id);
      expect(plan).toMatch(/^Title: .+/m);
      expect(plan).toMatch(/^Backstory: .+/m);
      expect(plan).toMatch(/^Data: .+/m);
      expect(codeBlocks(reply)).toHaveLength(1);
      expect(reply.replace(/```python[\s\S]*?```/, '').trim().length).toBeGreaterThan(20);
      const lines = code.trimEnd().split('\n').length;
      expect(lines).toBeGreaterThanOrEqual(10);
      expect(lines).toBeLessThanOrEqual(150);
      // The script is the chart the plan named, of the asked type and one of the asked topics.
      const marks = readMarks(code);
      expect(marks).toEqual(readMarks(plan));
      expect(marks?.minor).toBe(id);
      expect(['healthcare', 'education']).toContain(marks?.topic);
    }
  });

  it('is deterministic for the same options and call order, and varies with the seed', () => {
    const run = (seed: number) => {
      const respond = createCitResponder({ seed, brokenCodeEvery: 2, duplicateEvery: 3 });
      return ['bar-plain', 'pie-donut', 'bar-plain', 'heatmap'].map(
        (minor) => selfInstruct(respond, minor as 'bar-plain').code,
      );
    };
    expect(run(7)).toEqual(run(7));
    expect(run(8)).not.toEqual(run(7));
  });

  it('breaks exactly every Nth write reply and the repair reply gives the clean script back', () => {
    const clean = createCitResponder();
    const broken = createCitResponder({ brokenCodeEvery: 3 });
    for (let n = 1; n <= 7; n++) {
      const good = selfInstruct(clean, 'line-plain').code;
      const code = selfInstruct(broken, 'line-plain').code;
      if (n % 3 === 0) {
        expect(code).not.toBe(good);
        const fixed = codeBlocks(repair(broken, code, "NameError: name 'x' is not defined"));
        expect(fixed).toHaveLength(1);
        expect(fixed[0]?.trimEnd()).toBe(good.trimEnd());
      } else {
        expect(code).toBe(good);
      }
    }
  });

  it('misspells one name that is defined nowhere in the script', () => {
    const { code } = selfInstruct(createCitResponder(), 'bar-stacked');
    const broken = breakScript(code);
    expect(broken.misspelt).not.toBe(broken.name);
    expect(code).not.toMatch(new RegExp(`\\b${broken.misspelt}\\b`));
    const changed = broken.code.split('\n').filter((line, i) => line !== code.split('\n')[i]);
    expect(changed).toHaveLength(1);
    expect(changed[0]?.startsWith(broken.misspelt)).toBe(true);
  });

  it('repeats an earlier script exactly on every Nth write reply', () => {
    const respond = createCitResponder({ duplicateEvery: 2 });
    const codes = ['bar-plain', 'bar-plain', 'rose', 'rose'].map(
      (minor) => selfInstruct(respond, minor as 'bar-plain').code,
    );
    expect(codes[1]).toBe(codes[0]);
    expect(codes[3]).toBe(codes[2]);
    expect(codes[2]).not.toBe(codes[0]);
  });

  it('counts "every Nth" per task: evol writes have their own schedule', () => {
    const respond = createCitResponder({ brokenCodeEvery: 2 });
    const first = selfInstruct(respond, 'area-plain').code;
    const evolved = evolve(respond, first, 'more-data').code; // evol.write #1: clean
    expect(readMarks(evolved)).not.toBeNull();
    const second = selfInstruct(respond, 'area-plain').code; // self-instruct.write #2: broken
    expect(readMarks(second)).not.toBeNull();
    expect(second).not.toBe(selfInstruct(createCitResponder(), 'area-plain').code);
  });

  it('evolves into another chart of the same type with more data, noting the direction', () => {
    const respond = createCitResponder();
    for (const minor of ['bar-stacked', 'scatter-plain', 'graph-directed', 'histogram'] as const) {
      const parent = selfInstruct(respond, minor).code;
      const { plan, code } = evolve(respond, parent, 'add-subplot');
      expect(plan).toMatch(/^Direction: .*subplot/m);
      expect(code).not.toBe(parent);
      const marks = readMarks(code);
      expect(marks?.minor).toBe(minor);
      expect(marks?.evol).toEqual({
        direction: 'add-subplot',
        parentSeed: readMarks(parent)?.seed,
      });
      expect(code).toMatch(/^# evol: direction=add-subplot /m);
    }
  });

  it('writes questions of the asked kind as JSON, with a near-duplicate every Nth reply', () => {
    const respond = createCitResponder({ duplicateQuestionEvery: 2 });
    const { code } = selfInstruct(respond, 'bar-plain');
    const first = JSON.parse(askQuestions(respond, code, 'recognition', 4)) as {
      questions: string[];
    };
    expect(first.questions).toHaveLength(4);
    expect(new Set(first.questions).size).toBe(4);
    const second = JSON.parse(askQuestions(respond, code, 'recognition', 4)) as {
      questions: string[];
    };
    expect(second.questions[3]).not.toBe(second.questions[0]);
    expect(second.questions[3]).toContain(second.questions[0]?.slice(1));
    expect(second.questions.slice(0, 3)).toEqual(first.questions.slice(0, 3));
  });

  it('answers with analysis, steps, a typed answer and a program; wrong every Nth reply', () => {
    const clean = createCitResponder();
    const lying = createCitResponder({ wrongAnswerEvery: 2 });
    const { code } = selfInstruct(clean, 'bar-data-labels');
    for (const kind of ['recognition', 'reasoning'] as const) {
      const { questions } = JSON.parse(askQuestions(clean, code, kind)) as { questions: string[] };
      questions.forEach((question, i) => {
        const right = JSON.parse(askAnswer(clean, code, kind, question, i)) as AnswerJson;
        const stated = JSON.parse(askAnswer(lying, code, kind, question, i)) as AnswerJson;
        expect(typeof right.analysis).toBe('string');
        expect(right.steps.length).toBeGreaterThan(0);
        expect(ANSWER_TYPES).toContain(right.answer.type);
        expect(right.program).toMatch(/answer\s*=/);
        expect(JSON.stringify(right.steps)).not.toMatch(/series\[|categories\.|\.py/);
        expect(stated.program).toBe(right.program);
        const same =
          JSON.stringify(stated.answer) === JSON.stringify(right.answer) ||
          normalizeCategory(String(stated.answer.value)) ===
            normalizeCategory(String(right.answer.value));
        // The lying responder's 2nd, 4th... answer of all its qa.answer calls is wrong.
        const call = (kind === 'recognition' ? 0 : questions.length) + i + 1;
        expect(same).toBe(call % 2 !== 0);
      });
    }
  });

  it('rates charts 4–5, and 2 on every Nth; Q&A raters vote yes', () => {
    const respond = createCitResponder({ lowScoreEvery: 3 });
    const scores = [1, 2, 3, 4, 5, 6].map(
      () =>
        (
          JSON.parse(respond([user('Rate this chart.', { task: 'rate.chart' })])) as {
            score: number;
          }
        ).score,
    );
    expect(scores.map((s) => s === 2)).toEqual([false, false, true, false, false, true]);
    for (const score of scores.filter((s) => s !== 2)) expect(score).toBeGreaterThanOrEqual(4);
    const vote = JSON.parse(respond([user('Vote.', { task: 'rate.qa', kind: 'reasoning' })]));
    expect(vote).toEqual({ vote: 'yes', reason: expect.any(String) });
  });

  it('answers a prompt without a task line politely, in plain text', () => {
    const respond = createCitResponder();
    expect(respond([user('Hello, who are you?')])).toBe(NO_TASK_REPLY);
    expect(respond([])).toBe(NO_TASK_REPLY);
    expect(() => JSON.parse(NO_TASK_REPLY)).toThrow();
  });
});
