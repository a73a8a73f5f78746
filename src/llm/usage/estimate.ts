// Worst-case token counts of a request, for rate limits and the budget before a call is sent.
import { estimatePromptTokens, estimateTokens } from '../token-estimate.ts';
import type { ChatRequest } from '../types.ts';

/** Assumed completion size when a request sets no maxTokens (edit me: a typical code reply cap). */
export const DEFAULT_COMPLETION_TOKENS = 4_096;

export function estimateRequestPromptTokens(request: ChatRequest): number {
  const schema = request.responseFormat
    ? estimateTokens(JSON.stringify(request.responseFormat))
    : 0;
  return estimatePromptTokens(request.messages) + schema;
}

/** The most a call can cost in tokens: its prompt plus every completion token it may produce. */
export function estimateWorstCaseTokens(request: ChatRequest): {
  prompt: number;
  completion: number;
} {
  return {
    prompt: estimateRequestPromptTokens(request),
    completion: request.maxTokens ?? DEFAULT_COMPLETION_TOKENS,
  };
}
