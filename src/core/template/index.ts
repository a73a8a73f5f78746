// The LLM-free template recipe (METHOD.md §4): public entry points.
export {
  generateTemplateChart,
  generateTemplateDataset,
  generateTemplateSpec,
  TEMPLATE_CHART_TYPES,
} from './generate.ts';
export type { TemplateChart, TemplateChartOptions } from './generate.ts';
export { buildChartCode } from './builders/index.ts';
export { QUESTION_TEMPLATES, pickQuestions } from './questions/index.ts';
export type { QuestionKind, QuestionTemplate, TemplateQuestion } from './questions/index.ts';
export { createRng } from './prng.ts';
export type { Rng } from './prng.ts';
export { TOPIC_VOCABULARIES, findVocabulary } from './vocabulary/index.ts';
export type * from './spec.ts';
export type { TypedAnswer, Tolerance } from '../answer-compare.ts';
