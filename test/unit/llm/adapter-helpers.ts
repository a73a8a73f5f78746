// Shared bits of the adapter tests.
import { LlmError, type ChatRequest } from '../../../src/llm/types.ts';

export const KEY = 'sk-SECRET-0123456789abcdef';

export const hello: ChatRequest = { messages: [{ role: 'user', content: 'hello' }] };

/** The LlmError a call rejects with (anything else fails the test). */
export async function failure(promise: Promise<unknown>): Promise<LlmError> {
  const error: unknown = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  if (!(error instanceof LlmError)) throw error;
  return error;
}
