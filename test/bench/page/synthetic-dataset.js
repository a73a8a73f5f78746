// Builds a paper-sized dataset for the datasets benchmark: text (code, titles, questions, typed
// answers, answer programs) from the template recipe, images and facts from real renders of the
// corpus, cycled. Verification, findings and review states follow a realistic mix, drawn from a
// seeded generator so every run stores the same records.
import { generateTemplateChart, createRng } from '../../../src/core/template/index.ts';
import { countProgramSteps } from '../../../src/pipeline/template-stages.ts';
import { sha256Hex } from '../../../src/core/sha256.ts';
import { makeThumbnail } from '../../../src/state/thumbnail.ts';

const RUNTIME = {
  distribution: 'offline-0.17',
  pyodide: '0.17.0',
  python: '3.8.2',
  numpy: '1.17.5',
  matplotlib: '3.3.3',
};

/** Decodes the corpus renders once: PNG bytes, thumbnail, hash, facts. */
export async function prepareImages(renders) {
  return Promise.all(
    renders.map(async ({ b64, facts, width, height }) => {
      const png = Uint8Array.from(atob(b64), (char) => char.charCodeAt(0));
      return {
        png,
        thumbnail: await makeThumbnail(png),
        sha256: await sha256Hex(png),
        facts,
        width,
        height,
      };
    }),
  );
}

/** The verification of one Q&A: mostly verified, a few unverifiable, unchecked, mismatches. */
function drawVerification(rng, qa, at) {
  const roll = rng.next();
  if (roll < 0.92) return { status: 'verified', reason: 'Matches.', computed: null, at };
  if (roll < 0.95)
    return {
      status: 'unverifiable',
      reason: 'The answer program failed (error): NameError',
      computed: null,
      at,
    };
  if (roll < 0.99) return null;
  return { status: 'mismatch', reason: `Expected ${JSON.stringify(qa.answer)}.`, computed: 0, at };
}

function drawReview(rng) {
  const roll = rng.next();
  return roll < 0.7 ? 'unreviewed' : roll < 0.95 ? 'accepted' : 'rejected';
}

/** The chart's findings: the render's own plus a synthetic one on a few charts. */
function drawFindings(rng, facts) {
  const own = (facts?.findings ?? []).map(({ kind, message }) => ({ kind, message }));
  const roll = rng.next();
  if (roll < 0.05)
    own.push({ kind: 'overlapping-text', message: 'Two tick labels overlap on the x axis.' });
  else if (roll < 0.07)
    own.push({ kind: 'tiny-text', message: 'A legend entry is drawn below 6 pt.' });
  return own;
}

function measureComplexity(facts) {
  const axes = (facts?.axes ?? []).filter((axis) => !axis.isColorbar);
  const series = axes.flatMap((axis) => axis.series ?? []);
  return {
    series: series.length,
    points: series.reduce((sum, item) => sum + (item.count ?? 0), 0),
    subplots: axes.filter((axis) => !axis.isTwin).length,
    texts: facts?.texts?.length ?? 0,
  };
}

/**
 * Records of a dataset with `charts` charts and `qa` Q&A in total (spread as evenly as the
 * counts allow: 6 or 7 per chart for the paper's 3,249 / 19,963).
 */
export function buildDatasetRecords({ datasetId, name, charts, qa, images, seed }) {
  const rng = createRng(seed);
  const at = new Date('2026-01-01T00:00:00Z');
  const dataset = {
    id: datasetId,
    name,
    description: `${charts} charts, ${qa} Q&A (benchmark)`,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
  const base = Math.floor(qa / charts);
  const extra = qa - base * charts;
  const chartRecords = [];
  const imageRecords = [];
  const qaRecords = [];
  for (let index = 0; index < charts; index += 1) {
    const created = new Date(at.getTime() + index * 1000).toISOString();
    const plan = generateTemplateChart(seed * 100_000 + index, { questionsPerKind: 4 });
    const image = images[index % images.length];
    const chartId = `c${String(index).padStart(6, '0')}-${datasetId.slice(0, 8)}`;
    const imageId = `i${String(index).padStart(6, '0')}-${datasetId.slice(0, 8)}`;
    imageRecords.push({
      id: imageId,
      png: new Blob([image.png], { type: 'image/png' }),
      thumbnail: image.thumbnail,
      sha256: image.sha256,
      phash: null,
      width: image.width,
      height: image.height,
      bytes: image.png.byteLength,
    });
    chartRecords.push({
      id: chartId,
      datasetId,
      code: plan.code,
      title: plan.spec.title,
      major: plan.spec.major,
      minor: plan.spec.minor,
      level: 'easy',
      topics: [plan.spec.topicId],
      complexity: measureComplexity(image.facts),
      findings: drawFindings(rng, image.facts),
      facts: image.facts,
      imageId,
      width: image.width,
      height: image.height,
      dpi: 100,
      review: drawReview(rng),
      provenance: {
        recipe: 'template',
        runId: null,
        itemId: null,
        seed: seed * 100_000 + index,
        templateSpec: plan.spec,
        parentChartId: null,
        runtime: RUNTIME,
        notes: [],
      },
      history: [],
      createdAt: created,
      updatedAt: created,
    });
    const wanted = base + (index < extra ? 1 : 0);
    for (let position = 0; position < wanted; position += 1) {
      // Fewer templates may apply than wanted: repeat one with a different wording.
      const question = plan.questions[position % Math.max(1, plan.questions.length)];
      const repeat = position >= plan.questions.length;
      const record = {
        id: `${chartId}:q${String(position).padStart(3, '0')}`,
        chartId,
        datasetId,
        kind: question?.kind ?? 'recognition',
        template: question?.templateId ?? null,
        question: `${repeat ? 'Looking again: ' : ''}${question?.question ?? 'What is the title?'}`,
        steps: question?.steps ?? ['Read the title.'],
        answer: question?.answer ?? { type: 'category', value: plan.spec.title },
        program: question?.program ?? 'answer = None',
        verification: null,
        review: drawReview(rng),
        programSteps: countProgramSteps(question?.program ?? 'answer = None'),
        createdAt: created,
        updatedAt: created,
      };
      record.verification = drawVerification(rng, record, created);
      qaRecords.push(record);
    }
  }
  return { dataset, charts: chartRecords, images: imageRecords, qa: qaRecords };
}
