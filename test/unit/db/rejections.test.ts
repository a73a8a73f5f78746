// Pipeline rejections on fake-indexeddb: browse rows carry rejection, origin and difficulty;
// the show/origin/difficulty/dropped filters; restore and reject again for charts and Q&A; the
// evolved parent and children; rows written before these fields existed.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChartRecord, QaRecord } from '../../../src/core/dataset/records.ts';
import {
  buildBrowseRow,
  countCharts,
  dropQa,
  getChartWithQa,
  importDatasetRecords,
  listChartsPage,
  listRelatedCharts,
  rebuildBrowseRows,
  rejectChart,
  restoreChart,
  restoreQa,
  type BrowseRow,
  type ChartFilter,
  type CitDatabase,
} from '../../../src/db/index.ts';
import { makeChart, makeImage, makeQa, openFreshDatabase } from './fixtures.ts';
import { asCitChart, asCitQa, asDroppedQa, asRejectedChart } from './cit-fixtures.ts';

const at = (minute: number) => `2026-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;

/**
 * k1 template; k2 self-instruct (2 subplots, 4 series, a 5-step Q&A and a dropped 9-step one);
 * e1 evolved from k2 (3 subplots); r1 rejected self-instruct; r2 rejected, evolved from k2.
 */
function citDataset(datasetId: string): { charts: ChartRecord[]; qa: QaRecord[] } {
  const complexity = (series: number, subplots: number) => ({
    series,
    points: series * 5,
    subplots,
    texts: 10,
  });
  const k1 = makeChart('k1', datasetId, { createdAt: at(1) });
  const k2 = asCitChart(
    makeChart('k2', datasetId, { createdAt: at(2), complexity: complexity(4, 2) }),
    'self-instruct',
  );
  const e1 = asCitChart(
    makeChart('e1', datasetId, { createdAt: at(3), complexity: complexity(3, 3) }),
    'evol',
    'k2',
  );
  const r1 = asRejectedChart(
    asCitChart(makeChart('r1', datasetId, { createdAt: at(4) }), 'self-instruct'),
  );
  const r2 = asRejectedChart(
    asCitChart(makeChart('r2', datasetId, { createdAt: at(5), title: 'Twin of e1' }), 'evol', 'k2'),
    'dedup',
    ['near-duplicate image of e1 (pHash distance 2)'],
  );
  const qa = [
    makeQa('k1q', k1),
    asCitQa(makeQa('k2q', k2), 5),
    asDroppedQa(makeQa('k2d', k2, { programSteps: 9 })),
    asCitQa(makeQa('e1q', e1), 2),
  ];
  return { charts: [k1, k2, e1, r1, r2], qa };
}

async function seed(db: CitDatabase, datasetId = 'ds'): Promise<void> {
  const { charts, qa } = citDataset(datasetId);
  await importDatasetRecords(db, {
    dataset: { id: datasetId, name: 'CIT', description: '', createdAt: at(0), updatedAt: at(0) },
    charts,
    images: charts.map((chart) => makeImage(chart.imageId)),
    qa,
  });
}

const page = (db: CitDatabase, filter: ChartFilter) =>
  listChartsPage(db, 'ds', filter, { key: 'createdAt' }, 0, 100).then((result) =>
    result.rows.map((row) => row.chartId),
  );

describe('browse rows of CIT charts', () => {
  let db: CitDatabase;
  beforeEach(async () => {
    db = await openFreshDatabase();
    await seed(db);
  });

  it('hides rejected charts unless asked, and filters by origin, difficulty and drops', async () => {
    expect(await page(db, {})).toEqual(['k1', 'k2', 'e1']);
    expect(await page(db, { show: 'rejected' })).toEqual(['r1', 'r2']);
    expect(await page(db, { show: 'all' })).toEqual(['k1', 'k2', 'e1', 'r1', 'r2']);
    expect(await page(db, { origin: 'template' })).toEqual(['k1']);
    expect(await page(db, { origin: 'evol' })).toEqual(['e1']);
    expect(await page(db, { origin: 'evol', show: 'all' })).toEqual(['e1', 'r2']);
    expect(await page(db, { minSubplots: 2 })).toEqual(['k2', 'e1']);
    expect(await page(db, { minSeries: 4 })).toEqual(['k2']);
    // The dropped 9-step Q&A does not make k2 harder.
    expect(await page(db, { minProgramSteps: 5 })).toEqual(['k2']);
    expect(await page(db, { minProgramSteps: 6 })).toEqual([]);
    expect(await page(db, { minSubplots: 0 })).toEqual(['k1', 'k2', 'e1']);
    expect(await page(db, { verification: 'has-dropped' })).toEqual(['k2']);
    expect(await countCharts(db, 'ds')).toBe(3);
    expect(await countCharts(db, 'ds', { show: 'rejected' })).toBe(2);
  });

  it('counts only the Q&A kept in the dataset, and records the reasons on the row', async () => {
    const rows = await listChartsPage(db, 'ds', { show: 'all' }, { key: 'createdAt' }, 0, 9);
    const byId = new Map(rows.rows.map((row) => [row.chartId, row]));
    const k2 = byId.get('k2');
    expect(k2).toMatchObject({ qaTotal: 1, qaVerified: 1, qaMismatch: 0, qaDropped: 1 });
    expect(k2?.maxProgramSteps).toBe(5);
    expect(byId.get('r2')?.rejection).toEqual({
      stage: 'dedup',
      reasons: ['near-duplicate image of e1 (pHash distance 2)'],
    });
    expect(byId.get('e1')).toMatchObject({ origin: 'evol', parentChartId: 'k2', subplots: 3 });
  });

  it('reads rows written before the CIT fields as kept template charts; a rebuild fills them', async () => {
    const old = await db.chartRows.get('k2');
    if (!old) throw new Error('no row');
    const legacy: Partial<BrowseRow> = { ...old };
    for (const key of ['rejection', 'origin', 'parentChartId', 'series', 'subplots'] as const) {
      delete legacy[key];
    }
    delete legacy.maxProgramSteps;
    delete legacy.qaDropped;
    await db.chartRows.put(legacy as BrowseRow);
    expect(await page(db, { origin: 'template' })).toEqual(['k1', 'k2']);
    expect(await page(db, { minSubplots: 2 })).toEqual(['e1']);
    expect(await page(db, { verification: 'has-dropped' })).toEqual([]);

    await db.transaction('rw', [db.chartRows, db.charts, db.qa], (tx) => rebuildBrowseRows(tx));
    expect(await page(db, { origin: 'template' })).toEqual(['k1']);
    expect(await page(db, { minSubplots: 2 })).toEqual(['k2', 'e1']);
    expect(await db.chartRows.get('k2')).toEqual(old);
  });

  it('lists the evolved parent and children, rejected ones too', async () => {
    const k2 = (await getChartWithQa(db, 'k2'))?.chart;
    const e1 = (await getChartWithQa(db, 'e1'))?.chart;
    if (!k2 || !e1) throw new Error('missing charts');
    const family = await listRelatedCharts(db, k2);
    expect(family.parent).toBeNull();
    expect(family.children.map((row) => row.chartId)).toEqual(['e1', 'r2']);
    const child = await listRelatedCharts(db, e1);
    expect(child.parent?.chartId).toBe('k2');
    expect(child.children).toEqual([]);
  });
});

describe('restore and reject again', () => {
  let db: CitDatabase;
  beforeEach(async () => {
    db = await openFreshDatabase();
    await seed(db);
  });

  it('restores a rejected chart into the dataset and rejects it again with the same reasons', async () => {
    expect(await countCharts(db, 'ds')).toBe(3); // cached rows: the writes must invalidate them
    const before = (await getChartWithQa(db, 'r1'))?.chart.rejection;
    const lifted = await restoreChart(db, 'r1', new Date(at(30)));
    expect(lifted).toEqual(before);
    const restored = await getChartWithQa(db, 'r1');
    expect(restored?.chart.rejection).toBeNull();
    expect(restored?.chart.updatedAt).toBe(at(30));
    expect(await page(db, {})).toEqual(['k1', 'k2', 'e1', 'r1']);
    expect(await countCharts(db, 'ds', { show: 'rejected' })).toBe(1);

    if (!lifted) throw new Error('nothing lifted');
    await rejectChart(db, 'r1', lifted);
    expect((await getChartWithQa(db, 'r1'))?.chart.rejection).toEqual(before);
    expect(await page(db, { show: 'rejected' })).toEqual(['r1', 'r2']);
    expect((await db.chartRows.get('r1'))?.rejection?.reasons).toEqual(before?.reasons);
  });

  it('writes nothing when the chart was not rejected, and names a missing chart', async () => {
    const kept = (await getChartWithQa(db, 'k1'))?.chart;
    expect(await restoreChart(db, 'k1', new Date(at(40)))).toBeNull();
    expect((await getChartWithQa(db, 'k1'))?.chart).toEqual(kept);
    await expect(restoreChart(db, 'nope')).rejects.toThrow('No chart nope');
  });

  it('makes a rejected chart visible even when it had no browse row yet', async () => {
    await db.chartRows.delete('r1');
    await restoreChart(db, 'r1');
    expect(await page(db, {})).toContain('r1');
  });

  it('restores a dropped Q&A and drops it again, keeping the chart row in step', async () => {
    const lifted = await restoreQa(db, 'k2d');
    expect(lifted?.stage).toBe('mismatch');
    let row = await db.chartRows.get('k2');
    expect(row).toMatchObject({ qaTotal: 2, qaMismatch: 1, qaDropped: 0, maxProgramSteps: 9 });
    expect(await page(db, { verification: 'any-mismatch' })).toEqual(['k2']);
    const qa = (await getChartWithQa(db, 'k2'))?.qa.find((item) => item.id === 'k2d');
    expect(qa?.rejection).toBeNull();
    expect(qa).not.toHaveProperty('verificationStatus');

    if (!lifted) throw new Error('nothing lifted');
    await dropQa(db, 'k2d', lifted);
    row = await db.chartRows.get('k2');
    expect(row).toMatchObject({ qaTotal: 1, qaMismatch: 0, qaDropped: 1, maxProgramSteps: 5 });
    expect(await restoreQa(db, 'k1q')).toBeNull();
    await expect(dropQa(db, 'none', lifted)).rejects.toThrow('No Q&A none');
  });

  it('builds a row the same way for a chart the pipeline rejected and then kept', () => {
    const chart = asRejectedChart(makeChart('x', 'ds'));
    expect(buildBrowseRow(chart, []).rejection?.stage).toBe('gate');
    expect(buildBrowseRow({ ...chart, rejection: null }, []).rejection).toBeNull();
  });
});
