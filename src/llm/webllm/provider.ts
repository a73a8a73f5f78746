// LlmProvider for WebLLM: one engine (in its own worker in the app, a fake in tests), one request at
// a time, abort through interruptGenerate(), and a fresh engine after a lost device or OOM.
import type { ChatCompletionChunk } from '@mlc-ai/web-llm';
import { LlmError } from '../types.ts';
import type {
  ChatOptions,
  ChatRequest,
  ChatResult,
  FinishReason,
  LlmProvider,
  LoadProgress,
  ProviderDescription,
} from '../types.ts';
import type { EngineFactory, WebLlmEngine } from './engine.ts';
import { needsRebuild, toLlmError } from './errors.ts';
import { buildWebLlmRequest } from './request.ts';
import { SerialQueue } from './serial-queue.ts';

export interface WebLlmProviderOptions {
  modelId: string;
  engineFactory: EngineFactory;
  /** Context window in tokens (WebLLM's prebuilt records use 4096). */
  contextTokens?: number;
}

/** An engine the factory may attach a disposer to (the worker factory terminates its worker). */
type Disposable = WebLlmEngine & { dispose?: () => void };

export function createWebLlmProvider(options: WebLlmProviderOptions): LlmProvider {
  const { modelId, engineFactory } = options;
  const queue = new SerialQueue();
  let engine: Disposable | null = null;
  let loaded = false;
  let progressListener: ((progress: LoadProgress) => void) | undefined;
  // Bumped by unload(): a reload that returns after it was cancelled must not count as loaded.
  let unloadCount = 0;

  async function getEngine(): Promise<Disposable> {
    engine ??= await engineFactory({
      onProgress: (report) => progressListener?.({ fraction: report.progress, text: report.text }),
    });
    return engine;
  }

  async function dropEngine(): Promise<void> {
    const old = engine;
    engine = null;
    loaded = false;
    if (!old) return;
    await old.unload().catch(() => undefined);
    old.dispose?.();
  }

  async function fail(error: unknown): Promise<never> {
    const llmError = toLlmError(error);
    if (needsRebuild(llmError)) await dropEngine();
    throw llmError;
  }

  async function ensureLoaded(
    onProgress?: (progress: LoadProgress) => void,
  ): Promise<WebLlmEngine> {
    const current = await getEngine();
    if (loaded) return current;
    const ticket = unloadCount;
    progressListener = onProgress;
    const cancelled = (): LlmError => new LlmError('aborted', 'The model download was cancelled.');
    try {
      await current.reload(modelId);
    } catch (error) {
      // A reload stopped by unload() returns quietly on the main thread but rejects with
      // "Engine.unload() is called." through the worker: both mean cancelled.
      if (ticket !== unloadCount) throw cancelled();
      throw error;
    } finally {
      progressListener = undefined;
    }
    if (ticket !== unloadCount) throw cancelled();
    loaded = true;
    return current;
  }

  async function unload(): Promise<void> {
    unloadCount += 1;
    loaded = false;
    const current = engine;
    if (!current) return;
    current.interruptGenerate();
    // unload() also stops a running reload; ensureLoaded() turns its end into "aborted".
    await current.unload().catch(() => undefined);
  }

  function describe(): ProviderDescription {
    return {
      kind: 'webllm',
      name: `WebLLM · ${modelId}`,
      model: modelId,
      capabilities: {
        streaming: true,
        structured: 'grammar',
        vision: /vision/i.test(modelId),
        seed: true,
        maxConcurrency: 1,
        contextTokens: options.contextTokens ?? 4096,
      },
    };
  }

  function load(
    onProgress?: (progress: LoadProgress) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    return queue.run(async () => {
      // Only a download in progress is cancelled by the signal: a load still queued behind a
      // chat is dropped by the queue and must not unload the model under that chat.
      const onAbort = (): void => void unload();
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        await ensureLoaded(onProgress);
        onProgress?.({ fraction: 1, text: `${modelId} ready` });
      } catch (error) {
        await fail(error);
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    }, signal);
  }

  function chat(request: ChatRequest, chatOptions: ChatOptions = {}): Promise<ChatResult> {
    const { signal, onDelta } = chatOptions;
    return queue.run(async () => {
      const started = performance.now();
      let current: WebLlmEngine | null = null;
      // Interrupt, then stop iterating: the engine resets the flag at the next request.
      const onAbort = (): void => current?.interruptGenerate();
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        current = await ensureLoaded();
        if (signal?.aborted) throw new LlmError('aborted', 'The call was aborted.');
        const stream = (await current.chat.completions.create(
          buildWebLlmRequest(request),
        )) as AsyncIterable<ChatCompletionChunk>;
        let text = '';
        let finish: string | null = null;
        let model = modelId;
        let usage: ChatCompletionChunk['usage'] | undefined;
        for await (const chunk of stream) {
          if (signal?.aborted) break;
          const choice = chunk.choices[0];
          const delta = choice?.delta.content;
          if (delta) {
            text += delta;
            onDelta?.(delta);
          }
          if (choice?.finish_reason) finish = choice.finish_reason;
          if (chunk.usage) usage = chunk.usage;
          if (chunk.model) model = chunk.model;
        }
        if (signal?.aborted) throw new LlmError('aborted', 'The call was aborted.');
        return {
          text,
          finishReason: toFinishReason(finish),
          usage: usage
            ? {
                promptTokens: usage.prompt_tokens,
                completionTokens: usage.completion_tokens,
                estimated: false,
              }
            : {
                promptTokens: estimateTokens(JSON.stringify(request.messages)),
                completionTokens: estimateTokens(text),
                estimated: true,
              },
          latencyMs: performance.now() - started,
          model,
        };
      } catch (error) {
        return fail(error);
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    }, signal);
  }

  return { describe, load, chat, unload };
}

function toFinishReason(reason: string | null): FinishReason {
  if (reason === 'length') return 'length';
  if (reason === 'abort') return 'abort';
  return 'stop';
}

/** About four characters per token: used only when the engine sent no usage chunk. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
