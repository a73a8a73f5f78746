// Streams a dataset as one zip: the native archive and/or the training formats. The source is
// read once per file (images first, then each JSON/JSONL file), so nothing but a small index of
// image paths and hashes is held, whatever the dataset's size.
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
  CARD_PATH,
  CHARTS_PATH,
  DATASET_INFO_PATH,
  LLAVA_PATH,
  MANIFEST_PATH,
  METADATA_PATH,
  QA_PATH,
  RECIPE_PATH,
  REJECTED_IMAGES_DIR,
  SHAREGPT_PATH,
} from './archive-format.ts';
import type {
  ArchiveManifest,
  ChartLine,
  DatasetImage,
  ManifestImage,
  RecipeFile,
} from './archive-format.ts';
import { toPrettyJson } from './canonical-json.ts';
import { writeDatasetCard } from './dataset-card.ts';
import { addExcluded, addToStats, createStats } from './dataset-stats.ts';
import { readAllBytes, sha256Hex } from './digest.ts';
import {
  checkExportOptions,
  imageExtension,
  isPipelineRejected,
  keepsChart,
  keptQa,
  trainingQa,
} from './options.ts';
import type { ExportOptions } from './options.ts';
import {
  streamJsonArray,
  streamJsonLines,
  toImageFolderRow,
  toLlamaFactoryInfo,
  toLlavaRow,
  toShareGptRow,
} from './training-formats.ts';
import { toFileName } from './zip-paths.ts';
import type { ZipEntry } from './zip-writer.ts';
import { writeZip } from './zip-writer.ts';

/** One chart with its image and all its Q&A (filters are applied by the export). */
export interface ExportItem {
  chart: ChartRecord;
  image: DatasetImage;
  qa: QaRecord[];
}

export interface ExportSource {
  dataset: DatasetRecord;
  /** All recipes and runs; only those the exported charts came from are written. */
  recipes: RecipeRecord[];
  runs: RunRecord[];
  /** Called once per file written; must yield the same items in the same order each call. */
  items(): AsyncIterable<ExportItem>;
}

interface KeptChart {
  chart: ChartRecord;
  qa: QaRecord[];
  image: DatasetImage;
  path: string;
}

/**
 * The entries of an export, in archive order. Throws when options are invalid (check them with
 * checkExportOptions first).
 */
