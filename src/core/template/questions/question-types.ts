// The shape of a template question and of a question template.
import type { TypedAnswer } from '../../answer-compare.ts';
import type { Rng } from '../prng.ts';
import type { TemplateChartSpec } from '../spec.ts';

export type QuestionKind = 'recognition' | 'reasoning';

/** One generated question with its answer, worked steps and answer program. */
export interface TemplateQuestion {
  kind: QuestionKind;
  templateId: string;
  question: string;
  /** A step-by-step answer in terms of what the chart shows (never the code). */
  steps: string[];
  answer: TypedAnswer;
  /** Python run in the script's namespace; sets `answer`. */
  program: string;
}

/** A question template: makes a question for a spec, or null when it does not apply to it. */
export interface QuestionTemplate {
  id: string;
  kind: QuestionKind;
  make(spec: TemplateChartSpec, rng: Rng): TemplateQuestion | null;
}
