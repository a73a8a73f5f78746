// Choosing the runtime source with a fake fetch, and the generated file lists against the
// installed npm packages (so they cannot drift from what the build serves).
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWheelServer } from '../fixtures/vendor/wheel-server.ts';
import {
  OFFICIAL_CDN_URL,
  OFFICIAL_CORE_FILES,
  OFFICIAL_OPTIONAL_WHEELS,
  OFFICIAL_WHEELS,
  OFFLINE_017_CORE_FILES,
  OFFLINE_017_OPTIONAL_FILES,
  OFFLINE_017_PACKAGE_FILES,
  PYODIDE_VERSION,
  chooseRuntimeSource,
} from '../../src/python/runtime-source/index.ts';
import type { FetchLike } from '../../src/python/runtime-source/index.ts';
import {
  OFFICIAL_LOCK_PATH,
  OFFLINE_017_DIR,
  deriveOfficialFiles,
  deriveOffline017Files,
} from '../../scripts/vendor-pyodide/runtime-files.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const BASE = 'https://app.example/studio/';
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

type Route = { status: number; body?: unknown } | 'network-error' | 'hang' | 'html';

/** A fetch that answers from a table of URLs and records calls; unknown URLs are 404. */
function fakeFetch(routes: Record<string, Route>) {
  const calls: { url: string; method: string; signal: AbortSignal }[] = [];
  const fetchLike: FetchLike = (url, init) => {
    calls.push({ url, method: init.method, signal: init.signal });
    const route = routes[url] ?? { status: 404 };
    if (route === 'network-error') return Promise.reject(new TypeError('Failed to fetch'));
    if (route === 'html') {
      // A dev server's SPA fallback answers unknown paths with index.html and status 200.
      const json = async () => JSON.parse('<!doctype html>') as unknown;
      return Promise.resolve({ ok: true, status: 200, json });
    }
    if (route === 'hang') {
      return new Promise((_, reject) => {
        init.signal.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      });
    }
    return Promise.resolve({
      ok: route.status >= 200 && route.status < 300,
      status: route.status,
      json: async () => route.body,
    });
  };
  return { fetchLike, calls };
}

const MANIFEST_URL = `${BASE}pyodide/manifest.json`;
const CDN_PROBE = `${OFFICIAL_CDN_URL}${OFFICIAL_WHEELS.find((w) => w.startsWith('matplotlib-'))}`;
const manifest = (wheels: readonly string[], version = PYODIDE_VERSION) => ({
  pyodideVersion: version,
  packages: ['numpy', 'matplotlib'],
  files: wheels.map((name) => ({ name, sha256: 'x', size: 1 })),
});

