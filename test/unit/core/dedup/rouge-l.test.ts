// ROUGE-L question dedup: the score itself, the within-chart finder and the dataset-wide index.
import { describe, expect, it } from 'vitest';
import {
  QuestionIndex,
  findDuplicateQuestion,
  rougeL,
  wordTokens,
} from '../../../../src/core/dedup/rouge-l.ts';
import { seededRandom } from '../../../../src/core/cit/quota.ts';

/** Straightforward reference: full LCS table, F1 = 2PR/(P+R). */
function referenceRougeL(a: string, b: string): number {
  const x = wordTokens(a);
  const y = wordTokens(b);
  const table = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      table[i]![j] =
        x[i - 1] === y[j - 1]
          ? table[i - 1]![j - 1]! + 1
          : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
    }
  }
  const lcs = table[x.length]![y.length]!;
  if (lcs === 0) return 0;
  const precision = lcs / x.length;
  const recall = lcs / y.length;
  return (2 * precision * recall) / (precision + recall);
}

describe('rougeL', () => {
  it('is 1 for the same words whatever the case and punctuation, 0 for no shared word', () => {
    expect(rougeL('What is the value of A?', 'what is the VALUE of a')).toBe(1);
    expect(rougeL('Which bar is tallest?', 'Name the series.')).toBe(0);
    expect(rougeL('', 'anything')).toBe(0);
  });

  it('counts word order (a subsequence), not a bag of words', () => {
    // Same 6 words, reversed: the LCS is 1 word.
    expect(rougeL('a b c d e f', 'f e d c b a')).toBeCloseTo(1 / 6, 10);
    expect(rougeL('what was the revenue in 2019', 'what was the profit in 2019')).toBeCloseTo(
      5 / 6,
      10,
    );
  });

  it('agrees with a reference F1 on random word strings', () => {
    const random = seededRandom(5);
    const words = ['the', 'value', 'of', 'bar', 'in', '2019', 'sales', 'max', 'what', 'is'];
    const sentence = () =>
      Array.from(
        { length: 3 + Math.floor(random() * 12) },
        () => words[Math.floor(random() * words.length)],
      ).join(' ');
    for (let i = 0; i < 300; i++) {
      const a = sentence();
      const b = sentence();
      expect(rougeL(a, b)).toBeCloseTo(referenceRougeL(a, b), 12);
    }
  });

  it('tokenises words of any script', () => {
    expect(wordTokens('Quelle est la valeur en été? 价格 2019')).toEqual([
      'quelle',
      'est',
      'la',
      'valeur',
      'en',
      'été',
      '价格',
      '2019',
    ]);
  });
});

describe('findDuplicateQuestion', () => {
  const questions = [
    'What is the total revenue of the North region in 2019?',
    'Which region has the highest growth rate between 2018 and 2020?',
    'How many categories exceed 50 units?',
  ];

  it('finds a paraphrase above 0.7 and reports the best match', () => {
    const match = findDuplicateQuestion(
      'What was the total revenue of the North region in 2019?',
      questions,
      0.7,
    );
    expect(match?.index).toBe(0);
    expect(match!.score).toBeGreaterThan(0.8);
  });

  it('returns null when nothing is above the threshold (strictly)', () => {
    expect(findDuplicateQuestion('What is the average of all bars?', questions, 0.7)).toBeNull();
    const exactScore = rougeL(questions[2]!, 'How many categories exceed 60 units?');
    expect(
      findDuplicateQuestion('How many categories exceed 60 units?', questions, exactScore),
    ).toBeNull();
  });
});

describe('QuestionIndex', () => {
  const random = seededRandom(11);
  const vocabulary = Array.from({ length: 400 }, (_, i) => `w${i}`);
  const common = ['what', 'is', 'the', 'of', 'in', 'which', 'how', 'many'];
  const makeQuestion = () =>
    Array.from({ length: 8 + Math.floor(random() * 10) }, () =>
      random() < 0.35
        ? common[Math.floor(random() * common.length)]
        : vocabulary[Math.floor(random() * vocabulary.length)],
    ).join(' ');

  it('finds exactly what a brute-force scan finds, on 3,000 questions', () => {
    const index = new QuestionIndex();
    const stored: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const question = makeQuestion();
      stored.push(question);
      index.add(`q${i}`, question);
    }
    let duplicatesSeen = 0;
    for (let q = 0; q < 150; q++) {
      // Half the queries are light edits of a stored question (one word replaced).
      const query =
        q % 2 === 0
          ? stored[q * 7]!.split(' ')
              .map((w, i) => (i === 2 ? 'changed' : w))
              .join(' ')
          : makeQuestion();
      const brute = findDuplicateQuestion(query, stored, 0.7);
      const indexed = index.nearest(query, 0.7);
      expect(indexed?.score ?? null).toBe(brute?.score ?? null);
      if (brute) {
        duplicatesSeen++;
        expect(rougeL(query, stored[Number(indexed!.id.slice(1))]!)).toBe(brute.score);
      }
    }
    expect(duplicatesSeen).toBeGreaterThanOrEqual(75);
  });

  it('answers a dataset-wide query over 20,000 questions far faster than a scan', () => {
    const index = new QuestionIndex();
    const stored = Array.from({ length: 20_000 }, makeQuestion);
    stored.forEach((question, i) => index.add(`q${i}`, question));
    const queries = Array.from({ length: 400 }, makeQuestion);
    let started = performance.now();
    const indexed = queries.map((query) => index.nearest(query, 0.7)?.score ?? null);
    const perIndexed = (performance.now() - started) / queries.length;
    started = performance.now();
    const scanned = queries
      .slice(0, 20)
      .map((query) => findDuplicateQuestion(query, stored, 0.7)?.score ?? null);
    const perScan = (performance.now() - started) / 20;
    expect(indexed.slice(0, 20)).toEqual(scanned);
    // Measured on one machine at once, so load affects both: typically ~0.2 ms against ~30 ms.
    expect(perIndexed).toBeLessThan(perScan / 5);
  });

  it('replaces and removes questions', () => {
    const index = new QuestionIndex();
    index.add('a', 'What is the highest value in the chart?');
    index.add('a', 'How many bars are blue?');
    expect(index.size).toBe(1);
    expect(index.nearest('What is the highest value in the chart?', 0.7)).toBeNull();
    expect(index.nearest('How many bars are blue?', 0.7)).toEqual({ id: 'a', score: 1 });
    index.remove('a');
    expect(index.nearest('How many bars are blue?', 0.7)).toBeNull();
    expect(() => index.nearest('x', 0)).toThrow(/threshold/);
  });
});
