// A stored archive of format 1 must keep importing, and re-export to the very same bytes: this
// catches any unintended change of the archive format or of record serialisation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importArchive } from '../../../src/core/import/import-archive.ts';
import { toExportSource } from '../../../src/core/import/to-export-source.ts';
import { exportDataset } from '../../../src/core/export/export-dataset.ts';
import { collectBytes } from '../../../src/core/export/zip-writer.ts';
import { NATIVE_OPTIONS } from './archive-helpers.ts';

const FIXTURE = new URL('../../fixtures/archives/synthetic-v1.zip', import.meta.url);

describe('stored archive (format 1)', () => {
  it('imports and re-exports byte for byte', async () => {
    const archive = new Uint8Array(readFileSync(FIXTURE));
    const imported = await importArchive(archive);
    if (!imported.ok) throw new Error(imported.problem.message);
    expect(imported.charts.map((chart) => chart.id)).toEqual(['c0', 'c1', 'c2']);
    expect(imported.qa).toHaveLength(6);
    const again = await collectBytes(exportDataset(toExportSource(imported), NATIVE_OPTIONS));
    expect(Buffer.from(again).equals(Buffer.from(archive))).toBe(true);
  });
});
