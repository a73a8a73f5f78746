// Datasets and recipes: create, list, read, delete.
import type { DatasetRecord, RecipeRecord } from '../core/dataset/records.ts';
import type { CitDatabase } from './database.ts';
import { guardQuota } from './storage-errors.ts';

export function newId(): string {
  return crypto.randomUUID();
}

export async function createDataset(
  db: CitDatabase,
  input: { name: string; description?: string },
  now = new Date(),
): Promise<DatasetRecord> {
  const at = now.toISOString();
  const record: DatasetRecord = {
    id: newId(),
    name: input.name,
    description: input.description ?? '',
    createdAt: at,
    updatedAt: at,
  };
  await guardQuota(() => db.datasets.add(record));
  return record;
}

/** Newest first. */
export async function listDatasets(db: CitDatabase): Promise<DatasetRecord[]> {
  return db.datasets.orderBy('createdAt').reverse().toArray();
}

export async function getDataset(db: CitDatabase, id: string): Promise<DatasetRecord | undefined> {
  return db.datasets.get(id);
}

export async function renameDataset(
  db: CitDatabase,
  id: string,
  patch: { name?: string; description?: string },
): Promise<void> {
  await guardQuota(() => db.datasets.update(id, { ...patch, updatedAt: new Date().toISOString() }));
}

/** Removes a dataset with its runs, items, charts, rows, images (all versions) and Q&A. */
export async function deleteDataset(db: CitDatabase, id: string): Promise<void> {
  const tables = [db.datasets, db.runs, db.items, db.charts, db.chartRows, db.images, db.qa];
  await db.transaction('rw', tables, async () => {
    const charts = await db.charts.where('datasetId').equals(id).toArray();
    const imageIds = charts.flatMap((chart) => [
      chart.imageId,
      ...chart.history.map((entry) => entry.imageId),
    ]);
    await db.images.bulkDelete(imageIds);
    await db.qa.where('datasetId').equals(id).delete();
    await db.chartRows.where('datasetId').equals(id).delete();
    await db.charts.where('datasetId').equals(id).delete();
    await db.items.where('datasetId').equals(id).delete();
    await db.runs.where('datasetId').equals(id).delete();
    await db.datasets.delete(id);
  });
}

export async function saveRecipe(
  db: CitDatabase,
  input: Omit<RecipeRecord, 'id' | 'createdAt'> & { id?: string },
  now = new Date(),
): Promise<RecipeRecord> {
  const record: RecipeRecord = {
    ...input,
    id: input.id ?? newId(),
    createdAt: now.toISOString(),
  };
  await guardQuota(() => db.recipes.put(record));
  return record;
}

export async function listRecipes(db: CitDatabase): Promise<RecipeRecord[]> {
  return db.recipes.orderBy('createdAt').reverse().toArray();
}

/** Removes saved recipes and returns them (for undo). Runs keep their own frozen copy. */
export async function deleteRecipes(
  db: CitDatabase,
  ids: readonly string[],
): Promise<RecipeRecord[]> {
  return db.transaction('rw', db.recipes, async () => {
    const found = (await db.recipes.bulkGet([...ids])).filter(
      (record): record is RecipeRecord => record !== undefined,
    );
    await db.recipes.bulkDelete(found.map((record) => record.id));
    return found;
  });
}

/** Puts deleted recipes back exactly as they were (same ids and times), for undo. */
export async function restoreRecipes(
  db: CitDatabase,
  records: readonly RecipeRecord[],
): Promise<void> {
  await guardQuota(() => db.recipes.bulkPut([...records]));
}
