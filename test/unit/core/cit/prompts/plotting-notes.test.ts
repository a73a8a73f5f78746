import { describe, expect, it } from 'vitest';
import { MINOR_CHART_TYPES } from '../../../../../src/core/chart-types.ts';
import {
  PLOTTING_NOTES,
  plottingNotesText,
} from '../../../../../src/core/cit/prompts/plotting-notes.ts';

describe('PLOTTING_NOTES', () => {
  it('has 3 to 6 non-empty lines for each of the 32 minor types, and no other keys', () => {
    expect(Object.keys(PLOTTING_NOTES).sort()).toEqual(MINOR_CHART_TYPES.map((t) => t.id).sort());
    for (const type of MINOR_CHART_TYPES) {
      const notes = PLOTTING_NOTES[type.id];
      expect(notes.length, type.id).toBeGreaterThanOrEqual(3);
      expect(notes.length, type.id).toBeLessThanOrEqual(6);
      for (const line of notes) expect(line.trim().length, type.id).toBeGreaterThan(20);
    }
  });

  it('never recommends APIs missing from matplotlib 3.3 or crashing the offline runtime', () => {
    const newerThan33 = [
      /layout\s*=\s*['"]/,
      /\bncols\s*=/,
      /tick_labels\s*=/,
      /matplotlib\.colormaps\[/,
    ];
    for (const type of MINOR_CHART_TYPES) {
      for (const line of PLOTTING_NOTES[type.id]) {
        for (const pattern of newerThan33) expect(line, type.id).not.toMatch(pattern);
        // These may only be named to warn against them
        if (/kamada_kawai|optimize\.minimize|bar_label/.test(line)) {
          expect(line).toMatch(/never|missing/i);
        }
      }
    }
  });

  it('names the API each type is drawn with', () => {
    const expected: [string, RegExp][] = [
      ['bar-stacked', /bottom=/],
      ['pie-donut', /wedgeprops=dict\(width=/],
      ['graph-directed', /DiGraph[\s\S]*arrows=True/],
      ['bar3d-plain', /bar3d/],
      ['radar-plain', /polar=True/],
      ['rose', /polar=True/],
      ['treemap', /squarify[\s\S]*Rectangle/],
      ['heatmap', /imshow/],
      ['box-horizontal', /vert=False/],
      ['area-stacked', /stackplot/],
      ['line-error-bars', /errorbar/],
    ];
    for (const [type, pattern] of expected) {
      expect(PLOTTING_NOTES[type as keyof typeof PLOTTING_NOTES].join('\n'), type).toMatch(pattern);
    }
  });

  it('renders the notes of one type as bullet lines', () => {
    const text = plottingNotesText('funnel');
    expect(text.split('\n')).toHaveLength(PLOTTING_NOTES.funnel.length);
    expect(text.split('\n').every((line) => line.startsWith('- '))).toBe(true);
  });
});
