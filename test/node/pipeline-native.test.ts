// The job runner with REAL rendering: template charts drawn by Debian's CPython + matplotlib
// (workers/python/py/native_server.py) and every answer program run in the script's namespace.
// A template answer that does not verify is a bug of the recipe: this test fails on any.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateRecipeSettings } from '../../src/core/dataset/records.ts';
import {
  CitDatabase,
  countCharts,
  createDataset,
  iterateDatasetForExport,
  listRunItems,
} from '../../src/db/index.ts';
import { JobRunner, createDbRunStore } from '../../src/pipeline/index.ts';

import { hasMatplotlib, startNativeRenderer } from './native-renderer.ts';

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
