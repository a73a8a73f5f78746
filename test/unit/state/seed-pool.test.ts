// The seed pool's import: every file checked (type, size, UTF-8, duplicates) and rendered before
// it may join; the person's chart type is what is stored; delete with undo; counts per type.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listCorpus } from '../../../src/core/corpus/index.ts';
import { countSeeds, listSeeds } from '../../../src/db/index.ts';
import type { RenderResult } from '../../../src/python/index.ts';
import {
  SEED_FILE_MAX_BYTES,
  SEED_FILES_PER_IMPORT,
  SeedPoolState,
  type SeedFile,
  type SeedRenderer,
} from '../../../src/state/seed-pool.svelte.ts';
import { openFreshDatabase } from '../db/fixtures.ts';
import { RUNTIME } from '../pipeline/fakes.ts';

/** Draws any script whose code has no "raise"; the title is the first `# title:` comment. */
class FakeSeedRenderer implements SeedRenderer {
  calls: { code: string; dpi: number; seed: number }[] = [];
  async render(code: string, options: { dpi: number; seed: number }): Promise<RenderResult> {
    this.calls.push({ code, ...options });
    await Promise.resolve();
    if (code.includes('raise')) {
      const error = {
        kind: 'runtime' as const,
        message: 'ValueError: bad data',
        traceback: 'Traceback…',
        line: 2,
        name: null,
      };
      return { ok: false, error, stdout: '', stderr: '', durationMs: 1, runtime: RUNTIME };
    }
    const title = /# title: (.*)/.exec(code)?.[1] ?? '';
    return {
      ok: true,
      renderId: 'w0:1',
      png: new Uint8Array([1]),
      width: 100,
      height: 80,
      durationMs: 1,
      dpi: options.dpi,
      seed: options.seed,
      stdout: '',
      stderr: '',
      warnings: [],
      compat: [],
      figureCount: 1,
      phash: '0f0f0f0f0f0f0f0f',
      facts: {
        width: 100,
        height: 80,
        dpi: options.dpi,
        axes: [],
        texts: title
          ? [{ role: 'title', text: title, bbox: [0, 0, 1, 1], fontsize: 12, axes: 0 }]
          : [],
        findings: [],
      },
      runtime: RUNTIME,
    };
  }
}

function file(name: string, content: string | Uint8Array, size?: number): SeedFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    size: size ?? bytes.length,
    arrayBuffer: async () => bytes.slice().buffer,
  };
}

const DONUT = [
  '# title: Hotel bookings',
  'import matplotlib.pyplot as plt',
  'plt.pie([3, 2, 1], wedgeprops=dict(width=0.4))',
  'plt.show()',
].join('\n');
const BARS = "import matplotlib.pyplot as plt\nplt.bar([1, 2], [3, 4])\nplt.title('Sales')\n";

async function attachedPool() {
  const db = await openFreshDatabase();
  const renderer = new FakeSeedRenderer();
  const pool = new SeedPoolState(renderer);
  await pool.attach(db, 'dataset-1');
  return { db, renderer, pool };
}

