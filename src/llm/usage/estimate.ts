// Token estimates for when a backend reports no usage, and for limits/budgets before a call.
// Rough on purpose (≈ 4 characters per token for English and code, the common rule of thumb);
// results that use it are marked `estimated`.
import type { ChatRequest } from '../types.ts';

const CHARS_PER_TOKEN = 4;
/** Per message framing (role markers etc.). */
const MESSAGE_OVERHEAD = 4;
/** An image costs about this much on hosted vision models at default detail (edit me). */
const IMAGE_TOKENS = 1_000;
/** Assumed completion size when a request sets no maxTokens. */
export const DEFAULT_COMPLETION_TOKENS = 4_096;

export function estimateTextTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

export function estimatePromptTokens(request: ChatRequest): number {
  let tokens = 0;
  for (const message of request.messages) {
    tokens += MESSAGE_OVERHEAD;
    if (typeof message.content === 'string') tokens += estimateTextTokens(message.content);
    else
      for (const part of message.content)
        tokens += part.type === 'text' ? estimateTextTokens(part.text) : IMAGE_TOKENS;
  }
  if (request.responseFormat) tokens += estimateTextTokens(JSON.stringify(request.responseFormat));
  return tokens;
}

/** The most a call can cost in tokens: its prompt plus every completion token it may produce. */
export function estimateWorstCaseTokens(request: ChatRequest): {
  prompt: number;
  completion: number;
} {
  return {
    prompt: estimatePromptTokens(request),
    completion: request.maxTokens ?? DEFAULT_COMPLETION_TOKENS,
  };
}
