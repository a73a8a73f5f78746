import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAJOR_CHART_TYPES, MINOR_CHART_TYPES } from '../../src/core/chart-types';
import { joinCorpus, listCorpus } from '../../src/core/corpus/index';
import { CORPUS_MANIFEST } from '../../src/core/corpus/manifest';
import type { CorpusEntry, CorpusFeature, ExpectedSeriesKind } from '../../src/core/corpus/types';
import type { SeriesKind } from '../../workers/python/api';
import { TOPICS } from '../../src/core/topics';

const SCRIPTS_DIR = fileURLToPath(new URL('../../src/core/corpus/scripts', import.meta.url));
const corpus = listCorpus();

// Compile-time guard: the corpus's copy of the series kinds equals the sandbox contract's
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const SERIES_KINDS_AGREE: Same<ExpectedSeriesKind, SeriesKind> = true;

// How each feature shows in the code; a feature is claimed exactly when its pattern matches.
const FEATURE_PATTERNS: Record<CorpusFeature, RegExp> = {
  make_interp_spline: /\bmake_interp_spline\(/,
  curve_fit: /\bcurve_fit\(/,
  polyfit: /\bnp\.polyfit\(/,
  networkx: /^import networkx as nx$/m,
  spring_layout: /\bnx\.spring_layout\(G, seed=\d+/,
  circular_layout: /\bnx\.circular_layout\(/,
  bar3d: /\.bar3d\(/,
  axes3d: /projection='3d'/,
  'proxy-legend': /\b(Patch|Line2D)\(/,
  bar_label: /\.bar_label\(/,
  mathtext: /r'[^'\n]*\$[^$'\n]*[\\_^{][^$'\n]*\$/,
  'log-axis': /\.set_[xy]scale\('log'\)/,
  annotate: /\.annotate\([\s\S]*?arrowprops=/,
  twinx: /\.twinx\(\)/,
  subplots: /plt\.subplots\(1, 2|add_subplot\(1, 2, 2/,
  fill_between: /\.fill_between\(/,
  stackplot: /\.stackplot\(/,
  boxplot: /\.boxplot\(/,
  violinplot: /\.violinplot\(/,
  imshow: /\.imshow\(/,
  pcolormesh: /\.pcolormesh\(/,
  contour: /\.contourf?\(/,
  table: /\.table\(/,
  dates: /^import matplotlib\.dates as mdates$/m,
  colorbar: /\.colorbar\(/,
  polar: /polar/,
  squarify: /\bsquarify\.plot\(/,
  errorbar: /\.errorbar\(/,
  hist: /\.hist\(/,
  'seeded-random': /\brandom\.seed\(\d+\)|default_rng\(\d+\)/,
  savefig: /plt\.savefig\(/,
};
const ALLOWED_MODULES = new Set([
  'numpy',
  'matplotlib',
  'scipy',
  'networkx',
  'squarify',
  'mpl_toolkits',
  'math',
  'random',
  'datetime',
]);

function usingFeature(feature: CorpusFeature): CorpusEntry[] {
  return CORPUS_MANIFEST.filter((entry) => entry.features.includes(feature));
}

function importedModules(code: string): string[] {
  const imports = code.matchAll(/^(?:import|from)\s+([A-Za-z_][\w]*)/gm);
  return [...imports].map((match) => match[1] ?? '');
}

describe('chart taxonomy and topics', () => {
  it('lists the 10 major and 32 minor types of the method, each minor under a known major', () => {
    expect(MAJOR_CHART_TYPES).toHaveLength(10);
    expect(MINOR_CHART_TYPES).toHaveLength(32);
    expect(new Set(MINOR_CHART_TYPES.map((type) => type.id)).size).toBe(32);
    const majors = new Set(MAJOR_CHART_TYPES.map((type) => type.id));
    for (const minor of MINOR_CHART_TYPES) expect(majors).toContain(minor.major);
  });

  it('knows the same series kinds as the sandbox contract', () => {
    expect(SERIES_KINDS_AGREE).toBe(true);
  });

  it('lists 38 distinct topics', () => {
    expect(TOPICS).toHaveLength(38);
    expect(new Set(TOPICS.map((topic) => topic.id)).size).toBe(38);
  });
});

describe('corpus manifest and files', () => {
  it('has a script file for every entry and an entry for every script file', () => {
    const files = readdirSync(SCRIPTS_DIR)
      .filter((name) => name.endsWith('.py'))
      .map((name) => name.slice(0, -3))
      .sort();
    expect(CORPUS_MANIFEST.map((entry) => entry.id).sort()).toEqual(files);
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    for (const script of corpus) expect(script.code.length).toBeGreaterThan(0);
  });

  it('refuses an entry without a script, a script without an entry and a duplicated id', () => {
    const [first, second] = CORPUS_MANIFEST;
    if (first === undefined || second === undefined) throw new Error('manifest too small');
    const code = new Map([[first.id, 'x = 1']]);
    expect(() => joinCorpus([first, second], code)).toThrow(/without a script: /);
    expect(() => joinCorpus([], code)).toThrow(/without a manifest entry: /);
    expect(() => joinCorpus([first, first], code)).toThrow(/listed twice/);
    expect(joinCorpus([first], code)[0]?.code).toBe('x = 1');
  });

  it('covers every minor chart type, with ids, majors and topics that agree with the taxonomy', () => {
    const covered = new Set(CORPUS_MANIFEST.map((entry) => entry.minor));
    expect([...MINOR_CHART_TYPES.map((type) => type.id)].filter((id) => !covered.has(id))).toEqual(
      [],
    );
    const topicIds = new Set(TOPICS.map((topic) => topic.id));
    for (const entry of CORPUS_MANIFEST) {
      const minor = MINOR_CHART_TYPES.find((type) => type.id === entry.minor);
      expect(minor?.major, entry.id).toBe(entry.major);
      expect(entry.id.startsWith(`${entry.minor}-`), entry.id).toBe(true);
      expect(topicIds.has(entry.topic), `${entry.id} topic ${entry.topic}`).toBe(true);
    }
    expect(new Set(CORPUS_MANIFEST.map((entry) => entry.topic)).size).toBeGreaterThanOrEqual(25);
  });
});

describe('corpus scripts', () => {
  it('are 20 to 120 lines long and end by showing or saving a tight figure', () => {
    for (const script of corpus) {
      const lines = script.code.trimEnd().split('\n');
      expect(lines.length, script.id).toBeGreaterThanOrEqual(20);
      expect(lines.length, script.id).toBeLessThanOrEqual(120);
      expect(lines.at(-2), script.id).toMatch(/^plt\.tight_layout\((rect=\([\d., ]+\))?\)$/);
      expect(lines.at(-1), script.id).toMatch(/^plt\.(show\(\)|savefig\('chart\.png'\))$/);
    }
  });

  it('import only what every runtime offers and avoid APIs that crash or are too new', () => {
    for (const script of corpus) {
      for (const module of importedModules(script.code)) {
        expect(ALLOWED_MODULES.has(module), `${script.id} imports ${module}`).toBe(true);
      }
      expect(script.code, script.id).not.toMatch(
        /seaborn|pandas|sklearn|np\.fft|optimize\.minimize|matplotlib\.tri|layout='constrained'|plt\.colormaps\[|\.spines\.[a-z]|legend\([^)]*reverse=|ncols=|set_[xy]ticks\([^)]*labels=/,
      );
    }
  });

  it('seed every random draw so re-renders match the questions asked about them', () => {
    for (const script of corpus) {
      if (/np\.random\.|default_rng|\brandom\./.test(script.code)) {
        expect(script.code, script.id).toMatch(FEATURE_PATTERNS['seeded-random']);
      }
    }
  });

  it('claim exactly the features their code uses', () => {
    for (const script of corpus) {
      const used = (Object.keys(FEATURE_PATTERNS) as CorpusFeature[]).filter((feature) =>
        FEATURE_PATTERNS[feature].test(script.code),
      );
      expect([...script.features].sort(), script.id).toEqual(used.sort());
    }
  });

  it('use the APIs real LLM code reaches for, in the amounts the corpus promises', () => {
    const atLeast: [CorpusFeature, number][] = [
      ['make_interp_spline', 3],
      ['curve_fit', 2],
      ['networkx', 3],
      ['spring_layout', 1],
      ['circular_layout', 1],
      ['bar3d', 3],
      ['bar_label', 4],
      ['mathtext', 3],
      ['log-axis', 2],
      ['annotate', 3],
      ['fill_between', 1],
      ['stackplot', 1],
      ['boxplot', 1],
      ['violinplot', 1],
      ['polar', 2],
      ['squarify', 1],
      ['colorbar', 2],
      ['savefig', 2],
    ];
    for (const [feature, minimum] of atLeast) {
      expect(usingFeature(feature).length, feature).toBeGreaterThanOrEqual(minimum);
    }
    expect(
      usingFeature('imshow').length + usingFeature('pcolormesh').length,
    ).toBeGreaterThanOrEqual(2);
    // bar3d collections break legend() on matplotlib 3.3 and 3.6, so every 3D bar chart uses proxies
    for (const entry of usingFeature('bar3d')) expect(entry.features).toContain('proxy-legend');
    const combined = CORPUS_MANIFEST.filter(
      (entry) => entry.subplots >= 2 || entry.features.includes('twinx'),
    );
    expect(combined.length).toBeGreaterThanOrEqual(8);
  });
});

describe('corpus expectations', () => {
  it('are well-formed and agree with the entry and its code', () => {
    for (const script of corpus) {
      const { expect: expectation, id } = script;
      expect(expectation.axes, id).toBeGreaterThanOrEqual(script.subplots);
      expect(script.subplots >= 2, id).toBe(script.features.includes('subplots'));
      // Titles may end in a computed part, but their opening words are written in the script
      expect(script.code, id).toContain(expectation.title.slice(0, 25));
      for (const series of expectation.series) {
        expect(series.axes, id).toBeLessThan(expectation.axes);
        for (const values of [series.y, series.z]) {
          if (values === undefined) continue;
          expect(
            values.every((value) => Number.isFinite(value)),
            id,
          ).toBe(true);
          if (series.count !== undefined) expect(values.length, id).toBe(series.count);
        }
      }
      for (const label of expectation.legend ?? [])
        expect(label.trim().length, id).toBeGreaterThan(0);
      for (const text of expectation.texts ?? []) expect(text.trim().length, id).toBeGreaterThan(0);
      const checks = expectation.series.length + (expectation.texts?.length ?? 0);
      expect(checks, `${id} expects nothing checkable`).toBeGreaterThan(0);
    }
  });

  it('take literal values from the scripts: every legend label is written in the code', () => {
    for (const script of corpus) {
      for (const label of script.expect.legend ?? []) {
        // Labels built by format() in the script are checked by their longest word only
        const words = label.match(/[A-Za-z]+/g) ?? [label];
        const longest = words.reduce((best, word) => (word.length > best.length ? word : best), '');
        expect(script.code, `${script.id}: ${label}`).toContain(longest);
      }
    }
  });
});
