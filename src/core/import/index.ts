// Import of native archives: public entry points.
export { importArchive } from './import-archive.ts';
export type { ImportedDataset, ImportedImage, ImportResult } from './import-archive.ts';
export type { ImportProblem, ImportProblemKind } from './import-problem.ts';
export { DEFAULT_ZIP_LIMITS } from './zip-reader.ts';
export type { ZipLimits } from './zip-reader.ts';
export { toExportSource } from './to-export-source.ts';
