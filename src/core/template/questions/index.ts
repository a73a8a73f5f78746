// All question templates, and picking a chart's questions from them.
import type { Rng } from '../prng.ts';
import type { TemplateChartSpec } from '../spec.ts';
import type { QuestionKind, QuestionTemplate, TemplateQuestion } from './question-types.ts';
import { CATEGORICAL_RECOGNITION } from './categorical-recognition.ts';
import { CATEGORICAL_REASONING } from './categorical-reasoning.ts';
import { MULTI_STEP_REASONING } from './multi-step-reasoning.ts';
import { OTHER_CHART_TEMPLATES } from './other-charts.ts';
import { GRAPH_TEMPLATES } from './graph-questions.ts';
import { MORE_CHART_TEMPLATES } from './other-charts-more.ts';
import { ORDERING_TEMPLATES } from './ordering-and-shares.ts';

export type { QuestionKind, QuestionTemplate, TemplateQuestion } from './question-types.ts';

/** Every question template of the recipe. */
export const QUESTION_TEMPLATES: readonly QuestionTemplate[] = [
  ...CATEGORICAL_RECOGNITION,
  ...CATEGORICAL_REASONING,
  ...MULTI_STEP_REASONING,
  ...OTHER_CHART_TEMPLATES,
  ...GRAPH_TEMPLATES,
  ...ORDERING_TEMPLATES,
  ...MORE_CHART_TEMPLATES,
];

/**
 * Up to `count` questions of one kind, each from a different template, in a seeded order.
 * Templates that do not apply to the chart (or find no unambiguous instance) are skipped.
 */
export function pickQuestions(
  spec: TemplateChartSpec,
  kind: QuestionKind,
  count: number,
  rng: Rng,
): TemplateQuestion[] {
  const questions: TemplateQuestion[] = [];
  for (const template of rng.shuffle(QUESTION_TEMPLATES.filter((t) => t.kind === kind))) {
    if (questions.length >= count) break;
    // Templates pick their series and categories at random; a few draws find an unambiguous one.
    for (let attempt = 0; attempt < 3; attempt++) {
      const made = template.make(spec, rng.fork());
      if (made) {
        questions.push(made);
        break;
      }
    }
  }
  return questions;
}
