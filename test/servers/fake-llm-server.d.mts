// Types of the fake LLM server for TypeScript tests (the server itself is plain JS for Node).
import type { IncomingHttpHeaders } from 'node:http';

export interface FakeServerRequest {
  format: 'openai' | 'anthropic';
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  stream: boolean;
  structured: boolean;
  index: number;
}

export interface FakeServerReply {
  text?: string;
  finishReason?: 'stop' | 'length';
  model?: string;
  usage?: { promptTokens: number; completionTokens: number };
  omitUsage?: boolean;
  status?: number;
  headers?: Record<string, string>;
  error?: string;
  fault?: 'hang' | 'drop' | 'invalid-json' | 'stream-error';
  latencyMs?: number;
  chunkSize?: number;
  chunkDelayMs?: number;
}

export type Responder = (request: FakeServerRequest) => FakeServerReply | Promise<FakeServerReply>;

export interface FakeLlmServer {
  url: string;
  requests: FakeServerRequest[];
  stats: { preflights: number; chats: number };
  setResponder(responder: Responder | null): void;
  queueReply(...replies: FakeServerReply[]): void;
  close(): Promise<void>;
}

export function startFakeLlmServer(options?: {
  latencyMs?: number;
  chunkSize?: number;
  chunkDelayMs?: number;
  responder?: Responder;
  port?: number;
  /** Extra control routes: `name` is served at POST or GET /__control/NAME (body: JSON or null). */
  controls?: Record<string, ControlHandler>;
}): Promise<FakeLlmServer>;

export type ControlHandler = (
  body: unknown,
  method: 'GET' | 'POST',
) => Record<string, unknown> | undefined | Promise<Record<string, unknown> | undefined>;
