// Provenance of one call, handed to the injected `onRecord` (the caller stores it; src/llm does not
// persist). The prompt hash identifies the exact request without storing it twice.
import type { ChatRequest, FinishReason, LlmErrorKind, Usage } from '../types.ts';
import { sha256Hex } from '../../core/sha256.ts';

export interface CallRecord {
  /** ISO time the call started. */
  startedAt: string;
  runId: string | null;
  /** The dataset item (chart, question…) the call served. */
  itemId: string | null;
  provider: string;
  model: string;
  parameters: {
    temperature: number | null;
    topP: number | null;
    maxTokens: number | null;
    stop: string[] | null;
    responseFormat: string | null;
  };
  seed: number | null;
  /** sha256 (hex) of the canonical JSON of the request. */
  promptHash: string;
  reply: string | null;
  finishReason: FinishReason | null;
  usage: Usage | null;
  /** Null when the model has no price in the table. */
  costUsd: number | null;
  latencyMs: number;
  error: { kind: LlmErrorKind | 'unexpected'; message: string } | null;
}

/** JSON with object keys sorted, so equal requests hash equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function hashRequest(request: ChatRequest): Promise<string> {
  return sha256Hex(canonicalJson(request));
}

export function describeParameters(request: ChatRequest): CallRecord['parameters'] {
  return {
    temperature: request.temperature ?? null,
    topP: request.topP ?? null,
    maxTokens: request.maxTokens ?? null,
    stop: request.stop ?? null,
    responseFormat: request.responseFormat?.name ?? null,
  };
}
