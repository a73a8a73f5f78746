// A scripted LlmProvider for tests and offline demos: replies come from a FIFO or from a function
// of the request, streamed in chunks with optional latency; a scripted fault throws that error
// kind. Usage is deterministic (chars / 4, reported as not estimated, like a real backend would).
import { makeSchemaExample } from './schema-example.ts';
import { estimatePromptTokens, estimateTokens } from './token-estimate.ts';
import {
  LlmError,
  type ChatRequest,
  type ChatResult,
  type FinishReason,
  type LlmErrorKind,
  type LlmProvider,
  type ProviderCapabilities,
} from './types.ts';

export interface FakeFault {
  kind: LlmErrorKind;
  message?: string;
  retryAfterMs?: number;
  status?: number;
}

export interface FakeReply {
  text?: string;
  finishReason?: FinishReason;
  fault?: FakeFault;
  /** Overrides the provider's latency for this reply (ms before the first chunk). */
  latencyMs?: number;
  /** Delay between chunks for this reply. */
  chunkDelayMs?: number;
  /** Characters per chunk for this reply. */
  chunkSize?: number;
}

export type FakeScript =
  FakeReply[] | ((request: ChatRequest, callIndex: number) => FakeReply | undefined);

export interface FakeProviderOptions {
  script?: FakeScript;
  latencyMs?: number;
  /** Characters per streamed chunk (default 8). */
  chunkSize?: number;
  chunkDelayMs?: number;
  model?: string;
  capabilities?: Partial<ProviderCapabilities>;
}

export interface FakeProvider extends LlmProvider {
  /** Appends replies to the FIFO (served before the script function, if any). */
  enqueue(...replies: FakeReply[]): void;
  /** Every request received, in order. */
  readonly requests: ChatRequest[];
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted === true)
    return Promise.reject(new LlmError('aborted', 'the call was cancelled'));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new LlmError('aborted', 'the call was cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createFakeProvider(options: FakeProviderOptions = {}): FakeProvider {
  const queue: FakeReply[] = Array.isArray(options.script) ? [...options.script] : [];
  const scriptFn = typeof options.script === 'function' ? options.script : undefined;
  const chunkSize = Math.max(1, options.chunkSize ?? 8);
  const model = options.model ?? 'fake-model';
  const requests: ChatRequest[] = [];

  function nextReply(request: ChatRequest, index: number): FakeReply {
    const queued = queue.shift();
    if (queued !== undefined) return queued;
    const scripted = scriptFn?.(request, index);
    if (scripted !== undefined) return scripted;
    if (request.responseFormat !== undefined) {
      return { text: JSON.stringify(makeSchemaExample(request.responseFormat.schema)) };
    }
    return { text: 'ok' };
  }

  return {
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    describe: () => ({
      kind: 'fake',
      name: `Fake · ${model}`,
      model,
      capabilities: {
        streaming: true,
        structured: 'json-schema',
        vision: true,
        seed: true,
        maxConcurrency: 16,
        contextTokens: null,
        ...options.capabilities,
      },
    }),
    load: async (onProgress) => onProgress?.({ fraction: 1, text: 'ready' }),
    unload: async () => undefined,
    async chat(request, chatOptions = {}): Promise<ChatResult> {
      const started = performance.now();
      const index = requests.length;
      requests.push(request);
      const reply = nextReply(request, index);
      const signal = chatOptions.signal;
      await sleep(reply.latencyMs ?? options.latencyMs ?? 0, signal);
      if (reply.fault !== undefined) {
        const { kind, message, retryAfterMs, status } = reply.fault;
        throw new LlmError(kind, message ?? `scripted ${kind} fault`, { retryAfterMs, status });
      }
      let text = reply.text ?? '';
      let finishReason = reply.finishReason ?? 'stop';
      if (request.maxTokens !== undefined && estimateTokens(text) > request.maxTokens) {
        text = text.slice(0, request.maxTokens * 4);
        finishReason = 'length';
      }
      const chunkDelay = reply.chunkDelayMs ?? options.chunkDelayMs ?? 0;
      const size = Math.max(1, reply.chunkSize ?? chunkSize);
      for (let at = 0; at < text.length; at += size) {
        if (at > 0) await sleep(chunkDelay, signal);
        else if (signal?.aborted === true) throw new LlmError('aborted', 'the call was cancelled');
        chatOptions.onDelta?.(text.slice(at, at + size));
      }
      return {
        text,
        finishReason,
        usage: {
          promptTokens: estimatePromptTokens(request.messages),
          completionTokens: estimateTokens(text),
          estimated: false,
        },
        latencyMs: performance.now() - started,
        model,
      };
    },
  };
}
