// Types of the fake LLM server's CIT mode for TypeScript tests.
import type { CitFakeOptions } from '../../src/llm/demo/cit-responder.ts';
import type { PromptMessage } from '../../src/core/cit/prompts/task.ts';
import type { FakeLlmServer, FakeServerRequest } from './fake-llm-server.mjs';

export interface CitFakeServer extends FakeLlmServer {
  /** Replaces the CIT options and restarts the "every Nth" counters; returns the options kept. */
  setCitOptions(options: CitFakeOptions): CitFakeOptions;
  readonly citOptions: CitFakeOptions;
}

export function startCitFakeServer(options?: {
  cit?: CitFakeOptions;
  latencyMs?: number;
  chunkSize?: number;
  chunkDelayMs?: number;
  port?: number;
}): Promise<CitFakeServer>;

export function checkCitOptions(value: unknown): CitFakeOptions;
export function promptMessagesOf(
  request: Pick<FakeServerRequest, 'format' | 'body'>,
): PromptMessage[];
export function parseCitServerArgs(argv: string[]): {
  port: number;
  latencyMs: number;
  cit: CitFakeOptions;
};
