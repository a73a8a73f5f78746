// The inspector's provenance summaries: line changes between render tries, call totals and
// costs, raters' mean, directions and difficulty in words.
import { describe, expect, it } from 'vitest';
import {
  describeComplexity,
  describeDirection,
  describeLineChange,
  formatCost,
  lineChange,
  meanScore,
  totalCalls,
} from '../../../../src/ui/inspect/provenance-format.ts';
import { citProvenance } from '../../db/cit-fixtures.ts';

describe('provenance summaries', () => {
  it('counts lines added and removed by a repair, repeated lines included', () => {
    const [written, repaired] = citProvenance('self-instruct').tries;
    expect(lineChange(written?.code ?? '', repaired?.code ?? '')).toEqual({ added: 2, removed: 0 });
    expect(lineChange('a\na\nb', 'a\nc')).toEqual({ added: 1, removed: 2 });
    expect(describeLineChange(lineChange('x\ny', 'y\nx'))).toBe('no change');
    expect(describeLineChange({ added: 3, removed: 1 })).toBe('+3 −1 lines');
  });

  it('totals tokens and known costs, counting unpriced calls apart', () => {
    const totals = totalCalls(citProvenance('evol').calls);
    expect(totals).toEqual({
      calls: 2,
      promptTokens: 2100,
      completionTokens: 450,
      costUsd: 0.006,
      unpriced: 1,
    });
    expect(totalCalls([]).costUsd).toBeNull();
    expect(formatCost(null)).toBe('—');
    expect(formatCost(0.0002)).toBe('$0.0002');
    expect(formatCost(0.094)).toBe('$0.094');
  });

  it('averages ratings and names directions and difficulty', () => {
    expect(meanScore(citProvenance('evol').ratings)).toBe(3.5);
    expect(meanScore(null)).toBeNull();
    expect(meanScore([])).toBeNull();
    expect(describeDirection('overlay-chart-type')).toBe('overlay another chart type');
    expect(describeDirection(null)).toBe('—');
    expect(describeComplexity({ series: 1, points: 12, subplots: 2, texts: 1 })).toBe(
      '2 subplots · 1 series · 12 points · 1 text',
    );
  });
});
