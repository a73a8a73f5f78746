// The imported seed scripts of the CIT pool: add, list in joining order, re-file, delete and undo.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  addSeed,
  addSeeds,
  countCodeLines,
  countSeeds,
  deleteSeed,
  listSeeds,
  restoreSeed,
  setSeedType,
} from '../../../src/db/index.ts';
import { openFreshDatabase } from './fixtures.ts';

const CODE = 'import matplotlib.pyplot as plt\nplt.pie([1, 2])\nplt.show()\n';

describe('seeds', () => {
  it('stores seeds with their line count and lists them in the order they joined', async () => {
    const db = await openFreshDatabase();
    const first = await addSeed(
      db,
      { name: 'a.py', code: CODE, title: 'A', minor: 'pie-plain' },
      new Date('2026-01-01T00:00:00Z'),
    );
    await addSeeds(
      db,
      [
        { name: 'b.py', code: 'x = 1', title: 'B', minor: 'bar-plain' },
        { name: 'c.py', code: 'y = 2\n\n', title: 'C', minor: 'heatmap' },
      ],
      new Date('2026-01-02T00:00:00Z'),
    );
    expect(first.lines).toBe(3);
    const listed = await listSeeds(db);
    expect(listed.map((seed) => [seed.name, seed.lines])).toEqual([
      ['a.py', 3],
      ['b.py', 1],
      ['c.py', 1],
    ]);
    expect(await countSeeds(db)).toBe(3);
  });

  it('deletes a seed and restores it exactly (same id, time and type) for undo', async () => {
    const db = await openFreshDatabase();
    const seed = await addSeed(db, { name: 'a.py', code: CODE, title: 'A', minor: 'pie-plain' });
    await setSeedType(db, seed.id, 'pie-donut');
    const removed = await deleteSeed(db, seed.id);
    expect(removed).toEqual({ ...seed, minor: 'pie-donut' });
    expect(await countSeeds(db)).toBe(0);
    expect(await deleteSeed(db, seed.id)).toBeUndefined();
    await restoreSeed(db, removed!);
    expect(await listSeeds(db)).toEqual([{ ...seed, minor: 'pie-donut' }]);
  });

  it('counts lines without the trailing newline, and none for empty code', () => {
    expect(countCodeLines('')).toBe(0);
    expect(countCodeLines('a\r\nb\n')).toBe(2);
    expect(countCodeLines('a\n\nb')).toBe(3);
  });
});