describe('chooseRuntimeSource', () => {
  it('uses the vendored wheels when the manifest on the own origin lists them', async () => {
    const { fetchLike, calls } = fakeFetch({
      [MANIFEST_URL]: { status: 200, body: manifest(OFFICIAL_WHEELS) },
    });
    const source = await chooseRuntimeSource({ fetch: fetchLike, baseUrl: BASE });
    expect(source.distribution).toBe('official-vendored');
    expect(source.indexURL).toBe(`${BASE}pyodide/`);
    expect(source.packageBaseUrl).toBe(`${BASE}pyodide/`);
    expect(source.lockFileURL).toBe(`${BASE}pyodide/pyodide-lock.json`);
    expect(source.note).toBeNull();
    expect(source.files).toContain(`${BASE}pyodide/pyodide.asm.wasm`);
    expect(source.files).toContain(`${BASE}pyodide/${OFFICIAL_WHEELS[0]}`);
    expect(source.files).toHaveLength(OFFICIAL_CORE_FILES.length + OFFICIAL_WHEELS.length);
    expect(source.files.every((url) => url.startsWith(BASE))).toBe(true);
    // Optional packages that were not vendored stay unavailable (no silent CDN use).
    expect(source.onDemand).toEqual({});
    expect(calls.map((call) => call.url)).toEqual([MANIFEST_URL]);
  });

  it('offers vendored optional packages on demand', async () => {
    const scipy = OFFICIAL_OPTIONAL_WHEELS.scipy ?? [];
    const { fetchLike } = fakeFetch({
      [MANIFEST_URL]: { status: 200, body: manifest([...OFFICIAL_WHEELS, ...scipy]) },
    });
    const source = await chooseRuntimeSource({ fetch: fetchLike, baseUrl: BASE });
    expect(source.onDemand.scipy).toEqual(scipy.map((name) => `${BASE}pyodide/${name}`));
    expect(source.files).toHaveLength(OFFICIAL_CORE_FILES.length + OFFICIAL_WHEELS.length);
  });

  it('ignores a manifest for another release, with missing wheels, or an HTML fallback', async () => {
    const bodies: Route[] = [
      { status: 200, body: manifest(OFFICIAL_WHEELS, '0.29.5') },
      { status: 200, body: manifest(OFFICIAL_WHEELS.slice(1)) },
      { status: 200, body: { pyodideVersion: PYODIDE_VERSION, files: [{ name: '../x.whl' }] } },
      'html',
    ];
    for (const route of bodies) {
      const { fetchLike } = fakeFetch({
        [MANIFEST_URL]: route,
        [CDN_PROBE]: { status: 200 },
      });
      const source = await chooseRuntimeSource({ fetch: fetchLike, baseUrl: BASE });
      expect(source.distribution).toBe('official-cdn');
      expect(source.diagnostics[0]).toMatch(/vendored wheels not used/);
    }
  });

  it('uses the official CDN for the wheels when nothing is vendored and the CDN answers', async () => {
    const { fetchLike, calls } = fakeFetch({ [CDN_PROBE]: { status: 200 } });
    const source = await chooseRuntimeSource({ fetch: fetchLike, baseUrl: BASE });
    expect(source.distribution).toBe('official-cdn');
    expect(source.indexURL).toBe(`${BASE}pyodide/`);
    expect(source.packageBaseUrl).toBe(
      `https://cdn.jsdelivr.net/pyodide/v${PYODIDE_VERSION}/full/`,
    );
    expect(source.files).toContain(`${OFFICIAL_CDN_URL}${OFFICIAL_WHEELS[1]}`);
    expect(source.files).toContain(`${BASE}pyodide/python_stdlib.zip`);
    expect(source.onDemand.networkx).toHaveLength(OFFICIAL_OPTIONAL_WHEELS.networkx?.length ?? -1);
    expect(source.note).toMatch(/CDN/);
    expect(calls.find((call) => call.url === CDN_PROBE)?.method).toBe('HEAD');
  });

  it('falls back to the offline 0.17 bundle, with its note, when both fail', async () => {
    const { fetchLike } = fakeFetch({
      [MANIFEST_URL]: { status: 404 },
      [CDN_PROBE]: 'network-error',
    });
    const source = await chooseRuntimeSource({ fetch: fetchLike, baseUrl: BASE });
    expect(source.distribution).toBe('offline-0.17');
    expect(source.indexURL).toBe(`${BASE}pyodide-0.17/`);
    expect(source.lockFileURL).toBe(`${BASE}pyodide-0.17/packages.json`);
    expect(source.files).toContain(`${BASE}pyodide-0.17/pyodide.asm.data`);
    expect(source.files).toContain(`${BASE}pyodide-0.17/matplotlib.data`);
    expect(source.onDemand.scipy).toContain(`${BASE}pyodide-0.17/CLAPACK.data`);
    for (const fact of [
      'unofficial',
      'Python 3.8',
      'numpy 1.17',
      'matplotlib 3.3.3',
      'Python 3.14',
    ]) {
      expect(source.note).toContain(fact);
    }
    expect(source.note).toContain(PYODIDE_VERSION);
    expect(source.diagnostics).toHaveLength(2);
  });

  it('never contacts the CDN when offline is preferred', async () => {
    const { fetchLike, calls } = fakeFetch({ [CDN_PROBE]: { status: 200 } });
    const source = await chooseRuntimeSource({
      fetch: fetchLike,
      baseUrl: BASE,
      preferOffline: true,
    });
    expect(source.distribution).toBe('offline-0.17');
    expect(calls.map((call) => call.url)).toEqual([MANIFEST_URL]);
  });

  it('gives up on probes that hang, aborting them at the deadline', async () => {
    const { fetchLike, calls } = fakeFetch({ [MANIFEST_URL]: 'hang', [CDN_PROBE]: 'hang' });
    const source = await chooseRuntimeSource({
      fetch: fetchLike,
      baseUrl: BASE,
      probeTimeoutMs: 20,
    });
    expect(source.distribution).toBe('offline-0.17');
    expect(calls).toHaveLength(2);
    expect(calls.every((call) => call.signal.aborted)).toBe(true);
    expect(source.diagnostics.join(' ')).toContain('no answer within 20 ms');
  });

  it('gives up even when the fetch ignores its AbortSignal', async () => {
    const ignoring: FetchLike = () => new Promise(() => {});
    const source = await chooseRuntimeSource({
      fetch: ignoring,
      baseUrl: BASE,
      probeTimeoutMs: 20,
    });
    expect(source.distribution).toBe('offline-0.17');
  });
});

