// A stand-in for web-llm's engine with the interface the adapter calls: scripted replies streamed
// word by word (plus a usage chunk), reload with progress, interruptGenerate, unload, and
// injected failures (device lost, context exceeded, OOM).
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionRequest,
  InitProgressReport,
} from '@mlc-ai/web-llm';
import type { EngineFactory, WebLlmEngine } from '../../../src/llm/webllm/engine.ts';

export type FakeFailure = 'device-lost' | 'context-exceeded' | 'out-of-memory';

export interface FakeEngineScript {
  /** The reply for a request (default: echoes the last user message). */
  reply?: (request: ChatCompletionRequest) => string;
  /** Awaited before each streamed chunk, so tests can hold a generation mid-way. */
  beforeChunk?: (index: number) => Promise<void>;
  /** Awaited inside reload() after the first progress reports (to test cancelling a download). */
  holdReload?: () => Promise<void>;
  /** A reload stopped by unload() rejects (as through the worker) instead of returning. */
  cancelledReloadRejects?: boolean;
  /** Skip the final usage chunk. */
  omitUsage?: boolean;
  /** Scripted replies, consumed one per request before `reply` is asked (shared by rebuilt engines). */
  queue?: FakeReply[];
  /** Failures thrown by the next create() calls, in order (shared by rebuilt engines). */
  failures?: (FakeFailure | Error)[];
}

export interface FakeReply {
  text: string;
  /** 'length' ends the stream as if max_tokens was reached. */
  finishReason?: 'stop' | 'length';
  /** Characters per streamed chunk (default: one word per chunk). */
  chunkSize?: number;
  chunkDelayMs?: number;
}

const FAILURES: Record<FakeFailure, () => Error> = {
  'device-lost': () =>
    Object.assign(
      new Error(
        'Device was lost. This can happen due to insufficient memory or other GPU constraints.',
      ),
      { name: 'DeviceLostError' },
    ),
  'context-exceeded': () =>
    Object.assign(
      new Error(
        'Prompt tokens exceed context window size: number of prompt tokens: 9000; context window size: 4096',
      ),
      {
        name: 'ContextWindowSizeExceededError',
      },
    ),
  'out-of-memory': () => new Error('GPUOutOfMemoryError: Failed to allocate buffer'),
};

export class FakeMLCEngine implements WebLlmEngine {
  readonly requests: ChatCompletionRequest[] = [];
  reloads = 0;
  unloads = 0;
  interrupts = 0;
  /** Requests running at once right now, and the most ever seen. */
  active = 0;
  maxActive = 0;
  loadedModel: string | null = null;
  /** Failures thrown by the next create() calls, in order. */
  readonly failNext: (FakeFailure | Error)[];
  #interrupted = false;
  #reloadCancelled = false;

  constructor(
    private readonly onProgress: (report: InitProgressReport) => void,
    private readonly script: FakeEngineScript = {},
  ) {
    this.failNext = script.failures ?? [];
  }

  async reload(modelId: string): Promise<void> {
    this.reloads += 1;
    this.#reloadCancelled = false;
    for (const progress of [0, 0.5]) {
      this.onProgress({ progress, timeElapsed: 0, text: `Fetching ${modelId} ${progress * 100}%` });
    }
    await this.script.holdReload?.();
    // web-llm's reload stopped by unload() returns quietly on the main thread, rejects via a worker.
    if (this.#reloadCancelled) {
      if (this.script.cancelledReloadRejects) throw new Error('Engine.unload() is called.');
      return;
    }
    this.onProgress({ progress: 1, timeElapsed: 0, text: 'Finish loading' });
    this.loadedModel = modelId;
  }

  interruptGenerate(): void {
    this.interrupts += 1;
    this.#interrupted = true;
  }

  async unload(): Promise<void> {
    this.unloads += 1;
    this.#reloadCancelled = true;
    this.loadedModel = null;
  }

