// A dataset the size of the paper's (3,249 charts, ~20k Q&A) made from template charts, for
// measuring the browse queries. Images are tiny stand-ins: only the rows matter here.
import type { ChartRecord, QaRecord } from '../../../src/core/dataset/records.ts';
import { generateTemplateDataset } from '../../../src/core/template/index.ts';
import type { DatasetImport } from '../../../src/db/index.ts';
import { makeChart, makeImage, makeQa } from './fixtures.ts';

export function makeScaleDataset(
  datasetId: string,
  charts = 3249,
  qaCount = 19_963,
): DatasetImport {
  const generated = generateTemplateDataset(7, charts, { questionsPerKind: 4 });
  const chartRecords: ChartRecord[] = [];
  const qa: QaRecord[] = [];
  generated.forEach((template, i) => {
    const id = `c${String(i).padStart(5, '0')}`;
    const chart = makeChart(id, datasetId, {
      title: template.spec.title,
      major: template.spec.major,
      minor: template.spec.minor,
      level: i % 5 < 2 ? 'hard' : 'easy',
      review: i % 7 === 0 ? 'accepted' : i % 11 === 0 ? 'rejected' : 'unreviewed',
      findings: i % 9 === 0 ? [{ kind: 'overlapping-text', message: 'labels overlap' }] : [],
      code: template.code,
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
    });
    chartRecords.push(chart);
    template.questions.forEach((question, q) => {
      const status =
        (i * 7 + q) % 97 === 0 ? 'mismatch' : (i + q) % 53 === 0 ? 'unverifiable' : 'verified';
      qa.push(
        makeQa(`${id}:q${q}`, chart, {
          kind: question.kind,
          template: question.templateId,
          question: question.question,
          steps: question.steps,
          answer: question.answer,
          program: question.program,
          verification: { status, reason: status, computed: null, at: chart.createdAt },
        }),
      );
    });
  });
  return {
    dataset: {
      id: datasetId,
      name: 'Scale',
      description: '',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '',
    },
    charts: chartRecords,
    images: chartRecords.map((chart) => makeImage(chart.imageId)),
    qa: qa.slice(0, qaCount),
  };
}
