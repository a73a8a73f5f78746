// A small synthetic dataset for export/import tests: valid tiny PNGs and complete records.
import { unzipSync, zlibSync } from 'fflate';
import { exportDataset } from '../../../src/core/export/export-dataset.ts';
import type { ExportOptions } from '../../../src/core/export/options.ts';
import { collectBytes } from '../../../src/core/export/zip-writer.ts';
import type { ExportItem, ExportSource } from '../../../src/core/export/export-dataset.ts';
import type {
  ChartRecord,
  DatasetRecord,
  QaRecord,
  RecipeRecord,
  RunRecord,
  TemplateRecipeSettings,
} from '../../../src/core/dataset/records.ts';
import { updateCrc32 } from '../../../src/core/import/crc32.ts';

const AT = '2026-01-02T03:04:05.000Z';

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, updateCrc32(0, out.subarray(4, 8 + data.length)));
  return out;
}

/** A valid RGB PNG of one colour derived from `seed`. */
export function makePng(width: number, height: number, seed: number, level: 0 | 6 = 6): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = y * (1 + width * 3) + 1 + x * 3;
      rows[at] = (seed * 37 + x) & 255;
      rows[at + 1] = (seed * 91 + y) & 255;
      rows[at + 2] = (seed * 13) & 255;
    }
  }
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(rows, { level })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const SETTINGS: TemplateRecipeSettings = {
  kind: 'template',
  count: 2,
  seed: 7,
  chartTypes: {},
  topics: [],
  questionsPerKind: { recognition: 1, reasoning: 1 },
  dpi: 100,
};

const RUNTIME = {
  distribution: 'pyodide',
  pyodide: '0.17.0',
  python: '3.8.2',
  numpy: '1.17.5',
  matplotlib: '3.3.3',
};

export const dataset: DatasetRecord = {
  id: 'ds1',
  name: 'Sales <b>charts</b> | *demo*',
  createdAt: AT,
  updatedAt: AT,
  description: 'Synthetic [test] data.',
};
export const recipe: RecipeRecord = {
  id: 'rc1',
  name: 'Template',
  createdAt: AT,
  settings: SETTINGS,
};
export const run: RunRecord = {
  id: 'run1',
  datasetId: 'ds1',
  recipeId: 'rc1',
  settings: SETTINGS,
  status: 'completed',
  statusReason: null,
  createdAt: AT,
  updatedAt: AT,
  planned: 2,
  runtime: RUNTIME,
};

const MINORS = [
  ['bar', 'bar-plain'],
  ['line', 'line-plain'],
  ['pie', 'pie-donut'],
] as const;

export function makeChart(index: number): ChartRecord {
  const [major, minor] = MINORS[index % MINORS.length] as (typeof MINORS)[number];
  return {
    id: `c${index}`,
    datasetId: 'ds1',
    code: `import matplotlib.pyplot as plt\nplt.bar(['A', 'B'], [${index}, 2])\n`,
    title: `Chart ${index}`,
    major,
    minor,
    level: index % 2 === 0 ? 'easy' : 'hard',
    topics: [index % 2 === 0 ? 'economy' : 'health'],
    complexity: { series: 1, points: 2, subplots: 1, texts: 3 },
    findings: index % 3 === 1 ? [{ kind: 'overlap', message: 'labels overlap' }] : [],
    facts: { axes: [{ title: `Chart ${index}` }], values: [index, 2] },
    imageId: `img${index}`,
    width: 8,
    height: 6,
    dpi: 100,
    review: index % 5 === 4 ? 'rejected' : index % 2 === 0 ? 'accepted' : 'unreviewed',
    provenance: {
      recipe: 'template',
      runId: 'run1',
      itemId: `item${index}`,
      seed: 1000 + index,
      templateSpec: { generator: 1, kind: minor },
      parentChartId: null,
      runtime: RUNTIME,
      notes: [],
    },
    history: [],
    createdAt: AT,
    updatedAt: AT,
  };
}

export function makeQa(chartIndex: number): QaRecord[] {
  const base = {
    chartId: `c${chartIndex}`,
    datasetId: 'ds1',
    template: 'read-value',
    program: 'answer = 2',
    programSteps: 1,
    createdAt: AT,
    updatedAt: AT,
  };
  return [
    {
      ...base,
      id: `q${chartIndex}a`,
      kind: 'recognition',
      question: 'What is the value of B?',
      steps: ['Find the bar labelled B.', 'Its top is at 2.'],
      answer: { type: 'number', value: 2, unit: '%' },
      verification: { status: 'verified', reason: 'equal', computed: 2, at: AT },
      review: 'accepted',
    },
    {
      ...base,
      id: `q${chartIndex}b`,
      kind: 'reasoning',
      question: 'Which bar is taller?',
      steps: [`A is ${chartIndex}, B is 2.`],
      answer: { type: 'category', value: chartIndex > 2 ? 'A' : 'B' },
      verification:
        chartIndex % 2 === 0
          ? { status: 'mismatch', reason: 'differs', computed: 'A', at: AT }
          : null,
      review: 'unreviewed',
    },
  ];
}

/**
 * `count` charts; PNG bytes are made when an item is read, as a database cursor would (big
 * images are left uncompressed, which is quick to make).
 */
export function makeSource(count: number, pngSize = 4): ExportSource {
  return {
    dataset,
    recipes: [recipe],
    runs: [run],
    async *items(): AsyncGenerator<ExportItem> {
      for (let index = 0; index < count; index += 1) {
        const png = makePng(pngSize, pngSize, index, pngSize > 16 ? 0 : 6);
        yield {
          chart: makeChart(index),
          image: {
            id: `img${index}`,
            png,
            sha256: 'unused',
            phash: index % 2 ? 'ffeeddccbbaa9988' : null,
            width: pngSize,
            height: pngSize,
            bytes: png.length,
          },
          qa: makeQa(index),
        };
      }
    },
  };
}

/** Exports `count` synthetic charts and returns the archive's files (PNGs as a size note). */
export async function exportFiles(
  count: number,
  options: ExportOptions,
): Promise<Record<string, string>> {
  const zip = unzipSync(await collectBytes(exportDataset(makeSource(count), options)));
  const decoder = new TextDecoder();
  return Object.fromEntries(
    Object.entries(zip).map(([path, bytes]) => [
      path,
      path.endsWith('.png') ? `<png ${bytes.length} bytes>` : decoder.decode(bytes),
    ]),
  );
}
