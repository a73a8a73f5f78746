// The Browse page's state against fake-indexeddb: filters and counts, search, order, polling.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChartRecord, QaRecord } from '../../../src/core/dataset/records.ts';
import { buildBrowseRow, importDatasetRecords, type CitDatabase } from '../../../src/db/index.ts';
import { BrowseState } from '../../../src/state/browse.svelte.ts';
import { ThumbnailCache } from '../../../src/ui/browse/thumbnail-cache.svelte.ts';
import { makeChart, makeImage, makeQa, openFreshDatabase } from '../db/fixtures.ts';

const at = (minute: number) => `2026-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;

async function seedBrowseDataset(db: CitDatabase, datasetId: string): Promise<void> {
  const charts: ChartRecord[] = [
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
      createdAt: at(2),
    }),
  ];
  const verified = { status: 'verified' as const, reason: 'equal', computed: 2, at: at(0) };
  const mismatch = { status: 'mismatch' as const, reason: 'differs', computed: 3, at: at(0) };
  const [a, b, c, d] = charts as [ChartRecord, ChartRecord, ChartRecord, ChartRecord];
  const qa: QaRecord[] = [
    makeQa('a1', a, { verification: verified }),
    makeQa('b1', b, { verification: mismatch, question: 'Which month is wettest?' }),
    makeQa('c1', c, { verification: verified }),
    makeQa('d1', d, { verification: null }),
  ];
  await importDatasetRecords(db, {
    dataset: { id: datasetId, name: 'Sample', description: '', createdAt: at(0), updatedAt: at(0) },
    charts,
    images: charts.map((chart) => makeImage(chart.imageId)),
    qa,
  });
}

let state: BrowseState | null = null;
afterEach(() => {
  state?.dispose();
  state = null;
});

async function openBrowse(): Promise<{ db: CitDatabase; browse: BrowseState }> {
  const db = await openFreshDatabase();
  await seedBrowseDataset(db, 'ds');
  const browse = new BrowseState({ db, datasetId: 'ds' });
  state = browse;
  await browse.refresh();
  return { db, browse };
}

const ids = (browse: BrowseState) => browse.rows.map((row) => row.chartId);

describe('BrowseState', () => {
  it('lists every chart newest first with the total', async () => {
    const { browse } = await openBrowse();
    expect(browse.total).toBe(4);
    expect(browse.matched).toBe(4);
    expect(ids(browse)).toEqual(['a', 'c', 'd', 'b']);
    expect(browse.emptyReason).toBeNull();
  });

  it('narrows the count with each filter and clears them all', async () => {
    const { browse } = await openBrowse();
    await browse.setFilter('major', 'bar');
    expect(ids(browse)).toEqual(['c', 'b']);
    await browse.setFilter('minor', 'bar-plain');
    expect(ids(browse)).toEqual(['c']);
    expect(browse.total).toBe(4);
    // A major type that does not hold the minor type drops the minor type.
    await browse.setFilter('major', 'pie');
    expect(browse.minor).toBeNull();
    expect(ids(browse)).toEqual(['d']);
    await browse.clearFilters();
    await browse.setFilter('review', 'accepted');
    expect(ids(browse)).toEqual(['b']);
    await browse.clearFilters();
    await browse.setFilter('verification', 'any-mismatch');
    expect(ids(browse)).toEqual(['b']);
    await browse.clearFilters();
    await browse.setFilter('findings', 'any');
    expect(ids(browse)).toEqual(['c']);
    await browse.setFilter('findings', 'none');
    expect(ids(browse)).toEqual(['a', 'd', 'b']);
    await browse.setFilter('findings', 'overlapping-text');
    expect(ids(browse)).toEqual(['c']);
    await browse.setFilter('level', 'hard');
    expect(browse.emptyReason).toBe('no-match');
    expect(browse.isFiltered).toBe(true);
    await browse.clearFilters();
    expect(browse.isFiltered).toBe(false);
    expect(browse.matched).toBe(4);
  });

  it('searches titles and questions after a pause in typing', async () => {
    const { browse } = await openBrowse();
    browse.setSearch('wett');
    expect(browse.matched).toBe(4); // not applied while typing
    await vi.waitFor(() => expect(ids(browse)).toEqual(['b']));
    browse.setSearch('kan');
    await browse.applySearch();
    expect(ids(browse)).toEqual(['a']);
  });

  it('sorts by title and type', async () => {
    const { browse } = await openBrowse();
    await browse.setSort('title');
    expect(ids(browse)).toEqual(['d', 'b', 'a', 'c']);
    await browse.setSort('type');
    expect(browse.rows.map((row) => row.major)).toEqual(['bar', 'bar', 'line', 'pie']);
  });

  it('gives next and previous in the filtered order, keeping a chart that left the filter', async () => {
    const { db, browse } = await openBrowse();
    await browse.setFilter('review', 'unreviewed');
    expect(ids(browse)).toEqual(['a', 'c']);
    expect(await browse.neighbour('a', 1)).toBe('c');
    expect(await browse.neighbour('c', -1)).toBe('a');
    expect(await browse.neighbour('c', 1)).toBeNull();
    await db.charts.update('a', { review: 'rejected' });
    expect(await browse.neighbour('a', 1)).toBe('c');
    expect(browse.positionOf('c')).toBe(2);
  });

  it('says why the grid is empty', async () => {
    const empty = new BrowseState({ db: null, datasetId: null });
    await empty.refresh();
    expect(empty.emptyReason).toBe('no-dataset');
    const db = await openFreshDatabase();
    const none = new BrowseState({ db, datasetId: 'nothing' });
    await none.refresh();
    expect(none.emptyReason).toBe('no-charts');
  });

  it('re-queries when polling sees new charts', async () => {
    const { db, browse } = await openBrowse();
    browse.startPolling(50);
    const extra = makeChart('z', 'ds', { createdAt: at(9) });
    await db.charts.add(extra);
    await db.chartRows.put(buildBrowseRow(extra, []));
    await vi.waitFor(() => expect(browse.total).toBe(5));
    expect(ids(browse)[0]).toBe('z');
  });
});

describe('ThumbnailCache', () => {
  it('makes URLs for shown cards and revokes idle ones beyond its bound', async () => {
    const db = await openFreshDatabase();
    const ids = Array.from({ length: 300 }, (_, i) => `img-${i}`);
    await db.images.bulkAdd(ids.map((id) => makeImage(id)));
    const revoked: string[] = [];
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => {
      revoked.push(url);
    });
    const cache = new ThumbnailCache();
    cache.setDatabase(db);
    for (const id of ids) cache.acquire(id);
    await vi.waitFor(() => expect(cache.urls.size).toBe(300));
    const first = cache.urls.get('img-0');
    for (const id of ids) cache.release(id);
    // The oldest released go first; the newest stay for a quick scroll back.
    expect(cache.urls.size).toBe(240);
    expect(revoked).toHaveLength(60);
    expect(revoked).toContain(first);
    expect(cache.urls.has('img-299')).toBe(true);
    cache.acquire('img-0'); // shown again: loaded again
    await vi.waitFor(() => expect(cache.urls.has('img-0')).toBe(true));
    cache.clear();
    expect(cache.urls.size).toBe(0);
    revoke.mockRestore();
    db.close();
  });
});
