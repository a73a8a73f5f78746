// The pure pieces of the dataset statistics: 1-2-5 bins and medians, rejection reason keys,
// repair outcomes and call groups.
import { describe, expect, it } from 'vitest';
import {
  Tally,
  binEdges,
  callGroup,
  priceAtGpt4o,
  reasonKey,
  repairOutcome,
} from '../../../../src/core/stats/index.ts';
import type { RenderTry } from '../../../../src/core/cit/item-state.ts';

describe('Tally', () => {
  it('gives the median of an odd and an even count', () => {
    const odd = new Tally();
    [5, 1, 3].forEach((v) => odd.add(v));
    expect(odd.describe()).toMatchObject({ count: 3, median: 3, mean: 3, max: 5 });
    const even = new Tally();
    [1, 1, 4, 10].forEach((v) => even.add(v));
    expect(even.describe().median).toBe(2.5);
  });

  it('bins from the smallest value seen to the largest, on a 1-2-5 scale', () => {
    const tally = new Tally();
    [3, 3, 12, 260, 1200].forEach((v) => tally.add(v));
    const bins = tally.describe().bins;
    expect(bins[0]).toEqual({ label: '3', from: 3, to: 3, count: 2 });
    expect(bins.map((b) => b.label).slice(7)).toEqual([
      '10–19',
      '20–49',
      '50–99',
      '100–199',
      '200–499',
      '500–999',
      '1,000–1,999',
    ]);
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(5);
    expect(bins.find((b) => b.from === 200)?.count).toBe(1);
  });

  it('ignores values that are not finite numbers', () => {
    const tally = new Tally();
    tally.add(Number.NaN);
    tally.add(Number.POSITIVE_INFINITY);
    expect(tally.describe()).toEqual({ count: 0, mean: null, median: null, max: null, bins: [] });
  });

  it('binEdges covers every value up to max without gaps', () => {
    const edges = binEdges(5000);
    for (let i = 1; i < edges.length; i += 1) expect(edges[i]!.from).toBe(edges[i - 1]!.to + 1);
    expect(edges[edges.length - 1]!.to).toBeGreaterThanOrEqual(5000);
  });
});

describe('reasonKey', () => {
  it('maps layout findings to their gate kind, however they are written', () => {
    expect(reasonKey('gate', 'Overlapping text: 3 findings (max 0)')).toBe('overlapping-text');
    expect(reasonKey('gate', 'tiny-text ×4')).toBe('tiny-text');
  });

  it('names what a duplicate duplicated', () => {
    expect(reasonKey('dedup', 'near-duplicate image of chart ab12cd34ef (distance 2)')).toBe(
      'duplicate image',
    );
    expect(reasonKey('question', 'duplicate question (ROUGE-L 0.81)')).toBe('duplicate question');
  });

  it("groups the pipeline's own reason texts", () => {
    expect(
      reasonKey('gate', '3 × overlapping-text (at most 0 allowed): Title overlaps the legend'),
    ).toBe('overlapping-text');
    expect(
      reasonKey(
        'question',
        'near-duplicate of question "Which image shows the code?" on the same chart (ROUGE-L 0.81 > 0.7)',
      ),
    ).toBe('duplicate question');
    expect(reasonKey('rater', 'mean rating 2.50 < 3.75: 2 (overlapping text)')).toBe(
      'mean rating # < #',
    );
    expect(reasonKey('rater', 'no rater gave a usable score (reply: not JSON)')).toBe(
      'no rater gave a usable score',
    );
    expect(reasonKey('vote', '2 of 3 raters voted no: wrong value; unreadable')).toBe(
      '# of # raters voted no',
    );
  });

  it('keeps a short head before a colon, and blanks numbers and ids otherwise', () => {
    expect(reasonKey('rater', 'low score: mean 2.5 < 3.75')).toBe('low score');
    expect(reasonKey('rater', 'mean score 2.5 below 3.75 for chart 0a1b2c3d4e')).toBe(
      'mean score # below # for chart …',
    );
    expect(reasonKey('x', '  ')).toBe('no reason given');
  });
});

describe('repairOutcome', () => {
  const ok = (round: number): RenderTry => ({ round, code: '', error: null });
  const bad = (round: number, kind = 'runtime'): RenderTry => ({
    round,
    code: '',
    error: { kind, message: '', line: null },
  });

  it('tells first-try renders, rescues by round, broken and pending scripts apart', () => {
    expect(repairOutcome([ok(0)], false)).toEqual({ kind: 'first-try' });
    expect(repairOutcome([bad(0), bad(1), ok(2)], false)).toEqual({ kind: 'rescued', round: 2 });
    expect(repairOutcome([bad(0), bad(1, 'timeout')], true)).toEqual({
      kind: 'broken',
      errorKind: 'timeout',
    });
    expect(repairOutcome([bad(0)], false)).toEqual({ kind: 'pending' });
    expect(repairOutcome([], true)).toBeNull();
  });
});

describe('callGroup', () => {
  it('puts tasks in the paper groups, Q&A by kind', () => {
    expect(callGroup('self-instruct.write', null)).toBe('self-instruct');
    expect(callGroup('evol.plan', null)).toBe('evol');
    expect(callGroup('repair', null)).toBe('repair');
    expect(callGroup('rate.chart', null)).toBe('chart-rating');
    expect(callGroup('qa.answer', 'reasoning')).toBe('qa-reasoning');
    expect(callGroup('qa.questions', null)).toBe('qa-unattributed');
    expect(callGroup('qa.questions.reasoning', null)).toBe('qa-reasoning');
    expect(callGroup('rate.qa', 'recognition')).toBe('qa-rating');
    expect(callGroup('test-connection', null)).toBe('other');
  });

  it('prices tokens at GPT-4o list prices', () => {
    expect(priceAtGpt4o(1_000_000, 100_000)).toBeCloseTo(3.5, 10);
  });
});
