// The app's engine factory: a WebWorkerMLCEngine driving workers/llm/webllm.worker.ts, so that
// tokenising and WebGPU dispatch stay off the UI thread. A rebuilt engine gets a fresh worker.
import { WebWorkerMLCEngine } from '@mlc-ai/web-llm';
import type { AppConfig } from '@mlc-ai/web-llm';
import type { EngineFactory, WebLlmEngine } from './engine.ts';

export function createWorkerEngineFactory(appConfig?: AppConfig): EngineFactory {
  return ({ onProgress }) => {
    const worker = new Worker(new URL('../../../workers/llm/webllm.worker.ts', import.meta.url), {
      type: 'module',
    });
    const engine = new WebWorkerMLCEngine(worker, { appConfig, initProgressCallback: onProgress });
    return Object.assign(engine as WebLlmEngine, { dispose: () => worker.terminate() });
  };
}
