// A fake renderer that "draws" template scripts and answers their answer programs with the
// template's own answers, so runner tests need no Python. It can fail chosen scripts, lie about
// one answer, or stop answering altogether (a closed tab).
import type { TemplateRecipeSettings } from '../../../src/core/dataset/records.ts';
import type { TemplateChart } from '../../../src/core/template/index.ts';
import { deriveItemSeeds } from '../../../src/db/index.ts';
import { planTemplateItem, type Renderer } from '../../../src/pipeline/index.ts';
import type {
  AnswerResult,
  RenderErrorKind,
  RenderResult,
  RuntimeInfo,
} from '../../../src/python/index.ts';

export const SETTINGS: TemplateRecipeSettings = {
  kind: 'template',
  count: 20,
  seed: 42,
  chartTypes: {},
  topics: [],
  questionsPerKind: { recognition: 2, reasoning: 2 },
  dpi: 100,
};

/** The runtime the fakes report (native CPython, as in the Node tests). */
export const RUNTIME: RuntimeInfo = {
  distribution: 'native',
  pyodide: null,
  python: '3.11.2',
  numpy: '1.24.2',
  matplotlib: '3.6.3',
  optional: {},
  importable: ['matplotlib', 'numpy'],
  note: null,
  promptNotes: 'Hard-code the data.',
};

/** The plans of a run's items, by item index. */
export function planRun(settings: TemplateRecipeSettings): TemplateChart[] {
  return deriveItemSeeds(settings.seed, settings.count).map((seed) =>
    planTemplateItem(seed, settings),
  );
}

const never = <T>() => new Promise<T>(() => undefined);

export class FakeRenderer implements Renderer {
  readonly #plans = new Map<string, TemplateChart>();
  readonly #renders = new Map<string, string>();
  #next = 0;
  renderCalls = 0;
  answerCalls = 0;
  /** Scripts that fail, with the kind, and how many times (Infinity: always). */
  failures = new Map<string, { kind: RenderErrorKind; times: number }>();
  /** A program whose computed value is replaced (to simulate a wrong template answer). */
  lieAbout: string | null = null;
  /** Once true, every call stays pending forever. */
  hung = false;
  /** Called after each render resolves (tests pause or cancel from here). */
  onRender: (count: number) => void = () => undefined;
  /** Called before each answer program (tests hang the renderer from here). */
  onAnswer: (count: number) => void = () => undefined;

  constructor(plans: readonly TemplateChart[]) {
    for (const plan of plans) this.#plans.set(plan.code, plan);
  }

  async render(code: string, options: { dpi: number; seed: number }): Promise<RenderResult> {
    if (this.hung) return never();
    await Promise.resolve();
    this.renderCalls += 1;
    const failure = this.failures.get(code);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      const error = {
        kind: failure.kind,
        message: `fake ${failure.kind}`,
        traceback: null,
        line: null,
        name: null,
      };
      return { ok: false, error, stdout: '', stderr: '', durationMs: 1, runtime: RUNTIME };
    }
    if (!this.#plans.has(code)) throw new Error('the fake renderer got a script it did not plan');
    const renderId = `w0:${(this.#next += 1)}`;
    this.#renders.set(renderId, code);
    const png = new TextEncoder().encode(`png:${code.length}:${options.seed}`);
    queueMicrotask(() => this.onRender(this.renderCalls));
    return {
      ok: true,
      renderId,
      png,
      width: 640,
      height: 480,
      durationMs: 5,
      dpi: options.dpi,
      seed: options.seed,
      stdout: '',
      stderr: '',
      warnings: [],
      compat: [],
      figureCount: 1,
      phash: '0f0f0f0f0f0f0f0f',
      facts: { width: 640, height: 480, dpi: options.dpi, axes: [], texts: [], findings: [] },
      runtime: RUNTIME,
    };
  }

  /** Forgets every render handle, as a restarted worker would. */
  forgetRenders(): void {
    this.#renders.clear();
  }

  async runAnswerProgram(renderId: string, program: string): Promise<AnswerResult> {
    this.onAnswer(this.answerCalls + 1);
    if (this.hung) return never();
    await Promise.resolve();
    this.answerCalls += 1;
    const code = this.#renders.get(renderId);
    if (code === undefined) {
      const error = {
        kind: 'crashed' as const,
        message: 'gone',
        traceback: null,
        line: null,
        name: null,
      };
      return { ok: false, error, stdout: '' };
    }
    const question = this.#plans.get(code)?.questions.find((q) => q.program === program);
    if (!question) throw new Error('unknown answer program');
    if (program === this.lieAbout) return { ok: true, type: 'string', value: 'wrong', stdout: '' };
    const value = question.answer.value;
    const type = Array.isArray(value)
      ? 'list'
      : typeof value === 'number'
        ? 'number'
        : typeof value === 'boolean'
          ? 'boolean'
          : 'string';
    return { ok: true, type, value, stdout: '' };
  }
}

/** Polls until the condition holds (no timing assertion: it only bounds a hung test). */
export async function waitUntil(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 2000; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition never held');
}
