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
  /** Skip the final usage chunk. */
  omitUsage?: boolean;
}

const FAILURES: Record<FakeFailure, () => Error> = {
  'device-lost': () => Object.assign(new Error('Device was lost. This can happen due to insufficient memory or other GPU constraints.'), { name: 'DeviceLostError' }),
  'context-exceeded': () =>
    Object.assign(new Error('Prompt tokens exceed context window size: number of prompt tokens: 9000; context window size: 4096'), {
      name: 'ContextWindowSizeExceededError',
    }),
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
  readonly failNext: FakeFailure[] = [];
  /** When set, reload() waits on it (to test cancelling a download). */
  reloadGate: Promise<void> | null = null;
  #interrupted = false;
  #reloadCancelled = false;

  constructor(
    private readonly onProgress: (report: InitProgressReport) => void,
    private readonly script: FakeEngineScript = {},
  ) {}

  async reload(modelId: string): Promise<void> {
    this.reloads += 1;
    this.#reloadCancelled = false;
    for (const progress of [0, 0.5]) {
      this.onProgress({ progress, timeElapsed: 0, text: `Fetching ${modelId} ${progress * 100}%` });
    }
    if (this.reloadGate) await this.reloadGate;
    // Like web-llm, a reload stopped by unload() returns quietly.
    if (this.#reloadCancelled) return;
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
      create: (request: ChatCompletionRequest): Promise<ChatCompletion | AsyncIterable<ChatCompletionChunk>> =>
        this.#create(request),
    },
  };

  async #create(request: ChatCompletionRequest): Promise<ChatCompletion | AsyncIterable<ChatCompletionChunk>> {
    if (!this.loadedModel) throw new Error('Model not loaded before trying to complete ChatCompletionRequest.');
    const failure = this.failNext.shift();
    if (failure) throw FAILURES[failure]();
    this.requests.push(request);
    this.#interrupted = false; // web-llm resets the flag at each request start
    const words = this.#replyWords(request);
    const model = this.loadedModel;
    if (!request.stream) {
      const content = words.join('');
      return {
        id: 'fake',
        object: 'chat.completion',
        created: 0,
        model,
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content }, logprobs: null }],
        usage: { prompt_tokens: promptTokens(request), completion_tokens: words.length, total_tokens: promptTokens(request) + words.length },
      } as ChatCompletion;
    }
    return this.#stream(request, words, model);
  }

  async *#stream(request: ChatCompletionRequest, words: string[], model: string): AsyncGenerator<ChatCompletionChunk> {
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      const limit = request.max_tokens ?? Number.POSITIVE_INFINITY;
      let sent = 0;
      let finish: 'stop' | 'length' | 'abort' = 'stop';
      for (const word of words) {
        await this.script.beforeChunk?.(sent);
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
      yield chunk(model, {}, finish);
      if (!this.script.omitUsage && request.stream_options?.include_usage) {
        const prompt = promptTokens(request);
        yield { ...chunk(model, {}, null), choices: [], usage: { prompt_tokens: prompt, completion_tokens: sent, total_tokens: prompt + sent } } as ChatCompletionChunk;
      }
    } finally {
      this.active -= 1;
    }
  }

  #replyWords(request: ChatCompletionRequest): string[] {
    const last = request.messages.at(-1);
    const fallback = typeof last?.content === 'string' ? `echo: ${last.content}` : 'echo';
    const text = this.script.reply?.(request) ?? fallback;
    return text.match(/\S+\s*|\s+/g) ?? [];
  }
}

function chunk(model: string, delta: { content?: string }, finish: 'stop' | 'length' | 'abort' | null): ChatCompletionChunk {
  return {
    id: 'fake',
    object: 'chat.completion.chunk',
    created: 0,
    model,
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
  } as ChatCompletionChunk;
}

function promptTokens(request: ChatCompletionRequest): number {
  return Math.ceil(JSON.stringify(request.messages).length / 4);
}

/** A factory that records every engine it built (a rebuilt engine shows up as a second one). */
export function createFakeEngineFactory(script: FakeEngineScript = {}): EngineFactory & { engines: FakeMLCEngine[] } {
  const engines: FakeMLCEngine[] = [];
  const factory: EngineFactory = ({ onProgress }) => {
    const engine = new FakeMLCEngine(onProgress, script);
    engines.push(engine);
    return engine;
  };
  return Object.assign(factory, { engines });
}
