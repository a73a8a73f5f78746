// The CIT pipeline (METHOD.md §2–3): stages, run state and LLM access for the job runner.
export { createCitLlm, type CitLlmOptions } from './llm-access.ts';
export { createDbCitStore } from './db-cit-store.ts';
export { corpusSeeds, prepareCitRun } from './cit-run.ts';
export { CitRunState } from './run-state.ts';
export { runtimeFactsOf } from './context.ts';
export { gateReasons } from './gate-stage.ts';
export { pickDemos } from './write-stage.ts';
export {
  PauseRunError,
  type CitDependencies,
  type CitLlm,
  type CitStore,
  type CostMeter,
  type PoolChart,
  type PoolSeed,
} from './types.ts';