export async function* listExportEntries(
  source: ExportSource,
  options: ExportOptions,
): AsyncGenerator<ZipEntry> {
  const problem = checkExportOptions(options);
  if (problem) throw new Error(problem.message);
  const formats = new Set(options.formats);
  const extension = imageExtension(options);
  const native = formats.has('native');
  const written = new Map<string, ManifestImage>();
  const stats = createStats();
  /** What charts.jsonl and qa.jsonl hold (pipeline-rejected records too), for the manifest. */
  const archived = { charts: 0, qa: 0 };

  /** Every chart written, with the Q&A the options keep: what the native archive holds. */
  async function* kept(): AsyncGenerator<KeptChart> {
    for await (const { chart, image, qa } of source.items()) {
      const entry = written.get(chart.id);
      if (entry) yield { chart, image, qa: keptQa(qa, options), path: entry.path };
    }
  }

  /** What the training formats hold: no chart the pipeline rejected, no Q&A it dropped. */
  async function* forTraining(): AsyncGenerator<KeptChart> {
    for await (const item of kept()) {
      if (!isPipelineRejected(item.chart)) yield { ...item, qa: trainingQa(item.chart, item.qa) };
    }
  }

  // Images first: this pass decides which charts are in, hashes the bytes actually written
  // and gathers the statistics of the manifest and card. A chart the pipeline rejected is
  // written only for the native archive, in a folder training loaders skip (REJECTED_IMAGES_DIR).
  for await (const { chart, image, qa } of source.items()) {
    if (!keepsChart(chart, options)) continue;
    const qaKept = keptQa(qa, options);
    const training = trainingQa(chart, qaKept);
    const rejected = isPipelineRejected(chart);
    addExcluded(stats, rejected ? 1 : 0, qaKept.length - training.length);
    if (rejected && !native) continue;
    const name = toFileName(chart.id);
    const path = `${rejected ? `${REJECTED_IMAGES_DIR}/` : 'images/'}${name}.${extension}`;
    let bytes = await readAllBytes(image.png);
    if (options.imageFormat.kind === 'jpeg') {
      bytes = await options.imageFormat.encode(bytes, options.imageFormat.quality);
    }
    written.set(chart.id, { path, sha256: await sha256Hex(bytes), bytes: bytes.length });
    archived.charts += 1;
    archived.qa += qaKept.length;
    if (!rejected) addToStats(stats, chart, training, bytes.length);
    yield { path, data: bytes };
    if (options.includeCode) yield { path: `code/${name}.py`, data: chart.code };
  }

  const files: string[] = [];
  if (native) {
    yield {
      path: CHARTS_PATH,
      data: streamJsonLines(
        (async function* () {
          for await (const { chart, image, path } of kept()) {
            const info = written.get(chart.id) as ManifestImage;
            const line: ChartLine = {
              ...chart,
              image: {
                ...info,
                path,
                width: image.width,
                height: image.height,
                phash: image.phash,
              },
            };
            yield line;
          }
        })(),
      ),
    };
    yield {
      path: QA_PATH,
      data: streamJsonLines(
        (async function* () {
          for await (const { qa } of kept()) yield* qa;
        })(),
      ),
    };
  }
  if (formats.has('llava')) {
    files.push(LLAVA_PATH);
    yield {
      path: LLAVA_PATH,
      data: streamJsonArray(
        (async function* () {
          for await (const { qa, path } of forTraining()) {
            for (const item of qa) yield toLlavaRow(item, path, options);
          }
        })(),
      ),
    };
  }
  if (formats.has('sharegpt')) {
    files.push(SHAREGPT_PATH, DATASET_INFO_PATH);
    yield {
      path: SHAREGPT_PATH,
      data: streamJsonArray(
        (async function* () {
          for await (const { qa, path } of forTraining()) {
            for (const item of qa) yield toShareGptRow(item, path, options);
          }
        })(),
      ),
    };
    yield {
      path: DATASET_INFO_PATH,
      data: toPrettyJson(toLlamaFactoryInfo(options, SHAREGPT_PATH)),
    };
  }
  if (formats.has('imagefolder')) {
    files.push(METADATA_PATH);
    yield {
      path: METADATA_PATH,
      data: streamJsonLines(
        (async function* () {
          for await (const { chart, qa, path } of forTraining()) {
            yield toImageFolderRow(chart, qa, path, options);
          }
        })(),
      ),
    };
  }

  files.push(CARD_PATH);
  if (native) {
    const runIds = new Set<string>();
    for await (const { chart } of kept()) {
      if (chart.provenance.runId !== null) runIds.add(chart.provenance.runId);
    }
    const runs = source.runs.filter((run) => runIds.has(run.id));
    const recipeIds = new Set(runs.map((run) => run.recipeId));
    const recipes = source.recipes.filter((recipe) => recipeIds.has(recipe.id));
    const recipeFile: RecipeFile = { recipes, runs };
    yield { path: RECIPE_PATH, data: toPrettyJson(recipeFile) };
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      schemaVersion: RECORD_SCHEMA_VERSION,
      appVersion: options.appVersion,
      dataset: source.dataset,
      counts: {
        charts: archived.charts,
        qa: archived.qa,
        images: written.size,
        recipes: recipes.length,
        runs: runs.length,
      },
      images: [...written.values()],
      files,
    };
    yield { path: MANIFEST_PATH, data: toPrettyJson(manifest) };
  }
  yield {
    path: CARD_PATH,
    data: writeDatasetCard({
      dataset: source.dataset,
      stats,
      formats: options.formats,
      appVersion: options.appVersion,
      schemaVersion: RECORD_SCHEMA_VERSION,
    }),
  };
}

/** The export as zip bytes, produced as the consumer pulls them (see writeZip). */
export function exportDataset(
  source: ExportSource,
  options: ExportOptions,
): AsyncGenerator<Uint8Array> {
  return writeZip(listExportEntries(source, options));
}
