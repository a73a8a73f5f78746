// Exposes the WebGPU probe and a WebLLM load against a missing model to test/e2e/webgpu-check.mjs.
import { probeWebGpu } from '../../../src/llm/webllm/probe.ts';
import { createWebLlmProvider } from '../../../src/llm/webllm/provider.ts';
import { createWorkerEngineFactory } from '../../../src/llm/webllm/worker-engine.ts';

window.runProbe = () => probeWebGpu(navigator);

/** Loads a model whose files 404 on this server, through the worker engine; resolves with the outcome. */
window.loadMissingModel = async () => {
  const base = new URL('./no-such-model/', location.href).href;
  const appConfig = {
    model_list: [
      {
        model: base,
        model_id: 'Missing-Model-q4f32_1-MLC',
        model_lib: new URL('./no-such-model.wasm', location.href).href,
      },
    ],
  };
  const provider = createWebLlmProvider({
    modelId: 'Missing-Model-q4f32_1-MLC',
    engineFactory: createWorkerEngineFactory(appConfig),
  });
  const progress = [];
  try {
    await provider.load((p) => progress.push(p.text));
    return { outcome: 'loaded', progress };
  } catch (error) {
    return {
      outcome: 'error',
      name: error?.name,
      kind: error?.kind,
      message: String(error?.message ?? error),
      cause: String(error?.cause?.message ?? error?.cause ?? ''),
      progress,
    };
  } finally {
    await provider.unload();
  }
};

let pending = null;

/** Starts loading a model from `base` (a server that never answers); cancelSlowModel() cancels it. */
window.startSlowModel = (base) => {
  const modelId = 'Slow-Model-q4f32_1-MLC';
  const appConfig = {
    model_list: [{ model: base, model_id: modelId, model_lib: `${base}model.wasm` }],
  };
  const provider = createWebLlmProvider({
    modelId,
    engineFactory: createWorkerEngineFactory(appConfig),
  });
  const outcome = provider.load().then(
    () => ({ outcome: 'loaded' }),
    (error) => ({
      outcome: 'error',
      name: error?.name,
      kind: error?.kind,
      message: error?.message,
    }),
  );
  pending = { provider, outcome };
};

window.cancelSlowModel = async () => {
  if (!pending) throw new Error('startSlowModel() was not called');
  await pending.provider.unload();
  return pending.outcome;
};

window.probeReady = true;
