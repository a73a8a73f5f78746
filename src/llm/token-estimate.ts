// Token counts for backends that do not report usage: about four characters a token, marked estimated.
import type { ChatMessage, Usage } from './types.ts';

/** Rough token count of a text (chars / 4, rounded up). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Rough prompt size; an image counts as a flat 765 tokens (a 1024px tile in OpenAI's accounting). */
export function estimatePromptTokens(messages: readonly ChatMessage[]): number {
  let total = 0;
  for (const message of messages) {
    if (typeof message.content === 'string') total += estimateTokens(message.content);
    else {
      for (const part of message.content) {
        total += part.type === 'text' ? estimateTokens(part.text) : 765;
      }
    }
    total += 4; // role and separators
  }
  return total;
}

export function estimateUsage(messages: readonly ChatMessage[], reply: string): Usage {
  return {
    promptTokens: estimatePromptTokens(messages),
    completionTokens: estimateTokens(reply),
    estimated: true,
  };
}
