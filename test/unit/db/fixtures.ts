// Records for db tests: small, valid, with the fields the filters look at easy to set.
import type { ChartRecord, ImageRecord, QaRecord } from '../../../src/core/dataset/records.ts';
import { CitDatabase } from '../../../src/db/index.ts';

let counter = 0;

/** A fresh database per test (fake-indexeddb keeps databases for the whole process). */
export async function openFreshDatabase(): Promise<CitDatabase> {
  counter += 1;
  const db = new CitDatabase(`cit-test-${counter}-${crypto.randomUUID()}`);
  await db.open();
  return db;
}

export function makeImage(id: string): ImageRecord {
  return {
    id,
    png: new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }),
    thumbnail: null,
    sha256: `sha-${id}`,
    phash: null,
    width: 640,
    height: 480,
    bytes: 4,
  };
}

export function makeChart(
  id: string,
  datasetId: string,
  patch: Partial<ChartRecord> = {},
): ChartRecord {
  return {
    id,
    datasetId,
    code: `import matplotlib.pyplot as plt\nplt.plot([1, 2])  # ${id}`,
    title: `Chart ${id}`,
    major: 'line',
    minor: 'line-plain',
    level: 'easy',
    topics: ['economy'],
    complexity: { series: 1, points: 2, subplots: 1, texts: 3 },
    findings: [],
    facts: {},
    imageId: `img-${id}`,
    width: 640,
    height: 480,
    dpi: 100,
    review: 'unreviewed',
    provenance: {
      recipe: 'template',
      runId: null,
      itemId: null,
      seed: 1,
      templateSpec: null,
      parentChartId: null,
      runtime: {
        distribution: 'native',
        pyodide: null,
        python: '3.11',
        numpy: '1.24',
        matplotlib: '3.6.3',
      },
      notes: [],
    },
    history: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...patch,
  };
}

export function makeQa(id: string, chart: ChartRecord, patch: Partial<QaRecord> = {}): QaRecord {
  return {
    id,
    chartId: chart.id,
    datasetId: chart.datasetId,
    kind: 'recognition',
    template: 'max-value',
    question: `What is the largest value in ${chart.title}?`,
    steps: ['Read the bars.'],
    answer: { type: 'number', value: 2 },
    program: 'answer = 2',
    verification: { status: 'verified', reason: 'equal', computed: 2, at: chart.createdAt },
    review: 'unreviewed',
    programSteps: 1,
    createdAt: chart.createdAt,
    updatedAt: chart.createdAt,
    ...patch,
  };
}
