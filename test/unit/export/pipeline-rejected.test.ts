// Export of CIT records: the native archive keeps what the pipeline set aside (rejected charts,
// dropped Q&A, with their rejection and full provenance) and re-imports it losslessly; the
// training formats and the dataset card leave it out, and the card says how much.
import 'fake-indexeddb/auto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { defaultCitRecipe } from '../../../src/core/cit/recipe.ts';
import type { ChartRecord, RecipeRecord, RunRecord } from '../../../src/core/dataset/records.ts';
import { exportDataset, type ExportSource } from '../../../src/core/export/export-dataset.ts';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../../../src/core/export/options.ts';
import { collectBytes } from '../../../src/core/export/zip-writer.ts';
import { importArchive } from '../../../src/core/import/import-archive.ts';
import { toExportSource } from '../../../src/core/import/to-export-source.ts';
import { countCharts, importDatasetRecords, listChartsPage } from '../../../src/db/index.ts';
import { asCitChart, asCitQa, asDroppedQa, asRejectedChart } from '../db/cit-fixtures.ts';
import { openFreshDatabase } from '../db/fixtures.ts';
import { dataset, makeChart, makePng, makeQa, recipe, run } from './synthetic-dataset.ts';

const OPTIONS: ExportOptions = { ...DEFAULT_EXPORT_OPTIONS, appVersion: '0.1.0' };

const citRecipe: RecipeRecord = {
  id: 'rc-cit',
  name: 'CIT (paper)',
  createdAt: recipe.createdAt,
  settings: defaultCitRecipe(),
};
const citRun: RunRecord = {
  ...run,
  id: 'run-cit',
  recipeId: 'rc-cit',
  settings: citRecipe.settings,
};

function fromCitRun(chart: ChartRecord): ChartRecord {
  return { ...chart, provenance: { ...chart.provenance, runId: 'run-cit' } };
}

/** c0 template; c1 self-instruct with a dropped Q&A; c2 evolved from c1, rejected; c3 template. */
function citCharts(): { chart: ChartRecord; qa: ReturnType<typeof makeQa> }[] {
  const [q1a, q1b] = makeQa(1) as [ReturnType<typeof makeQa>[0], ReturnType<typeof makeQa>[0]];
  return [
    { chart: makeChart(0), qa: makeQa(0) },
    {
      chart: fromCitRun(asCitChart(makeChart(1), 'self-instruct')),
      qa: [asCitQa(q1a, 3), asDroppedQa(q1b)],
    },
    {
      chart: fromCitRun(asRejectedChart(asCitChart(makeChart(2), 'evol', 'c1'))),
      qa: makeQa(2).map((qa) => asCitQa(qa)),
    },
    { chart: makeChart(3), qa: makeQa(3) },
  ];
}

function citSource(): ExportSource {
  return {
    dataset,
    recipes: [recipe, citRecipe],
    runs: [run, citRun],
    async *items() {
      for (const [index, { chart, qa }] of citCharts().entries()) {
        const png = makePng(4, 4, index);
        const image = { id: chart.imageId, png, sha256: '', phash: null, width: 4, height: 4 };
        yield { chart, qa, image: { ...image, bytes: png.length } };
      }
    },
  };
}

async function exportCit(options: ExportOptions): Promise<Record<string, Uint8Array>> {
  return unzipSync(await collectBytes(exportDataset(citSource(), options)));
}