  readonly chat = {
    completions: {
      create: (
        request: ChatCompletionRequest,
      ): Promise<ChatCompletion | AsyncIterable<ChatCompletionChunk>> => this.#create(request),
    },
  };

  async #create(
    request: ChatCompletionRequest,
  ): Promise<ChatCompletion | AsyncIterable<ChatCompletionChunk>> {
    if (!this.loadedModel)
      throw new Error('Model not loaded before trying to complete ChatCompletionRequest.');
    const failure = this.failNext.shift();
    if (failure) throw failure instanceof Error ? failure : FAILURES[failure]();
    this.requests.push(request);
    this.#interrupted = false; // web-llm resets the flag at each request start
    const scripted = this.script.queue?.shift();
    const words = this.#replyChunks(request, scripted);
    const model = this.loadedModel;
    if (!request.stream) {
      const content = words.join('');
      return {
        id: 'fake',
        object: 'chat.completion',
        created: 0,
        model,
        choices: [
          {
            index: 0,
            finish_reason: 'stop',
            message: { role: 'assistant', content },
            logprobs: null,
          },
        ],
        usage: {
          prompt_tokens: promptTokens(request),
          completion_tokens: words.length,
          total_tokens: promptTokens(request) + words.length,
        },
      } as unknown as ChatCompletion;
    }
    return this.#stream(request, words, model, scripted);
  }

  async *#stream(
    request: ChatCompletionRequest,
    words: string[],
    model: string,
    scripted: FakeReply | undefined,
  ): AsyncGenerator<ChatCompletionChunk> {
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      const limit = request.max_tokens ?? Number.POSITIVE_INFINITY;
      let sent = 0;
      let finish: 'stop' | 'length' | 'abort' = 'stop';
      for (const word of words) {
        await this.script.beforeChunk?.(sent);
        if (scripted?.chunkDelayMs) await sleep(scripted.chunkDelayMs);
        if (this.#interrupted) {
          finish = 'abort';
          break;
        }
        if (sent >= limit) {
          finish = 'length';
          break;
        }
        sent += 1;
        yield chunk(model, { content: word }, null);
      }
      if (finish === 'stop' && scripted?.finishReason === 'length') finish = 'length';
      yield chunk(model, {}, finish);
      if (!this.script.omitUsage && request.stream_options?.include_usage) {
        const prompt = promptTokens(request);
        yield {
          ...chunk(model, {}, null),
          choices: [],
          usage: { prompt_tokens: prompt, completion_tokens: sent, total_tokens: prompt + sent },
        } as unknown as ChatCompletionChunk;
      }
    } finally {
      this.active -= 1;
    }
  }

  #replyChunks(request: ChatCompletionRequest, scripted: FakeReply | undefined): string[] {
    const last = request.messages.at(-1);
    const fallback = typeof last?.content === 'string' ? `echo: ${last.content}` : 'echo';
    const text = scripted?.text ?? this.script.reply?.(request) ?? fallback;
    const size = scripted?.chunkSize;
    if (size) return text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];
    return text.match(/\S+\s*|\s+/g) ?? [];
  }
}

function chunk(
  model: string,
  delta: { content?: string },
  finish: 'stop' | 'length' | 'abort' | null,
): ChatCompletionChunk {
  return {
    id: 'fake',
    object: 'chat.completion.chunk',
    created: 0,
    model,
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
  } as ChatCompletionChunk;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function promptTokens(request: ChatCompletionRequest): number {
  return Math.ceil(JSON.stringify(request.messages).length / 4);
}

/** A factory that records every engine it built (a rebuilt engine shows up as a second one). */
export function createFakeEngineFactory(
  script: FakeEngineScript = {},
): EngineFactory & { engines: FakeMLCEngine[] } {
  const engines: FakeMLCEngine[] = [];
  const factory: EngineFactory = ({ onProgress }) => {
    const engine = new FakeMLCEngine(onProgress, script);
    engines.push(engine);
    return engine;
  };
  return Object.assign(factory, { engines });
}
