// Reads a native archive (export/archive-format.ts) into records, checking everything and
// writing nothing: the caller stores the result in one transaction, or nothing at all.
import type { z } from 'zod';
import type {
  ChartRecord,
  DatasetRecord,
  QaRecord,
  RecipeRecord,
  RunRecord,
} from '../dataset/records.ts';
import { RECORD_SCHEMA_VERSION } from '../dataset/records.ts';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  CHARTS_PATH,
  MANIFEST_PATH,
  QA_PATH,
  RECIPE_PATH,
} from '../export/archive-format.ts';
import type { ArchiveManifest } from '../export/archive-format.ts';
import { sha256Hex } from '../export/digest.ts';
import { ImportRefusal, refuse } from './import-problem.ts';
import type { ImportProblem } from './import-problem.ts';
import {
  archivedImageSchema,
  manifestHeadSchema,
  manifestSchema,
  recipeFileSchema,
} from './manifest-schema.ts';
import { readPngSize } from './png-check.ts';
import { chartRecordSchema, qaRecordSchema } from './record-schemas.ts';
import { DEFAULT_ZIP_LIMITS, openZip } from './zip-reader.ts';
import type { ZipArchive, ZipLimits } from './zip-reader.ts';

/** An image as imported: the PNG bytes plus its record fields (no thumbnail yet). */
export interface ImportedImage {
  id: string;
  png: Uint8Array;
  sha256: string;
  phash: string | null;
  width: number;
  height: number;
  bytes: number;
}

export interface ImportedDataset {
  manifest: ArchiveManifest;
  dataset: DatasetRecord;
  recipes: RecipeRecord[];
  runs: RunRecord[];
  /** In archive order. */
  charts: ChartRecord[];
  qa: QaRecord[];
  images: ImportedImage[];
}

export type ImportResult = ({ ok: true } & ImportedDataset) | { ok: false; problem: ImportProblem };

const decoder = new TextDecoder('utf-8', { fatal: true });

function schemaMessage(where: string, error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return `${where}${path}: ${issue?.message ?? 'does not match the schema'}.`;
}

async function readText(zip: ZipArchive, path: string): Promise<string> {
  const entry = zip.entries.get(path);
  if (!entry) return refuse('missing-entry', `The archive has no ${path}.`);
  try {
    return decoder.decode(await zip.read(entry));
  } catch (error) {
    if (error instanceof ImportRefusal) throw error;
    return refuse('bad-schema', `${path} is not UTF-8 text.`);
  }
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return refuse('bad-schema', `${where} is not valid JSON.`);
  }
}

function parseLines<T>(text: string, path: string, schema: z.ZodType<T>): T[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line, index) => {
    const where = `${path} line ${index + 1}`;
    const parsed = schema.safeParse(parseJson(line, where));
    if (!parsed.success) refuse('bad-schema', schemaMessage(where, parsed.error));
    return parsed.data;
  });
}

async function readManifest(zip: ZipArchive): Promise<ArchiveManifest> {
  const raw = parseJson(await readText(zip, MANIFEST_PATH), MANIFEST_PATH);
  const head = manifestHeadSchema.safeParse(raw);
  if (!head.success || head.data.format !== ARCHIVE_FORMAT) {
    refuse('unknown-format', `${MANIFEST_PATH} does not name the ${ARCHIVE_FORMAT} format.`);
  }
  const { formatVersion, schemaVersion } = head.data;
  if (formatVersion > ARCHIVE_FORMAT_VERSION || schemaVersion > RECORD_SCHEMA_VERSION) {
    refuse(
      'newer-version',
      `The archive was written by a newer CIT Studio (format ${formatVersion}, records ${schemaVersion}); this one reads format ${ARCHIVE_FORMAT_VERSION}, records ${RECORD_SCHEMA_VERSION}.`,
    );
  }
  if (formatVersion !== ARCHIVE_FORMAT_VERSION || schemaVersion !== RECORD_SCHEMA_VERSION) {
    refuse('bad-schema', `Unsupported format ${formatVersion} / record schema ${schemaVersion}.`);
  }
  const manifest = manifestSchema.safeParse(raw);
  if (!manifest.success) refuse('bad-schema', schemaMessage(MANIFEST_PATH, manifest.error));
  return manifest.data;
}

function checkUnique(ids: string[], what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) refuse('duplicate-id', `Two ${what} have the id ${JSON.stringify(id)}.`);
    seen.add(id);
  }
}

