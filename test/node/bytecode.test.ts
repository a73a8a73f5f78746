// The bytecode harvest and feed on the official Pyodide core in Node. The core (Python 3.14)
// already ships compiled stdlib modules, so the mechanics are tested on modules of our own in a
// folder that plays the library folder; the boot path is tested with a stub cit_render.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  allowBytecodeWrites,
  findBytecodeMismatch,
  harvestBytecode,
  readRuntimeLayout,
  restoreBytecodeWrites,
  writeBytecode,
} from '../../workers/python/bytecode.ts';
import type { RuntimeLayout } from '../../workers/python/bytecode.ts';
import type { Bytecode, RuntimeSource } from '../../workers/python/protocol.ts';
import type { PyodideLike } from '../../workers/python/pyodide-types.ts';
import { PythonRuntime } from '../../workers/python/python-runtime.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const STUB = readFileSync(path.join(import.meta.dirname, 'fixtures/stub_cit_render.py'), 'utf8');
const LIB = '/tmp/fakelib/';
const SOURCE: RuntimeSource = {
  distribution: 'offline-0.17',
  indexURL: 'http://127.0.0.1/pyodide-0.17/',
  lockFileURL: null,
  packageBaseUrl: null,
  note: null,
};

const load = async () =>
  (await loadPyodide({
    indexURL: path.join(ROOT, 'node_modules/pyodide'),
  })) as unknown as PyodideLike;

/** Writes text files with Python (the same way on every runtime). */
function writeSources(pyodide: PyodideLike, files: Record<string, string>): void {
  pyodide.runPython(
    [
      'import importlib, json, os',
      `for _p, _s in json.loads(${JSON.stringify(JSON.stringify(files))}).items():`,
      '    os.makedirs(os.path.dirname(_p), exist_ok=True)',
      '    open(_p, "w").write(_s)',
      'importlib.invalidate_caches()',
    ].join('\n'),
  );
}

const run = (pyodide: PyodideLike, code: string) => pyodide.runPython(code);

describe('bytecode harvest and feed (official core in Node)', () => {
  let pyodide: PyodideLike;
  let layout: RuntimeLayout;
  let harvest: Bytecode | null;

  beforeAll(async () => {
    pyodide = await load();
    const real = readRuntimeLayout(pyodide);
    layout = { prefix: LIB, magic: real.magic };
    writeSources(pyodide, {
      [`${LIB}bcmod.py`]: 'VALUE = "compiled"\n',
      [`${LIB}bcpkg/__init__.py`]: 'from .inner import INNER\n',
      [`${LIB}bcpkg/inner.py`]: 'INNER = 7\n',
      [`${LIB}cit_secret.py`]: 'SECRET = 1\n',
      '/tmp/elsewhere/outside.py': 'OUT = 1\n',
    });
    run(pyodide, `import sys\nsys.path[:0] = ["${LIB}", "/tmp/elsewhere"]`);
    const before = allowBytecodeWrites(pyodide);
    run(pyodide, 'import bcmod, bcpkg, cit_secret, outside');
    restoreBytecodeWrites(pyodide, before);
    harvest = harvestBytecode(pyodide, layout);
  }, 60_000);

  it('reads the library folder from sysconfig, normalized', () => {
    const real = readRuntimeLayout(pyodide);
    expect(real.prefix).toMatch(/^\/lib\/python3\.\d+\/$/);
    expect(real.magic).toMatch(/^[0-9a-f]{4}0d0a$/);
  });

  it('collects pycs of library modules only, as unchecked hash-based pycs', () => {
    if (!harvest) throw new Error('expected a harvest');
    const names = Object.keys(harvest.files).map((file) => file.slice(LIB.length));
    expect(names.sort()).toEqual([
      expect.stringMatching(/^__pycache__\/bcmod\.cpython-\d+\.pyc$/),
      expect.stringMatching(/^bcpkg\/__pycache__\/__init__\.cpython-\d+\.pyc$/),
      expect.stringMatching(/^bcpkg\/__pycache__\/inner\.cpython-\d+\.pyc$/),
    ]);
    for (const bytes of Object.values(harvest.files)) {
      expect(bytes.byteOffset).toBe(0);
      expect(bytes.buffer.byteLength).toBe(bytes.length);
      expect(bytes[4]).toBe(1); // flags: hash-based, source not checked
    }
    expect(findBytecodeMismatch(harvest, layout)).toBeNull();
    const file = Object.keys(harvest.files).find((name) => name.includes('bcmod'));
    const header = harvest.files[file ?? ''] ?? new Uint8Array();
    const expected = run(
      pyodide,
      `import importlib.util\nimportlib.util.source_hash(open("${LIB}bcmod.py", "rb").read()).hex()`,
    );
    expect(Buffer.from(header.subarray(8, 16)).toString('hex')).toBe(expected);
  });

  it('imports a fed pyc without checking its source (the source changed, the pyc wins)', () => {
    if (!harvest) throw new Error('expected a harvest');
    run(
      pyodide,
      [
        'import shutil, sys',
        `shutil.rmtree("${LIB}__pycache__")`,
        `open("${LIB}bcmod.py", "w").write('VALUE = "source"\\n')`,
        'del sys.modules["bcmod"]',
      ].join('\n'),
    );
    const outcome = writeBytecode(pyodide, harvest, layout);
    expect(outcome).toEqual({ written: 3 });
    expect(run(pyodide, 'import bcmod\nbcmod.VALUE')).toBe('compiled');
    // Without the pyc the same import reads the source: the pyc above was really used.
    run(
      pyodide,
      `import shutil, sys\nshutil.rmtree("${LIB}__pycache__")\ndel sys.modules["bcmod"]`,
    );
    expect(run(pyodide, 'import bcmod\nbcmod.VALUE')).toBe('source');
  });

  it('writes nothing when any file does not fit the runtime', () => {
    if (!harvest) throw new Error('expected a harvest');
    const [first] = Object.values(harvest.files);
    if (!first) throw new Error('expected a file');
    const wrongMagic = first.slice();
    wrongMagic[0] = (wrongMagic[0] ?? 0) ^ 0xff;
    const checkedSource = first.slice();
    checkedSource[4] = 3;
    const cases: Record<string, Uint8Array>[] = [
      { '/tmp/elsewhere/__pycache__/outside.cpython-314.pyc': first },
      { [`${LIB}__pycache__/../../evil/__pycache__/x.pyc`]: first },
      { [`${LIB}__pycache__/x.py`]: first },
      { [`${LIB}x.pyc`]: first },
      { [`${LIB}__pycache__/x.pyc`]: wrongMagic },
      { [`${LIB}__pycache__/x.pyc`]: checkedSource },
      { [`${LIB}__pycache__/x.pyc`]: first.subarray(0, 10) },
    ];
    for (const files of cases) {
      const bad = { ...harvest, files: { [`${LIB}__pycache__/ok.pyc`]: first, ...files } };
      expect(writeBytecode(pyodide, bad, layout)).toHaveProperty('rejected');
      expect(run(pyodide, `import os\nos.path.exists("${LIB}__pycache__/ok.pyc")`)).toBe(false);
    }
    expect(writeBytecode(pyodide, { ...harvest, prefix: '/lib/' }, layout)).toHaveProperty(
      'rejected',
    );
    expect(writeBytecode(pyodide, { ...harvest, magic: '00000d0a' }, layout)).toHaveProperty(
      'rejected',
    );
  });
});

