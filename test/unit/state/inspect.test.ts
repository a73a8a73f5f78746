// The inspector's state against fake-indexeddb with a fake renderer: review, order, edits that
// re-render and re-verify, failed renders that store nothing, undo, Q&A text edits.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ChartRecord } from '../../../src/core/dataset/records.ts';
import { getChartWithQa, importDatasetRecords, type CitDatabase } from '../../../src/db/index.ts';
import { BrowseState } from '../../../src/state/browse.svelte.ts';
import { InspectState, type InspectRenderer } from '../../../src/state/inspect.svelte.ts';
import type { AnswerResult, RenderResult } from '../../../workers/python/api.ts';
import { makeChart, makeImage, makeQa, openFreshDatabase } from '../db/fixtures.ts';

const at = (minute: number) => `2026-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;
const FACTS = { width: 640, height: 480, dpi: 100, axes: [], texts: [], findings: [] };

/**
 * Renders code that contains "FAIL" as a runtime error; otherwise the answer programs compute
 * the number after "value=" in the rendered code (so an edit of that number is a mismatch).
 */
class FakeRenderer implements InspectRenderer {
  renders: string[] = [];
  #codeOf = new Map<string, string>();

  render(code: string): Promise<RenderResult> {
    this.renders.push(code);
    if (code.includes('FAIL')) {
      return Promise.resolve({
        ok: false,
        error: {
          kind: 'runtime',
          message: 'NameError: FAIL',
          traceback: null,
          line: 2,
          name: null,
        },
        stdout: '',
        stderr: '',
        durationMs: 1,
        runtime: null,
      });
    }
    const renderId = `r${this.renders.length}`;
    this.#codeOf.set(renderId, code);
    return Promise.resolve({
      ok: true,
      renderId,
      png: new Uint8Array([137, 80, 78, 71, this.renders.length]),
      width: 640,
      height: 480,
      durationMs: 5,
      dpi: 100,
      seed: 1,
      stdout: '',
      stderr: '',
      warnings: [],
      compat: [],
      figureCount: 1,
      phash: '0f0f0f0f0f0f0f0f',
      facts: {
        ...FACTS,
        findings: code.includes('overlap')
          ? [{ kind: 'overlapping-text', message: 'labels overlap', texts: [0, 1], axes: null }]
          : [],
      },
      runtime: {
        distribution: 'native',
        pyodide: null,
        python: '3.11',
        numpy: '1.24',
        matplotlib: '3.6.3',
        optional: {},
        importable: [],
        note: null,
        promptNotes: '',
      },
    });
  }

  runAnswerProgram(renderId: string): Promise<AnswerResult> {
    const match = /value=(\d+)/.exec(this.#codeOf.get(renderId) ?? '');
    if (!match?.[1]) {
      return Promise.resolve({
        ok: false,
        error: { kind: 'runtime', message: 'no value', traceback: null, line: null, name: null },
        stdout: '',
      });
    }
    return Promise.resolve({ ok: true, type: 'number', value: Number(match[1]), stdout: '' });
  }
}

async function setUp(): Promise<{
  db: CitDatabase;
  inspect: InspectState;
  browse: BrowseState;
  renderer: FakeRenderer;
}> {
  const db = await openFreshDatabase();
  const charts: ChartRecord[] = [
    makeChart('a', 'ds', { code: 'bars(value=2)', createdAt: at(3) }),
    makeChart('b', 'ds', { code: 'bars(value=2)', minor: 'line-data-labels', createdAt: at(2) }),
    makeChart('c', 'ds', { code: 'bars(value=2)', createdAt: at(1) }),
  ];
  const verified = { status: 'verified' as const, reason: 'equal', computed: 2, at: at(0) };
  await importDatasetRecords(db, {
    dataset: { id: 'ds', name: 'Sample', description: '', createdAt: at(0), updatedAt: at(0) },
    charts,
    images: charts.map((chart) => makeImage(chart.imageId)),
    qa: charts.flatMap((chart) => [
      makeQa(`${chart.id}1`, chart, { verification: verified }),
      makeQa(`${chart.id}2`, chart, { verification: verified, question: 'Second?' }),
    ]),
  });
  const source = { db, datasetId: 'ds' };
  const browse = new BrowseState(source);
  const renderer = new FakeRenderer();
  const inspect = new InspectState(source, renderer, browse);
  await inspect.load('a');
  return { db, inspect, browse, renderer };
}

describe('InspectState', () => {
  it('loads a chart with its image and Q&A', async () => {
    const { inspect } = await setUp();
    expect(inspect.chart?.id).toBe('a');
    expect(inspect.image?.id).toBe('img-a');
    expect(inspect.qa.map((qa) => qa.id)).toEqual(['a1', 'a2']);
    expect(inspect.code).toBe('bars(value=2)');
    await inspect.load('nope');
    expect(inspect.missing).toBe(true);
  });

  it('walks next and previous in the Browse filter order', async () => {
    const { inspect, browse } = await setUp();
    await browse.refresh();
    expect(await inspect.step(1)).toBe('b');
    expect(inspect.chart?.id).toBe('b');
    await browse.setFilter('minor', 'line-plain');
    await inspect.load('a');
    expect(await inspect.step(1)).toBe('c'); // b is filtered out
    expect(await inspect.step(1)).toBeNull();
    expect(inspect.chart?.id).toBe('c');
    expect(await inspect.step(-1)).toBe('a');
  });

  it('persists accept and reject', async () => {
    const { db, inspect } = await setUp();
    await inspect.setReview('rejected');
    expect((await db.charts.get('a'))?.review).toBe('rejected');
    expect((await db.chartRows.get('a'))?.review).toBe('rejected');
    expect(inspect.chart?.review).toBe('rejected');
    await inspect.setReview('accepted');
    expect((await db.charts.get('a'))?.review).toBe('accepted');
  });

  it('stores an edit as a new version and re-verifies every Q&A (mismatch)', async () => {
    const { db, inspect } = await setUp();
    inspect.setCode('bars(value=7)  # overlap');
    expect(inspect.isEdited).toBe(true);
    expect(await inspect.applyCode()).toBe(true);
    const stored = await getChartWithQa(db, 'a');
    expect(stored?.chart.code).toBe('bars(value=7)  # overlap');
    expect(stored?.chart.history.map((entry) => entry.code)).toEqual(['bars(value=2)']);
    expect(stored?.chart.imageId).not.toBe('img-a');
    expect(stored?.image?.bytes).toBe(5);
    expect(stored?.chart.findings.map((finding) => finding.kind)).toEqual(['overlapping-text']);
    expect(stored?.qa.map((qa) => qa.verification?.status)).toEqual(['mismatch', 'mismatch']);
    expect(stored?.qa[0]?.verification?.computed).toBe(7);
    expect(inspect.qa.map((qa) => qa.verification?.status)).toEqual(['mismatch', 'mismatch']);
    expect((await db.chartRows.get('a'))?.qaMismatch).toBe(2);
    expect(inspect.isEdited).toBe(false);
    expect(inspect.canUndo).toBe(true);
  });

  it('keeps the Q&A verified when the edit leaves the answer unchanged', async () => {
    const { db, inspect } = await setUp();
    inspect.setCode('bars(value=2, color="red")');
    expect(await inspect.applyCode()).toBe(true);
    const stored = await getChartWithQa(db, 'a');
    expect(stored?.qa.map((qa) => qa.verification?.status)).toEqual(['verified', 'verified']);
  });

  it('stores nothing when the edited code fails to render', async () => {
    const { db, inspect } = await setUp();
    const before = await getChartWithQa(db, 'a');
    inspect.setCode('bars(value=9)\nFAIL');
    expect(await inspect.applyCode()).toBe(false);
    expect(inspect.failure?.error.kind).toBe('runtime');
    expect(inspect.code).toBe('bars(value=9)\nFAIL'); // the person's edit stays in the editor
    expect(await getChartWithQa(db, 'a')).toEqual(before);
  });

  it('undo restores the code and image and verifies again', async () => {
    const { db, inspect, renderer } = await setUp();
    inspect.setCode('bars(value=7)');
    await inspect.applyCode();
    const renders = renderer.renders.length;
    expect(await inspect.undo()).toBe(true);
    expect(renderer.renders.length).toBe(renders + 1);
    const stored = await getChartWithQa(db, 'a');
    expect(stored?.chart.code).toBe('bars(value=2)');
    expect(stored?.chart.imageId).toBe('img-a');
    expect(stored?.chart.history).toEqual([]);
    expect(stored?.qa.map((qa) => qa.verification?.status)).toEqual(['verified', 'verified']);
    expect(inspect.code).toBe('bars(value=2)');
    expect(inspect.canUndo).toBe(false);
    expect(await inspect.undo()).toBe(false);
  });

  it('saves edited Q&A text and keeps the answer and program', async () => {
    const { db, inspect } = await setUp();
    await inspect.saveQa('a1', {
      question: ' How tall is the bar? ',
      steps: ['Look.', ' ', 'Read.'],
    });
    const stored = (await getChartWithQa(db, 'a'))?.qa.find((qa) => qa.id === 'a1');
    expect(stored?.question).toBe('How tall is the bar?');
    expect(stored?.steps).toEqual(['Look.', 'Read.']);
    expect(stored?.program).toBe('answer = 2');
    expect((await db.chartRows.get('a'))?.tokens).toContain('tall');
  });

  it('re-verifies one Q&A on a fresh render of the stored code', async () => {
    const { db, inspect } = await setUp();
    await db.qa.update('a2', { verification: null, verificationStatus: 'unchecked' });
    await inspect.load('a');
    await inspect.reverify('a2');
    const stored = (await getChartWithQa(db, 'a'))?.qa;
    expect(stored?.map((qa) => qa.verification?.status)).toEqual(['verified', 'verified']);
    expect(stored?.[0]?.verification?.at).toBe(at(0)); // a1 untouched
  });

  it('verifies the edited chart even when the person moved on while it rendered', async () => {
    const { db, inspect, browse, renderer } = await setUp();
    await browse.refresh();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const render = renderer.render.bind(renderer);
    renderer.render = async (code: string) => {
      await gate;
      return render(code);
    };
    inspect.setCode('bars(value=7)');
    const applying = inspect.applyCode();
    await inspect.step(1); // now showing b
    release();
    expect(await applying).toBe(true);
    const a = await getChartWithQa(db, 'a');
    const b = await getChartWithQa(db, 'b');
    expect(a?.qa.map((qa) => qa.verification?.status)).toEqual(['mismatch', 'mismatch']);
    expect(b?.qa.map((qa) => qa.verification?.status)).toEqual(['verified', 'verified']);
    expect(b?.chart.code).toBe('bars(value=2)');
  });
});
