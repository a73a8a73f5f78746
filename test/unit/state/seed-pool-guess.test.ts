// The chart-type guess for imported seeds, measured on scripts whose type is known: the
// hand-written corpus and the template recipe's code for every minor type.
import { describe, expect, it } from 'vitest';
import { MINOR_CHART_TYPES } from '../../../src/core/chart-types.ts';
import { listCorpus } from '../../../src/core/corpus/index.ts';
import { generateTemplateChart } from '../../../src/core/template/index.ts';
import { guessMinorType } from '../../../src/state/seed-pool-guess.ts';

describe('guessMinorType', () => {
  it('names the type of at least 9 in 10 corpus scripts (hand-written, all 32 types)', () => {
    const corpus = listCorpus();
    const wrong = corpus
      .filter((script) => guessMinorType(script.code) !== script.minor)
      .map((script) => `${script.id} → ${guessMinorType(script.code)}`);
    expect(wrong.length / corpus.length, wrong.join('\n')).toBeLessThanOrEqual(0.1);
  });

  it('names the type of at least 9 in 10 template scripts, and every type at least once', () => {
    const wrong: string[] = [];
    const recognised = new Set<string>();
    let total = 0;
    for (const type of MINOR_CHART_TYPES)
      for (let seed = 1; seed <= 6; seed += 1) {
        total += 1;
        const { code } = generateTemplateChart(seed, {
          chartTypes: [type.id],
          questionsPerKind: 0,
        });
        const guess = guessMinorType(code);
        if (guess === type.id) recognised.add(type.id);
        else wrong.push(`${type.id} (seed ${seed}) → ${guess}`);
      }
    expect(wrong.length / total, wrong.join('\n')).toBeLessThanOrEqual(0.1);
    expect(recognised.size).toBe(32);
  });

  it('reads a donut from a pie with a wedge width, and a ring from two pies', () => {
    const pie = 'import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\n';
    expect(guessMinorType(`${pie}ax.pie([1, 2], wedgeprops=dict(width=0.3))\n`)).toBe('pie-donut');
    expect(guessMinorType(`${pie}ax.pie([1, 2], wedgeprops={'width': 0.3})\n`)).toBe('pie-donut');
    expect(guessMinorType(`${pie}ax.pie([1, 2], radius=1)\nax.pie([3], radius=0.6)\n`)).toBe(
      'pie-ring',
    );
    expect(guessMinorType(`${pie}ax.pie([1, 2], wedgeprops=dict(linewidth=2))\n`)).toBe(
      'pie-plain',
    );
  });

  it('ignores chart words in comments', () => {
    const code =
      '# unlike a pie chart, bars compare well\nimport matplotlib.pyplot as plt\nplt.bar([1], [2])\n';
    expect(guessMinorType(code)).toBe('bar-plain');
  });
});
