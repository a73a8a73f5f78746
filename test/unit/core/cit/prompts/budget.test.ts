// Prompt sizes against the paper's per-call averages (METHOD.md §2: Self-Instruct 3,500 prompt
// tokens, Evol 2,000, repair 500), with real corpus scripts as demos and parents.
import { describe, expect, it } from 'vitest';
import { listCorpus } from '../../../../../src/core/corpus/index.ts';
import {
  selfInstructPlan,
  selfInstructWrite,
} from '../../../../../src/core/cit/prompts/self-instruct.ts';
import { evolPlan, evolWrite } from '../../../../../src/core/cit/prompts/evol.ts';
import { repairPrompt } from '../../../../../src/core/cit/prompts/repair.ts';
import { estimatePromptTokens } from '../../../../../src/llm/token-estimate.ts';
import type { PromptMessage } from '../../../../../src/core/cit/prompts/task.ts';
import { OFFLINE_RUNTIME } from './helpers.ts';

const tokens = (messages: PromptMessage[]) =>
  estimatePromptTokens(
    messages.map((message) => ({
      role: message.role,
      content: typeof message.content === 'string' ? message.content : [...message.content],
    })),
  );
const corpus = listCorpus();
const LINES = { min: 10, max: 150 };
/** A plausible plan reply (the paper's outputs averaged 1,000 tokens for both turns together). */
const PLAN_REPLY: PromptMessage = { role: 'assistant', content: 'p'.repeat(1600) };

describe('prompt budget', () => {
  it('keeps a Self-Instruct conversation with 3 corpus demos near the paper (3,500 per call)', () => {
    const demos = corpus.slice(0, 3).map((entry) => ({ title: entry.title, code: entry.code }));
    const plan = selfInstructPlan({
      demos,
      minor: 'treemap',
      topics: ['Law', 'Film'],
      runtime: OFFLINE_RUNTIME,
    });
    const write = [
      ...plan,
      PLAN_REPLY,
      selfInstructWrite({ minor: 'treemap', runtime: OFFLINE_RUNTIME, codeLines: LINES }),
    ];
    const demoTokens = Math.ceil(demos.reduce((sum, demo) => sum + demo.code.length, 0) / 4);
    expect(tokens(plan) - demoTokens).toBeLessThan(500);
    expect(tokens(write)).toBeLessThan(3500);
  });

  it('keeps Evol and repair prompts near the paper (2,000 and 500 plus the script)', () => {
    const parent = corpus.find((entry) => entry.minor === 'bar-stacked') ?? corpus[0];
    if (!parent) throw new Error('empty corpus');
    const codeTokens = Math.ceil(parent.code.length / 4);
    const plan = evolPlan({
      code: parent.code,
      minor: parent.minor,
      direction: 'add-subplot',
      runtime: OFFLINE_RUNTIME,
    });
    const write = [
      ...plan,
      PLAN_REPLY,
      evolWrite({
        minor: parent.minor,
        direction: 'add-subplot',
        runtime: OFFLINE_RUNTIME,
        codeLines: LINES,
      }),
    ];
    expect(tokens(write)).toBeLessThan(2000 + codeTokens);
    const repair = repairPrompt({
      code: parent.code,
      error: {
        kind: 'runtime',
        message: 'NameError: name "x" is not defined',
        line: 5,
        traceback: 'Traceback...\nNameError',
      },
      minor: parent.minor,
      runtime: OFFLINE_RUNTIME,
      round: 1,
    });
    expect(tokens(repair) - codeTokens).toBeLessThan(700);
  });
});
