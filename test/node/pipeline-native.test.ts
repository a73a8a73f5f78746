// The job runner with REAL rendering: template charts drawn by Debian's CPython + matplotlib
// (workers/python/py/native_server.py) and every answer program run in the script's namespace.
// A template answer that does not verify is a bug of the recipe: this test fails on any.
import 'fake-indexeddb/auto';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateRecipeSettings } from '../../src/core/dataset/records.ts';
import {
  CitDatabase,
  countCharts,
  createDataset,
  iterateDatasetForExport,
  listRunItems,
} from '../../src/db/index.ts';
import { JobRunner, createDbRunStore, type Renderer } from '../../src/pipeline/index.ts';
import type { AnswerResult, RenderResult, RuntimeInfo } from '../../src/python/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PYTHON = '/usr/bin/python3';
const hasMatplotlib =
  spawnSync(PYTHON, ['-c', 'import matplotlib, numpy'], { stdio: 'ignore' }).status === 0;
if (!hasMatplotlib) console.warn(`skipping: ${PYTHON} with matplotlib is not available`);

/** A Renderer over one native_server.py process (one request at a time). */
function startNativeRenderer(): Renderer & { close(): void } {
  const child = spawn(PYTHON, [path.join(ROOT, 'workers/python/py/native_server.py')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting = new Map<
    number,
    (reply: { ok: boolean; result?: unknown; message?: string }) => void
  >();
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const reply = JSON.parse(line) as {
      id: number;
      ok: boolean;
      result?: unknown;
      message?: string;
    };
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  let nextId = 0;
  const call = <T>(request: Record<string, unknown>): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = (nextId += 1);
      waiting.set(id, (reply) =>
        reply.ok ? resolve(reply.result as T) : reject(new Error(reply.message)),
      );
      child.stdin.write(JSON.stringify({ id, ...request }) + '\n');
    });
  const booted = call<RuntimeInfo>({ op: 'boot', config: { distribution: 'native' } });
  return {
    async render(code, options) {
      await booted;
      const options_ = { ...options, timeoutMs: 20_000, maxPixels: 4_000_000 };
      const result = await call<RenderResult & { png?: string | Uint8Array }>({
        op: 'render',
        code,
        options: options_,
      });
      // render.py leaves the runtime to its host (the worker adds it; so does this adapter).
      result.runtime ??= await booted;
      if (result.ok)
        result.png = new Uint8Array(Buffer.from(result.png as unknown as string, 'base64'));
      return result;
    },
    runAnswerProgram: (renderId, program) =>
      call<AnswerResult>({ op: 'answer', renderId, program, timeoutMs: 10_000 }),
    close: () => child.kill(),
  };
}

const SETTINGS: TemplateRecipeSettings = {
  kind: 'template',
  count: 40,
  seed: 20261127,
  chartTypes: {},
  topics: [],
  questionsPerKind: { recognition: 3, reasoning: 3 },
  dpi: 80,
};

describe.skipIf(!hasMatplotlib)('job runner over native matplotlib', () => {
  let renderer: ReturnType<typeof startNativeRenderer>;
  beforeAll(() => {
    renderer = startNativeRenderer();
  });
  afterAll(() => renderer?.close());

  it('renders and verifies every template Q&A', { timeout: 120_000 }, async () => {
    const db = new CitDatabase(`native-${crypto.randomUUID()}`);
    await db.open();
    const dataset = await createDataset(db, { name: 'Native template run' });
    const runner = new JobRunner({ renderer, store: createDbRunStore(db) });
    const started = performance.now();
    const run = await runner.start({
      datasetId: dataset.id,
      recipeId: 'template',
      settings: SETTINGS,
    });
    await runner.whenIdle();
    const seconds = (performance.now() - started) / 1000;

    const snapshot = runner.snapshot;
    const mismatches: string[] = [];
    const unverifiable: string[] = [];
    let qaCount = 0;
    for await (const { chart, image, qa } of iterateDatasetForExport(db, dataset.id)) {
      expect(image?.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(image?.bytes).toBeGreaterThan(1000);
      expect(chart.provenance.runtime.distribution).toBe('native');
      for (const item of qa) {
        qaCount += 1;
        const line = `${chart.minor} ${item.template}: ${item.verification?.reason}`;
        if (item.verification?.status === 'mismatch') mismatches.push(line);
        if (item.verification?.status === 'unverifiable') unverifiable.push(line);
      }
    }
    console.log(
      `native template run: ${snapshot.stages.done} charts, ${qaCount} Q&A in ${seconds.toFixed(1)} s ` +
        `(${snapshot.ratePerMinute?.toFixed(0)} charts/min)`,
    );
    const failed = (await listRunItems(db, run.id)).filter((item) => item.stage === 'failed');
    expect(failed.map((item) => item.attempts.at(-1)?.error)).toEqual([]);
    expect(snapshot.status).toBe('completed');
    expect(await countCharts(db, dataset.id)).toBe(SETTINGS.count);
    expect(mismatches).toEqual([]);
    expect(unverifiable).toEqual([]);
    expect(snapshot.mismatches).toBe(0);
    expect(qaCount).toBeGreaterThanOrEqual(SETTINGS.count * 2);
  });
});