describe('PythonRuntime boot with bytecode', () => {
  it('writes the provided bytecode before the boot imports anything', async () => {
    const pyodide = await load();
    const real = readRuntimeLayout(pyodide);
    const fed = `${real.prefix}site-packages/bcfed.py`;
    // A pyc compiled from one source, fed to a runtime whose file holds another source.
    writeSources(pyodide, { [fed]: 'VALUE = "from pyc"\n' });
    run(
      pyodide,
      [
        'import importlib.util, sys',
        `sys.path.insert(0, "${real.prefix}site-packages")`,
        'sys.dont_write_bytecode = False',
        'import bcfed',
        'sys.dont_write_bytecode = True',
      ].join('\n'),
    );
    const layout = { prefix: real.prefix, magic: real.magic };
    const bytecode = harvestBytecode(pyodide, layout);
    if (!bytecode) throw new Error('expected a harvest');
    const files = Object.fromEntries(
      Object.entries(bytecode.files).filter(([name]) => name.includes('bcfed')),
    );
    expect(Object.keys(files)).toHaveLength(1);
    run(
      pyodide,
      `import shutil, sys\nshutil.rmtree("${real.prefix}site-packages/__pycache__")\ndel sys.modules["bcfed"]`,
    );
    writeSources(pyodide, { [fed]: 'VALUE = "from source"\n' });
    const stubbed = Object.create(pyodide as object) as PyodideLike;
    stubbed.loadPackage = async () => undefined;
    const runtime = new PythonRuntime(async () => stubbed, { 'cit_render.py': STUB });
    await runtime.boot(SOURCE, () => undefined, {
      bytecode: { ...bytecode, files },
      harvest: true,
    });
    expect(runtime.bytecodeUse).toBe('fed');
    expect(runtime.takeHarvest()).toBeNull(); // a fed worker does not harvest
    expect(run(pyodide, 'import bcfed\nbcfed.VALUE')).toBe('from pyc');
  }, 60_000);

  it('boots without bytecode when the provided files do not fit, and never harvests on the official runtime', async () => {
    const pyodide = await load();
    const stubbed = Object.create(pyodide as object) as PyodideLike;
    stubbed.loadPackage = async () => undefined;
    const runtime = new PythonRuntime(async () => stubbed, { 'cit_render.py': STUB });
    const bad = {
      prefix: '/etc/',
      magic: '00000d0a',
      files: { '/etc/passwd': new Uint8Array(20) },
    };
    await runtime.boot(SOURCE, () => undefined, { bytecode: bad, harvest: false });
    expect(runtime.bytecodeUse).toBe('none');
    expect(run(pyodide, 'import os\nos.path.exists("/etc/passwd")')).toBe(false);
    const official = new PythonRuntime(async () => stubbed, { 'cit_render.py': STUB });
    await official.boot({ ...SOURCE, distribution: 'official-vendored' }, () => undefined, {
      bytecode: null,
      harvest: true,
    });
    expect(official.takeHarvest()).toBeNull();
    expect(run(pyodide, 'import sys\nsys.dont_write_bytecode')).toBe(true);
  }, 60_000);
});