async function readDataset(zip: ZipArchive): Promise<ImportedDataset> {
  const manifest = await readManifest(zip);
  const datasetId = manifest.dataset.id;
  const recipeFile = recipeFileSchema.safeParse(
    parseJson(await readText(zip, RECIPE_PATH), RECIPE_PATH),
  );
  if (!recipeFile.success) refuse('bad-schema', schemaMessage(RECIPE_PATH, recipeFile.error));
  const { recipes, runs } = recipeFile.data;
  checkUnique(
    recipes.map((recipe) => recipe.id),
    'recipes',
  );
  checkUnique(
    runs.map((run) => run.id),
    'runs',
  );

  const lineSchema = chartRecordSchema.extend({ image: archivedImageSchema });
  const lines = parseLines(await readText(zip, CHARTS_PATH), CHARTS_PATH, lineSchema);
  checkUnique(
    lines.map((line) => line.id),
    'charts',
  );
  const qa = parseLines(await readText(zip, QA_PATH), QA_PATH, qaRecordSchema);
  checkUnique(
    qa.map((item) => item.id),
    'questions',
  );
  const chartIds = new Set(lines.map((line) => line.id));
  for (const item of [...lines, ...qa]) {
    if (item.datasetId !== datasetId) {
      refuse('bad-schema', `${item.id} belongs to dataset ${item.datasetId}, not ${datasetId}.`);
    }
  }
  for (const item of qa) {
    if (!chartIds.has(item.chartId)) {
      refuse(
        'missing-chart',
        `Question ${item.id} is about chart ${item.chartId}, which is not in the archive.`,
      );
    }
  }
  const counts = {
    charts: lines.length,
    qa: qa.length,
    recipes: recipes.length,
    runs: runs.length,
  };
  for (const [key, value] of Object.entries(counts)) {
    const declared = manifest.counts[key as keyof typeof counts];
    if (declared !== value)
      refuse('bad-schema', `The manifest counts ${declared} ${key}; the archive holds ${value}.`);
  }

  const manifestImages = new Map(manifest.images.map((image) => [image.path, image]));
  if (
    manifestImages.size !== manifest.images.length ||
    manifest.counts.images !== manifestImages.size
  ) {
    refuse('bad-schema', 'The manifest lists an image twice or miscounts its images.');
  }
  const images = new Map<string, ImportedImage>();
  const charts: ChartRecord[] = [];
  for (const { image, ...chart } of lines) {
    const listed = manifestImages.get(image.path);
    if (!listed)
      refuse('missing-entry', `${image.path} (chart ${chart.id}) is not in the manifest.`);
    if (listed.sha256 !== image.sha256) {
      refuse(
        'sha-mismatch',
        `charts.jsonl and the manifest disagree on the sha256 of ${image.path}.`,
      );
    }
    const entry = zip.entries.get(image.path);
    if (!entry) refuse('missing-entry', `The archive has no ${image.path}.`);
    const png = await zip.read(entry);
    const size = readPngSize(png);
    if (!size.ok) refuse('not-png', `${image.path} is not a PNG image (${size.reason}).`);
    if ((await sha256Hex(png)) !== image.sha256) {
      refuse('sha-mismatch', `${image.path} does not match its sha256 in the manifest.`);
    }
    const previous = images.get(chart.imageId);
    if (previous && previous.sha256 !== image.sha256) {
      refuse('duplicate-id', `Two different images have the id ${JSON.stringify(chart.imageId)}.`);
    }
    if (!previous) {
      const { sha256, phash, width, height } = image;
      images.set(chart.imageId, {
        id: chart.imageId,
        png,
        sha256,
        phash,
        width,
        height,
        bytes: png.length,
      });
    }
    charts.push(chart);
  }
  return {
    manifest,
    dataset: manifest.dataset,
    recipes,
    runs,
    charts,
    qa,
    images: [...images.values()],
  };
}

/**
 * Reads a native archive. Expected problems (not a zip, unsafe paths, zip bombs, bad records,
 * broken references, wrong images) come back as `{ok: false, problem}`; nothing is written.
 */
export async function importArchive(
  archive: Uint8Array | Blob,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ImportResult> {
  try {
    const zip = await openZip(archive, limits);
    return { ok: true, ...(await readDataset(zip)) };
  } catch (error) {
    if (error instanceof ImportRefusal) return { ok: false, problem: error.problem };
    throw error;
  }
}
