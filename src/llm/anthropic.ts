// Anthropic's native Messages API over fetch. Browser calls need the direct-browser-access header.
// Structured output is a forced tool call: the tool's `input` (JSON) becomes the reply text.
// Dropped streams behave as in the OpenAI-compatible adapter: `network` error when nothing arrived,
// else the partial text with finishReason 'error'.
import {
  defaultFetch,
  droppedStreamError,
  joinUrl,
  parseEventData,
  postJson,
  readJsonBody,
  type FetchLike,
} from './http-call.ts';
import { errorFromThrown, scrubSecrets } from './http-errors.ts';
import { readSseEvents } from './sse.ts';
import { estimatePromptTokens, estimateTokens } from './token-estimate.ts';
import {
  LlmError,
  type ChatMessage,
  type ChatOptions,
  type ChatRequest,
  type ChatResult,
  type FinishReason,
  type LlmErrorKind,
  type LlmProvider,
  type ProviderDescription,
} from './types.ts';

export interface AnthropicConfig {
  apiKey: string;
  model: string;
  /** Default https://api.anthropic.com */
  baseUrl?: string;
  fetch?: FetchLike;
  stream?: boolean;
  /** max_tokens is required by the API; used when the request does not say. */
  defaultMaxTokens?: number;
}

type Block =
  | { type: 'text'; text: string }
  | { type: 'image'; source: { type: 'base64'; media_type: string; data: string } };

function toBlocks(message: ChatMessage): string | Block[] {
  if (typeof message.content === 'string') return message.content;
  return message.content.map((part): Block => {
    if (part.type === 'text') return { type: 'text', text: part.text };
    const match = /^data:([^;,]+);base64,(.*)$/s.exec(part.dataUrl);
    if (match === null || match[1] === undefined || match[2] === undefined) {
      throw new LlmError('bad-request', 'images must be base64 data URLs');
    }
    return { type: 'image', source: { type: 'base64', media_type: match[1], data: match[2] } };
  });
}

function systemText(messages: readonly ChatMessage[]): string {
  return messages
    .filter((m) => m.role === 'system')
    .map((m) =>
      typeof m.content === 'string'
        ? m.content
        : m.content.map((p) => (p.type === 'text' ? p.text : '')).join(''),
    )
    .join('\n\n');
}

/** The request body (exported for tests of the wire format). */
export function buildAnthropicBody(
  model: string,
  request: ChatRequest,
  stream: boolean,
  defaultMaxTokens: number,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model,
    max_tokens: request.maxTokens ?? defaultMaxTokens,
    messages: request.messages
      .filter((m) => m.role !== 'system')
      .map((m) => ({ role: m.role, content: toBlocks(m) })),
  };
  const system = systemText(request.messages);
  if (system !== '') body['system'] = system;
  if (request.temperature !== undefined) body['temperature'] = request.temperature;
  if (request.topP !== undefined) body['top_p'] = request.topP;
  if (request.stop !== undefined && request.stop.length > 0) body['stop_sequences'] = request.stop;
  // No seed: the Messages API has none.
  if (request.responseFormat !== undefined) {
    const { name, schema } = request.responseFormat;
    body['tools'] = [{ name, description: 'Reply with this structure.', input_schema: schema }];
    body['tool_choice'] = { type: 'tool', name };
  }
  if (stream) body['stream'] = true;
  return body;
}

function toFinishReason(reason: unknown): FinishReason {
  return reason === 'max_tokens' ? 'length' : 'stop';
}

const ERROR_TYPES: Record<string, LlmErrorKind> = {
  authentication_error: 'auth',
  permission_error: 'auth',
  rate_limit_error: 'rate-limit',
  overloaded_error: 'overloaded',
  api_error: 'overloaded',
  invalid_request_error: 'bad-request',
  request_too_large: 'context-length',
};

interface WireMessage {
  model?: string;
  content?: { type: string; text?: string; input?: unknown }[];
  stop_reason?: string | null;
  usage?: { input_tokens?: number; output_tokens?: number };
}

interface WireEvent {
  type?: string;
  message?: WireMessage;
  content_block?: { type?: string };
  delta?: { type?: string; text?: string; partial_json?: string; stop_reason?: string | null };
  usage?: { input_tokens?: number; output_tokens?: number };
  error?: { type?: string; message?: string };
}

