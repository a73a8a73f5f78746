// Every question template's answer, checked against an answer this test works out on its own
// from hand-built data (it reads which names the question mentions, then computes directly).
import { describe, expect, it } from 'vitest';
import { createRng, QUESTION_TEMPLATES } from '../../../src/core/template/index.ts';
import type { TemplateChartSpec, TemplateQuestion } from '../../../src/core/template/index.ts';
import { mentioned, STYLE } from './hand-built-specs.ts';
import {
  BARS,
  BARS_UNLABELLED,
  BOXES,
  FITTED,
  GRAPH,
  HISTOGRAM,
  LINES,
  PIE,
  SCATTER,
  SINGLE,
  WATERFALL,
} from './hand-built-charts.ts';

function asked(id: string, chart: TemplateChartSpec): TemplateQuestion[] {
  const template = QUESTION_TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`no template ${id}`);
  const made = Array.from({ length: 25 }, (_, seed) => template.make(chart, createRng(seed)));
  return made.filter((q): q is TemplateQuestion => q !== null);
}

type Data = Extract<TemplateChartSpec['data'], { kind: 'categorical' }>;
const cat = (chart: TemplateChartSpec): Data => chart.data as Data;
const seriesOf = (q: TemplateQuestion, d: Data) =>
  d.series.find(
    (s) =>
      s.name ===
      (mentioned(
        q.question,
        d.series.map((x) => x.name),
      )[0] ?? d.series[0]!.name),
  )!;
const valueAt = (q: TemplateQuestion, d: Data, category: string) =>
  seriesOf(q, d).values[d.categories.indexOf(category)]!;
const catsIn = (q: TemplateQuestion, d: Data) => mentioned(q.question, d.categories);

