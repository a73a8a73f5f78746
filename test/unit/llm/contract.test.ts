// The provider contract, run against the scripted fake and both HTTP adapters via the fake server.
import { afterAll, beforeAll } from 'vitest';
import { createAnthropicProvider } from '../../../src/llm/anthropic.ts';
import { createFakeProvider, type FakeProvider } from '../../../src/llm/fake-provider.ts';
import { createOpenAiCompatibleProvider } from '../../../src/llm/openai-compatible.ts';
import { startFakeLlmServer, type FakeLlmServer } from '../../servers/fake-llm-server.mjs';
import { runProviderContract, type ContractControls } from './provider-contract.ts';

let server: FakeLlmServer;
beforeAll(async () => {
  server = await startFakeLlmServer();
});
afterAll(async () => {
  await server.close();
});

const serverControls: ContractControls = {
  replyNext: (reply) => server.queueReply(reply),
  failNext: (fault) =>
    server.queueReply(
      fault.kind === 'auth'
        ? { status: 401, error: 'invalid api key' }
        : {
            status: 429,
            error: 'slow down',
            headers: { 'retry-after': String(fault.retryAfterMs / 1000) },
          },
    ),
};

let fake: FakeProvider = createFakeProvider();
runProviderContract(
  'fake',
  () => {
    fake = createFakeProvider({ chunkSize: 3 });
    return fake;
  },
  {
    replyNext: (reply) => fake.enqueue(reply),
    failNext: (fault) =>
      fake.enqueue({
        fault:
          fault.kind === 'auth'
            ? { kind: 'auth' }
            : { kind: 'rate-limit', retryAfterMs: fault.retryAfterMs },
      }),
  },
  { streamsInPieces: true },
);

for (const stream of [true, false]) {
  runProviderContract(
    `openai-compatible (${stream ? 'streaming' : 'not streaming'})`,
    () =>
      createOpenAiCompatibleProvider({
        baseUrl: `${server.url}/v1`,
        apiKey: 'sk-test-contract-key',
        model: 'fake-coder',
        preset: 'custom',
        stream,
      }),
    serverControls,
    { streamsInPieces: stream },
  );
  runProviderContract(
    `anthropic (${stream ? 'streaming' : 'not streaming'})`,
    () =>
      createAnthropicProvider({
        baseUrl: server.url,
        apiKey: 'sk-ant-test-contract-key',
        model: 'claude-fake',
        stream,
      }),
    serverControls,
    { streamsInPieces: stream },
  );
}