describe('SeedPoolState', () => {
  it('renders each imported file at 72 dpi, guesses its type and adds only what rendered', async () => {
    const { db, renderer, pool } = await attachedPool();
    await pool.importFiles([
      file('donut.py', DONUT),
      file('broken.py', 'import matplotlib.pyplot as plt\nraise ValueError("bad data")\n'),
    ]);
    expect(renderer.calls.map((c) => [c.dpi, c.seed])).toEqual([
      [72, 0],
      [72, 0],
    ]);
    const [donut, broken] = pool.candidates;
    expect(donut).toMatchObject({ status: 'ready', minor: 'pie-donut', title: 'Hotel bookings' });
    expect(broken).toMatchObject({
      status: 'failed',
      problem: { kind: 'runtime', message: 'ValueError: bad data', line: 2 },
    });

    expect(await pool.addReady()).toBe(1);
    const stored = await listSeeds(db);
    expect(stored.map((s) => [s.name, s.minor, s.title])).toEqual([
      ['donut.py', 'pie-donut', 'Hotel bookings'],
    ]);
    // The failed one stays listed with its error; nothing else was stored.
    expect(pool.candidates.map((c) => c.name)).toEqual(['broken.py']);
    expect(pool.total).toBe(listCorpus().length + 1);
  });

  it('stores the chart type the person chose over the guess', async () => {
    const { db, pool } = await attachedPool();
    await pool.importPasted(BARS);
    const [candidate] = pool.candidates;
    expect(candidate).toMatchObject({ name: 'pasted', minor: 'bar-plain', title: 'Sales' });
    pool.setCandidateType(candidate!.key, 'waterfall');
    await pool.addReady();
    expect((await listSeeds(db))[0]?.minor).toBe('waterfall');
    expect(pool.byType.find((row) => row.minor === 'waterfall')?.imported).toBe(1);
  });

  it('refuses files that are not .py, too large, not UTF-8, empty or already in the pool', async () => {
    const { renderer, pool } = await attachedPool();
    await pool.importFiles([
      file('notes.txt', 'plt.plot([1])'),
      file('huge.py', 'x', SEED_FILE_MAX_BYTES + 1),
      file('latin1.py', new Uint8Array([0x23, 0x20, 0xe9, 0x74, 0xe9, 0x0a])),
      file('empty.py', '  \n'),
      file('corpus.py', listCorpus()[0]!.code),
      file('a.py', BARS),
      file('a-again.py', BARS),
    ]);
    const byName = Object.fromEntries(pool.candidates.map((c) => [c.name, c]));
    expect(byName['notes.txt']?.problem?.kind).toBe('not-python');
    expect(byName['huge.py']?.problem?.kind).toBe('too-large');
    expect(byName['latin1.py']?.problem?.kind).toBe('not-utf8');
    expect(byName['empty.py']?.problem?.kind).toBe('empty');
    expect(byName['corpus.py']?.problem?.kind).toBe('duplicate');
    expect(byName['a.py']?.status).toBe('ready');
    expect(byName['a-again.py']?.problem?.kind).toBe('duplicate');
    // Only the one new script reached the sandbox.
    expect(renderer.calls).toHaveLength(1);
  });

  it('refuses an import of more files than the limit, and pasted code over the size limit', async () => {
    const { renderer, pool } = await attachedPool();
    const many = Array.from({ length: SEED_FILES_PER_IMPORT + 1 }, (_, i) =>
      file(`s${i}.py`, `x = ${i}`),
    );
    await pool.importFiles(many);
    expect(pool.error).toMatch(/at most 500/);
    expect(pool.candidates).toEqual([]);
    await pool.importPasted('#'.repeat(SEED_FILE_MAX_BYTES + 1));
    expect(pool.candidates[0]?.problem?.kind).toBe('too-large');
    expect(renderer.calls).toHaveLength(0);
  });

  it('deletes an imported seed and undoes the delete', async () => {
    const { db, pool } = await attachedPool();
    await pool.importPasted(BARS);
    await pool.addReady();
    const [seed] = pool.seeds;
    await pool.deleteSeed(seed!.id);
    expect(await countSeeds(db)).toBe(0);
    expect(pool.lastDeleted?.id).toBe(seed!.id);
    await pool.undoDelete();
    expect(pool.seeds).toEqual([seed]);
    expect(pool.lastDeleted).toBeNull();
  });

  it('counts the built-in corpus per chart type', async () => {
    const { pool } = await attachedPool();
    const corpus = listCorpus();
    expect(pool.byType).toHaveLength(32);
    expect(pool.byType.reduce((sum, row) => sum + row.builtIn, 0)).toBe(corpus.length);
    const heatmaps = corpus.filter((s) => s.minor === 'heatmap').length;
    expect(pool.byType.find((row) => row.minor === 'heatmap')?.builtIn).toBe(heatmaps);
  });
});
