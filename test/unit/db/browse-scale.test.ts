// Browse queries at the paper's scale on fake-indexeddb. Prints latencies (a benchmark, not a
// timed assertion; Chromium's IndexedDB is the figure that matters, see src/db/README.md) and
// checks the filtered counts against a plain in-memory count.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  countCharts,
  importDatasetRecords,
  listChartsPage,
  type ChartFilter,
} from '../../../src/db/index.ts';
import { openFreshDatabase } from './fixtures.ts';
import { makeScaleDataset } from './scale-dataset.ts';

describe('browse at 3,249 charts', () => {
  it('filters, sorts and pages correctly; prints latencies', { timeout: 120_000 }, async () => {
    const db = await openFreshDatabase();
    const records = makeScaleDataset('scale');
    let started = performance.now();
    await importDatasetRecords(db, records);
    const importMs = performance.now() - started;
    const qaByChart = new Map<string, string[]>();
    for (const qa of records.qa) {
      qaByChart.set(qa.chartId, [
        ...(qaByChart.get(qa.chartId) ?? []),
        qa.verification?.status ?? '',
      ]);
    }
    const cases: [string, ChartFilter, (index: number) => boolean][] = [
      ['none', {}, () => true],
      ['major bar', { major: 'bar' }, (i) => records.charts[i]?.major === 'bar'],
      [
        'any mismatch',
        { verification: 'any-mismatch' },
        (i) => (qaByChart.get(records.charts[i]!.id) ?? []).includes('mismatch'),
      ],
      ['findings', { findings: true }, (i) => records.charts[i]!.findings.length > 0],
      ['text "total"', { text: 'total' }, () => true],
    ];
    const lines = [
      `import ${records.charts.length} charts / ${records.qa.length} Q&A: ${importMs.toFixed(0)} ms`,
    ];
    for (const [name, filter, predicate] of cases) {
      started = performance.now();
      const page = await listChartsPage(db, 'scale', filter, { key: 'title' }, 0, 60);
      const ms = performance.now() - started;
      lines.push(`filter ${name}: ${page.total} charts, ${ms.toFixed(0)} ms`);
      if (name.startsWith('text')) {
        const questions = new Map<string, string[]>();
        for (const qa of records.qa) {
          questions.set(qa.chartId, [...(questions.get(qa.chartId) ?? []), qa.question]);
        }
        const expected = records.charts.filter((chart) =>
          [chart.title, ...(questions.get(chart.id) ?? [])].some((text) => /\btotal/i.test(text)),
        ).length;
        expect(page.total).toBe(expected);
      } else {
        expect(page.total).toBe(records.charts.filter((_, i) => predicate(i)).length);
      }
      const titles = page.rows.map((row) => row.titleKey);
      expect(titles).toEqual([...titles].sort());
      expect(page.rows.length).toBe(Math.min(60, page.total));
    }
    expect(records.qa.length).toBe(19_963);
    expect(await countCharts(db, 'scale')).toBe(3249);
    console.log(lines.join('\n'));
  });
});
