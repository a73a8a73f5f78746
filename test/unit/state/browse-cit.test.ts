// The Browse state with CIT charts: the Show filter (kept / rejected / all), origin and
// difficulty bounds, the count line, and polling that notices a newly rejected chart.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildBrowseRow, importDatasetRecords, type CitDatabase } from '../../../src/db/index.ts';
import { BrowseState } from '../../../src/state/browse.svelte.ts';
import { makeChart, makeImage, makeQa, openFreshDatabase } from '../db/fixtures.ts';
import { asCitChart, asCitQa, asRejectedChart } from '../db/cit-fixtures.ts';

const at = (minute: number) => `2026-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;

async function seed(db: CitDatabase): Promise<void> {
  const plain = makeChart('t', 'ds', { createdAt: at(1) });
  const parent = asCitChart(
    makeChart('s', 'ds', {
      createdAt: at(2),
      complexity: { series: 3, points: 9, subplots: 2, texts: 4 },
    }),
    'self-instruct',
  );
  const child = asCitChart(makeChart('v', 'ds', { createdAt: at(3) }), 'evol', 's');
  const rejected = asRejectedChart(asCitChart(makeChart('x', 'ds', { createdAt: at(4) }), 'evol'));
  const charts = [plain, parent, child, rejected];
  await importDatasetRecords(db, {
    dataset: { id: 'ds', name: 'CIT', description: '', createdAt: at(0), updatedAt: at(0) },
    charts,
    images: charts.map((chart) => makeImage(chart.imageId)),
    qa: [makeQa('tq', plain), asCitQa(makeQa('sq', parent), 4)],
  });
}

let state: BrowseState | null = null;
afterEach(() => {
  state?.dispose();
  state = null;
});

async function openBrowse(): Promise<{ db: CitDatabase; browse: BrowseState }> {
  const db = await openFreshDatabase();
  await seed(db);
  const browse = new BrowseState({ db, datasetId: 'ds' });
  state = browse;
  await browse.refresh();
  return { db, browse };
}

const ids = (browse: BrowseState) => browse.rows.map((row) => row.chartId);

describe('BrowseState with CIT charts', () => {
  it('shows kept charts by default and says how many rejected ones are hidden', async () => {
    const { browse } = await openBrowse();
    expect(ids(browse)).toEqual(['v', 's', 't']);
    expect(browse.total).toBe(3);
    expect(browse.rejectedTotal).toBe(1);
    expect(browse.isFiltered).toBe(false);
    expect(browse.countLabel).toBe('3 charts · 1 rejected, hidden');
  });

  it('switches Show between rejected and all, with a count line for each', async () => {
    const { browse } = await openBrowse();
    await browse.setFilter('show', 'rejected');
    expect(ids(browse)).toEqual(['x']);
    expect(browse.countLabel).toBe('1 rejected by the pipeline');
    expect(browse.isFiltered).toBe(true);
    await browse.setFilter('show', 'all');
    expect(ids(browse)).toEqual(['x', 'v', 's', 't']);
    expect(browse.countLabel).toBe('4 charts (1 rejected)');
    await browse.setFilter('origin', 'evol');
    expect(ids(browse)).toEqual(['x', 'v']);
    expect(browse.countLabel).toBe('2 of 4 charts (1 rejected)');
    await browse.clearFilters();
    expect(browse.show).toBe('kept');
    expect(browse.origin).toBeNull();
    expect(ids(browse)).toEqual(['v', 's', 't']);
  });

  it('applies difficulty bounds, ignoring blank, zero or non-numeric input', async () => {
    const { browse } = await openBrowse();
    await browse.setDifficulty('minSubplots', '2');
    expect(browse.minSubplots).toBe(2);
    expect(ids(browse)).toEqual(['s']);
    expect(browse.countLabel).toBe('1 of 3 charts · 1 rejected, hidden');
    await browse.setDifficulty('minSubplots', '');
    await browse.setDifficulty('minProgramSteps', 4.7);
    expect(browse.minProgramSteps).toBe(4);
    expect(ids(browse)).toEqual(['s']);
    await browse.setDifficulty('minProgramSteps', '0');
    expect(browse.minProgramSteps).toBeNull();
    await browse.setDifficulty('minSeries', 'lots');
    expect(browse.minSeries).toBeNull();
    expect(ids(browse)).toEqual(['v', 's', 't']);
    await browse.setFilter('origin', 'template');
    expect(ids(browse)).toEqual(['t']);
  });

  it('offers rejected charts in next/previous when they are shown', async () => {
    const { browse } = await openBrowse();
    await browse.setFilter('show', 'all');
    expect(await browse.neighbour('x', 1)).toBe('v');
    expect(browse.positionOf('x')).toBe(1);
  });

  it('re-queries when polling sees a newly rejected chart', async () => {
    const { db, browse } = await openBrowse();
    await browse.setFilter('show', 'rejected');
    browse.startPolling(50);
    const late = asRejectedChart(makeChart('y', 'ds', { createdAt: at(9) }), 'dedup', ['twin']);
    await db.charts.add(late);
    await db.chartRows.put(buildBrowseRow(late, []));
    await vi.waitFor(() => expect(ids(browse)).toEqual(['y', 'x']));
    expect(browse.rejectedTotal).toBe(2);
    expect(browse.rows[0]?.rejection?.reasons).toEqual(['twin']);
  });

  it('says "no match" rather than "no charts" when every chart was rejected', async () => {
    const db = await openFreshDatabase();
    const only = asRejectedChart(makeChart('z', 'ds'));
    await importDatasetRecords(db, {
      dataset: { id: 'ds', name: 'R', description: '', createdAt: at(0), updatedAt: at(0) },
      charts: [only],
      images: [makeImage(only.imageId)],
      qa: [],
    });
    const browse = new BrowseState({ db, datasetId: 'ds' });
    state = browse;
    await browse.refresh();
    expect(browse.total).toBe(0);
    expect(browse.emptyReason).toBe('no-match');
  });
});
