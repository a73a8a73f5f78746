// The imported part of the CIT seed pool: scripts a person added (each rendered before it joined).
// The built-in corpus is not stored here (it ships with the app); kept charts join the pool from
// the charts table.
import type { MinorChartType } from '../core/chart-types.ts';
import type { CitDatabase, SeedRecord } from './database.ts';
import { newId } from './datasets.ts';
import { guardQuota } from './storage-errors.ts';

export type { SeedRecord } from './database.ts';

/** What a caller gives to add a seed; id, line count and time are filled in. */
export interface NewSeed {
  /** File name or "pasted". */
  name: string;
  code: string;
  title: string;
  minor: MinorChartType;
}

/** Lines of a script as the pool lists them (a trailing newline does not count as a line). */
export function countCodeLines(code: string): number {
  const trimmed = code.replace(/\s+$/, '');
  return trimmed === '' ? 0 : trimmed.split(/\r\n|\r|\n/).length;
}

/** Stores one seed; returns the stored record. */
export async function addSeed(
  db: CitDatabase,
  input: NewSeed,
  now = new Date(),
): Promise<SeedRecord> {
  const record: SeedRecord = {
    id: newId(),
    name: input.name,
    code: input.code,
    title: input.title,
    minor: input.minor,
    lines: countCodeLines(input.code),
    createdAt: now.toISOString(),
  };
  await guardQuota(() => db.seeds.add(record));
  return record;
}

/** Stores several seeds in one transaction (all or none). */
export async function addSeeds(
  db: CitDatabase,
  inputs: readonly NewSeed[],
  now = new Date(),
): Promise<SeedRecord[]> {
  // One millisecond apart, so the list keeps the order of the batch (ids are random).
  const records = inputs.map((input, index): SeedRecord => ({
    id: newId(),
    name: input.name,
    code: input.code,
    title: input.title,
    minor: input.minor,
    lines: countCodeLines(input.code),
    createdAt: new Date(now.getTime() + index).toISOString(),
  }));
  await guardQuota(() => db.seeds.bulkAdd(records));
  return records;
}

/** Every imported seed, oldest first (the order they joined the pool). */
export async function listSeeds(db: CitDatabase): Promise<SeedRecord[]> {
  return db.seeds.orderBy('createdAt').toArray();
}

export async function countSeeds(db: CitDatabase): Promise<number> {
  return db.seeds.count();
}

/** Changes the chart type a seed is filed under (the guess at import can be wrong). */
export async function setSeedType(
  db: CitDatabase,
  id: string,
  minor: MinorChartType,
): Promise<void> {
  await guardQuota(() => db.seeds.update(id, { minor }));
}

/** Removes a seed and returns it (for undo), or undefined when it was not there. */
export async function deleteSeed(db: CitDatabase, id: string): Promise<SeedRecord | undefined> {
  return db.transaction('rw', db.seeds, async () => {
    const record = await db.seeds.get(id);
    if (record) await db.seeds.delete(id);
    return record;
  });
}

/** Puts a deleted seed back exactly as it was (same id and time), for undo. */
export async function restoreSeed(db: CitDatabase, record: SeedRecord): Promise<void> {
  await guardQuota(() => db.seeds.put(record));
}