/** id → spec and this test's own answer for a generated question. */
const CASES: [string, TemplateChartSpec, (q: TemplateQuestion, c: TemplateChartSpec) => unknown][] =
  [
    ['read-value', BARS, (q, c) => valueAt(q, cat(c), catsIn(q, cat(c))[0]!)],
    ['count-categories', BARS, () => 5],
    ['count-series', BARS, () => 2],
    [
      'series-by-colour',
      BARS,
      (q) =>
        ['Widgets', 'Gadgets'][STYLE.palette.findIndex((p) => q.question.includes(` ${p.name}?`))],
    ],
    [
      'category-by-colour',
      PIE,
      (q) =>
        cat(PIE).categories[
          STYLE.palette.findIndex((p) => q.question.includes(`the ${p.name} wedge`))
        ],
    ],
    ['colour-of-series', BARS, (q) => STYLE.palette[q.question.includes('Widgets') ? 0 : 1]!.name],
    [
      'highest-category',
      BARS_UNLABELLED,
      (q) => (seriesOf(q, cat(BARS)).name === 'Widgets' ? 'Bravo' : 'Delta'),
    ],
    [
      'lowest-category',
      BARS_UNLABELLED,
      (q) => (seriesOf(q, cat(BARS)).name === 'Widgets' ? 'Delta' : 'Echo'),
    ],
    [
      'compare-two',
      BARS,
      (q, c) => {
        const [a, b] = catsIn(q, cat(c));
        return valueAt(q, cat(c), a!) > valueAt(q, cat(c), b!);
      },
    ],
    ['last-year', LINES, () => 2023],
    [
      'top-series-at-category',
      BARS,
      (q) =>
        ({
          Alpha: 'Gadgets',
          Bravo: 'Widgets',
          Charlie: 'Widgets',
          Delta: 'Gadgets',
          Echo: 'Widgets',
        })[catsIn(q, cat(BARS))[0]!],
    ],
    [
      'difference',
      BARS,
      (q, c) => {
        const [a, b] = catsIn(q, cat(c));
        return valueAt(q, cat(c), a!) - valueAt(q, cat(c), b!);
      },
    ],
    [
      'ratio',
      BARS,
      (q, c) => {
        const [a, b] = catsIn(q, cat(c));
        return Math.round((valueAt(q, cat(c), a!) / valueAt(q, cat(c), b!)) * 100) / 100;
      },
    ],
    ['sum-series', BARS, (q) => (seriesOf(q, cat(BARS)).name === 'Widgets' ? 115 : 116)],
    ['average', BARS, (q) => (seriesOf(q, cat(BARS)).name === 'Widgets' ? 23 : 23.2)],
    [
      'growth-rate',
      LINES,
      (q) =>
        ({ Widgets: 200, Gadgets: -30, Gizmos: 330 })[seriesOf(q, cat(LINES)).name as 'Widgets'],
    ],
    [
      'rank',
      BARS,
      (q) => {
        const order = [...cat(BARS).categories].sort(
          (a, b) => valueAt(q, cat(BARS), b) - valueAt(q, cat(BARS), a),
        );
        return order[q.question.includes('second') ? 1 : 2];
      },
    ],
    [
      'threshold-count',
      BARS,
      (q) => {
        const threshold = Number(/above ([\d.]+)/.exec(q.question)![1]);
        return seriesOf(q, cat(BARS)).values.filter((v) => v > threshold).length;
      },
    ],
    ['trend-comparison', LINES, () => 'Widgets'],
    ['value-range', BARS, (q) => (seriesOf(q, cat(BARS)).name === 'Widgets' ? 33 : 39)],
    [
      'category-total',
      BARS,
      (q) =>
        ({ Alpha: 42, Bravo: 51, Charlie: 43, Delta: 55, Echo: 40 })[
          catsIn(q, cat(BARS))[0] as 'Alpha'
        ],
    ],
    ['largest-total-category', BARS, () => 'Delta'],
    [
      'sum-two',
      BARS,
      (q, c) => {
        const [a, b] = catsIn(q, cat(c));
        return valueAt(q, cat(c), a!) + valueAt(q, cat(c), b!);
      },
    ],
    ['peak-gap', BARS, () => 8],
    ['above-average-count', BARS, (q) => (seriesOf(q, cat(BARS)).name === 'Widgets' ? 3 : 2)],
    [
      'share-of-total',
      SINGLE,
      (q) =>
        ({ Alpha: 10.4, Bravo: 34.8, Charlie: 21.7, Delta: 6.1, Echo: 27 })[
          catsIn(q, cat(SINGLE))[0] as 'Alpha'
        ],
    ],
    ['waterfall-final', WATERFALL, () => 62],
    ['waterfall-decreases', WATERFALL, () => 2],
    ['box-highest-median', BOXES, () => 'South'],
    ['box-widest-range', BOXES, () => 'East'],
    ['box-count-groups', BOXES, () => 3],
    ['histogram-mode-bin', HISTOGRAM, () => '10-20'],
    [
      'histogram-count-above',
      HISTOGRAM,
      (q) => ({ 10: 10, 20: 4, 30: 2 })[Number(/at or above (\d+)/.exec(q.question)![1]) as 10],
    ],
    ['graph-count-nodes', GRAPH, () => 5],
    [
      'graph-edge-exists',
      GRAPH,
      (q) => {
        const [from, to] = mentioned(q.question, ['Oslo', 'Rome', 'Lima', 'Kyiv', 'Doha']);
        return [
          'Oslo>Rome',
          'Rome>Lima',
          'Oslo>Lima',
          'Kyiv>Oslo',
          'Doha>Oslo',
          'Lima>Kyiv',
        ].includes(`${from}>${to}`);
      },
    ],
    ['graph-busiest-node', GRAPH, () => 'Oslo'],
    ['graph-count-edges', GRAPH, () => 6],
    [
      'graph-out-degree',
      GRAPH,
      (q) =>
        ({ Oslo: 2, Rome: 1, Lima: 1, Kyiv: 1, Doha: 1 })[
          mentioned(q.question, ['Oslo', 'Rome', 'Lima', 'Kyiv', 'Doha'])[0] as 'Oslo'
        ],
    ],
    ['scatter-direction', SCATTER, (q) => q.question.includes('Mills')],
    ['scatter-top-series', SCATTER, () => 'Forges'],
    [
      'top-three-order',
      BARS,
      (q) =>
        seriesOf(q, cat(BARS)).name === 'Widgets'
          ? ['Bravo', 'Echo', 'Charlie']
          : ['Delta', 'Alpha', 'Charlie'],
    ],
    [
      'pair-majority',
      PIE,
      (q) => {
        const [a, b] = catsIn(q, cat(PIE));
        const shares = { Alpha: 35, Bravo: 25, Charlie: 20, Delta: 12, Echo: 8 } as Record<
          string,
          number
        >;
        return shares[a!]! + shares[b!]! > 50;
      },
    ],
    ['box-median-order', BOXES, () => ['South', 'East', 'North']],
    [
      'waterfall-direction',
      WATERFALL,
      (q) => ['Alpha', 'Charlie', 'Echo'].includes(catsIn(q, cat(WATERFALL))[0]!),
    ],
    ['waterfall-largest-increase', WATERFALL, () => 'Charlie'],
    ['histogram-bin-count', HISTOGRAM, () => 4],
    [
      'histogram-bins-above',
      HISTOGRAM,
      (q) => [1, 6, 2, 2].filter((c) => c > Number(/more than (\d+)/.exec(q.question)![1])).length,
    ],
    [
      'scatter-series-by-colour',
      SCATTER,
      (q) => (q.question.includes(`with ${STYLE.palette[0]!.name} markers`) ? 'Mills' : 'Forges'),
    ],
    ['scatter-fitted-rising', FITTED, () => true],
    [
      'count-leads',
      BARS_UNLABELLED,
      (q) => (q.question.indexOf('Widgets') < q.question.indexOf('Gadgets') ? 3 : 2),
    ],
    ['scatter-highest-above', SCATTER, (q) => 50 > Number(/above ([\d.]+)/.exec(q.question)![1])],
  ];

describe('question templates compute the answers a reader would', () => {
  it('has a case here for every template', () => {
    expect(CASES.map(([id]) => id).sort()).toEqual(QUESTION_TEMPLATES.map((t) => t.id).sort());
  });

  for (const [id, chart, expected] of CASES) {
    it(id, () => {
      const questions = asked(id, chart);
      expect(questions.length).toBeGreaterThan(0);
      for (const q of questions) {
        const want = expected(q, chart);
        const got = q.answer.type === 'year' ? q.answer.value : q.answer.value;
        if (typeof want === 'number' && q.answer.type === 'number')
          expect(got).toBeCloseTo(want, 6);
        else expect(got).toEqual(q.answer.type === 'year' ? Number(want) : want);
        expect(q.templateId).toBe(id);
        expect(q.steps.length).toBeGreaterThan(0);
        expect(q.program).toMatch(/\banswer\s*=/);
        expect(q.steps.join(' ')).not.toMatch(/\b(code|script|variable|python|list|dict)\b/i);
      }
    });
  }
});
