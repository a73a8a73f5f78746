// Browse queries and chart edits on fake-indexeddb.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChartRecord, QaRecord } from '../../../src/core/dataset/records.ts';
import {
  CitDatabase,
  countCharts,
  getChartWithQa,
  importDatasetRecords,
  listChartsPage,
  listQaByVerification,
  setChartReview,
  undoChartCode,
  updateChartCode,
  updateQa,
} from '../../../src/db/index.ts';
import { makeChart, makeImage, makeQa, openFreshDatabase } from './fixtures.ts';

const at = (minute: number) => `2026-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;

/** Six charts with distinct types, reviews, verification results and findings. */
function sampleDataset(datasetId: string): { charts: ChartRecord[]; qa: QaRecord[] } {
  const charts = [
    makeChart('a', datasetId, { title: 'Wheat harvest in Kansas', createdAt: at(5) }),
    makeChart('b', datasetId, {
      title: 'Rainfall by month',
      major: 'bar',
      minor: 'bar-stacked',
      review: 'accepted',
      createdAt: at(1),
    }),
    makeChart('c', datasetId, {
      title: 'Zinc prices',
      major: 'bar',
      minor: 'bar-plain',
      findings: [{ kind: 'overlapping-text', message: 'labels overlap' }],
      createdAt: at(3),
    }),
    makeChart('d', datasetId, {
      title: 'Museum visitors',
      major: 'pie',
      minor: 'pie-donut',
      level: 'hard',
      review: 'rejected',
      findings: [{ kind: 'tiny-text', message: 'small' }],
      createdAt: at(2),
    }),
    makeChart('e', datasetId, { title: 'airport delays', createdAt: at(4) }),
    makeChart('f', datasetId, { title: 'Bicycle sales', createdAt: at(0) }),
  ];
  const status = (s: 'verified' | 'mismatch' | 'unverifiable') => ({
    verification: { status: s, reason: s, computed: null, at: at(0) },
  });
  const [a, b, c, d, e, f] = charts as [ChartRecord, ...ChartRecord[]] & ChartRecord[];
  const qa = [
    makeQa('a1', a, status('verified')),
    makeQa('a2', a, status('verified')),
    makeQa('b1', b!, status('mismatch')),
    makeQa('b2', b!, status('verified')),
    makeQa('c1', c!, { ...status('unverifiable'), question: 'Which metal costs the most?' }),
    makeQa('d1', d!, status('verified')),
    makeQa('e1', e!, { verification: null }),
    makeQa('f1', f!, status('verified')),
  ];
  return { charts, qa };
}

async function seed(db: CitDatabase, datasetId = 'ds', prefix = ''): Promise<void> {
  const sample = sampleDataset(datasetId);
  const charts = sample.charts.map((chart) => ({
    ...chart,
    id: prefix + chart.id,
    imageId: prefix + chart.imageId,
  }));
  const qa = sample.qa.map((item) => ({
    ...item,
    id: prefix + item.id,
    chartId: prefix + item.chartId,
  }));
  await importDatasetRecords(db, {
    dataset: { id: datasetId, name: 'Sample', description: '', createdAt: at(0), updatedAt: at(0) },
    charts,
    images: charts.map((chart) => makeImage(chart.imageId)),
    qa,
  });
}

const ids = (page: { rows: { chartId: string }[] }) => page.rows.map((row) => row.chartId);

describe('browse queries', () => {
  let db: CitDatabase;
  beforeEach(async () => {
    db = await openFreshDatabase();
    await seed(db);
    await seed(db, 'other', 'x-'); // the same charts in another dataset must not leak in
  });

  it('sorts by createdAt, title and type, both directions, and pages', async () => {
    const byTime = await listChartsPage(db, 'ds', {}, { key: 'createdAt' }, 0, 10);
    expect(byTime.total).toBe(6);
    expect(ids(byTime)).toEqual(['f', 'b', 'd', 'c', 'e', 'a']);
    const newest = await listChartsPage(db, 'ds', {}, { key: 'createdAt', descending: true }, 1, 2);
    expect(ids(newest)).toEqual(['e', 'c']);
    expect(newest.total).toBe(6);
    const byTitle = await listChartsPage(db, 'ds', {}, { key: 'title' }, 0, 10);
    expect(ids(byTitle)).toEqual(['e', 'f', 'd', 'b', 'a', 'c']);
    const byType = await listChartsPage(db, 'ds', {}, { key: 'type' }, 0, 10);
    expect(ids(byType)).toEqual(['c', 'b', 'f', 'e', 'a', 'd']);
  });

  it('filters by type, level, review, verification, findings and text', async () => {
    const page = (filter: Parameters<typeof listChartsPage>[2]) =>
      listChartsPage(db, 'ds', filter, { key: 'createdAt' }, 0, 10).then(ids);
    expect(await page({ major: 'bar' })).toEqual(['b', 'c']);
    expect(await page({ minor: 'pie-donut' })).toEqual(['d']);
    expect(await page({ level: 'hard' })).toEqual(['d']);
    expect(await page({ review: 'accepted' })).toEqual(['b']);
    expect(await page({ verification: 'any-mismatch' })).toEqual(['b']);
    expect(await page({ verification: 'all-verified' })).toEqual(['f', 'd', 'a']);
    expect(await page({ verification: 'has-unverifiable' })).toEqual(['c']);
    expect(await page({ verification: 'unchecked' })).toEqual(['e']);
    expect(await page({ findings: true })).toEqual(['d', 'c']);
    expect(await page({ findings: 'tiny-text' })).toEqual(['d']);
    expect(await page({ findings: false })).toEqual(['f', 'b', 'e', 'a']);
    expect(await page({ text: 'RAIN' })).toEqual(['b']);
    expect(await page({ text: 'metal' })).toEqual(['c']); // found in a question
    expect(await page({ text: 'wheat kan' })).toEqual(['a']); // every word, prefix match
    expect(await page({ text: 'wheat zinc' })).toEqual([]);
    expect(await page({ major: 'bar', verification: 'any-mismatch' })).toEqual(['b']);
    expect(await countCharts(db, 'ds', { major: 'line' })).toBe(3);
    expect(await countCharts(db, 'ds')).toBe(6);
  });

  it('lists Q&A by verification status through the flat index', async () => {
    const mismatched = await listQaByVerification(db, 'ds', 'mismatch');
    expect(mismatched.map((qa) => qa.id)).toEqual(['b1']);
    expect(mismatched[0]).not.toHaveProperty('verificationStatus');
    expect((await listQaByVerification(db, 'ds', 'unchecked')).map((qa) => qa.id)).toEqual(['e1']);
  });
});

describe('chart edits', () => {
  let db: CitDatabase;
  beforeEach(async () => {
    db = await openFreshDatabase();
    await seed(db);
  });

  it('keeps the previous code and image in history, resets verification, and undoes', async () => {
    const before = await getChartWithQa(db, 'a');
    const image = { ...makeImage('img-a-2'), width: 800 };
    const next = await updateChartCode(db, 'a', {
      code: 'plt.bar([1], [2])',
      image,
      facts: {},
      findings: [{ kind: 'empty-axes', message: 'nothing drawn' }],
      complexity: { series: 1, points: 1, subplots: 1, texts: 0 },
      width: 800,
      height: 480,
      dpi: 100,
    });
    expect(next.history).toEqual([
      { code: before?.chart.code, imageId: 'img-a', at: expect.any(String) },
    ]);
    const after = await getChartWithQa(db, 'a');
    expect(after?.chart.code).toBe('plt.bar([1], [2])');
    expect(after?.image?.width).toBe(800);
    expect(after?.qa.every((qa) => qa.verification === null)).toBe(true);
    expect(await countCharts(db, 'ds', { findings: 'empty-axes' })).toBe(1);
    expect(await countCharts(db, 'ds', { verification: 'unchecked' })).toBe(2);

    const undone = await undoChartCode(db, 'a');
    expect(undone?.code).toBe(before?.chart.code);
    expect(undone?.imageId).toBe('img-a');
    expect(undone?.history).toEqual([]);
    expect(await db.images.get('img-a-2')).toBeUndefined();
  });

  it('sets the review and edits a Q&A, keeping the browse row in step', async () => {
    // Read first so the rows are cached: the writes below must invalidate that cache.
    expect(await countCharts(db, 'ds', { review: 'accepted' })).toBe(1);
    await setChartReview(db, 'e', 'accepted');
    expect(await countCharts(db, 'ds', { review: 'accepted' })).toBe(2);
    // A write through another connection to the same database also invalidates it.
    const other = new CitDatabase(db.name);
    await setChartReview(other, 'f', 'accepted');
    other.close();
    expect(await countCharts(db, 'ds', { review: 'accepted' })).toBe(3);
    const edited = await updateQa(db, 'e1', {
      question: 'Which airline is late most often?',
      verification: { status: 'mismatch', reason: 'differs', computed: 3, at: at(9) },
    });
    expect(edited.question).toContain('airline');
    expect(await countCharts(db, 'ds', { text: 'airline' })).toBe(1);
    expect(await countCharts(db, 'ds', { verification: 'any-mismatch' })).toBe(2);
    expect((await listQaByVerification(db, 'ds', 'mismatch')).map((qa) => qa.id)).toEqual([
      'b1',
      'e1',
    ]);
  });
});