export function createAnthropicProvider(config: AnthropicConfig): LlmProvider {
  const fetchImpl = config.fetch ?? defaultFetch();
  const streaming = config.stream ?? true;
  const url = joinUrl(config.baseUrl ?? 'https://api.anthropic.com', '/v1/messages');
  const secrets = [config.apiKey];
  const defaultMaxTokens = config.defaultMaxTokens ?? 4096;
  const description: ProviderDescription = {
    kind: 'anthropic',
    name: `Anthropic · ${config.model}`,
    model: config.model,
    capabilities: {
      streaming: true,
      structured: 'tool',
      vision: true,
      seed: false,
      maxConcurrency: 4,
      contextTokens: 200_000,
    },
  };
  const headers = {
    'Content-Type': 'application/json',
    'x-api-key': config.apiKey,
    'anthropic-version': '2023-06-01',
    'anthropic-dangerous-direct-browser-access': 'true',
  };

  function eventError(error: WireEvent['error']): LlmError {
    const kind = ERROR_TYPES[error?.type ?? ''] ?? 'overloaded';
    const message = scrubSecrets(error?.message ?? error?.type ?? 'unknown error', secrets);
    return new LlmError(kind, `the stream reported an error: ${message}`);
  }

  function usageOf(
    input: number | undefined,
    output: number | undefined,
    request: ChatRequest,
    text: string,
  ) {
    if (typeof input === 'number' && typeof output === 'number') {
      return { promptTokens: input, completionTokens: output, estimated: false };
    }
    return {
      promptTokens: estimatePromptTokens(request.messages),
      completionTokens: estimateTokens(text),
      estimated: true,
    };
  }

  async function post(
    request: ChatRequest,
    options: ChatOptions,
    stream: boolean,
  ): Promise<Response> {
    return postJson({
      fetch: fetchImpl,
      url,
      headers,
      body: buildAnthropicBody(config.model, request, stream, defaultMaxTokens),
      signal: options.signal,
      secrets,
    });
  }

  async function chatOnce(
    request: ChatRequest,
    options: ChatOptions,
    started: number,
  ): Promise<ChatResult> {
    const response = await post(request, options, false);
    const json = (await readJsonBody(response, options.signal)) as WireMessage & WireEvent;
    if (json.type === 'error') throw eventError(json.error);
    const blocks = json.content ?? [];
    const tool = blocks.find((b) => b.type === 'tool_use');
    const text =
      request.responseFormat !== undefined && tool !== undefined
        ? JSON.stringify(tool.input ?? null)
        : blocks.map((b) => (b.type === 'text' ? (b.text ?? '') : '')).join('');
    if (text !== '') options.onDelta?.(text);
    return {
      text,
      finishReason: toFinishReason(json.stop_reason),
      usage: usageOf(json.usage?.input_tokens, json.usage?.output_tokens, request, text),
      latencyMs: performance.now() - started,
      model: json.model ?? config.model,
    };
  }

  async function chatStreaming(
    request: ChatRequest,
    options: ChatOptions,
    started: number,
  ): Promise<ChatResult> {
    const response = await post(request, options, true);
    if (response.body === null) throw droppedStreamError();
    let text = '';
    let model = config.model;
    let finish: FinishReason | null = null;
    let inputTokens: number | undefined;
    let outputTokens: number | undefined;
    let stopped = false;
    try {
      for await (const event of readSseEvents(response.body)) {
        const data = parseEventData(event.data) as WireEvent;
        const type = event.event ?? data.type;
        if (type === 'ping') continue;
        if (type === 'error') throw eventError(data.error);
        if (type === 'message_start') {
          if (typeof data.message?.model === 'string') model = data.message.model;
          inputTokens = data.message?.usage?.input_tokens ?? inputTokens;
          outputTokens = data.message?.usage?.output_tokens ?? outputTokens;
        } else if (type === 'content_block_delta') {
          // A structured reply is the forced tool's JSON only; any text block beside it is dropped.
          const delta =
            data.delta?.type === 'input_json_delta'
              ? data.delta.partial_json
              : request.responseFormat === undefined
                ? data.delta?.text
                : undefined;
          if (typeof delta === 'string' && delta !== '') {
            text += delta;
            options.onDelta?.(delta);
          }
        } else if (type === 'message_delta') {
          if (data.delta?.stop_reason) finish = toFinishReason(data.delta.stop_reason);
          outputTokens = data.usage?.output_tokens ?? outputTokens;
          inputTokens = data.usage?.input_tokens ?? inputTokens;
        } else if (type === 'message_stop') {
          stopped = true;
          break;
        }
      }
    } catch (error) {
      const mapped = errorFromThrown(error, options.signal, secrets);
      if (mapped.kind !== 'network' || text === '') throw mapped;
      finish = 'error';
    }
    // Without message_stop, a stop_reason already seen means the reply was complete.
    if (!stopped && finish === null) {
      if (text === '') throw droppedStreamError();
      finish = 'error';
    }
    return {
      text,
      finishReason: finish ?? 'stop',
      usage: usageOf(inputTokens, outputTokens, request, text),
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
