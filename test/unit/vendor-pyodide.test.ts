// `npm run vendor:pyodide` against a local stand-in for the CDN serving small fake wheels whose
// sha256 values are recorded in test/fixtures/vendor/pyodide-lock.json.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkVendor, vendorPyodide } from '../../scripts/vendor-pyodide/vendor.mjs';
import type { VendorOptions } from '../../scripts/vendor-pyodide/vendor.mjs';
import { computeClosure, readLock } from '../../scripts/vendor-pyodide/lock.mjs';
import { startWheelServer } from '../fixtures/vendor/wheel-server.ts';
import type { WheelServer } from '../fixtures/vendor/wheel-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/vendor');
const WHEELS = join(FIXTURES, 'wheels');
const LOCK = join(FIXTURES, 'pyodide-lock.json');
const PIN = '314.0.7';
const CLOSURE = [
  'numpy-0.0.1-cp314-cp314-pyemscripten_2026_0_wasm32.whl',
  'matplotlib-0.0.2-cp314-cp314-pyemscripten_2026_0_wasm32.whl',
  'cycler-0.0.3-py3-none-any.whl',
  'six-0.0.4-py2.py3-none-any.whl',
];
const MATPLOTLIB = CLOSURE[1] as string;

let server: WheelServer;
let outDir: string;

beforeAll(async () => {
  server = await startWheelServer(WHEELS);
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'vendor-pyodide-'));
  server.reset();
});
afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

function options(overrides: Partial<VendorOptions> = {}): VendorOptions {
  return {
    lockPath: LOCK,
    pinnedVersion: PIN,
    installedVersion: PIN,
    baseUrl: server.baseUrl,
    outDir,
    now: new Date('2026-01-02T03:04:05Z'),
    ...overrides,
  };
}

const wheelGets = () => server.requests.filter((line) => line.startsWith('GET '));

describe('dependency closure', () => {
  it('follows depends transitively and reports unknown names', async () => {
    const lock = await readLock(LOCK);
    expect(computeClosure(lock, ['matplotlib'])).toEqual({
      names: ['matplotlib', 'numpy', 'cycler', 'six'],
      unknown: [],
    });
    expect(computeClosure(lock, ['numpy', 'nosuch']).unknown).toEqual(['nosuch']);
  });

  it('gives the 12 wheels of numpy + matplotlib for the real 314.0.7 lock', async () => {
    const lock = await readLock(join(ROOT, 'node_modules/pyodide/pyodide-lock.json'));
    const { names } = computeClosure(lock, ['numpy', 'matplotlib']);
    expect(names).toHaveLength(12);
    expect(names).toEqual(expect.arrayContaining(['contourpy', 'pillow', 'kiwisolver', 'six']));
  });
});

describe('vendorPyodide', () => {
  it('accepts matching files and writes the wheels, a trimmed lock and a manifest', async () => {
    const result = await vendorPyodide(options());
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect([...result.fetched].sort()).toEqual([...CLOSURE].sort());
    expect((await readdir(outDir)).sort()).toEqual(
      [...CLOSURE, 'manifest.json', 'pyodide-lock.json'].sort(),
    );

    const trimmed = JSON.parse(await readFile(join(outDir, 'pyodide-lock.json'), 'utf8'));
    const full = JSON.parse(await readFile(LOCK, 'utf8'));
    expect(Object.keys(trimmed.packages).sort()).toEqual(['cycler', 'matplotlib', 'numpy', 'six']);
    expect(trimmed.info).toEqual(full.info);
    expect(trimmed.packages.six).toEqual(full.packages.six);

    const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'));
    expect(manifest.pyodideVersion).toBe(PIN);
    expect(manifest.createdAt).toBe('2026-01-02T03:04:05.000Z');
    const six = manifest.files.find((file: { name: string }) => file.name === CLOSURE[3]);
    expect(six).toEqual({
      name: CLOSURE[3],
      package: 'six',
      version: '0.0.4',
      sha256: full.packages.six.sha256,
      size: (await readFile(join(WHEELS, CLOSURE[3] as string))).length,
    });
  });

  it('adds optional packages with `packages`', async () => {
    const result = await vendorPyodide(options({ packages: ['numpy', 'matplotlib', 'scipy'] }));
    expect(result.ok).toBe(true);
    expect(result.manifest?.files.map((file) => file.package)).toContain('scipy');
    expect(result.manifest?.files.map((file) => file.package)).not.toContain('pandas');
  });

  it('refuses a corrupted download, names it and deletes it', async () => {
    server.override(MATPLOTLIB, Buffer.from('tampered bytes'));
    const result = await vendorPyodide(options());
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ kind: 'mismatch', file: MATPLOTLIB });
    expect(result.problems[0]?.message).toContain(MATPLOTLIB);
    expect(existsSync(join(outDir, MATPLOTLIB))).toBe(false);
    expect(existsSync(join(outDir, `${MATPLOTLIB}.part`))).toBe(false);
    expect(existsSync(join(outDir, 'manifest.json'))).toBe(false);
    // The good wheels stay, so the next run only fetches the refused one.
    expect(existsSync(join(outDir, CLOSURE[0] as string))).toBe(true);
  });

  it('reports a missing file (404) by name', async () => {
    const missing = CLOSURE[2] as string;
    server.override(missing, null);
    const result = await vendorPyodide(options());
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        kind: 'missing',
        file: missing,
        message: expect.stringContaining('404'),
      }),
    ]);
  });

  it('downloads nothing on a second run and keeps the manifest unchanged', async () => {
    expect((await vendorPyodide(options())).ok).toBe(true);
    const manifestBefore = await readFile(join(outDir, 'manifest.json'), 'utf8');
    server.requests.length = 0;
    const second = await vendorPyodide(options({ now: new Date('2027-01-01T00:00:00Z') }));
    expect(second.ok).toBe(true);
    expect(second.fetched).toEqual([]);
    expect(second.reused.sort()).toEqual([...CLOSURE].sort());
    expect(wheelGets()).toEqual([]);
    expect(await readFile(join(outDir, 'manifest.json'), 'utf8')).toBe(manifestBefore);
  });

  it('replaces a stale local copy instead of trusting it', async () => {
    expect((await vendorPyodide(options())).ok).toBe(true);
    await writeFile(join(outDir, CLOSURE[0] as string), 'stale');
    server.requests.length = 0;
    const again = await vendorPyodide(options());
    expect(again.ok).toBe(true);
    expect(again.fetched).toEqual([CLOSURE[0]]);
  });

  it('copies from a local release folder with fromDir', async () => {
    const result = await vendorPyodide(options({ baseUrl: undefined, fromDir: WHEELS }));
    expect(result.ok).toBe(true);
    expect(wheelGets()).toEqual([]);
    expect(result.manifest?.files).toHaveLength(CLOSURE.length);
  });

  it('fails with what to do when the source is unreachable', async () => {
    const result = await vendorPyodide(options({ baseUrl: 'http://127.0.0.1:9/' }));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'unreachable' })]);
    expect(result.hint).toContain('--from-dir');
    expect(result.hint).toContain('internet');
  });

  it('refuses a lock from another release before downloading anything', async () => {
    for (const lock of ['pyodide-lock-abi-2025.json', 'pyodide-lock-recorded-0.29.json']) {
      const result = await vendorPyodide(options({ lockPath: join(FIXTURES, lock) }));
      expect(result.ok).toBe(false);
      expect(result.problems[0]?.kind).toBe('version');
      expect(result.problems[0]?.message).toContain('re-vendoring');
    }
    expect(server.requests).toEqual([]);
  });

  it('refuses an installed pyodide that differs from the pin, and a caret pin', async () => {
    const installed = await vendorPyodide(options({ installedVersion: '314.0.8' }));
    expect(installed.problems[0]?.message).toContain('314.0.8');
    const caret = await vendorPyodide(options({ pinnedVersion: '^314.0.7' }));
    expect(caret.problems[0]?.message).toContain('exact version');
    expect(server.requests).toEqual([]);
  });
});

