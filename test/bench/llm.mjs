// LLM client benchmark: the OpenAI-compatible adapter wrapped in the traffic layer and the usage
// meter, against the local fake server with a fixed latency. Prints a table, then one JSON line.
// Figures only: nothing here asserts on time.
//   npm run bench:llm [-- --latency 50] [--calls 480] [--storm 8]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const argValue = (name, fallback) =>
  process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback;
const LATENCY_MS = argValue('--latency', 50);
const CALLS = argValue('--calls', 480);
const STORM_K = argValue('--storm', 8);
const round = (value, digits = 1) => Number(value.toFixed(digits));

const root = fileURLToPath(new URL('../..', import.meta.url));
const vite = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
});
const { createOpenAiCompatibleProvider } = await vite.ssrLoadModule(
  '/src/llm/openai-compatible.ts',
);
const { withTraffic } = await vite.ssrLoadModule('/src/llm/traffic/traffic-provider.ts');
const { withMetering } = await vite.ssrLoadModule('/src/llm/usage/metered-provider.ts');
const { UsageMeter } = await vite.ssrLoadModule('/src/llm/usage/meter.ts');
const { DEFAULT_PRICES } = await vite.ssrLoadModule('/src/llm/usage/prices.ts');
const { createFakeProvider } = await vite.ssrLoadModule('/src/llm/fake-provider.ts');

/**
 * The fake server runs in its own process so its work does not share the client's event loop
 * (the figures are then the client's, as against a real remote server); the storm's 429s are
 * queued through its control API.
 */
async function startServerProcess() {
  const serverModule = new URL('../servers/fake-llm-server.mjs', import.meta.url).href;
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { startFakeLlmServer } from ${JSON.stringify(serverModule)};\n` +
        `const s = await startFakeLlmServer({ latencyMs: ${LATENCY_MS} });\n` +
        'console.log(s.url);',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = await once(child.stdout, 'data');
  const url = String(line).trim();
  return {
    url,
    queueReply: async (...replies) => {
      await fetch(`${url}/__control/queue`, { method: 'POST', body: JSON.stringify(replies) });
    },
    close: async () => {
      child.kill();
      await once(child, 'exit');
    },
  };
}

const server = await startServerProcess();
const REQUEST = {
  messages: [
    { role: 'system', content: 'You write matplotlib code.' },
    { role: 'user', content: 'Plot a bar chart of five fruits and their prices.' },
  ],
  maxTokens: 256,
  temperature: 0.7,
  seed: 1,
};

/** The full client stack: metering (budget, prompt hash, record) → traffic → HTTP adapter. */
function makeStack(concurrency, traffic = {}) {
  const http = createOpenAiCompatibleProvider({
    baseUrl: `${server.url}/v1`,
    model: 'gpt-4o',
    stream: !process.argv.includes('--no-stream'),
  });
  const controlled = withTraffic(http, { maxConcurrency: concurrency, ...traffic });
  const meter = new UsageMeter(DEFAULT_PRICES, 1_000);
  const records = [];
  const client = withMetering(controlled, { meter, onRecord: (r) => void records.push(r) });
  return { client, controlled, meter, records };
}

/** Fires `count` calls at once; the stack's queue keeps `concurrency` in flight. */
async function runBatch(client, count) {
  const started = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: count }, () => client.chat(REQUEST)),
  );
  const seconds = (performance.now() - started) / 1000;
  return { seconds, ok: results.filter((r) => r.status === 'fulfilled').length, results };
}

/** The same request with a bare fetch, reading the whole (streamed) body: the floor. */
async function bareFetch() {
  const response = await fetch(`${server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      model: 'gpt-4o',
      messages: REQUEST.messages,
      max_tokens: 256,
      stream: true,
      stream_options: { include_usage: true },
    }),
  });
  await response.text();
}

/** Bare fetches, `concurrency` at a time: what the machine and server allow without our stack. */
async function bareFetchRate(concurrency, count) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) await bareFetch();
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

/** Wall ms and client CPU ms per call, calls one after another. */
async function sequentialMs(call, count) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < count; i++) await call();
  const used = process.cpuUsage(cpu);
  return {
    wall: (performance.now() - started) / count,
    cpu: (used.user + used.system) / 1000 / count,
  };
}

