// The official runtime's package path, with no network: the pinned Pyodide core from npm loads
// a wheel named by a custom lock, (a) from a stand-in server given as packageBaseUrl (the CDN
// path) and (b) from a folder filled by vendorPyodide (the vendored path). The wheel is a tiny
// pure-Python one built here; real vendored wheels take the same code path.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadPyodide } from 'pyodide';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendorPyodide } from '../../scripts/vendor-pyodide/vendor.mjs';
import { buildWheel } from '../fixtures/vendor/build-wheel.ts';
import { startWheelServer } from '../fixtures/vendor/wheel-server.ts';
import type { WheelServer } from '../fixtures/vendor/wheel-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
// Under vitest Pyodide cannot find its own folder (source maps confuse it): pass it explicitly.
const INDEX_URL = join(ROOT, 'node_modules/pyodide/');
const PIN = '314.0.7';

const probe = buildWheel('cit-probe', '1.0.0', 'def answer():\n    return 6 * 7\n');
// Same bytes, recorded under a wrong sha256: shows that Node does not check integrity.
const unchecked = buildWheel('cit-unchecked', '1.0.0', 'VALUE = "loaded"\n');

function lockEntry(
  name: string,
  wheel: { fileName: string; sha256: string },
  sha256 = wheel.sha256,
) {
  return {
    name,
    version: '1.0.0',
    file_name: wheel.fileName,
    sha256,
    depends: [],
    imports: [name.replace(/-/g, '_')],
    install_dir: 'site',
    package_type: 'package',
    unvendored_tests: false,
    tool: {},
  };
}

let server: WheelServer;
let work: string;
let realInfo: unknown;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'official-mechanics-'));
  await writeFile(join(work, probe.fileName), probe.bytes);
  await writeFile(join(work, unchecked.fileName), unchecked.bytes);
  server = await startWheelServer(work);
  realInfo = JSON.parse(await readFile(join(INDEX_URL, 'pyodide-lock.json'), 'utf8')).info;
});

afterAll(async () => {
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

describe('official Pyodide loading wheels through a custom lock', () => {
  it('loads a wheel from packageBaseUrl (the CDN path) and runs it', async () => {
    const lock = {
      info: realInfo,
      packages: {
        'cit-probe': lockEntry('cit-probe', probe),
        'cit-unchecked': lockEntry('cit-unchecked', unchecked, '0'.repeat(64)),
      },
    };
    const cacheDir = await mkdtemp(join(tmpdir(), 'official-mechanics-cache-'));
    const messages: string[] = [];
    const pyodide = await loadPyodide({
      indexURL: INDEX_URL,
      lockFileContents: JSON.stringify(lock),
      packageBaseUrl: server.baseUrl,
      packageCacheDir: cacheDir,
      stdout: (line) => messages.push(line),
      stderr: (line) => messages.push(line),
    });
    expect(pyodide.version).toBe(PIN);

    await pyodide.loadPackage('cit-probe', { messageCallback: (m) => messages.push(m) });
    expect(pyodide.runPython('import cit_probe; cit_probe.answer()')).toBe(42);
    expect(server.requests).toContain(`GET /${probe.fileName}`);
    const version = pyodide.runPython(
      'from importlib.metadata import version; version("cit-probe")',
    );
    expect(version).toBe('1.0.0');

    // Node installs a wheel whose sha256 does not match its lock entry; browsers refuse it.
    // This is why `npm run vendor:pyodide` verifies every hash itself.
    await pyodide.loadPackage('cit-unchecked', { messageCallback: (m) => messages.push(m) });
    expect(pyodide.runPython('import cit_unchecked; cit_unchecked.VALUE')).toBe('loaded');
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('loads a wheel from a folder written by vendorPyodide, with no server involved', async () => {
    const sourceLock = join(work, 'source-lock.json');
    const lock = { info: realInfo, packages: { 'cit-probe': lockEntry('cit-probe', probe) } };
    await writeFile(sourceLock, JSON.stringify(lock));
    const outDir = join(work, 'vendor');
    const vendored = await vendorPyodide({
      lockPath: sourceLock,
      pinnedVersion: PIN,
      installedVersion: PIN,
      packages: ['cit-probe'],
      baseUrl: server.baseUrl,
      outDir,
    });
    expect(vendored.problems).toEqual([]);

    server.reset();
    const pyodide = await loadPyodide({
      indexURL: INDEX_URL,
      lockFileURL: join(outDir, 'pyodide-lock.json'),
      packageCacheDir: outDir,
    });
    await pyodide.loadPackage('cit-probe', { messageCallback: () => {} });
    expect(pyodide.runPython('import cit_probe; cit_probe.answer()')).toBe(42);
    expect(server.requests).toEqual([]);
  });
});
