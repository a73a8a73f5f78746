// The one interface every LLM backend implements (ARCHITECTURE.md "LLM providers"):
// OpenAI-compatible HTTP, Anthropic, WebLLM and a scripted fake. Errors are normalised to kinds.

/** A part of a message: text, or an image as a data URL (vision models only). */
export type ContentPart = { type: 'text'; text: string } | { type: 'image'; dataUrl: string };

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string | ContentPart[];
}

/** Ask for JSON that matches a schema (plain JSON Schema; keep it simple for grammar engines). */
export interface ResponseFormat {
  name: string;
  schema: Record<string, unknown>;
}

export interface ChatRequest {
  messages: ChatMessage[];
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  stop?: string[];
  /** Integer seed, passed where the backend supports it. */
  seed?: number;
  responseFormat?: ResponseFormat;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  /** True when the backend did not report usage and it was estimated. */
  estimated: boolean;
}

export type FinishReason = 'stop' | 'length' | 'abort' | 'error';

export interface ChatResult {
  text: string;
  finishReason: FinishReason;
  usage: Usage;
  latencyMs: number;
  /** Model id the backend says answered. */
  model: string;
}

export interface ChatOptions {
  signal?: AbortSignal;
  /** Called with each streamed text delta (when the backend streams). */
  onDelta?: (delta: string) => void;
}

/** How a backend can produce structured output. */
export type StructuredMode = 'json-schema' | 'tool' | 'grammar' | 'prompt';

export interface ProviderCapabilities {
  streaming: boolean;
  structured: StructuredMode;
  vision: boolean;
  seed: boolean;
  /** Requests the backend should get at once. */
  maxConcurrency: number;
  /** Context window in tokens, when known. */
  contextTokens: number | null;
}

export interface ProviderDescription {
  kind: 'openai-compatible' | 'anthropic' | 'webllm' | 'fake';
  /** Display name, e.g. "OpenRouter · qwen/qwen-2.5-coder-32b". */
  name: string;
  model: string;
  capabilities: ProviderCapabilities;
}

export interface LoadProgress {
  /** 0..1 */
  fraction: number;
  text: string;
}

/** One LLM backend. */
export interface LlmProvider {
  describe(): ProviderDescription;
  /** Prepare (download weights for WebLLM); resolves at once for HTTP backends. */
  load(onProgress?: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<void>;
  chat(request: ChatRequest, options?: ChatOptions): Promise<ChatResult>;
  /** Free resources (WebLLM unloads the model). */
  unload(): Promise<void>;
}

/** Every failure of a call, normalised. */
export type LlmErrorKind =
  | 'auth'
  | 'rate-limit'
  | 'overloaded'
  | 'bad-request'
  | 'context-length'
  | 'network' // network or CORS: the browser cannot tell them apart
  | 'aborted'
  | 'device-lost'
  | 'out-of-memory'
  | 'unsupported'
  | 'invalid-output' // a reply that is not valid JSON for the schema after the repair attempt
  | 'budget'; // the call would exceed the spending cap: refused before it was sent

/** A failed call, thrown by providers (name 'LlmError'; tell kinds apart by `kind`). */
export class LlmError extends Error {
  override readonly name = 'LlmError';
  readonly kind: LlmErrorKind;
  readonly retryable: boolean;
  /** From Retry-After, when the backend said. */
  readonly retryAfterMs: number | null;
  /** HTTP status, when there was one. */
  readonly status: number | null;

  constructor(
    kind: LlmErrorKind,
    message: string,
    options: { retryAfterMs?: number | null; status?: number | null; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.retryable = RETRYABLE.has(kind);
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.status = options.status ?? null;
  }
}

const RETRYABLE = new Set<LlmErrorKind>(['rate-limit', 'overloaded', 'network']);
