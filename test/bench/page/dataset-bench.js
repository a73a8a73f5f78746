// Hook of the datasets benchmark (built only with CIT_E2E=1, never part of the production UI):
// stores a paper-sized dataset through the app's repositories, filters it, exports and imports
// it, and runs the template recipe through the job runner. test/bench/dataset.mjs drives it.
import {
  countCharts,
  createDataset,
  deleteDataset,
  deriveItemSeeds,
  getDataset,
  importDatasetRecords,
  iterateDatasetForExport,
  listChartsPage,
  listRecipes,
  listRunsOfDataset,
  openDatabase,
  saveRecipe,
} from '../../../src/db/index.ts';
import { DEFAULT_EXPORT_OPTIONS, exportDataset } from '../../../src/core/export/index.ts';
import { importArchive } from '../../../src/core/import/index.ts';
import { createDbRunStore, JobRunner, planTemplateItem } from '../../../src/pipeline/index.ts';
import { RenderPool } from '../../../src/python/index.ts';
import { makeThumbnail } from '../../../src/state/thumbnail.ts';
import { buildDatasetRecords, prepareImages } from './synthetic-dataset.js';

const appBase = new URL('../../../', location.href).href;
// The export dialog's defaults (all four formats; rejected charts left out).
const EXPORT_OPTIONS = { ...DEFAULT_EXPORT_OPTIONS, appVersion: 'bench' };
// The round trip keeps every chart, so the imported counts can be checked against the stored.
const ARCHIVE_OPTIONS = { ...EXPORT_OPTIONS, includeRejected: true };
const PAGE_SIZE = 60;
const MB = 1024 * 1024;

let db = null;
let images = [];
let pool = null;

const since = (started) => performance.now() - started;
const database = async () => (db ??= await openDatabase());

/** The app's export source for a dataset (as the export page builds it). */
async function readExportSource(datasetId) {
  const store = await database();
  const dataset = await getDataset(store, datasetId);
  if (!dataset) throw new Error(`no dataset ${datasetId}`);
  return {
    dataset,
    recipes: await listRecipes(store),
    runs: await listRunsOfDataset(store, datasetId),
    async *items() {
      for await (const entry of iterateDatasetForExport(store, datasetId)) {
        if (!entry.image) continue;
        const { thumbnail: _thumbnail, ...image } = entry.image;
        yield { chart: entry.chart, qa: entry.qa, image };
      }
    },
  };
}

/** Peak JS heap while `work` runs, sampled every 25 ms, after a full GC (needs --expose-gc). */
async function measureHeap(work) {
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 300));
  globalThis.gc?.();
  const baseline = performance.memory.usedJSHeapSize;
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, performance.memory.usedJSHeapSize);
  }, 25);
  try {
    const result = await work();
    peak = Math.max(peak, performance.memory.usedJSHeapSize);
    clearInterval(timer);
    // What the export left behind once garbage is gone (a leak would show here).
    await new Promise((resolve) => setTimeout(resolve, 300));
    globalThis.gc?.();
    const retained = performance.memory.usedJSHeapSize;
    return {
      result,
      baselineMb: baseline / MB,
      peakMb: peak / MB,
      deltaMb: (peak - baseline) / MB,
      retainedMb: (retained - baseline) / MB,
    };
  } finally {
    clearInterval(timer);
  }
}

/** The Generate page's defaults (2 + 2 questions, dpi 100) at `count` charts. */
function templateSettings(count, seed) {
  return {
    kind: 'template',
    count,
    seed,
    chartTypes: {},
    topics: [],
    questionsPerKind: { recognition: 2, reasoning: 2 },
    dpi: 100,
  };
}

