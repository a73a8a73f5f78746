// CIT records for browse, restore and export tests: charts with full provenance (origin, evol
// direction, conversation, render tries, calls, ratings), pipeline rejections and dropped Q&A.
import type {
  CitChartProvenance,
  ChartRecord,
  QaRecord,
} from '../../../src/core/dataset/records.ts';
import type { EvolDirection } from '../../../src/core/cit/recipe.ts';

export const REJECTED_AT = '2026-02-03T04:05:06.000Z';

/** The provenance of a CIT chart: a script repaired once, one rating, two calls. */
export function citProvenance(
  origin: 'self-instruct' | 'evol',
  direction: EvolDirection | null = origin === 'evol' ? 'add-subplot' : null,
): CitChartProvenance {
  return {
    origin,
    direction,
    demoIds: ['corpus:bar-grouped-01', 'corpus:line-plain-02', 'seed:9'],
    conversation: [
      { role: 'system', content: 'You write matplotlib scripts.' },
      { role: 'user', content: 'Plan a chart about <b>rainfall</b> & {@html}' },
      { role: 'assistant', content: 'Title: Rainfall\n```python\nplt.bar(x, y)\n```' },
    ],
    tries: [
      {
        round: 0,
        code: 'import matplotlib.pyplot as plt\nplt.bar(x, y)\n',
        error: { kind: 'runtime', message: "NameError: name 'x' is not defined", line: 2 },
      },
      {
        round: 1,
        code: 'import matplotlib.pyplot as plt\nx = [1, 2]\ny = [3, 4]\nplt.bar(x, y)\n',
        error: null,
      },
    ],
    calls: [
      {
        task: 'self-instruct.plan',
        callId: 'call-1',
        promptHash: 'aa11',
        model: 'gpt-4o',
        promptTokens: 1200,
        completionTokens: 300,
        costUsd: 0.006,
      },
      {
        task: 'repair',
        callId: 'call-2',
        promptHash: 'bb22',
        model: 'gpt-4o',
        promptTokens: 900,
        completionTokens: 150,
        costUsd: null,
      },
    ],
    ratings: [
      { score: 4, reason: 'clear labels', model: 'gpt-4o' },
      { score: 3, reason: 'legend overlaps', model: 'claude' },
    ],
    recipeHash: 'f'.repeat(64),
  };
}

/** Turns a chart into a CIT chart (optionally evolved from `parentChartId`). */
export function asCitChart(
  chart: ChartRecord,
  origin: 'self-instruct' | 'evol',
  parentChartId: string | null = null,
): ChartRecord {
  return {
    ...chart,
    provenance: {
      ...chart.provenance,
      recipe: 'cit',
      parentChartId,
      templateSpec: null,
      cit: citProvenance(origin),
    },
  };
}

/** A chart the pipeline rejected at a stage with reasons. */
export function asRejectedChart(
  chart: ChartRecord,
  stage = 'gate',
  reasons = ['overlapping-text: 3 labels overlap', 'rater mean 2.5 < 3.75'],
): ChartRecord {
  return { ...chart, rejection: { stage, reasons, at: REJECTED_AT } };
}

/** A Q&A the pipeline dropped (mismatch policy "drop"), with CIT fields. */
export function asDroppedQa(
  qa: QaRecord,
  reasons = ['program computed 7, answer says 8'],
): QaRecord {
  return {
    ...asCitQa(qa),
    verification: { status: 'mismatch', reason: 'differs', computed: 7, at: REJECTED_AT },
    rejection: { stage: 'mismatch', reasons, at: REJECTED_AT },
  };
}

/** A Q&A with the CIT fields: analysis, votes and calls. */
export function asCitQa(qa: QaRecord, programSteps = qa.programSteps): QaRecord {
  return {
    ...qa,
    programSteps,
    analysis: 'The tallest bar is March; read its top.',
    votes: [
      { vote: 'yes', reason: 'answerable from the image', model: 'gpt-4o' },
      { vote: 'no', reason: 'label is small', model: 'claude' },
    ],
    calls: [
      {
        task: 'qa.answer',
        callId: 'call-9',
        promptHash: 'cc33',
        model: 'gpt-4o-mini',
        promptTokens: 700,
        completionTokens: 200,
        costUsd: 0.0002,
      },
    ],
  };
}
