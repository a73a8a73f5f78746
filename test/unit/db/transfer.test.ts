// Datasets, export streaming, all-or-nothing import and the mapping of a full disk.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  StorageFullError,
  countCharts,
  createDataset,
  deleteDataset,
  importDatasetRecords,
  isQuotaError,
  iterateDatasetForExport,
  listDatasets,
  startRun,
  toStorageProblem,
  type CitDatabase,
  type DatasetImport,
} from '../../../src/db/index.ts';
import { makeChart, makeImage, makeQa, openFreshDatabase } from './fixtures.ts';

function datasetOf(id: string, charts: number): DatasetImport {
  const chartRecords = Array.from({ length: charts }, (_, i) =>
    makeChart(`${id}-c${String(i).padStart(3, '0')}`, id, {
      review: i % 3 === 0 ? 'accepted' : 'unreviewed',
    }),
  );
  return {
    dataset: {
      id,
      name: id,
      description: '',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '',
    },
    charts: chartRecords,
    images: chartRecords.map((chart) => makeImage(chart.imageId)),
    qa: chartRecords.flatMap((chart) => [
      makeQa(`${chart.id}-q0`, chart),
      makeQa(`${chart.id}-q1`, chart),
    ]),
  };
}

async function tableCounts(db: CitDatabase): Promise<number[]> {
  return Promise.all(
    [db.datasets, db.charts, db.chartRows, db.images, db.qa].map((t) => t.count()),
  );
}

describe('datasets', () => {
  it('creates, lists newest first and deletes with everything that belongs to it', async () => {
    const db = await openFreshDatabase();
    const first = await createDataset(db, { name: 'First' }, new Date('2026-01-01'));
    const second = await createDataset(db, { name: 'Second' }, new Date('2026-02-01'));
    expect((await listDatasets(db)).map((d) => d.name)).toEqual(['Second', 'First']);
    await importDatasetRecords(db, datasetOf('kept', 2));
    await startRun(db, {
      datasetId: first.id,
      recipeId: 'r',
      settings: {
        kind: 'template',
        count: 3,
        seed: 1,
        chartTypes: {},
        topics: [],
        questionsPerKind: { recognition: 1, reasoning: 1 },
        dpi: 100,
      },
    });
    await importDatasetRecords(db, { ...datasetOf('gone', 3) });
    await deleteDataset(db, 'gone');
    await deleteDataset(db, first.id);
    expect((await listDatasets(db)).map((d) => d.id).sort()).toEqual(['kept', second.id].sort());
    expect(await tableCounts(db)).toEqual([2, 2, 2, 2, 4]);
    expect(await db.items.count()).toBe(0);
    expect(await db.runs.count()).toBe(0);
  });
});

describe('export', () => {
  it('streams every chart once, in small batches, with its image and Q&A', async () => {
    const db = await openFreshDatabase();
    await importDatasetRecords(db, datasetOf('big', 53));
    await importDatasetRecords(db, datasetOf('small', 2));
    const seen: string[] = [];
    for await (const entry of iterateDatasetForExport(db, 'big', { batchSize: 10 })) {
      seen.push(entry.chart.id);
      expect(entry.image?.id).toBe(entry.chart.imageId);
      expect(entry.qa.map((qa) => qa.chartId)).toEqual([entry.chart.id, entry.chart.id]);
      expect(entry.qa[0]).not.toHaveProperty('verificationStatus');
    }
    expect(seen).toHaveLength(53);
    expect(new Set(seen).size).toBe(53);
    expect(seen.every((id) => id.startsWith('big-'))).toBe(true);
    const accepted: string[] = [];
    for await (const entry of iterateDatasetForExport(db, 'big', {
      batchSize: 7,
      images: false,
      review: ['accepted'],
    })) {
      expect(entry.image).toBeNull();
      accepted.push(entry.chart.id);
    }
    expect(accepted).toHaveLength(18);
  });
});

describe('import', () => {
  it('writes nothing when any record fails', async () => {
    const db = await openFreshDatabase();
    await importDatasetRecords(db, datasetOf('existing', 1));
    const before = await tableCounts(db);
    const clash = datasetOf('new', 5);
    // The fourth chart reuses an image id that already exists: the whole import must roll back.
    clash.images[3] = makeImage('img-existing-c000');
    clash.charts[3] = { ...clash.charts[3]!, imageId: 'img-existing-c000' };
    await expect(importDatasetRecords(db, clash)).rejects.toThrow();
    expect(await tableCounts(db)).toEqual(before);
    const orphan = datasetOf('orphan', 2);
    orphan.qa.push(makeQa('stray', makeChart('missing', 'orphan')));
    await expect(importDatasetRecords(db, orphan)).rejects.toThrow(/missing/);
    expect(await tableCounts(db)).toEqual(before);
    expect(await countCharts(db, 'new')).toBe(0);
  });
});

describe('full disk', () => {
  it('recognises QuotaExceededError in its DOMException, wrapped and bulk forms', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), quota] })).toBe(true);
    expect(isQuotaError(new DOMException('gone', 'AbortError'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(toStorageProblem(quota)).toEqual({
      kind: 'quota',
      message: expect.stringMatching(/storage/),
    });
    expect(toStorageProblem(new Error('other'))).toBeNull();
  });

  it('turns a quota failure inside a transaction into StorageFullError and rolls back', async () => {
    const db = await openFreshDatabase();
    const before = await tableCounts(db);
    let calls = 0;
    db.qa.hook('creating', () => {
      calls += 1;
      if (calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const attempt = importDatasetRecords(db, datasetOf('too-big', 3));
    await expect(attempt).rejects.toBeInstanceOf(StorageFullError);
    await expect(attempt).rejects.toMatchObject({ kind: 'quota' });
    expect(await tableCounts(db)).toEqual(before);
  });
});
