// Scripted fakes for the CIT stages: an LLM that routes on the prompts' task line and answers
// from a script the test controls, and a renderer that "draws" any script (failing those that
// contain BROKEN) and evaluates answer programs of the form `answer = <JSON>`.
import 'fake-indexeddb/auto';
import { defaultCitRecipe, type CitRecipeSettings } from '../../../../src/core/cit/recipe.ts';
import { readTask, type TaskInfo } from '../../../../src/core/cit/prompts/task.ts';
import { CitDatabase, createDataset } from '../../../../src/db/index.ts';
import { createFakeProvider, type FakeProvider } from '../../../../src/llm/fake-provider.ts';
import type { ChatRequest } from '../../../../src/llm/types.ts';
import { UsageMeter } from '../../../../src/llm/usage/meter.ts';
import {
  createCitLlm,
  createDbCitStore,
  createDbRunStore,
  JobRunner,
  type CitDependencies,
  type Renderer,
} from '../../../../src/pipeline/index.ts';
import type { AnswerResult, RenderResult } from '../../../../src/python/index.ts';
import { RUNTIME } from '../fakes.ts';

export { RUNTIME };

/** A script of `lines` lines whose identity is `tag` (distinct tags → distinct code and image). */
export function script(tag: string, lines = 14): string {
  let state = [...tag].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const next = () => (state = (state * 1103515245 + 12345) >>> 0) % 1000;
  const body = Array.from(
    { length: lines - 2 },
    (_, i) => `series_${next()} = [${next()}, ${next()}, ${next()}]  # row ${i}`,
  );
  return ['import matplotlib.pyplot as plt', ...body, `plt.title(${JSON.stringify(tag)})`].join(
    '\n',
  );
}

/** Questions no two of which are near-duplicates (ROUGE-L well under 0.7). */
const QUESTIONS = [
  'What is the highest value shown for revenue?',
  'Which region has the smallest share of the pie?',
  'How many categories appear on the horizontal axis?',
  'By what percentage did exports grow between the first and last year?',
  'Is the blue series above the orange one in March?',
  'What colour represents the northern branch?',
  'Compute the average of all plotted temperatures.',
  'In which year did rainfall peak?',
  'List the three largest segments in order.',
  'What is the difference between the two tallest bars?',
  'Does any month exceed a thousand visitors?',
  'Which label sits at the top of the legend?',
];

export const fence = (code: string) => `Here is the script.\n\n\`\`\`python\n${code}\n\`\`\`\n`;

export interface Script {
  /** Reply to a write turn (self-instruct or evol); default: a fresh script. */
  write?: (info: TaskInfo, n: number) => string;
  repair?: (info: TaskInfo, n: number) => string;
  questions?: (info: TaskInfo, n: number) => string;
  answer?: (info: TaskInfo, n: number, request: ChatRequest) => string;
  rateChart?: (n: number) => string;
}

/** An LLM answering each task from the script; counts calls per task. */
export function scriptedLlm(
  scriptFor: Script = {},
): FakeProvider & { counts: Map<string, number> } {
  const counts = new Map<string, number>();
  const provider = createFakeProvider({
    model: 'gpt-4o',
    capabilities: { vision: true, maxConcurrency: 8 },
    script: (request) => {
      const info = readTask(request.messages);
      if (!info) return { text: 'no task line' };
      const n = (counts.get(info.task) ?? 0) + 1;
      counts.set(info.task, n);
      switch (info.task) {
        case 'self-instruct.plan':
        case 'evol.plan':
          return { text: `Plan ${n}: title, backstory and data for ${info.minor}.` };
        case 'self-instruct.write':
        case 'evol.write':
          return { text: scriptFor.write?.(info, n) ?? fence(script(`${info.task}-${n}`)) };
        case 'repair':
          return { text: scriptFor.repair?.(info, n) ?? fence(script(`repaired-${n}`)) };
        case 'qa.questions':
          return {
            text:
              scriptFor.questions?.(info, n) ??
              JSON.stringify({
                questions: Array.from(
                  { length: info.count ?? 1 },
                  (_, i) => QUESTIONS[(n * 3 + i) % QUESTIONS.length] as string,
                ),
              }),
          };
        case 'qa.answer':
          return {
            text:
              scriptFor.answer?.(info, n, request) ??
              JSON.stringify({
                analysis: 'Read the bar.',
                steps: ['Find the bar.', 'Read its height: 5.'],
                answer: { type: 'number', value: 5 },
                program: 'answer = 5',
              }),
          };
        case 'rate.chart':
          return {
            text: scriptFor.rateChart?.(n) ?? JSON.stringify({ score: 5, reason: 'clear' }),
          };
        case 'rate.qa':
          return { text: JSON.stringify({ vote: 'yes', reason: 'right' }) };
      }
      return { text: '' };
    },
  });
  return Object.assign(provider, { counts });
}

