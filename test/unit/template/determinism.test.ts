import { describe, expect, it } from 'vitest';
import {
  generateTemplateChart,
  generateTemplateDataset,
} from '../../../src/core/template/index.ts';

describe('generateTemplateChart determinism', () => {
  it('gives the same spec, code and questions for the same seed and options', () => {
    for (const seed of [1, 2, 77, 123456, 2 ** 31 + 5]) {
      expect(generateTemplateChart(seed, { questionsPerKind: 3 })).toEqual(
        generateTemplateChart(seed, { questionsPerKind: 3 }),
      );
    }
  });

  it('gives different charts for different seeds', () => {
    const codes = new Set(Array.from({ length: 50 }, (_, i) => generateTemplateChart(i + 1).code));
    expect(codes.size).toBe(50);
    const a = generateTemplateChart(10, { chartTypes: ['bar-plain'] });
    const b = generateTemplateChart(11, { chartTypes: ['bar-plain'] });
    expect(a.code).not.toBe(b.code);
  });

  it('keeps to the asked chart types, topics and questions per kind', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const chart = generateTemplateChart(seed, {
        chartTypes: ['pie-donut', 'histogram'],
        topics: ['law', 'film'],
        questionsPerKind: 2,
      });
      expect(['pie-donut', 'histogram']).toContain(chart.spec.minor);
      expect(['law', 'film']).toContain(chart.spec.topicId);
      expect(chart.questions.filter((q) => q.kind === 'recognition').length).toBeLessThanOrEqual(2);
      expect(chart.questions.filter((q) => q.kind === 'reasoning').length).toBeLessThanOrEqual(2);
      expect(new Set(chart.questions.map((q) => q.templateId)).size).toBe(chart.questions.length);
    }
  });

  it('asks both kinds of question on most charts', () => {
    const charts = Array.from({ length: 200 }, (_, i) =>
      generateTemplateChart(i + 1, { questionsPerKind: 2 }),
    );
    const both = charts.filter(
      (c) =>
        c.questions.some((q) => q.kind === 'recognition') &&
        c.questions.some((q) => q.kind === 'reasoning'),
    );
    expect(both.length).toBeGreaterThan(190);
  });

  it('gives the same dataset for the same dataset seed, and another for another seed', () => {
    const a = generateTemplateDataset(99, 12, { questionsPerKind: 2 });
    expect(generateTemplateDataset(99, 12, { questionsPerKind: 2 })).toEqual(a);
    expect(a.map((c) => c.spec.seed)).not.toEqual(
      generateTemplateDataset(100, 12).map((c) => c.spec.seed),
    );
    // Each chart can be regenerated alone from its recorded seed.
    expect(generateTemplateChart(a[5]!.spec.seed, { questionsPerKind: 2 })).toEqual(a[5]);
  });
});