describe('checkVendor', () => {
  it('passes a fresh vendor folder and detects a tampered file without downloading', async () => {
    expect((await vendorPyodide(options())).ok).toBe(true);
    const check = { lockPath: LOCK, pinnedVersion: PIN, installedVersion: PIN, outDir };
    expect(await checkVendor(check)).toMatchObject({ ok: true, problems: [] });

    await writeFile(join(outDir, CLOSURE[3] as string), 'tampered');
    server.requests.length = 0;
    const tampered = await checkVendor(check);
    expect(tampered.ok).toBe(false);
    expect(tampered.problems).toEqual([
      expect.objectContaining({ kind: 'mismatch', file: CLOSURE[3] }),
    ]);
    expect(server.requests).toEqual([]);
    // --check reports; it does not delete.
    expect(existsSync(join(outDir, CLOSURE[3] as string))).toBe(true);
  });

  it('reports a missing wheel and a missing manifest by name', async () => {
    const empty = await checkVendor({ lockPath: LOCK, pinnedVersion: PIN, outDir });
    expect(empty.problems[0]).toMatchObject({ kind: 'missing', file: 'manifest.json' });

    expect((await vendorPyodide(options())).ok).toBe(true);
    await rm(join(outDir, CLOSURE[2] as string));
    const gone = await checkVendor({ lockPath: LOCK, pinnedVersion: PIN, outDir });
    expect(gone.problems).toEqual([expect.objectContaining({ kind: 'missing', file: CLOSURE[2] })]);
  });
});

describe('the CLI', () => {
  const cli = join(ROOT, 'scripts/vendor-pyodide.mjs');
  // Asynchronous on purpose: the stand-in server lives in this process and must keep answering.
  const run = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ status: number; stdout: string; stderr: string }>((done) => {
      const options = { encoding: 'utf8' as const, env: { ...process.env, ...env } };
      execFile(process.execPath, [cli, ...args], options, (error, stdout, stderr) => {
        const status = error ? Number((error as { code?: unknown }).code ?? -1) : 0;
        done({ status, stdout, stderr });
      });
    });

  it('exits 0 after vendoring, 0 on --check, 1 on a tampered file', async () => {
    const target = join(outDir, 'vendor');
    const ok = await run(['--lock', LOCK, '--out', target], {
      PYODIDE_WHEEL_BASE_URL: server.baseUrl,
    });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('4 wheels');
    expect((await run(['--check', '--lock', LOCK, '--out', target])).status).toBe(0);
    await writeFile(join(target, CLOSURE[0] as string), 'tampered');
    const bad = await run(['--check', '--lock', LOCK, '--out', target]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(CLOSURE[0]);
  });

  it('exits 1 naming the remedy when the wheel source is unreachable', async () => {
    const copy = join(outDir, 'wheels');
    await cp(WHEELS, copy, { recursive: true });
    const result = await run([
      '--lock',
      LOCK,
      '--out',
      join(outDir, 'v'),
      '--base-url',
      'http://127.0.0.1:9/',
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--from-dir');
    expect(existsSync(join(outDir, 'v'))).toBe(false);
    const fromDir = await run(['--lock', LOCK, '--out', join(outDir, 'v'), '--from-dir', copy]);
    expect(fromDir.status).toBe(0);
  });
});
