// zod schemas of the archive's own files: manifest.json, recipe.json and the image reference of
// a charts.jsonl line.
import { z } from 'zod';
import { ARCHIVE_FORMAT } from '../export/archive-format.ts';
import { datasetRecordSchema, recipeRecordSchema, runRecordSchema } from './record-schemas.ts';

const count = z.number().int().nonnegative();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lower-case hex digits');

/** Only what decides whether the rest can be read at all. */
export const manifestHeadSchema = z.object({
  format: z.string(),
  formatVersion: z.number(),
  schemaVersion: z.number(),
});

export const manifestSchema = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: count,
  schemaVersion: count,
  appVersion: z.string().max(200),
  dataset: datasetRecordSchema,
  counts: z.strictObject({
    charts: count,
    qa: count,
    images: count,
    recipes: count,
    runs: count,
  }),
  images: z.array(z.strictObject({ path: z.string(), sha256, bytes: count })),
  files: z.array(z.string()),
});

export const recipeFileSchema = z.strictObject({
  recipes: z.array(recipeRecordSchema),
  runs: z.array(runRecordSchema),
});

export const archivedImageSchema = z.strictObject({
  path: z.string(),
  sha256,
  bytes: count,
  width: z.number(),
  height: z.number(),
  phash: z.string().nullable(),
});
