// What an export contains: formats, record filters and image encoding, with the defaults the
// export dialog starts from.
import type { ChartRecord, QaRecord } from '../dataset/records.ts';

export type ExportFormat = 'native' | 'llava' | 'sharegpt' | 'imagefolder';

/** Re-encodes a PNG as JPEG at a quality in 1..100; the browser provides it (canvas). */
export type JpegEncoder = (png: Uint8Array, quality: number) => Promise<Uint8Array>;

export type ImageFormatOption =
  { kind: 'png' } | { kind: 'jpeg'; quality: number; encode: JpegEncoder };

export interface ExportOptions {
  formats: ExportFormat[];
  /** Only charts and Q&A a person accepted. */
  acceptedOnly: boolean;
  /** Only Q&A whose answer program confirmed the answer. */
  verifiedOnly: boolean;
  /** Keep charts and Q&A a person rejected (ignored when acceptedOnly). */
  includeRejected: boolean;
  /** Write code/<id>.py and a `code` column in metadata.jsonl. */
  includeCode: boolean;
  /** Training text: worked steps before the final answer (else the final answer alone). */
  includeSteps: boolean;
  /** Appended to every training question (METHOD.md: " Let's think step by step."). */
  questionSuffix: string;
  imageFormat: ImageFormatOption;
  /** Written to the manifest and the dataset card. */
  appVersion: string;
  /** Name of the dataset in LLaMA-Factory's dataset_info.json. */
  llamaFactoryName: string;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  formats: ['native', 'llava', 'sharegpt', 'imagefolder'],
  acceptedOnly: false,
  verifiedOnly: false,
  includeRejected: false,
  includeCode: true,
  includeSteps: true,
  questionSuffix: " Let's think step by step.",
  imageFormat: { kind: 'png' },
  appVersion: '0.0.0',
  llamaFactoryName: 'cit_studio',
};

export interface ExportProblem {
  kind: 'bad-options';
  message: string;
}

/** Why options cannot be exported, or null when they can. */
export function checkExportOptions(options: ExportOptions): ExportProblem | null {
  if (options.formats.length === 0) return { kind: 'bad-options', message: 'Choose a format.' };
  const image = options.imageFormat;
  if (image.kind === 'jpeg') {
    if (options.formats.includes('native')) {
      return {
        kind: 'bad-options',
        message: 'The native archive keeps the PNG exactly as rendered; choose PNG for it.',
      };
    }
    if (!Number.isInteger(image.quality) || image.quality < 1 || image.quality > 100) {
      return { kind: 'bad-options', message: 'JPEG quality must be a whole number 1–100.' };
    }
  }
  return null;
}

function keepsReview(review: ChartRecord['review'], options: ExportOptions): boolean {
  if (options.acceptedOnly) return review === 'accepted';
  return options.includeRejected || review !== 'rejected';
}

/** Whether a chart goes into the export. */
export function keepsChart(chart: ChartRecord, options: ExportOptions): boolean {
  return keepsReview(chart.review, options);
}

/** The Q&A of a kept chart that go into the export. */
export function keptQa(qa: readonly QaRecord[], options: ExportOptions): QaRecord[] {
  return qa.filter(
    (item) =>
      keepsReview(item.review, options) &&
      (!options.verifiedOnly || item.verification?.status === 'verified'),
  );
}

/** Whether the pipeline set the chart aside (its quality gates, raters or dedup). */
export function isPipelineRejected(chart: Pick<ChartRecord, 'rejection'>): boolean {
  return chart.rejection != null;
}

/**
 * The Q&A the training formats and the dataset card count: those of a chart the pipeline kept,
 * without the ones it dropped. The native archive keeps both, with their rejection.
 */
export function trainingQa(chart: ChartRecord, qa: readonly QaRecord[]): QaRecord[] {
  return isPipelineRejected(chart) ? [] : qa.filter((item) => item.rejection == null);
}

/** The image file name extension of the export. */
export function imageExtension(options: ExportOptions): 'png' | 'jpg' {
  return options.imageFormat.kind === 'jpeg' ? 'jpg' : 'png';
}
