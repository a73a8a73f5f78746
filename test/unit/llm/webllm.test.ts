import { describe, expect, it } from 'vitest';
import { LlmError } from '../../../src/llm/types.ts';
import type { LoadProgress } from '../../../src/llm/types.ts';
import { listCatalog } from '../../../src/llm/webllm/catalog.ts';
import { deleteCachedModel, listCachedModels } from '../../../src/llm/webllm/cache.ts';
import { DEVICE_LOST_MESSAGE, toLlmError } from '../../../src/llm/webllm/errors.ts';
import { NO_ADAPTER, NO_WEBGPU, probeWebGpu } from '../../../src/llm/webllm/probe.ts';
import type { ProbeAdapter, ProbeNavigator } from '../../../src/llm/webllm/probe.ts';
import { createWebLlmProvider } from '../../../src/llm/webllm/provider.ts';
import { createFakeEngineFactory } from './fake-mlc-engine.ts';
import type { FakeEngineScript } from './fake-mlc-engine.ts';
import { runProviderContract } from './provider-contract.ts';

const GiB = 2 ** 30;

function fakeAdapter(opts: {
  f16: boolean;
  fallback: boolean;
  binding?: number;
  vendor?: string;
}): ProbeAdapter {
  return {
    features: { has: (name) => name === 'shader-f16' && opts.f16 },
    limits: {
      maxStorageBufferBindingSize: opts.binding ?? GiB,
      maxBufferSize: GiB,
      maxComputeWorkgroupStorageSize: 32768,
    },
    info: {
      vendor: opts.vendor ?? 'nvidia',
      architecture: 'ampere',
      isFallbackAdapter: opts.fallback,
    },
  };
}

function fakeNavigator(adapter: ProbeAdapter | null, freeBytes = 100e9): ProbeNavigator {
  return {
    gpu: { requestAdapter: async () => adapter },
    storage: { estimate: async () => ({ quota: freeBytes + 1e9, usage: 1e9 }) },
  };
}

describe('probeWebGpu', () => {
  it('reports a browser without WebGPU', async () => {
    const result = await probeWebGpu({});
    expect(result).toMatchObject({
      ok: false,
      adapter: null,
      recommended: null,
      reasons: [NO_WEBGPU],
    });
  });

  it('reports a null adapter with the reason', async () => {
    const result = await probeWebGpu(fakeNavigator(null));
    expect(result.ok).toBe(false);
    expect(result.reasons).toContain(NO_ADAPTER);
  });

  it('offers only a tiny f32 model on a software adapter without shader-f16', async () => {
    const result = await probeWebGpu(fakeNavigator(fakeAdapter({ f16: false, fallback: true })));
    expect(result.adapter).toMatchObject({ isFallback: true, hasF16: false });
    expect(result.recommended).toBe('Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC');
    expect(result.models.every((m) => m.id.includes('q4f32_1'))).toBe(true);
    expect(result.models.find((m) => m.id.startsWith('Qwen2.5-Coder-3B'))).toMatchObject({
      fits: false,
      why: 'too large for a software adapter',
    });
    expect(result.reasons.some((r) => r.includes('software'))).toBe(true);
  });

  it('picks the 3B coder in f16 on a full GPU with the default budget, 7B with 8 GB', async () => {
    const nav = fakeNavigator(fakeAdapter({ f16: true, fallback: false }));
    const normal = await probeWebGpu(nav);
    expect(normal.ok).toBe(true);
    expect(normal.recommended).toBe('Qwen2.5-Coder-3B-Instruct-q4f16_1-MLC');
    expect(normal.models.find((m) => m.id.startsWith('Qwen2.5-Coder-7B'))?.fits).toBe(false);
    const big = await probeWebGpu(nav, { vramBudgetMb: 8192 });
    expect(big.recommended).toBe('Qwen2.5-Coder-7B-Instruct-q4f16_1-MLC');
    const weak = await probeWebGpu(nav, { vramBudgetMb: 2000 });
    expect(weak.recommended).toBe('Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC');
  });

  it('refuses models whose download exceeds the free storage', async () => {
    const result = await probeWebGpu(
      fakeNavigator(fakeAdapter({ f16: true, fallback: false }), 1.2e9),
    );
    expect(result.recommended).toBe('Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC');
    expect(result.models.find((m) => m.id.startsWith('Qwen2.5-Coder-3B'))?.why).toMatch(
      /download, 1\.2 GB free/,
    );
    const none = await probeWebGpu(
      fakeNavigator(fakeAdapter({ f16: true, fallback: false }), 0.1e9),
    );
    expect(none.ok).toBe(false);
    expect(none.reasons).toContain('No offered model fits this device.');
  });

  it('keeps to low-resource models when the storage binding limit is 128 MB or less', async () => {
    const result = await probeWebGpu(
      fakeNavigator(fakeAdapter({ f16: true, fallback: false, binding: 128 * 2 ** 20 - 1 })),
    );
    expect(result.models.find((m) => m.id.startsWith('Qwen2.5-Coder-1.5B'))?.fits).toBe(false);
    expect(result.recommended).toBe('Qwen2.5-Coder-3B-Instruct-q4f16_1-MLC');
  });

  it('lists the catalog with estimated sizes and VRAM', () => {
    const f32 = listCatalog(false);
    expect(f32.map((m) => m.family)).toEqual(
      expect.arrayContaining(['Qwen2.5-Coder', 'Qwen3', 'Llama-3.2', 'Phi-3.5-vision']),
    );
    expect(f32.find((m) => m.id === 'Qwen2.5-Coder-7B-Instruct-q4f32_1-MLC')).toMatchObject({
      sizeGb: 4.1,
      vramMb: 5900,
    });
    expect(f32.find((m) => m.vision)?.id).toBe('Phi-3.5-vision-instruct-q4f32_1-MLC');
  });
});

