// The demo LLM's scripts and answer programs run for real (Debian CPython + matplotlib, the app's
// render code): written scripts of all 32 types render, every Nth is broken and its repair
// renders, evolved scripts render, and each answer program computes the stated answer (or, on
// the wrong-answer schedule, visibly does not).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareAnswer } from '../../../../src/core/answer-compare.ts';
import { MINOR_CHART_TYPES } from '../../../../src/core/chart-types.ts';
import { createCitResponder } from '../../../../src/llm/demo/index.ts';
import {
  askAnswer,
  askQuestions,
  evolve,
  onlyCode,
  repair,
  selfInstruct,
  typedAnswerOf,
  type StatedAnswer,
} from './conversation.ts';
import { hasNativePython, startNativePython, type NativePython } from './native-python.ts';

let python: NativePython;
beforeAll(() => {
  if (hasNativePython) python = startNativePython();
});
afterAll(() => python?.close());

async function renderId(code: string): Promise<string> {
  const result = await python.render(code);
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result.renderId;
}

describe.skipIf(!hasNativePython)('demo LLM with real rendering', () => {
  it('breaks exactly every Nth script with a runtime error, and each repair renders', async () => {
    const respond = createCitResponder({ brokenCodeEvery: 4, seed: 3 });
    const outcomes: string[] = [];
    for (const [i, { id }] of MINOR_CHART_TYPES.entries()) {
      const { code } = selfInstruct(respond, id);
      const result = await python.render(code);
      outcomes.push(result.ok ? 'ok' : result.error.kind);
      if ((i + 1) % 4 === 0) {
        expect(result.ok, `${id} should be broken`).toBe(false);
        if (result.ok) continue;
        expect(result.error.message).toMatch(/is not defined/);
        const fixed = onlyCode(repair(respond, code, result.error.message));
        const repaired = await python.render(fixed);
        expect(repaired.ok, `repair of ${id}`).toBe(true);
      } else {
        expect(result.ok, `${id}: ${result.ok ? '' : result.error.message}`).toBe(true);
      }
    }
    expect(outcomes.filter((o) => o === 'runtime')).toHaveLength(MINOR_CHART_TYPES.length / 4);
  }, 180_000);

  it('states answers its own programs compute; every Nth stated answer is a mismatch', async () => {
    const respond = createCitResponder({ wrongAnswerEvery: 5, seed: 11 });
    let calls = 0;
    const statuses: string[] = [];
    for (const { id } of MINOR_CHART_TYPES) {
      const { code } = selfInstruct(respond, id);
      const render = await renderId(code);
      for (const kind of ['recognition', 'reasoning'] as const) {
        const { questions } = JSON.parse(askQuestions(respond, code, kind, 3)) as {
          questions: string[];
        };
        expect(questions.length, `${id} ${kind} questions`).toBeGreaterThan(0);
        for (const [i, question] of questions.entries()) {
          const reply = JSON.parse(askAnswer(respond, code, kind, question, i)) as {
            answer: StatedAnswer;
            program: string;
          };
          calls += 1;
          const computed = await python.answer(render, reply.program);
          expect(computed.ok, `${id}: ${question}`).toBe(true);
          if (!computed.ok) continue;
          const verdict = compareAnswer(typedAnswerOf(reply.answer), computed.value);
          statuses.push(verdict.status);
          expect(verdict.status, `${id}: ${question} (${verdict.reason})`).toBe(
            calls % 5 === 0 ? 'mismatch' : 'verified',
          );
        }
      }
    }
    expect(statuses.filter((s) => s === 'mismatch').length).toBe(Math.floor(calls / 5));
  }, 180_000);

  it('evolved scripts render and differ from their parent', async () => {
    const respond = createCitResponder({ seed: 5 });
    const directions = [
      'more-data',
      'more-visual-elements',
      'overlay-chart-type',
      'add-subplot',
    ] as const;
    for (const [i, { id }] of MINOR_CHART_TYPES.filter((_, j) => j % 4 === 0).entries()) {
      const parent = selfInstruct(respond, id).code;
      const { code } = evolve(respond, parent, directions[i % 4] ?? 'more-data');
      expect(code).not.toBe(parent);
      const result = await python.render(code);
      expect(result.ok, `evolved ${id}`).toBe(true);
    }
  }, 120_000);
});