window.__citDatasetBench = {
  async prepare(renders) {
    images = await prepareImages(renders);
    return {
      images: images.length,
      meanPngBytes: images.reduce((sum, image) => sum + image.png.byteLength, 0) / images.length,
    };
  },

  /** Builds and stores a dataset in one importDatasetRecords transaction. */
  async store({ name, charts, qa, seed }) {
    const store = await database();
    const buildStarted = performance.now();
    const records = buildDatasetRecords({
      datasetId: crypto.randomUUID(),
      name,
      charts,
      qa,
      images,
      seed,
    });
    const buildMs = since(buildStarted);
    const started = performance.now();
    const counts = await importDatasetRecords(store, records);
    return { datasetId: records.dataset.id, buildMs, storeMs: since(started), ...counts };
  },

  /** The browse page's first read, then filter changes, each a listChartsPage call. */
  async filter(datasetId) {
    const store = await database();
    const sort = { key: 'createdAt' };
    const started = performance.now();
    const first = await listChartsPage(store, datasetId, {}, sort, 0, PAGE_SIZE);
    const firstMs = since(started);
    const sample = first.rows[7] ?? first.rows[0];
    const word = sample.title.split(/\s+/).find((token) => token.length > 4) ?? 'the';
    const changes = [
      ['major', { major: sample.major }, sort],
      ['minor', { minor: sample.minor }, sort],
      ['verification: any mismatch', { verification: 'any-mismatch' }, sort],
      ['verification: all verified', { verification: 'all-verified' }, sort],
      ['text: one title word', { text: word.toLowerCase() }, sort],
      ['text: two prefixes', { text: 'what val' }, sort],
      ['findings: any', { findings: true }, sort],
      ['findings: overlapping-text', { findings: 'overlapping-text' }, sort],
      ['review: accepted', { review: 'accepted' }, sort],
      ['sort by title', {}, { key: 'title' }],
      [
        'major + all verified + text',
        { major: sample.major, verification: 'all-verified', text: word.slice(0, 3) },
        sort,
      ],
      ['no filter again', {}, sort],
    ];
    const results = [];
    for (const [label, filter, order] of changes) {
      const changeStarted = performance.now();
      const page = await listChartsPage(store, datasetId, filter, order, 0, PAGE_SIZE);
      results.push({ label, ms: since(changeStarted), total: page.total });
    }
    return { firstMs, firstTotal: first.total, changes: results };
  },

  /** Streams the export into a sink that only counts bytes, as writing to disk would. */
  async exportCounting(datasetId) {
    const source = await readExportSource(datasetId);
    return measureHeap(async () => {
      const started = performance.now();
      let bytes = 0;
      let chunks = 0;
      for await (const chunk of exportDataset(source, EXPORT_OPTIONS)) {
        bytes += chunk.byteLength;
        chunks += 1;
      }
      return { ms: since(started), bytes, chunks };
    });
  },

  /** Exports to a Blob, deletes the dataset, imports the Blob back (all or nothing). */
  async roundTrip(datasetId) {
    const store = await database();
    const before = {
      charts: await countCharts(store, datasetId),
      qa: await store.qa.where('datasetId').equals(datasetId).count(),
    };
    const source = await readExportSource(datasetId);
    const exportStarted = performance.now();
    const parts = [];
    for await (const chunk of exportDataset(source, ARCHIVE_OPTIONS)) parts.push(new Blob([chunk]));
    const archive = new Blob(parts, { type: 'application/zip' });
    const exportMs = since(exportStarted);
    parts.length = 0;
    const deleteStarted = performance.now();
    await deleteDataset(store, datasetId);
    const deleteMs = since(deleteStarted);
    const importStarted = performance.now();
    const read = await importArchive(archive);
    if (!read.ok) return { ok: false, problem: read.problem };
    const readMs = since(importStarted);
    await importDatasetRecords(store, {
      dataset: read.dataset,
      charts: read.charts,
      qa: read.qa,
      recipes: read.recipes,
      runs: read.runs,
      images: await Promise.all(
        read.images.map(async (image) => ({
          ...image,
          png: new Blob([image.png], { type: 'image/png' }),
          thumbnail: null,
        })),
      ),
    });
    const importMs = since(importStarted);
    const after = {
      charts: await countCharts(store, read.dataset.id),
      qa: await store.qa.where('datasetId').equals(read.dataset.id).count(),
    };
    return {
      ok: true,
      archiveBytes: archive.size,
      exportMs,
      deleteMs,
      readMs,
      importMs,
      before,
      after,
    };
  },

  /** A warm pool of `size` workers (boot excluded from every timing). */
  async bootPool(size) {
    pool?.dispose();
    const started = performance.now();
    pool = new RenderPool({ baseUrl: appBase, preferOffline: true, size });
    const info = await pool.ready();
    const deadline = performance.now() + 180_000;
    const status = () => pool.status();
    while (
      (status().booting > 0 || status().idle < status().size + status().spares) &&
      performance.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { bootMs: since(started), distribution: info?.distribution ?? null, status: status() };
  },

  /** The template recipe end to end through the job runner (a new dataset each time). */
  async runTemplate({ count, seed, concurrency }) {
    const store = await database();
    const settings = templateSettings(count, seed);
    const dataset = await createDataset(store, { name: `Template ${count}` });
    const recipe = await saveRecipe(store, { name: 'Template bench', settings });
    const runner = new JobRunner({
      renderer: pool,
      store: createDbRunStore(store),
      concurrency,
      makeThumbnail,
    });
    const started = performance.now();
    await runner.start({ datasetId: dataset.id, recipeId: recipe.id, settings });
    await runner.whenIdle();
    const runMs = since(started);
    const snapshot = runner.snapshot;
    return {
      runMs,
      done: snapshot.stages.done,
      failed: snapshot.stages.failed,
      mismatches: snapshot.mismatches,
      unverifiable: snapshot.unverifiable,
      stored: await countCharts(store, dataset.id),
    };
  },

  /** The same items' scripts (same seeds, same code), rendered only, all queued at once. */
  async renderOnly({ count, seed }) {
    const settings = templateSettings(count, seed);
    const codes = deriveItemSeeds(seed, count).map((itemSeed) => ({
      seed: itemSeed,
      code: planTemplateItem(itemSeed, settings).code,
    }));
    const started = performance.now();
    const results = await Promise.all(
      codes.map(({ code, seed: itemSeed }) => pool.render(code, { dpi: 100, seed: itemSeed })),
    );
    return { renderMs: since(started), renderOk: results.filter((result) => result.ok).length };
  },

  /** Points the app at a dataset (read by the app on load). */
  selectForApp(datasetId) {
    localStorage.setItem('cit-studio.dataset', datasetId);
    localStorage.setItem('cit-studio.runtime-preference', 'offline');
  },

  dispose() {
    pool?.dispose();
    pool = null;
  },
};