/** A renderer for the scripted scripts: BROKEN fails; `answer = JSON` programs are evaluated. */
export class ScriptRenderer implements Renderer {
  renders: string[] = [];
  answers = 0;
  /** After this many answer programs, every call hangs forever (a closed tab). */
  hangAfterAnswers = Infinity;
  #next = 0;
  async render(code: string, options: { dpi: number; seed: number }): Promise<RenderResult> {
    if (this.answers >= this.hangAfterAnswers) return new Promise(() => undefined);
    await Promise.resolve();
    this.renders.push(code);
    if (code.includes('BROKEN')) {
      const error = {
        kind: 'runtime' as const,
        message: "NameError: name 'BROKEN' is not defined",
        traceback: null,
        line: 3,
        name: null,
      };
      return { ok: false, error, stdout: '', stderr: '', durationMs: 1, runtime: RUNTIME };
    }
    // A perceptual hash that only equal scripts share.
    let hash = 0n;
    for (const char of code)
      hash = (hash * 131n + BigInt(char.charCodeAt(0))) & 0xffffffffffffffffn;
    return {
      ok: true,
      renderId: `r${(this.#next += 1)}`,
      png: new TextEncoder().encode(`png:${code}`),
      width: 640,
      height: 480,
      durationMs: 2,
      dpi: options.dpi,
      seed: options.seed,
      stdout: '',
      stderr: '',
      warnings: [],
      compat: [],
      figureCount: 1,
      facts: { width: 640, height: 480, dpi: options.dpi, axes: [], texts: [], findings: [] },
      runtime: RUNTIME,
      phash: hash.toString(16).padStart(16, '0'),
    } as RenderResult;
  }
  async runAnswerProgram(_renderId: string, program: string): Promise<AnswerResult> {
    if (this.answers >= this.hangAfterAnswers) return new Promise(() => undefined);
    this.answers += 1;
    await Promise.resolve();
    const match = /answer\s*=\s*(.+)/.exec(program);
    if (!match) {
      const error = {
        kind: 'runtime' as const,
        message: 'no answer',
        traceback: null,
        line: null,
        name: null,
      };
      return { ok: false, error, stdout: '' };
    }
    return { ok: true, value: JSON.parse(match[1] as string), stdout: '' } as AnswerResult;
  }
}

export function recipe(overrides: Partial<CitRecipeSettings> = {}): CitRecipeSettings {
  return {
    ...defaultCitRecipe(),
    count: 4,
    evolShare: 0,
    dpi: 72,
    demosPerPrompt: 3,
    questionsPerKind: { recognition: 2, reasoning: 1 },
    ...overrides,
  };
}

export async function setup(
  llm: FakeProvider,
  options: { budgetUsd?: number | null; renderer?: ScriptRenderer; concurrency?: number } = {},
) {
  const db = new CitDatabase(`cit-${crypto.randomUUID()}`);
  await db.open();
  const dataset = await createDataset(db, { name: 'CIT test' });
  const renderer = options.renderer ?? new ScriptRenderer();
  const meters: UsageMeter[] = [];
  const makeRunner = (withRenderer: Renderer = renderer) =>
    new JobRunner({
      renderer: withRenderer,
      store: createDbRunStore(db),
      citConcurrency: options.concurrency ?? 1,
      cit: async (run): Promise<CitDependencies> => {
        const meter = new UsageMeter(
          { 'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10, source: 'test' } },
          options.budgetUsd ?? null,
        );
        meters.push(meter);
        return {
          store: createDbCitStore(db),
          llm: createCitLlm({
            runId: run.id,
            providers: {
              'code-writer': llm,
              'qa-writer': llm,
              'chart-rater': llm,
              'qa-rater': llm,
            },
            roles: (run.settings as CitRecipeSettings).roles,
            meter,
          }),
          runtimeFacts: async () => ({
            python: RUNTIME.python,
            numpy: RUNTIME.numpy,
            matplotlib: RUNTIME.matplotlib,
            importable: RUNTIME.importable,
            notes: 'Hard-code the data.',
          }),
        };
      },
    });
  const runner = makeRunner();
  const run = (settings: CitRecipeSettings) =>
    runner.start({ datasetId: dataset.id, recipeId: 'recipe', settings });
  return { db, dataset, renderer, runner, run, meters, makeRunner };
}