describe('model cache', () => {
  it('lists cached models with sizes and deletes them', async () => {
    const cached = new Set(['b']);
    const deps = {
      has: async (id: string) => cached.has(id),
      remove: async (id: string) => void cached.delete(id),
    };
    const models = [
      { id: 'a', sizeGb: 1 },
      { id: 'b', sizeGb: 2 },
    ];
    expect(await listCachedModels(models, deps)).toEqual([{ id: 'b', sizeGb: 2 }]);
    await deleteCachedModel('b', deps);
    expect(await listCachedModels(models, deps)).toEqual([]);
  });
});

const MODEL = 'Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC';
const ask = (text: string) => ({ messages: [{ role: 'user' as const, content: text }] });

describe('createWebLlmProvider with a fake engine', () => {
  it('loads with progress and streams deltas with the reported usage', async () => {
    const factory = createFakeEngineFactory({ reply: () => 'one two three' });
    const provider = createWebLlmProvider({ modelId: MODEL, engineFactory: factory });
    const progress: LoadProgress[] = [];
    await provider.load((p) => progress.push(p));
    expect(progress.map((p) => p.fraction)).toEqual([0, 0.5, 1, 1]);
    const deltas: string[] = [];
    const result = await provider.chat(ask('hi'), { onDelta: (d) => deltas.push(d) });
    expect(deltas).toEqual(['one ', 'two ', 'three']);
    expect(result).toMatchObject({ text: 'one two three', finishReason: 'stop', model: MODEL });
    expect(result.usage).toMatchObject({ completionTokens: 3, estimated: false });
    expect(factory.engines[0]?.requests[0]).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('estimates usage when the engine sends none, and reports truncation', async () => {
    const factory = createFakeEngineFactory({ reply: () => 'a b c d e', omitUsage: true });
    const provider = createWebLlmProvider({ modelId: MODEL, engineFactory: factory });
    const result = await provider.chat({ ...ask('x'), maxTokens: 2 });
    expect(result).toMatchObject({ text: 'a b ', finishReason: 'length' });
    expect(result.usage.estimated).toBe(true);
  });

  it('asks for schema-constrained JSON in WebLLM form and in the prompt', async () => {
    const factory = createFakeEngineFactory({ reply: () => '{"answer": 4}' });
    const provider = createWebLlmProvider({ modelId: MODEL, engineFactory: factory });
    const schema = {
      type: 'object',
      properties: { answer: { type: 'number' } },
      required: ['answer'],
    };
    const result = await provider.chat({
      messages: [
        { role: 'system', content: 'You count.' },
        { role: 'user', content: '2+2?' },
      ],
      responseFormat: { name: 'sum', schema },
      seed: 7,
    });
    expect(JSON.parse(result.text)).toEqual({ answer: 4 });
    const sent = factory.engines[0]?.requests[0];
    expect(sent?.response_format).toEqual({ type: 'json_object', schema: JSON.stringify(schema) });
    expect(sent?.seed).toBe(7);
    expect(sent?.messages).toHaveLength(2);
    expect(sent?.messages[0]?.content).toMatch(
      /^You count\.\n\nReply with one JSON object only .*"answer"/s,
    );
  });

  it('aborts a running generation with interruptGenerate and stays usable', async () => {
    const controller = new AbortController();
    const factory = createFakeEngineFactory({
      reply: () => 'w '.repeat(50),
      beforeChunk: async (i) => {
        if (i === 3) controller.abort();
      },
    });
    const provider = createWebLlmProvider({ modelId: MODEL, engineFactory: factory });
    const deltas: string[] = [];
    const error = await provider
      .chat(ask('long'), { signal: controller.signal, onDelta: (d) => deltas.push(d) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).kind).toBe('aborted');
    expect(deltas).toHaveLength(3);
    expect(factory.engines[0]?.interrupts).toBe(1);
    expect((await provider.chat(ask('again'))).text).toBe('w '.repeat(50));
  });

  it('turns a lost device into a clear error and rebuilds the engine on the next call', async () => {
    const factory = createFakeEngineFactory();
    const provider = createWebLlmProvider({ modelId: MODEL, engineFactory: factory });
    await provider.load();
    factory.engines[0]?.failNext.push('device-lost');
    const error = (await provider.chat(ask('a')).catch((e: unknown) => e)) as LlmError;
    expect(error).toMatchObject({
      kind: 'device-lost',
      message: DEVICE_LOST_MESSAGE,
      retryable: false,
    });
    expect(factory.engines).toHaveLength(1);
    const result = await provider.chat(ask('b'));
    expect(result.text).toBe('echo: b');
    expect(factory.engines).toHaveLength(2);
    expect(factory.engines[1]?.reloads).toBe(1);
  });

  it('maps out-of-memory and context overflow to their kinds', async () => {
    const factory = createFakeEngineFactory();
    const provider = createWebLlmProvider({ modelId: MODEL, engineFactory: factory });
    await provider.load();
    factory.engines[0]?.failNext.push('context-exceeded');
    await expect(provider.chat(ask('a'))).rejects.toMatchObject({ kind: 'context-length' });
    expect(factory.engines).toHaveLength(1); // no rebuild for a prompt that is too long
    factory.engines[0]?.failNext.push('out-of-memory');
    await expect(provider.chat(ask('a'))).rejects.toMatchObject({ kind: 'out-of-memory' });
    await provider.chat(ask('c'));
    expect(factory.engines).toHaveLength(2);
  });

  it('sends one request at a time and drops a queued request on abort without touching the engine', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const factory = createFakeEngineFactory({
      beforeChunk: async (i) => {
        if (i === 0) await gate;
      },
    });
    const provider = createWebLlmProvider({ modelId: MODEL, engineFactory: factory });
    const controller = new AbortController();
    const first = provider.chat(ask('1'));
    const queued = provider.chat(ask('2'), { signal: controller.signal });
    const third = provider.chat(ask('3'));
    controller.abort();
    await expect(queued).rejects.toMatchObject({ kind: 'aborted' });
    release();
    expect((await first).text).toBe('echo: 1');
    expect((await third).text).toBe('echo: 3');
    const engine = factory.engines[0];
    expect(engine?.maxActive).toBe(1);
    expect(engine?.interrupts).toBe(0);
    expect(engine?.requests.map((r) => r.messages[0]?.content)).toEqual(['1', '3']);
  });

  it.each([false, true])(
    'cancels a download through unload() (reload rejects: %s)',
    async (rejects) => {
      let hold = true;
      let open: () => void = () => undefined;
      const reached = new Promise<void>((started) => {
        open = started;
      });
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const factory = createFakeEngineFactory({
        cancelledReloadRejects: rejects,
        holdReload: async () => {
          if (!hold) return;
          open();
          await gate;
        },
      });
      const provider = createWebLlmProvider({ modelId: MODEL, engineFactory: factory });
      const progress: number[] = [];
      const loading = provider.load((p) => progress.push(p.fraction));
      await reached;
      await provider.unload();
      release();
      await expect(loading).rejects.toMatchObject({ kind: 'aborted' });
      const engine = factory.engines[0];
      expect(engine?.unloads).toBe(1);
      expect(engine?.loadedModel).toBeNull();
      expect(progress).toEqual([0, 0.5]);
      hold = false;
      await provider.load();
      expect(engine?.loadedModel).toBe(MODEL);
    },
  );

  it('cancels a download through the load signal', async () => {
    const controller = new AbortController();
    const factory = createFakeEngineFactory({ holdReload: async () => controller.abort() });
    const provider = createWebLlmProvider({ modelId: MODEL, engineFactory: factory });
    await expect(provider.load(undefined, controller.signal)).rejects.toMatchObject({
      kind: 'aborted',
    });
    expect(factory.engines[0]?.unloads).toBe(1);
  });

  it('describes itself as a one-at-a-time grammar backend', () => {
    const provider = createWebLlmProvider({
      modelId: 'Phi-3.5-vision-instruct-q4f16_1-MLC',
      engineFactory: createFakeEngineFactory(),
    });
    expect(provider.describe()).toMatchObject({
      kind: 'webllm',
      capabilities: { maxConcurrency: 1, structured: 'grammar', vision: true, streaming: true },
    });
  });
});

// The shared contract through the fake engine. A local engine has no keys or quotas, so auth and
// rate-limit faults are thrown by the engine as LlmErrors to check that the adapter passes them on.
const contractScript: Required<Pick<FakeEngineScript, 'queue' | 'failures'>> = {
  queue: [],
  failures: [],
};
runProviderContract(
  'webllm (fake engine)',
  () => {
    contractScript.queue.length = 0;
    contractScript.failures.length = 0;
    return createWebLlmProvider({
      modelId: MODEL,
      engineFactory: createFakeEngineFactory(contractScript),
    });
  },
  {
    replyNext: (reply) => contractScript.queue.push(reply),
    failNext: (fault) =>
      contractScript.failures.push(
        fault.kind === 'auth'
          ? new LlmError('auth', 'refused')
          : new LlmError('rate-limit', 'busy', { retryAfterMs: fault.retryAfterMs }),
      ),
  },
);

describe('toLlmError', () => {
  it('names a failed model download as a network error with a way out', () => {
    const error = toLlmError(
      new Error("TypeError: Failed to execute 'add' on 'Cache': Request failed"),
    );
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/delete the model from the cache and retry/);
    expect(toLlmError(new Error('WebGPUNotAvailableError: no adapter')).kind).toBe('unsupported');
  });
});

describe('createWebLlmProvider queueing of loads', () => {
  it('drops a queued load on abort without disturbing the running chat', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const factory = createFakeEngineFactory({
      beforeChunk: async (i) => {
        if (i === 0) await gate;
      },
    });
    const provider = createWebLlmProvider({ modelId: MODEL, engineFactory: factory });
    const running = provider.chat(ask('keep going'));
    const controller = new AbortController();
    const loading = provider.load(undefined, controller.signal);
    controller.abort();
    await expect(loading).rejects.toMatchObject({ kind: 'aborted' });
    release();
    expect(await running).toMatchObject({ text: 'echo: keep going', finishReason: 'stop' });
    expect(factory.engines[0]).toMatchObject({ interrupts: 0, unloads: 0 });
  });
});