/** Cost of our layers alone (meter + traffic) around an in-process fake that answers at once. */
async function layersMs(count) {
  const fake = createFakeProvider({ model: 'gpt-4o', capabilities: { maxConcurrency: 1 } });
  const meter = new UsageMeter(DEFAULT_PRICES, 1_000);
  const wrapped = withMetering(withTraffic(fake), { meter, onRecord: () => undefined });
  for (let i = 0; i < 50; i++) await fake.chat(REQUEST);
  const bare = await sequentialMs(() => fake.chat(REQUEST), count);
  for (let i = 0; i < 50; i++) await wrapped.chat(REQUEST);
  const layered = await sequentialMs(() => wrapped.chat(REQUEST), count);
  return layered.wall - bare.wall;
}

try {
  // Warm up sockets and module code paths.
  const warm = makeStack(4);
  await runBatch(warm.client, 16);
  for (let i = 0; i < 8; i++) await bareFetch();

  const serial = Math.max(20, Math.round(CALLS / 4));
  const fetchRun = await sequentialMs(bareFetch, serial);
  const one = makeStack(1);
  const stackRun = await sequentialMs(() => one.client.chat(REQUEST), serial);
  const fetchMs = fetchRun.wall;
  const stackMs = stackRun.wall;
  const layers = await layersMs(2_000);

  const rows = [];
  const throughput = {};
  for (const c of [1, 4, 16]) {
    const count = c === 1 ? serial : CALLS;
    const { client } = makeStack(c);
    const run = await runBatch(client, count);
    throughput[c] = run.ok / run.seconds;
    const ideal = (c * 1000) / LATENCY_MS;
    const fetchRate = await bareFetchRate(c, count);
    rows.push({
      concurrency: c,
      calls: count,
      'calls/s': round(throughput[c]),
      'ideal calls/s': round(ideal),
      '% of ideal': round((100 * throughput[c]) / ideal),
      'bare fetch calls/s': round(fetchRate),
    });
  }
  console.log(
    `fake server latency ${LATENCY_MS} ms, streaming replies, stack = meter → traffic → HTTP`,
  );
  console.table(rows);

  // 429 storm: the first K calls get 429 with Retry-After: 0.2 s.
  for (let i = 0; i < STORM_K; i++)
    server.queueReply({
      status: 429,
      headers: { 'retry-after': '0.2' },
      error: 'rate limit reached',
    });
  const storms = [];
  const storm = makeStack(4, {
    onStorm: (message) => storms.push(message),
    stormThreshold: STORM_K,
  });
  const stormRun = await runBatch(storm.client, 32);
  const stats = storm.controlled.stats();
  console.table([
    {
      'storm calls': 32,
      '429s served': STORM_K,
      completed: stormRun.ok,
      retries: stats.retries,
      'retry delay s': round(stats.retryDelayMs / 1000, 2),
      'wall s': round(stormRun.seconds, 2),
      'storm reported': storms.at(-1) ?? 'no',
    },
  ]);

  const overhead = stackMs - LATENCY_MS;
  console.log(
    `per call at concurrency 1: bare fetch ${round(fetchMs, 2)} ms, client stack ${round(stackMs, 2)} ms ` +
      `→ overhead ${round(overhead, 2)} ms over the server latency, ${round(stackMs - fetchMs, 2)} ms over bare fetch`,
  );
  console.log(
    `client CPU per call: bare fetch ${round(fetchRun.cpu, 2)} ms, client stack ${round(stackRun.cpu, 2)} ms; ` +
      `meter + traffic layers alone (in-process fake) ${round(layers, 3)} ms`,
  );
  console.log(
    JSON.stringify({
      latency_ms: LATENCY_MS,
      calls_per_s_1: round(throughput[1] ?? 0),
      calls_per_s_4: round(throughput[4] ?? 0),
      calls_per_s_16: round(throughput[16] ?? 0),
      ideal_calls_per_s_16: round((16 * 1000) / LATENCY_MS),
      pct_of_ideal_16: round((100 * (throughput[16] ?? 0) * LATENCY_MS) / 16000),
      // The client stack's own cost: the same call through the stack minus a bare fetch of it
      // (the fetch itself and the fake server are not the client stack).
      overhead_ms_per_call: round(stackMs - fetchMs, 2),
      overhead_vs_latency_ms_per_call: round(overhead, 2),
      bare_fetch_ms_per_call: round(fetchMs, 2),
      cpu_ms_per_call: round(stackRun.cpu, 2),
      bare_fetch_cpu_ms_per_call: round(fetchRun.cpu, 2),
      layers_ms_per_call: round(layers, 3),
      storm_completed: stormRun.ok,
      storm_retries: stats.retries,
      storm_delay_s: round(stats.retryDelayMs / 1000, 2),
      storm_wall_s: round(stormRun.seconds, 2),
    }),
  );
} finally {
  await server.close();
  await vite.close();
}
