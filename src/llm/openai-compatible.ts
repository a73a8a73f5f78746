// OpenAI-compatible chat completions over fetch (OpenAI, OpenRouter, Groq, Together, Ollama,
// llama.cpp server, vLLM). Only Authorization and Content-Type are sent: any other header would
// have to be allowed by the server's CORS preflight, and many local servers do not allow them.
//
// A stream that drops: if no text had arrived the call throws a `network` error (retryable); if
// some had, it resolves with the partial text and finishReason 'error', never 'stop', so callers
// can tell a truncated reply from a finished one.
import {
  defaultFetch,
  droppedStreamError,
  joinUrl,
  parseEventData,
  postJson,
  readJsonBody,
  type FetchLike,
} from './http-call.ts';
import { errorFromThrown, extractErrorMessage, scrubSecrets } from './http-errors.ts';
import { getPreset, type PresetId } from './presets.ts';
import { readSseEvents } from './sse.ts';
import { estimatePromptTokens, estimateTokens } from './token-estimate.ts';
import {
  LlmError,
  type ChatMessage,
  type ChatOptions,
  type ChatRequest,
  type ChatResult,
  type FinishReason,
  type LlmProvider,
  type ProviderDescription,
  type Usage,
} from './types.ts';

export interface OpenAiCompatibleConfig {
  baseUrl: string;
  apiKey?: string;
  model: string;
  preset?: PresetId;
  /** Extra headers (each one must be allowed by the server's CORS policy). */
  headers?: Record<string, string>;
  fetch?: FetchLike;
  /** Stream replies (default true). */
  stream?: boolean;
  /** Overrides of the preset's capability hints. */
  capabilities?: Partial<ProviderDescription['capabilities']>;
}

type WireContent =
  string | ({ type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } })[];

function toWireMessage(message: ChatMessage): { role: string; content: WireContent } {
  if (typeof message.content === 'string') return { role: message.role, content: message.content };
  return {
    role: message.role,
    content: message.content.map((part) =>
      part.type === 'text'
        ? { type: 'text' as const, text: part.text }
        : { type: 'image_url' as const, image_url: { url: part.dataUrl } },
    ),
  };
}

/** The request body (exported for tests of the wire format). */
export function buildOpenAiBody(
  model: string,
  request: ChatRequest,
  stream: boolean,
): Record<string, unknown> {
  const body: Record<string, unknown> = { model, messages: request.messages.map(toWireMessage) };
  if (request.temperature !== undefined) body['temperature'] = request.temperature;
  if (request.topP !== undefined) body['top_p'] = request.topP;
  if (request.maxTokens !== undefined) body['max_tokens'] = request.maxTokens;
  if (request.stop !== undefined && request.stop.length > 0) body['stop'] = request.stop;
  if (request.seed !== undefined) body['seed'] = request.seed;
  if (request.responseFormat !== undefined) {
    body['response_format'] = {
      type: 'json_schema',
      json_schema: {
        name: request.responseFormat.name,
        schema: request.responseFormat.schema,
        strict: true,
      },
    };
  }
  if (stream) {
    body['stream'] = true;
    body['stream_options'] = { include_usage: true };
  }
  return body;
}

function toFinishReason(reason: unknown): FinishReason {
  if (reason === 'length') return 'length';
  if (
    reason === 'stop' ||
    reason === 'tool_calls' ||
    reason === 'function_call' ||
    reason === 'eos'
  )
    return 'stop';
  if (reason === 'content_filter') return 'error';
  return 'stop';
}

interface WireUsage {
  prompt_tokens?: unknown;
  completion_tokens?: unknown;
}

function toUsage(
  wire: WireUsage | null | undefined,
  messages: readonly ChatMessage[],
  text: string,
): Usage {
  if (
    wire &&
    typeof wire.prompt_tokens === 'number' &&
    typeof wire.completion_tokens === 'number'
  ) {
    return {
      promptTokens: wire.prompt_tokens,
      completionTokens: wire.completion_tokens,
      estimated: false,
    };
  }
  return {
    promptTokens: estimatePromptTokens(messages),
    completionTokens: estimateTokens(text),
    estimated: true,
  };
}

interface WireChunk {
  model?: string;
  error?: unknown;
  choices?: {
    delta?: { content?: string | null };
    message?: { content?: string | null };
    finish_reason?: string | null;
  }[];
  usage?: WireUsage | null;
}

