// The "Demo (no LLM)" provider: the template-backed fake LLM (cit-responder.ts) behind the
// LlmProvider interface, so a person can run the CIT pipeline offline with no key. A request
// without a CIT task line that asks for JSON (e.g. "Test connection") gets a minimal valid
// instance of its schema; other requests without a task line get a polite plain-text reply.
import type { PromptMessage } from '../../core/cit/prompts/task.ts';
import { readTask } from '../../core/cit/prompts/task.ts';
import { createFakeProvider } from '../fake-provider.ts';
import type { LlmProvider } from '../types.ts';
import { createCitResponder, type CitFakeOptions } from './cit-responder.ts';

export const DEMO_PROVIDER_NAME = 'Demo (template-backed, no LLM)';
export const DEMO_MODEL = 'demo-template';

export interface DemoProviderOptions extends CitFakeOptions {
  /** Milliseconds before each reply (default 0). */
  latencyMs?: number;
}

export function createDemoProvider(options: DemoProviderOptions = {}): LlmProvider {
  const { latencyMs = 0, ...fakeOptions } = options;
  const respond = createCitResponder(fakeOptions);
  const fake = createFakeProvider({
    model: DEMO_MODEL,
    latencyMs,
    chunkSize: 256,
    capabilities: { structured: 'prompt', vision: true, maxConcurrency: 8, seed: true },
    script: (request) => {
      const messages: readonly PromptMessage[] = request.messages;
      // undefined: the fake provider answers with an example of the requested schema.
      if (readTask(messages) === null && request.responseFormat !== undefined) return undefined;
      return { text: respond(messages) };
    },
  });
  return {
    describe: () => ({ ...fake.describe(), name: DEMO_PROVIDER_NAME }),
    load: (onProgress, signal) => fake.load(onProgress, signal),
    chat: (request, chatOptions) => fake.chat(request, chatOptions),
    unload: () => fake.unload(),
  };
}
