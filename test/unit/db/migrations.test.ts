// Schema versions: each version's test opens the previous version on fake-indexeddb, writes
// records shaped as that version stored them, reopens at the latest version and reads them.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CitDatabase, LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../../src/db/index.ts';
import { makeChart, makeImage, makeQa } from './fixtures.ts';
import { importDatasetRecords, getChartWithQa, countCharts } from '../../../src/db/index.ts';

/** Opens `fromVersion`, runs `write`, closes, reopens at the latest version and runs `read`. */
async function migrate(
  fromVersion: number,
  write: (db: CitDatabase) => Promise<void>,
  read: (db: CitDatabase) => Promise<void>,
): Promise<void> {
  const name = `cit-migration-${fromVersion}-${crypto.randomUUID()}`;
  const old = new CitDatabase(name, fromVersion);
  await old.open();
  expect(old.verno).toBe(fromVersion);
  await write(old);
  old.close();
  const latest = new CitDatabase(name);
  await latest.open();
  expect(latest.verno).toBe(LATEST_SCHEMA_VERSION);
  await read(latest);
  latest.close();
}

describe('schema versions', () => {
  it('lists versions in increasing order, each named, with every table declared', () => {
    const versions = SCHEMA_VERSIONS.map((step) => step.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    for (const step of SCHEMA_VERSIONS) expect(step.name.length).toBeGreaterThan(0);
    const first = SCHEMA_VERSIONS[0];
    expect(Object.keys(first?.stores ?? {})).toEqual(
      expect.arrayContaining([
        'datasets',
        'recipes',
        'runs',
        'items',
        'charts',
        'images',
        'qa',
        'llmCalls',
        'settings',
        'secrets',
      ]),
    );
  });

  it('v1 → latest: a dataset written at v1 reads back whole', async () => {
    const chart = makeChart('c1', 'd1', { title: 'Rainfall by month' });
    await migrate(
      1,
      async (db) => {
        await importDatasetRecords(db, {
          dataset: {
            id: 'd1',
            name: 'Weather',
            description: '',
            createdAt: chart.createdAt,
            updatedAt: chart.createdAt,
          },
          charts: [chart],
          images: [makeImage(chart.imageId)],
          qa: [makeQa('q1', chart)],
        });
      },
      async (db) => {
        const read = await getChartWithQa(db, 'c1');
        expect(read?.chart.title).toBe('Rainfall by month');
        expect(read?.qa.map((qa) => qa.id)).toEqual(['q1']);
        expect(await countCharts(db, 'd1', { text: 'rainfall' })).toBe(1);
      },
    );
  });
});
