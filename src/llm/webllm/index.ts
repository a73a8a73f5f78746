// WebLLM: probe the device, pick a model, run it in its own worker behind LlmProvider.
export { listCatalog, type CatalogEntry, type ModelFamily } from './catalog.ts';
export { probeWebGpu, type ProbeNavigator, type ProbeResult, type ProbeModel } from './probe.ts';
export { createWebLlmProvider, type WebLlmProviderOptions } from './provider.ts';
export { createWorkerEngineFactory } from './worker-engine.ts';
export { listCachedModels, deleteCachedModel, type CachedModel } from './cache.ts';
export type { EngineFactory, WebLlmEngine } from './engine.ts';