export function createOpenAiCompatibleProvider(config: OpenAiCompatibleConfig): LlmProvider {
  const preset = getPreset(config.preset ?? 'custom');
  const fetchImpl = config.fetch ?? defaultFetch();
  const streaming = config.stream ?? true;
  const secrets = config.apiKey ? [config.apiKey] : [];
  const url = joinUrl(config.baseUrl, '/chat/completions');
  const description: ProviderDescription = {
    kind: 'openai-compatible',
    name: `${preset.label} · ${config.model}`,
    model: config.model,
    capabilities: { ...preset.capabilities, ...config.capabilities },
  };

  function headers(): Record<string, string> {
    const out: Record<string, string> = { 'Content-Type': 'application/json', ...config.headers };
    if (config.apiKey) out['Authorization'] = `Bearer ${config.apiKey}`;
    return out;
  }

  function streamError(error: unknown): LlmError {
    const message = scrubSecrets(extractErrorMessage(JSON.stringify({ error })), secrets);
    const lowered = message.toLowerCase();
    if (lowered.includes('rate'))
      return new LlmError('rate-limit', `the stream reported an error: ${message}`);
    if (lowered.includes('overload'))
      return new LlmError('overloaded', `the stream reported an error: ${message}`);
    if (lowered.includes('context'))
      return new LlmError('context-length', `the stream reported an error: ${message}`);
    return new LlmError('overloaded', `the stream reported an error: ${message}`);
  }

  async function chatOnce(
    request: ChatRequest,
    options: ChatOptions,
    started: number,
  ): Promise<ChatResult> {
    const response = await postJson({
      fetch: fetchImpl,
      url,
      headers: headers(),
      body: buildOpenAiBody(config.model, request, false),
      signal: options.signal,
      secrets,
    });
    const json = (await readJsonBody(response, options.signal)) as WireChunk;
    if (json.error !== undefined) throw streamError(json.error);
    const choice = json.choices?.[0];
    if (choice === undefined) throw new LlmError('bad-request', 'the reply has no choices');
    const text = choice.message?.content ?? '';
    if (text !== '') options.onDelta?.(text);
    return {
      text,
      finishReason: toFinishReason(choice.finish_reason),
      usage: toUsage(json.usage, request.messages, text),
      latencyMs: performance.now() - started,
      model: json.model ?? config.model,
    };
  }

  async function chatStreaming(
    request: ChatRequest,
    options: ChatOptions,
    started: number,
  ): Promise<ChatResult> {
    const response = await postJson({
      fetch: fetchImpl,
      url,
      headers: headers(),
      body: buildOpenAiBody(config.model, request, true),
      signal: options.signal,
      secrets,
    });
    // Some servers ignore `stream` (or refuse it quietly): accept a plain JSON reply too.
    if (
      !(response.headers.get('content-type') ?? '').includes('text/event-stream') ||
      response.body === null
    ) {
      const json = (await readJsonBody(response, options.signal)) as WireChunk;
      const text = json.choices?.[0]?.message?.content ?? '';
      if (text !== '') options.onDelta?.(text);
      return {
        text,
        finishReason: toFinishReason(json.choices?.[0]?.finish_reason),
        usage: toUsage(json.usage, request.messages, text),
        latencyMs: performance.now() - started,
        model: json.model ?? config.model,
      };
    }
    let text = '';
    let finish: FinishReason | null = null;
    let usage: WireUsage | null = null;
    let model = config.model;
    let done = false;
    try {
      for await (const event of readSseEvents(response.body)) {
        if (event.data === '[DONE]') {
          done = true;
          break;
        }
        const chunk = parseEventData(event.data) as WireChunk;
        if (chunk.error !== undefined) throw streamError(chunk.error);
        if (typeof chunk.model === 'string') model = chunk.model;
        if (chunk.usage) usage = chunk.usage;
        const choice = chunk.choices?.[0];
        const delta = choice?.delta?.content;
        if (typeof delta === 'string' && delta !== '') {
          text += delta;
          options.onDelta?.(delta);
        }
        if (choice?.finish_reason) finish = toFinishReason(choice.finish_reason);
      }
    } catch (error) {
      const mapped = errorFromThrown(error, options.signal, secrets);
      if (mapped.kind !== 'network' || text === '') throw mapped;
      finish = 'error';
    }
    if (!done && finish !== 'error') {
      // Ended without [DONE]: a finish_reason plus usage is complete enough (some servers omit
      // [DONE]); otherwise the connection dropped.
      if (finish === null) {
        if (text === '') throw droppedStreamError();
        finish = 'error';
      }
    }
    return {
      text,
      finishReason: finish ?? (done ? 'stop' : 'error'),
      usage: toUsage(usage, request.messages, text),
      latencyMs: performance.now() - started,
      model,
    };
  }

  return {
    describe: () => description,
    load: async () => undefined,
    unload: async () => undefined,
    async chat(request, options = {}) {
      const started = performance.now();
      return streaming
        ? chatStreaming(request, options, started)
        : chatOnce(request, options, started);
    },
  };
}
