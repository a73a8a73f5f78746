// The job runner and the template recipe's stages.
export { JobRunner } from './job-runner.ts';
export { emptyStages } from './run-progress.ts';
export { createDbRunStore } from './db-run-store.ts';
export { planTemplateItem, weightedChartTypes } from './template-stages.ts';
export { sha256Hex } from '../core/sha256.ts';
export type {
  Clock,
  Renderer,
  RunLogLine,
  RunnerDependencies,
  RunSnapshot,
  RunStore,
} from './runner-types.ts';
export * from './cit/index.ts';