describe('chooseRuntimeSource with the real fetch', () => {
  it('finds a served manifest, and probes a CDN stand-in with HEAD', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'runtime-source-'));
    const server = await startWheelServer(dir);
    try {
      // The stand-in serves files by name, so it plays the app origin and the CDN at once.
      const cdnUrl = `${server.baseUrl}cdn/`;
      const viaCdn = await chooseRuntimeSource({ fetch, baseUrl: server.baseUrl, cdnUrl });
      expect(viaCdn.distribution).toBe('offline-0.17'); // the probed wheel is not there yet

      await writeFile(join(dir, OFFICIAL_WHEELS[1] as string), 'x');
      const cdn = await chooseRuntimeSource({ fetch, baseUrl: server.baseUrl, cdnUrl });
      expect(cdn.distribution).toBe('official-cdn');
      expect(server.requests).toContain(`HEAD /${OFFICIAL_WHEELS[1]}`);

      await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest(OFFICIAL_WHEELS)));
      const vendored = await chooseRuntimeSource({ fetch, baseUrl: server.baseUrl, cdnUrl });
      expect(vendored.distribution).toBe('official-vendored');
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('runtime file lists', () => {
  it('pins the same Pyodide version as package.json and the installed package', () => {
    expect(readJson(join(ROOT, 'package.json')).dependencies.pyodide).toBe(PYODIDE_VERSION);
    expect(readJson(join(ROOT, 'node_modules/pyodide/package.json')).version).toBe(PYODIDE_VERSION);
  });

  it('matches the official lock (re-run scripts/vendor-pyodide/runtime-files.mjs on drift)', () => {
    const derived = deriveOfficialFiles(readJson(OFFICIAL_LOCK_PATH));
    expect(OFFICIAL_WHEELS).toEqual(derived.wheels);
    expect(OFFICIAL_OPTIONAL_WHEELS).toEqual(derived.optional);
    expect(OFFICIAL_WHEELS).toHaveLength(12);
  });

  it('matches the 0.17 packages.json (re-run scripts/vendor-pyodide/runtime-files.mjs on drift)', () => {
    const derived = deriveOffline017Files(readJson(join(OFFLINE_017_DIR, 'packages.json')));
    expect(OFFLINE_017_PACKAGE_FILES).toEqual(derived.packages);
    expect(OFFLINE_017_OPTIONAL_FILES).toEqual(derived.optional);
  });

  it('names only files that the installed packages contain', () => {
    for (const name of OFFICIAL_CORE_FILES) {
      expect(existsSync(join(ROOT, 'node_modules/pyodide', name)), name).toBe(true);
    }
    const legacy = [
      ...OFFLINE_017_CORE_FILES,
      ...OFFLINE_017_PACKAGE_FILES,
      ...Object.values(OFFLINE_017_OPTIONAL_FILES).flat(),
    ];
    for (const name of legacy) expect(existsSync(join(OFFLINE_017_DIR, name)), name).toBe(true);
  });
});
