// The native archive's file layout and the shapes of its JSON files (shared with the importer).
import type {
  ChartRecord,
  DatasetRecord,
  ImageRecord,
  RecipeRecord,
  RunRecord,
} from '../dataset/records.ts';

export const ARCHIVE_FORMAT = 'cit-studio-dataset';
/** Version of the archive layout (the records inside carry RECORD_SCHEMA_VERSION). */
export const ARCHIVE_FORMAT_VERSION = 1;

export const MANIFEST_PATH = 'manifest.json';
export const CHARTS_PATH = 'charts.jsonl';
export const QA_PATH = 'qa.jsonl';
export const RECIPE_PATH = 'recipe.json';
export const CARD_PATH = 'README.md';
export const LLAVA_PATH = 'llava.json';
export const SHAREGPT_PATH = 'sharegpt.json';
export const DATASET_INFO_PATH = 'dataset_info.json';
export const METADATA_PATH = 'metadata.jsonl';
/**
 * Where the native archive keeps the images of charts the pipeline rejected. Hugging Face's
 * imagefolder loader reads every image under the folder it loads and refuses one without a
 * metadata row; it skips folders whose name starts with "__", so these stay out of training.
 */
export const REJECTED_IMAGES_DIR = '__rejected__/images';

/** The image of a chart as one line of charts.jsonl names it. */
export interface ArchivedImage {
  /** Path inside the archive, e.g. images/<chartId>.png. */
  path: string;
  sha256: string;
  bytes: number;
  width: number;
  height: number;
  phash: string | null;
}

/** One line of charts.jsonl: the chart record with its image reference. */
export type ChartLine = ChartRecord & { image: ArchivedImage };

/** An image as export reads it and import returns it (the thumbnail is not exported). */
export type DatasetImage = Omit<ImageRecord, 'png' | 'thumbnail'> & { png: Uint8Array | Blob };

/** recipe.json: the recipes and runs the exported charts came from. */
export interface RecipeFile {
  recipes: RecipeRecord[];
  runs: RunRecord[];
}

export interface ManifestImage {
  path: string;
  sha256: string;
  bytes: number;
}

/** manifest.json. */
export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  schemaVersion: number;
  appVersion: string;
  dataset: DatasetRecord;
  counts: { charts: number; qa: number; images: number; recipes: number; runs: number };
  images: ManifestImage[];
  /** Every other file of the archive (training formats, card), for tools that list contents. */
  files: string[];
}
