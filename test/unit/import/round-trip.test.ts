// export → import → export gives the same records and a byte-identical archive.
import { describe, expect, it } from 'vitest';
import { importArchive } from '../../../src/core/import/import-archive.ts';
import { toExportSource } from '../../../src/core/import/to-export-source.ts';
import { exportDataset } from '../../../src/core/export/export-dataset.ts';
import { collectBytes } from '../../../src/core/export/zip-writer.ts';
import { sha256Hex } from '../../../src/core/export/digest.ts';
import { dataset, makeChart, makeQa, recipe, run } from '../export/synthetic-dataset.ts';
import { NATIVE_OPTIONS, exportSynthetic } from './archive-helpers.ts';

describe('round trip', () => {
  it('imports every record and image exactly as exported', async () => {
    const archive = await exportSynthetic(6);
    const result = await importArchive(archive);
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.dataset).toEqual(dataset);
    expect(result.recipes).toEqual([recipe]);
    expect(result.runs).toEqual([run]);
    expect(result.charts).toEqual([0, 1, 2, 3, 4, 5].map(makeChart));
    expect(result.qa).toEqual([0, 1, 2, 3, 4, 5].flatMap(makeQa));
    expect(result.images.map((image) => image.id)).toEqual(
      [0, 1, 2, 3, 4, 5].map((index) => `img${index}`),
    );
    const first = result.images[0];
    expect(first?.sha256).toBe(await sha256Hex(first?.png as Uint8Array));
    expect(first?.phash).toBeNull();
    expect(result.images[1]?.phash).toBe('ffeeddccbbaa9988');
  });

  it('re-exports an imported archive byte for byte', async () => {
    const archive = await exportSynthetic(12);
    const again = await exportSynthetic(12);
    expect(again).toEqual(archive); // deterministic: fixed entry times, sorted JSON keys
    const imported = await importArchive(archive);
    if (!imported.ok) throw new Error(imported.problem.message);
    const reexported = await collectBytes(exportDataset(toExportSource(imported), NATIVE_OPTIONS));
    expect(reexported.length).toBe(archive.length);
    expect(Buffer.from(reexported).equals(Buffer.from(archive))).toBe(true);
  });

  it('reads an archive given as a Blob, by slices', async () => {
    const archive = await exportSynthetic(3);
    const result = await importArchive(new Blob([archive as Uint8Array<ArrayBuffer>]));
    expect(result.ok && result.charts.length).toBe(3);
  });
});
