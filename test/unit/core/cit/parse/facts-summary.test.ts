import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarizeFacts } from '../../../../../src/core/cit/parse/facts-summary.ts';

// Facts rendered from corpus scripts by workers/python/py/native_server.py (matplotlib 3.6).
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/facts-${name}.json`, import.meta.url), 'utf8'));

describe('summarizeFacts', () => {
  it('lists titles, axis labels, ticks, legend, series and data labels of a stacked bar chart', () => {
    const text = summarizeFacts(fixture('bar-stacked-energy-mix'));
    expect(text).toContain('Figure: 1100×650 px, 1 axes.');
    expect(text).toContain('title "National Electricity Generation by Source, 2018-2023"');
    expect(text).toContain('x label "Year"');
    expect(text).toContain('y label "Generation (TWh)"');
    expect(text).toContain('x ticks: 2018, 2019, 2020, 2021, 2022, 2023');
    expect(text).toContain('legend: Coal, Natural gas, Nuclear, Wind, Solar, Hydro');
    expect(text).toContain('series: 6 bar (6 elements each)');
    expect(text).toContain('"345"');
  });

  it('shows pie labels, 3D z axes and graph node labels', () => {
    expect(summarizeFacts(fixture('pie-donut-library-loans'))).toMatch(
      /1 wedge \(6 elements\).*"E-books 305k loans"/,
    );
    const bar3d = summarizeFacts(fixture('bar3d-percentage-sales-channels'));
    expect(bar3d).toContain('Axes 1 (3d)');
    expect(bar3d).toContain('z label "Share of regional revenue (%)"');
    expect(bar3d).toContain('z ticks: 0, 20, 40, 60, 80, 100');
    expect(summarizeFacts(fixture('graph-directed-supply-chain'))).toContain('"Assembly hub"');
  });

  it('fits the character budget by showing fewer items, saying how many there are', () => {
    const full = summarizeFacts(fixture('graph-directed-supply-chain'));
    const short = summarizeFacts(fixture('graph-directed-supply-chain'), 300);
    expect(full.length).toBeGreaterThan(300);
    expect(short.length).toBeLessThanOrEqual(300);
    expect(short).toContain('(21 in all)');
    expect(summarizeFacts(fixture('bar-stacked-energy-mix'), 80).length).toBeLessThanOrEqual(80);
  });

  it('reads facts given as a JSON string, and says so when facts cannot be read', () => {
    const facts = fixture('pie-donut-library-loans');
    expect(summarizeFacts(JSON.stringify(facts))).toBe(summarizeFacts(facts));
    expect(summarizeFacts('{not json')).toBe('(the figure facts could not be read)');
    expect(summarizeFacts({ axes: 'none' })).toBe('(the figure facts could not be read)');
  });

  it('names twin axes, colorbars, log scales and figure-level texts', () => {
    const text = summarizeFacts({
      width: 800,
      height: 600,
      axes: [
        { index: 0, projection: 'rectilinear', title: 'Sales', yscale: 'log', series: [] },
        { index: 1, isTwin: true, ylabel: 'Share (%)', series: [{ kind: 'line', count: 5 }] },
        { index: 2, isColorbar: true, yticklabels: ['0', '1'] },
      ],
      texts: [
        { role: 'suptitle', text: 'Annual report', axes: null },
        { role: 'text', text: 'Source: survey', axes: null },
        { role: 'annotation', text: 'peak', axes: 1 },
      ],
    });
    expect(text).toContain('Figure title: "Annual report"');
    expect(text).toContain('Figure texts: "Source: survey"');
    expect(text).toContain('y scale log');
    expect(text).toMatch(
      /Axes 2 \(rectilinear\): twin of another axes; y label "Share \(%\)"; series: 1 line \(5 elements\); texts: "peak"/,
    );
    expect(text).toContain('Axes 3 (colorbar)');
  });
});
