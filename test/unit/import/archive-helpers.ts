// Helpers to build good and bad archives for the import tests.
import { unzipSync, zipSync } from 'fflate';
import { DEFAULT_EXPORT_OPTIONS } from '../../../src/core/export/options.ts';
import type { ExportOptions } from '../../../src/core/export/options.ts';
import { exportDataset } from '../../../src/core/export/export-dataset.ts';
import { collectBytes } from '../../../src/core/export/zip-writer.ts';
import { makeSource } from '../export/synthetic-dataset.ts';

export const NATIVE_OPTIONS: ExportOptions = {
  ...DEFAULT_EXPORT_OPTIONS,
  includeRejected: true,
  appVersion: '0.1.0',
};

export function exportSynthetic(count: number, options = NATIVE_OPTIONS): Promise<Uint8Array> {
  return collectBytes(exportDataset(makeSource(count), options));
}

/** The archive with some files replaced (string or bytes), added, or removed (null). */
export function rewriteArchive(
  archive: Uint8Array,
  changes: Record<string, string | Uint8Array | null>,
): Uint8Array {
  const files: Record<string, Uint8Array> = unzipSync(archive);
  for (const [path, value] of Object.entries(changes)) {
    if (value === null) delete files[path];
    else files[path] = typeof value === 'string' ? new TextEncoder().encode(value) : value;
  }
  return zipSync(files);
}

/** A text file of the archive. */
export function readText(archive: Uint8Array, path: string): string {
  const bytes = unzipSync(archive, { filter: (file) => file.name === path })[path];
  if (!bytes) throw new Error(`no ${path}`);
  return new TextDecoder().decode(bytes);
}

/** Edits each JSON line of a JSONL file. */
export function editLines(
  text: string,
  edit: (row: Record<string, unknown>, index: number) => unknown,
): string {
  return text
    .trim()
    .split('\n')
    .map((line, index) => JSON.stringify(edit(JSON.parse(line), index)))
    .join('\n');
}
