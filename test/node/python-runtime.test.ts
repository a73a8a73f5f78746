// The worker body (PythonRuntime) on the official Pyodide core in Node. The core has no numpy or
// matplotlib wheels, so cit_render is replaced by a stub with the same API
// (fixtures/stub_cit_render.py) and loadPackage is recorded instead of fetching wheels: these
// tests cover the JS glue and the contract, while the real render module is tested natively.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAnswerResult, isRenderResult, isRuntimeInfo } from '../../src/python/message-checks.ts';
import type { RuntimeSource } from '../../workers/python/protocol.ts';
import type { PyodideLike } from '../../workers/python/pyodide-types.ts';
import { MAX_OUTPUT_CHARS, PythonRuntime } from '../../workers/python/python-runtime.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const STUB = readFileSync(path.join(import.meta.dirname, 'fixtures/stub_cit_render.py'), 'utf8');
const OPTIONS = { dpi: 100, seed: 7, timeoutMs: 10_000, maxPixels: 4_000_000 };
const SOURCE: RuntimeSource = {
  distribution: 'offline-0.17',
  indexURL: 'http://127.0.0.1/pyodide-0.17/',
  lockFileURL: null,
  packageBaseUrl: null,
  note: 'old offline bundle',
};

let pyodide: PyodideLike;
const loadedPackages: string[][] = [];
let runtime: PythonRuntime;

beforeAll(async () => {
  // vitest confuses Pyodide's own path detection: pass indexURL explicitly.
  const real = (await loadPyodide({
    indexURL: path.join(ROOT, 'node_modules/pyodide'),
  })) as unknown as PyodideLike;
  pyodide = real;
  const recording: PyodideLike = Object.create(real as object) as PyodideLike;
  recording.loadPackage = async (names: string[]) => {
    loadedPackages.push([...names]);
    // Stand-in for the wheel: an importable module of that name.
    for (const name of names)
      real.runPython(
        `import sys, types\nsys.modules.setdefault(${JSON.stringify(name)}, types.ModuleType(${JSON.stringify(name)}))`,
      );
  };
  runtime = new PythonRuntime(async () => recording, {
    'cit_render.py': STUB,
    'helper.py': 'VALUE = 42\n',
  });
}, 60_000);

/** References Python holds to the last reply of render; a live PyProxy would add one. */
function refcountOfLastReply(): number {
  return pyodide.runPython(
    'import sys, cit_render\nsys.getrefcount(cit_render._last[0])',
  ) as number;
}

describe('PythonRuntime on Pyodide core', () => {
  it('boots, loads numpy and matplotlib, installs the modules and reports a valid RuntimeInfo', async () => {
    const stages: string[] = [];
    const info = await runtime.boot(SOURCE, (progress) => stages.push(progress.stage));
    expect(isRuntimeInfo(info)).toBe(true);
    expect(info.distribution).toBe('offline-0.17');
    expect(info.note).toBe('old offline bundle');
    expect(info.importable).toEqual(['numpy', 'matplotlib', 'scipy', 'networkx']);
    expect(loadedPackages[0]).toEqual(['numpy', 'matplotlib']);
    expect(stages).toEqual(['runtime', 'packages', 'modules', 'warm-up', 'ready']);
    expect(pyodide.runPython('import helper\nhelper.VALUE')).toBe(42);
  });

  it('returns a PNG copied out of the wasm heap with the meta fields of the contract', async () => {
    const { result, broken } = await runtime.render('width, height = 30, 20', OPTIONS);
    expect(broken).toBe(false);
    expect(isRenderResult(result, OPTIONS.maxPixels)).toBe(true);
    if (!result.ok) throw new Error('expected a render');
    expect([result.width, result.height, result.seed]).toEqual([30, 20, 7]);
    expect(result.png.buffer).toBeInstanceOf(ArrayBuffer);
    expect(result.png.byteOffset).toBe(0);
    expect(result.png.buffer.byteLength).toBe(result.png.length);
    expect(result.runtime.distribution).toBe('offline-0.17');
  });

  it('cuts a flood of printed output', async () => {
    const flood = await runtime.render('width, height = 4, 4\nFLOOD = "x" * 300000', OPTIONS);
    if (!flood.result.ok) throw new Error('expected a render');
    expect(flood.result.stdout.length).toBeLessThanOrEqual(MAX_OUTPUT_CHARS + 100);
    expect(flood.result.stdout.startsWith('xxxx')).toBe(true);
  });

  it('destroys the PyProxy of every reply', async () => {
    // Only cit_render._last and getrefcount's own argument may hold the reply list.
    await runtime.render('width, height = 5, 5', OPTIONS);
    expect(refcountOfLastReply()).toBe(2);
    await runtime.render('x = 1', OPTIONS);
    expect(refcountOfLastReply()).toBe(2);
  });

  it('returns expected failures as data with their kind', async () => {
    const syntax = (await runtime.render('x = (', OPTIONS)).result;
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) expect([syntax.error.kind, syntax.error.line]).toEqual(['syntax', 1]);
    const forbidden = (await runtime.render('import js', OPTIONS)).result;
    if (!forbidden.ok) expect(forbidden.error.kind).toBe('forbidden');
    const noFigure = (await runtime.render('x = 1', OPTIONS)).result;
    if (!noFigure.ok) expect(noFigure.error.kind).toBe('no-figure');
    const memory = await runtime.render('raise MemoryError()', OPTIONS);
    expect(memory.broken).toBe(false);
    if (!memory.result.ok) expect(memory.result.error.kind).toBe('memory');
    for (const result of [syntax, forbidden, noFigure, memory.result]) {
      expect(result.ok).toBe(false);
      expect(isRenderResult(result, OPTIONS.maxPixels)).toBe(true);
    }
  });

  it('loads the packages analyze lists before running, once', async () => {
    loadedPackages.length = 0;
    const first = await runtime.render('import scipy\nwidth, height = 4, 4', OPTIONS);
    const second = await runtime.render('import scipy, networkx\nwidth, height = 4, 4', OPTIONS);
    expect(first.result.ok && second.result.ok).toBe(true);
    expect(loadedPackages).toEqual([['scipy'], ['networkx']]);
  });

  it('reports a failing package load as missing-package', async () => {
    const failing = new PythonRuntime(
      async () => {
        const broken = Object.create(pyodide as object) as PyodideLike;
        broken.loadPackage = async (names: string[]) => {
          if (names.includes('networkx')) throw new Error('no such wheel');
        };
        return broken;
      },
      { 'cit_render.py': STUB },
    );
    await failing.boot(SOURCE, () => undefined);
    const { result } = await failing.render('import networkx\nwidth, height = 4, 4', OPTIONS);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect([result.error.kind, result.error.name]).toEqual(['missing-package', 'networkx']);
  });

  it('runs answer programs in the namespace of a render', async () => {
    const { result } = await runtime.render('width, height = 8, 6\ntotal = 41', OPTIONS);
    if (!result.ok) throw new Error('expected a render');
    const answer = runtime.runAnswerProgram(result.renderId, 'answer = total + 1');
    expect(isAnswerResult(answer.result)).toBe(true);
    expect(answer.result).toMatchObject({ ok: true, type: 'number', value: 42 });
  });

  it('marks the runtime broken when the glue itself fails', async () => {
    const { result, broken } = runtime.runAnswerProgram('no-such-render', 'answer = 1');
    expect(broken).toBe(true);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('crashed');
  });
});