const text = (files: Record<string, Uint8Array>, path: string): string => {
  const bytes = files[path];
  if (!bytes) throw new Error(`no ${path} in the export`);
  return new TextDecoder().decode(bytes);
};
const lines = (files: Record<string, Uint8Array>, path: string): Record<string, unknown>[] =>
  text(files, path)
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('export of pipeline-rejected records', () => {
  it('keeps rejected charts and dropped Q&A in the native archive only', async () => {
    const files = await exportCit(OPTIONS);
    const images = Object.keys(files).filter((path) => path.endsWith('.png'));
    expect(images).toEqual([
      'images/c0.png',
      'images/c1.png',
      '__rejected__/images/c2.png',
      'images/c3.png',
    ]);
    expect(files['code/c2.py']).toBeDefined();

    const charts = lines(files, 'charts.jsonl');
    expect(charts.map((chart) => chart.id)).toEqual(['c0', 'c1', 'c2', 'c3']);
    const rejected = charts[2] as unknown as ChartRecord & { image: { path: string } };
    expect(rejected.rejection?.stage).toBe('gate');
    expect(rejected.image.path).toBe('__rejected__/images/c2.png');
    expect(rejected.provenance.cit?.tries).toHaveLength(2);
    expect(rejected.provenance.parentChartId).toBe('c1');
    const qa = lines(files, 'qa.jsonl');
    expect(qa.map((item) => item.id)).toEqual([
      'q0a',
      'q0b',
      'q1a',
      'q1b',
      'q2a',
      'q2b',
      'q3a',
      'q3b',
    ]);
    expect((qa[3] as { rejection?: { stage: string } }).rejection?.stage).toBe('mismatch');

    const training = ['q0a', 'q0b', 'q1a', 'q3a', 'q3b'];
    const llava = JSON.parse(text(files, 'llava.json')) as { id: string; image: string }[];
    expect(llava.map((row) => row.id)).toEqual(training);
    expect(llava.some((row) => row.image.includes('c2'))).toBe(false);
    const sharegpt = JSON.parse(text(files, 'sharegpt.json')) as { images: string[] }[];
    expect(sharegpt).toHaveLength(training.length);
    expect(sharegpt.flatMap((row) => row.images)).not.toContain('__rejected__/images/c2.png');
    const metadata = lines(files, 'metadata.jsonl');
    expect(metadata.map((row) => row.chart_id)).toEqual(['c0', 'c1', 'c3']);
    expect(metadata[1]?.qa_ids).toEqual(['q1a']);
    // imagefolder refuses an image without a metadata row under the folder it loads; it skips
    // "__" folders, so every image it can see must have exactly one row.
    const visible = images.filter((path) => !path.split('/').some((part) => part.startsWith('__')));
    expect(metadata.map((row) => row.file_name).sort()).toEqual(visible.sort());

    const manifest = JSON.parse(text(files, 'manifest.json')) as {
      counts: Record<string, number>;
      images: { path: string }[];
    };
    expect(manifest.counts).toMatchObject({ charts: 4, qa: 8, images: 4, recipes: 2, runs: 2 });
    const card = text(files, 'README.md');
    expect(card).toContain('| Charts | 3 |');
    expect(card).toContain('| Questions and answers | 5 |');
    expect(card).toContain('Not counted: 1 chart and 3 questions and answers');
    expect(card).toContain('the native archive keeps them');
  });

  it('writes nothing of a rejected chart when the native archive is not chosen', async () => {
    const files = await exportCit({ ...OPTIONS, formats: ['llava', 'imagefolder'] });
    expect(Object.keys(files).filter((path) => path.includes('c2'))).toEqual([]);
    expect(Object.keys(files).some((path) => path.startsWith('__rejected__'))).toBe(false);
    const card = text(files, 'README.md');
    expect(card).toContain('| Charts | 3 |');
    expect(card).toContain('They are not in this export.');
  });

  it('counts only what the other filters keep as excluded', async () => {
    // Verified-only: the dropped Q&A is a mismatch, so it is filtered out before exclusion.
    const files = await exportCit({ ...OPTIONS, formats: ['llava'], verifiedOnly: true });
    expect(text(files, 'README.md')).toContain('Not counted: 1 chart and 1 question and answer');
  });
});

describe('round trip of CIT records', () => {
  it('re-imports rejected charts and dropped Q&A losslessly and byte for byte', async () => {
    const native: ExportOptions = { ...OPTIONS, formats: ['native'] };
    const archive = await collectBytes(exportDataset(citSource(), native));
    const imported = await importArchive(archive);
    if (!imported.ok) throw new Error(imported.problem.message);
    const expected = citCharts();
    expect(imported.charts).toEqual(expected.map((item) => item.chart));
    expect(imported.qa).toEqual(expected.flatMap((item) => item.qa));
    expect(imported.recipes).toEqual([recipe, citRecipe]);
    const again = await collectBytes(exportDataset(toExportSource(imported), native));
    expect(Buffer.from(again).equals(Buffer.from(archive))).toBe(true);

    // Into the database: the rejected chart stays hidden and restorable, the drop is counted.
    const db = await openFreshDatabase();
    await importDatasetRecords(db, {
      dataset: imported.dataset,
      charts: imported.charts,
      qa: imported.qa,
      recipes: imported.recipes,
      runs: imported.runs,
      images: imported.images.map((image) => ({
        ...image,
        png: new Blob([image.png as BlobPart], { type: 'image/png' }),
        thumbnail: null,
      })),
    });
    expect(await countCharts(db, 'ds1')).toBe(3);
    const rejected = await listChartsPage(db, 'ds1', { show: 'rejected' }, { key: 'title' }, 0, 9);
    expect(rejected.rows.map((row) => row.chartId)).toEqual(['c2']);
    expect((await db.chartRows.get('c1'))?.qaDropped).toBe(1);
    db.close();
  });
});
