// The inspector's restore of what the pipeline set aside: a rejected chart back into the
// dataset and "Reject again", a dropped Q&A back and "Drop again", and the evolved family.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  countCharts,
  getChartWithQa,
  importDatasetRecords,
  type CitDatabase,
} from '../../../src/db/index.ts';
import { BrowseState } from '../../../src/state/browse.svelte.ts';
import { InspectState, type InspectRenderer } from '../../../src/state/inspect.svelte.ts';
import { makeChart, makeImage, makeQa, openFreshDatabase } from '../db/fixtures.ts';
import { asCitChart, asDroppedQa, asRejectedChart } from '../db/cit-fixtures.ts';

const at = (minute: number) => `2026-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;

/** Restoring never renders: a renderer that is called fails the test. */
const noRenderer: InspectRenderer = {
  render: () => Promise.reject(new Error('restore must not render')),
  runAnswerProgram: () => Promise.reject(new Error('restore must not run programs')),
};

async function setUp(): Promise<{ db: CitDatabase; inspect: InspectState }> {
  const db = await openFreshDatabase();
  const parent = asCitChart(makeChart('p', 'ds', { createdAt: at(1) }), 'self-instruct');
  const rejected = asRejectedChart(
    asCitChart(makeChart('r', 'ds', { createdAt: at(2) }), 'evol', 'p'),
  );
  const charts = [parent, rejected];
  await importDatasetRecords(db, {
    dataset: { id: 'ds', name: 'CIT', description: '', createdAt: at(0), updatedAt: at(0) },
    charts,
    images: charts.map((chart) => makeImage(chart.imageId)),
    qa: [makeQa('pq', parent), asDroppedQa(makeQa('pd', parent)), makeQa('rq', rejected)],
  });
  const source = { db, datasetId: 'ds' };
  const inspect = new InspectState(source, noRenderer, new BrowseState(source));
  return { db, inspect };
}

describe('InspectState restore', () => {
  it('restores a rejected chart and rejects it again with the same stage and reasons', async () => {
    const { db, inspect } = await setUp();
    await inspect.load('r');
    const original = inspect.chart?.rejection;
    expect(original?.stage).toBe('gate');
    expect(inspect.liftedChartRejection).toBeNull();

    await inspect.restoreChart();
    expect(inspect.chart?.rejection).toBeNull();
    expect(inspect.liftedChartRejection).toEqual(original);
    expect(inspect.message).toContain('Restored');
    expect(await countCharts(db, 'ds')).toBe(2);

    await inspect.rejectChartAgain();
    expect(inspect.chart?.rejection).toEqual(original);
    expect(inspect.liftedChartRejection).toBeNull();
    expect(await countCharts(db, 'ds')).toBe(1);
    expect(await countCharts(db, 'ds', { show: 'rejected' })).toBe(1);
    // Nothing to undo any more: a second "reject again" changes nothing.
    await inspect.rejectChartAgain();
    expect(inspect.chart?.rejection).toEqual(original);
  });

  it('remembers a lifted rejection per chart while the person moves between charts', async () => {
    const { inspect } = await setUp();
    await inspect.load('r');
    await inspect.restoreChart();
    await inspect.load('p');
    expect(inspect.liftedChartRejection).toBeNull();
    await inspect.restoreChart(); // not rejected: nothing happens
    expect(inspect.liftedCharts.size).toBe(1);
    await inspect.load('r');
    expect(inspect.liftedChartRejection?.stage).toBe('gate');
  });

  it('restores a dropped Q&A and drops it again', async () => {
    const { db, inspect } = await setUp();
    await inspect.load('p');
    expect(inspect.qa.find((qa) => qa.id === 'pd')?.rejection?.stage).toBe('mismatch');
    await inspect.restoreQa('pd');
    expect(inspect.qa.find((qa) => qa.id === 'pd')?.rejection).toBeNull();
    expect(inspect.liftedQa.get('pd')?.stage).toBe('mismatch');
    expect((await db.chartRows.get('p'))?.qaDropped).toBe(0);
    await inspect.dropQaAgain('pd');
    const stored = (await getChartWithQa(db, 'p'))?.qa.find((qa) => qa.id === 'pd');
    expect(stored?.rejection?.reasons).toEqual(['program computed 7, answer says 8']);
    expect(inspect.liftedQa.has('pd')).toBe(false);
    expect((await db.chartRows.get('p'))?.qaDropped).toBe(1);
  });

  it('loads the evolved parent and children with the chart', async () => {
    const { inspect } = await setUp();
    await inspect.load('r');
    expect(inspect.related.parent?.chartId).toBe('p');
    await inspect.load('p');
    expect(inspect.related.parent).toBeNull();
    expect(inspect.related.children.map((row) => row.chartId)).toEqual(['r']);
  });
});
