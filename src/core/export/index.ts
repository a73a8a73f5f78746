// Export of datasets (native archive and training formats) as a streaming zip: public entry points.
export { exportDataset, listExportEntries } from './export-dataset.ts';
export type { ExportItem, ExportSource } from './export-dataset.ts';
export { DEFAULT_EXPORT_OPTIONS, checkExportOptions } from './options.ts';
export type {
  ExportFormat,
  ExportOptions,
  ExportProblem,
  ImageFormatOption,
  JpegEncoder,
} from './options.ts';
export { writeZip, collectBytes } from './zip-writer.ts';
export type { ZipEntry, ZipEntryPiece } from './zip-writer.ts';
export { formatAnswer, trainingQuery, trainingResponse } from './answer-text.ts';
export { escapeMarkdown } from './dataset-card.ts';
export * from './archive-format.ts';
