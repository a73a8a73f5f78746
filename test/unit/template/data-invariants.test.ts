// Invariants of generated data over many seeds: shares sum to 100, values stay legible and
// distinct where questions need a unique answer, graphs and histograms are well formed.
import { describe, expect, it } from 'vitest';
import { generateTemplateChart, TEMPLATE_CHART_TYPES } from '../../../src/core/template/index.ts';
import type { TemplateChart } from '../../../src/core/template/index.ts';

const CHARTS: TemplateChart[] = Array.from({ length: 640 }, (_, i) =>
  generateTemplateChart(i + 1, {
    chartTypes: [TEMPLATE_CHART_TYPES[i % TEMPLATE_CHART_TYPES.length]!],
    questionsPerKind: 4,
  }),
);

const decimalsOf = (v: number): number =>
  Number.isInteger(v) ? 0 : String(v).split('.')[1]!.length;

describe('generated data', () => {
  it('has shares summing to exactly 100 for pies (per series) and percentage bars (per category)', () => {
    let checked = 0;
    for (const { spec } of CHARTS) {
      if (spec.data.kind !== 'categorical' || spec.data.percent === null) continue;
      const d = spec.data;
      const sums =
        d.percent === 'per-series'
          ? d.series.map((s) => s.values.reduce((a, b) => a + b, 0))
          : d.categories.map((_, c) => d.series.reduce((a, s) => a + s.values[c]!, 0));
      for (const sum of sums) expect(sum).toBeCloseTo(100, 9);
      for (const s of d.series) expect(Math.min(...s.values)).toBeGreaterThan(0);
      checked++;
    }
    expect(checked).toBeGreaterThan(80);
  });

  it('rounds values to what the chart can show (at most one decimal)', () => {
    for (const { spec } of CHARTS) {
      const d = spec.data;
      const values =
        d.kind === 'categorical'
          ? d.series.flatMap((s) => s.values)
          : d.kind === 'distribution'
            ? d.groups.flatMap((g) => g.values)
            : d.kind === 'points'
              ? d.series.flatMap((s) => [...s.x, ...s.y])
              : [];
      for (const v of values) expect(decimalsOf(v), `${spec.minor} ${v}`).toBeLessThanOrEqual(1);
    }
  });

  it('has no ties where an extreme, rank or order question needs one answer', () => {
    for (const { spec, questions } of CHARTS) {
      if (spec.data.kind !== 'categorical') continue;
      const d = spec.data;
      for (const q of questions) {
        if (
          !['highest-category', 'lowest-category', 'rank', 'top-three-order'].includes(q.templateId)
        )
          continue;
        const series =
          d.series.find(
            (s) => q.question.includes(`for ${s.name}?`) || q.question.includes(`for ${s.name},`),
          ) ?? d.series[0]!;
        const wanted =
          q.templateId === 'top-three-order'
            ? 4
            : q.templateId === 'rank'
              ? q.question.includes('second')
                ? 3
                : 4
              : 2;
        const sorted = [...series.values]
          .sort((a, b) => (q.templateId === 'lowest-category' ? a - b : b - a))
          .slice(0, wanted);
        expect(new Set(sorted).size, `${spec.seed} ${q.question}`).toBe(sorted.length);
      }
    }
  });

  it('keeps histogram samples off bin edges and inside the bins', () => {
    for (const { spec } of CHARTS) {
      if (spec.data.kind !== 'distribution' || !spec.data.binEdges) continue;
      const edges = spec.data.binEdges;
      for (const v of spec.data.groups[0]!.values) {
        expect(edges).not.toContain(v);
        expect(v).toBeGreaterThan(edges[0]!);
        expect(v).toBeLessThan(edges[edges.length - 1]!);
      }
    }
  });

  it('draws simple graphs with one busiest node and no isolated nodes', () => {
    for (const { spec } of CHARTS) {
      if (spec.data.kind !== 'graph') continue;
      const { nodes, edges, directed } = spec.data;
      const keys = edges.map(([a, b]) => (directed ? `${a}>${b}` : [a, b].sort().join('-')));
      expect(new Set(keys).size).toBe(edges.length);
      for (const [a, b] of edges) expect(a).not.toBe(b);
      const degrees = nodes
        .map((n) => edges.filter((e) => e.includes(n)).length)
        .sort((a, b) => b - a);
      expect(degrees[0]).toBeGreaterThan(degrees[1]!);
      expect(degrees[degrees.length - 1]).toBeGreaterThan(0);
    }
  });

  it('asks only what the chart shows: exact values only when they are labelled', () => {
    const needLabels = [
      'read-value',
      'difference',
      'ratio',
      'sum-series',
      'average',
      'growth-rate',
      'value-range',
      'category-total',
      'sum-two',
      'peak-gap',
      'above-average-count',
      'share-of-total',
      'waterfall-final',
      'histogram-count-above',
    ];
    let unlabelled = 0;
    for (const { spec, questions } of CHARTS) {
      if (spec.style.dataLabels) continue;
      unlabelled++;
      for (const q of questions)
        expect(needLabels, `${spec.minor}: ${q.question}`).not.toContain(q.templateId);
    }
    expect(unlabelled).toBeGreaterThan(100);
  });

  it('keeps waterfall levels above zero', () => {
    for (const { spec } of CHARTS) {
      if (spec.minor !== 'waterfall' || spec.data.kind !== 'categorical') continue;
      let level = spec.data.waterfallStart!;
      for (const change of spec.data.series[0]!.values) {
        level += change;
        expect(level).toBeGreaterThan(0);
      }
    }
  });
});
