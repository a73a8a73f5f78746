// The template-backed fake LLM: a responder for the CIT pipeline's prompts and the "Demo (no LLM)"
// provider built on it.
export { createCitResponder, NO_TASK_REPLY } from './cit-responder.ts';
export type { CitFakeOptions, CitResponder } from './cit-responder.ts';
export { createDemoProvider, DEMO_MODEL, DEMO_PROVIDER_NAME } from './demo-provider.ts';
export type { DemoProviderOptions } from './demo-provider.ts';
