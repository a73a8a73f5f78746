// MinHash code dedup: normalisation, estimate accuracy, and the LSH index at dataset scale.
import { describe, expect, it } from 'vitest';
import { listCorpus } from '../../../../src/core/corpus/index.ts';
import {
  MinHashIndex,
  codeShingles,
  codeSignature,
  codeTokens,
  estimateJaccard,
  minhashSignature,
} from '../../../../src/core/dedup/minhash.ts';
import { generateTemplateChart } from '../../../../src/core/template/generate.ts';
import { seededRandom } from '../../../../src/core/cit/quota.ts';

const jaccard = (a: Set<string>, b: Set<string>) => {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared);
};

describe('codeTokens / codeShingles', () => {
  it('drops comments and whitespace but keeps strings, numbers and names', () => {
    const tokens = codeTokens("x = [1, 2.5]  # the data\nplt.title('Sales # 2024')\n");
    expect(tokens).toEqual([
      'x',
      '=',
      '[',
      '1',
      ',',
      '2.5',
      ']',
      'plt',
      '.',
      'title',
      '(',
      '"Sales # 2024"',
      ')',
    ]);
  });

  it('gives the same shingles for reformatted, recommented code with other quotes', () => {
    const a = "import numpy as np\nvalues = [3, 4, 5]\nplt.bar(labels, values, color='red')\n";
    const b =
      '# a comment\nimport numpy  as  np\n\nvalues = [3,4,5]   # data\nplt.bar(labels,\n        values, color="red")\n';
    expect(codeShingles(b)).toEqual(codeShingles(a));
  });

  it('tells apart scripts that differ in a string or a number', () => {
    expect(codeShingles("plt.title('Revenue')")).not.toEqual(codeShingles("plt.title('Profit')"));
    expect(codeShingles('x = [1, 2, 3, 4, 5]')).not.toEqual(codeShingles('x = [1, 2, 3, 4, 6]'));
  });

  it('makes one shingle of a script shorter than k tokens and none of an empty one', () => {
    expect([...codeShingles('plt.show()')]).toEqual(['plt . show ( )']);
    expect(codeShingles('# nothing\n\n').size).toBe(0);
    expect(() => codeShingles('x', 0)).toThrow(/shingle size/);
  });
});

describe('minhashSignature / estimateJaccard', () => {
  it('estimates the Jaccard similarity of sets within sampling error', () => {
    const random = seededRandom(7);
    for (const target of [0.2, 0.5, 0.8]) {
      const shared = Array.from(
        { length: Math.round(400 * target) },
        (_, i) => `s${i}:${random()}`,
      );
      const only = (tag: string) =>
        Array.from({ length: Math.round((400 * (1 - target)) / 2) }, (_, i) => `${tag}${i}`);
      const a = new Set([...shared, ...only('a')]);
      const b = new Set([...shared, ...only('b')]);
      const estimate = estimateJaccard(minhashSignature(a), minhashSignature(b));
      // 128 hashes: standard error ≤ 0.045, so 0.14 is ~3 standard errors.
      expect(Math.abs(estimate - jaccard(a, b))).toBeLessThan(0.14);
    }
  });

  it('is deterministic per seed and differs between seeds', () => {
    const set = codeShingles(listCorpus()[0]!.code);
    expect(minhashSignature(set)).toEqual(minhashSignature(set));
    expect(minhashSignature(set, 128, 2)).not.toEqual(minhashSignature(set, 128, 1));
  });

  it('refuses to compare signatures of different lengths', () => {
    expect(() => estimateJaccard(new Uint32Array(128), new Uint32Array(64))).toThrow(
      /differ in length/,
    );
  });

  it('scores a lightly edited corpus script as a duplicate and other scripts as distinct', () => {
    const corpus = listCorpus();
    const signatures = corpus.map((script) => codeSignature(script.code));
    for (const script of corpus.slice(0, 10)) {
      // Change three numbers and the title: the edits an LLM makes when it "varies" a demo.
      let edits = 0;
      const edited = script.code
        .replace(/\b\d+\b/g, (n) => (edits++ < 3 ? String(Number(n) + 1) : n))
        .replace(/set_title\((['"])/, 'set_title($1Edited ');
      expect(estimateJaccard(codeSignature(edited), codeSignature(script.code))).toBeGreaterThan(
        0.75,
      );
    }
    let worst = 0;
    for (let i = 0; i < signatures.length; i++) {
      for (let j = i + 1; j < signatures.length; j++) {
        worst = Math.max(worst, estimateJaccard(signatures[i]!, signatures[j]!));
      }
    }
    expect(worst).toBeLessThan(0.85); // the recipe's default threshold keeps every corpus script
  });

  it('keeps template charts of different seeds apart but same-seed charts identical', () => {
    const a = generateTemplateChart(11).code;
    const b = generateTemplateChart(12).code;
    expect(estimateJaccard(codeSignature(a), codeSignature(generateTemplateChart(11).code))).toBe(
      1,
    );
    expect(estimateJaccard(codeSignature(a), codeSignature(b))).toBeLessThan(0.85);
  });
});

describe('MinHashIndex', () => {
  const randomSignature = (random: () => number) =>
    Uint32Array.from({ length: 128 }, () => Math.floor(random() * 4294967296));

  it('finds the near-duplicate among 10,000 unrelated scripts, quickly', () => {
    const random = seededRandom(3);
    const index = new MinHashIndex();
    const stored: Uint32Array[] = [];
    for (let i = 0; i < 10_000; i++) {
      const signature = randomSignature(random);
      stored.push(signature);
      index.add(`chart-${i}`, signature);
    }
    expect(index.size).toBe(10_000);
    const started = performance.now();
    for (let q = 0; q < 200; q++) {
      const target = stored[q * 50]!;
      // A query agreeing on 80% of slots with one stored script (Jaccard ≈ 0.8).
      const query = target.map((value) =>
        random() < 0.8 ? value : Math.floor(random() * 4294967296),
      );
      const match = index.nearest(query);
      expect(match?.id).toBe(`chart-${q * 50}`);
      expect(match!.similarity).toBeGreaterThan(0.65);
    }
    // A linear scan would be 2M signature comparisons; the index does ~200 bucket look-ups.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(index.nearest(randomSignature(random))).toBeNull();
  });

  it('replaces an id on re-add and forgets it on remove', () => {
    const index = new MinHashIndex();
    const first = codeSignature(listCorpus()[0]!.code);
    const second = codeSignature(listCorpus()[1]!.code);
    index.add('x', first);
    index.add('x', second);
    expect(index.size).toBe(1);
    expect(index.nearest(first)?.similarity ?? 0).toBeLessThan(1);
    expect(index.nearest(second)).toEqual({ id: 'x', similarity: 1 });
    index.remove('x');
    expect(index.nearest(second)).toBeNull();
    expect(index.size).toBe(0);
  });

  it('rejects signatures that do not fit its bands', () => {
    const index = new MinHashIndex({ bands: 16, rows: 4 });
    expect(() => index.add('x', new Uint32Array(128))).toThrow(/64 hashes/);
  });
});
