// The CIT run state's dedup rules and quota counts, on hand-made pool charts.
import { describe, expect, it } from 'vitest';
import { CitRunState, type PoolChart } from '../../../../src/pipeline/index.ts';
import { recipe, script } from './cit-fakes.ts';

function chart(id: string, overrides: Partial<PoolChart> = {}): PoolChart {
  return {
    id,
    minor: 'bar-plain',
    level: 'easy',
    topics: ['education'],
    code: script(id),
    phash: null,
    origin: 'self-instruct',
    parentChartId: null,
    kept: true,
    rejected: false,
    qa: [],
    ...overrides,
  };
}

const QUESTION = 'What is the enrolment of the science faculty in 2021?';

describe('CitRunState', () => {
  it('drops a near-duplicate code (MinHash ≥ threshold) and image (pHash distance ≤ threshold)', () => {
    const state = new CitRunState(recipe(), [chart('a', { phash: '00000000000000ff' })], [], []);
    expect(state.duplicateOf('b', script('a'), null)).toMatch(/near-duplicate code of chart a/);
    expect(state.duplicateOf('b', script('b'), '00000000000000fe')).toMatch(
      /near-duplicate image of chart a \(perceptual hash distance 1/,
    );
    expect(state.duplicateOf('b', script('b'), 'ffffffff00000000')).toBeNull();
    // A stricter recipe: distance 1 is allowed when the threshold is 0.
    const strict = new CitRunState(
      recipe({ dedup: { codeJaccard: 0.85, imageHamming: 0, questionRougeL: 0.7 } }),
      [chart('a', { phash: '00000000000000ff' })],
      [],
      [],
    );
    expect(strict.duplicateOf('b', script('b'), '00000000000000fe')).toBeNull();
  });

  it('finds the twin of a chart a resumed run had already indexed, once it is withdrawn', () => {
    // 'b' was stored before its gate ran (a closed tab): the run state indexes it at start.
    const twin = chart('b', { code: script('a'), kept: false });
    const state = new CitRunState(recipe(), [twin, chart('a')], [], []);
    state.withdraw('b');
    expect(state.duplicateOf('b', script('a'), null)).toMatch(/near-duplicate code of chart a/);
  });

  it('compares questions within a chart by ROUGE-L > 0.7', () => {
    const state = new CitRunState(recipe(), [], [], []);
    state.admit('c', script('c'), null, null);
    state.admitQuestion('c', QUESTION);
    expect(state.duplicateQuestion('c', `${QUESTION.slice(0, -1)} exactly?`)).toMatch(/ROUGE-L/);
    expect(state.duplicateQuestion('c', 'Which faculty grew fastest?')).toBeNull();
    expect(state.duplicateQuestion('other', QUESTION)).toBeNull();
  });

  it('drops a Q&A of an evolved chart only when its parent has the same question AND answer', () => {
    const parent = chart('p', { qa: [{ question: QUESTION, answer: '1,240 students' }] });
    const state = new CitRunState(recipe(), [parent], [], []);
    state.admit('child', script('child'), null, 'p');
    expect(state.duplicateQa('child', script('child'), QUESTION, '1,240 students')).toMatch(
      /related chart p .*same answer/,
    );
    expect(state.duplicateQa('child', script('child'), QUESTION, '1,310 students')).toBeNull();
    // An unrelated chart may ask the same question with the same answer.
    state.admit('stranger', script('stranger'), null, null);
    expect(
      state.duplicateQa('stranger', script('stranger'), QUESTION, '1,240 students'),
    ).toBeNull();
  });

  it('counts kept and in-flight items for the quota, and offers each parent once', () => {
    const state = new CitRunState(
      recipe(),
      [
        chart('a'),
        chart('b', { minor: 'pie-donut', level: 'hard', origin: 'evol', parentChartId: 'a' }),
      ],
      [],
      [],
    );
    expect(state.counts()).toMatchObject({
      kept: { 'bar-plain': 1, 'pie-donut': 1 },
      easy: 1,
      hard: 1,
    });
    // 'a' was evolved already and 'b' is itself evolved: nothing left to evolve.
    expect(state.parents()).toEqual([]);
    state.markKept({ ...chart('c'), origin: 'self-instruct' });
    expect(state.parents().map((p) => p.id)).toEqual(['c']);
    state.claim('item-1', {
      origin: 'evol',
      minor: 'bar-plain',
      topics: [],
      renderSeed: 1,
      demoIds: [],
      parentChartId: 'c',
      direction: 'more-data',
      conversation: [],
      code: null,
      tries: [],
      calls: [],
      questions: null,
      rejection: null,
    });
    expect(state.parents()).toEqual([]);
    expect(state.counts()).toMatchObject({ inFlight: { 'bar-plain': 1 }, easy: 2, hard: 2 });
    state.release('item-1');
    expect(state.counts().inFlight).toEqual({});
  });
});
