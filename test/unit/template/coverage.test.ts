// The recipe covers what METHOD.md §4 asks: chart types, topics, question templates, styles.
import { describe, expect, it } from 'vitest';
import { MAJOR_CHART_TYPES, MINOR_CHART_TYPES } from '../../../src/core/chart-types.ts';
import { TOPICS } from '../../../src/core/topics.ts';
import {
  QUESTION_TEMPLATES,
  TEMPLATE_CHART_TYPES,
  TOPIC_VOCABULARIES,
  findVocabulary,
  generateTemplateChart,
} from '../../../src/core/template/index.ts';
import { PALETTES, STYLE_SHEETS } from '../../../src/core/template/style.ts';

describe('coverage', () => {
  it('builds at least 24 minor types across all 10 major types', () => {
    expect(TEMPLATE_CHART_TYPES.length).toBeGreaterThanOrEqual(24);
    const majors = new Set(
      TEMPLATE_CHART_TYPES.map((id) => MINOR_CHART_TYPES.find((t) => t.id === id)?.major),
    );
    expect([...majors].sort()).toEqual(MAJOR_CHART_TYPES.map((t) => t.id).sort());
  });

  it('draws every minor type it claims, with its title and data at the top', () => {
    for (const [i, minor] of TEMPLATE_CHART_TYPES.entries()) {
      const chart = generateTemplateChart(1000 + i, { chartTypes: [minor] });
      expect(chart.spec.minor).toBe(minor);
      expect(chart.code).toContain(JSON.stringify(chart.spec.title));
      expect(
        chart.code.indexOf('plt.subplots') === -1
          ? chart.code.indexOf('plt.figure')
          : chart.code.indexOf('plt.subplots'),
      ).toBeGreaterThan(chart.code.indexOf('colors = '));
      // APIs newer than matplotlib 3.3 must not appear.
      expect(chart.code).not.toMatch(/bar_label|layout=|\.set_xticks\([^)]*,\s*labels|seaborn/);
    }
  });

  it('has a vocabulary for each of the 38 topics, with enough words for several datasets', () => {
    expect(TOPICS).toHaveLength(38);
    expect(TOPIC_VOCABULARIES).toHaveLength(38);
    for (const topic of TOPICS) {
      const vocabulary = findVocabulary(topic.id);
      expect(vocabulary, topic.id).toBeDefined();
      expect(vocabulary!.datasets.length).toBeGreaterThanOrEqual(2);
      for (const d of vocabulary!.datasets) {
        expect(new Set(d.categories).size, `${topic.id} ${d.subject}`).toBeGreaterThanOrEqual(8);
        expect(new Set(d.series).size).toBeGreaterThanOrEqual(4);
        expect(d.range[0]).toBeLessThan(d.range[1]);
        expect(d.titles.length).toBeGreaterThanOrEqual(2);
        expect(d.unit.length).toBeGreaterThan(0);
        // "$" would switch matplotlib to mathtext.
        expect(
          [d.subject, d.valueLabel, d.unit, ...d.categories, ...d.series].join(' '),
        ).not.toContain('$');
      }
    }
  });

  it('has at least 24 question templates of both kinds, each used on generated charts', () => {
    expect(QUESTION_TEMPLATES.length).toBeGreaterThanOrEqual(24);
    expect(new Set(QUESTION_TEMPLATES.map((t) => t.id)).size).toBe(QUESTION_TEMPLATES.length);
    expect(
      QUESTION_TEMPLATES.filter((t) => t.kind === 'recognition').length,
    ).toBeGreaterThanOrEqual(10);
    expect(QUESTION_TEMPLATES.filter((t) => t.kind === 'reasoning').length).toBeGreaterThanOrEqual(
      10,
    );
    const used = new Set<string>();
    for (let seed = 1; seed <= 600; seed++) {
      generateTemplateChart(seed, { questionsPerKind: 4 }).questions.forEach((q) =>
        used.add(q.templateId),
      );
    }
    expect([...used].sort()).toEqual(QUESTION_TEMPLATES.map((t) => t.id).sort());
  });

  it('varies style sheets, palettes, labels and figure sizes, with unambiguous colour names', () => {
    const styles = Array.from({ length: 200 }, (_, i) => generateTemplateChart(i + 1).spec.style);
    expect(new Set(styles.map((s) => s.sheet)).size).toBe(STYLE_SHEETS.length);
    expect(new Set(styles.map((s) => s.dataLabels)).size).toBe(2);
    expect(new Set(styles.map((s) => s.legendLoc)).size).toBeGreaterThan(3);
    expect(new Set(styles.map((s) => s.figsize.join('x'))).size).toBeGreaterThan(4);
    for (const palette of PALETTES)
      expect(new Set(palette.map((c) => c.name)).size).toBe(palette.length);
  });
});
