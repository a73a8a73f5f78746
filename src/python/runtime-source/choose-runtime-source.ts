// Picks where the Python runtime comes from, in the order of ARCHITECTURE.md "The Python
// runtime": (1) official Pyodide with wheels vendored on the app's own origin, (2) official
// Pyodide with wheels from the official CDN, (3) the legacy offline 0.17 bundle.
// Pure apart from the injected fetch: no DOM globals, so it runs in a page, a worker or Node.
import type { RuntimeDistribution } from '../../../workers/python/api.ts';
import { probeUrl } from './probe.ts';
import type { FetchLike } from './probe.ts';
import {
  OFFICIAL_CDN_NOTE,
  OFFICIAL_CDN_URL,
  OFFICIAL_CORE_FILES,
  OFFICIAL_DIR,
  OFFLINE_017_CORE_FILES,
  OFFLINE_017_DIR,
  OFFLINE_017_NOTE,
  PYODIDE_VERSION,
  VENDOR_MANIFEST,
} from './runtime-constants.ts';
import {
  OFFICIAL_OPTIONAL_WHEELS,
  OFFICIAL_WHEELS,
  OFFLINE_017_OPTIONAL_FILES,
  OFFLINE_017_PACKAGE_FILES,
} from './runtime-files.ts';

export interface ChooseRuntimeSourceOptions {
  fetch: FetchLike;
  /** The app's base URL (absolute, e.g. `new URL('./', location.href).href`). */
  baseUrl: string;
  /** Never contact the CDN: use vendored wheels if present, else the offline bundle. */
  preferOffline?: boolean;
  /** Deadline of each probe (vendor manifest, CDN), in ms. */
  probeTimeoutMs?: number;
  /** Official CDN folder (overridable for tests and mirrors). */
  cdnUrl?: string;
}

export interface RuntimeSource {
  distribution: Exclude<RuntimeDistribution, 'native'>;
  /** Folder of the runtime's core files (pass to `loadPyodide({ indexURL })`). */
  indexURL: string;
  /** Folder the packages are loaded from. */
  packageBaseUrl: string;
  /** Lock file (official) or packages.json (0.17). */
  lockFileURL: string;
  /** Absolute URLs of the runtime files the page must fetch and feed to the sandbox. */
  files: string[];
  /** Absolute URLs of extra files per optional package, fetched only when a script needs it. */
  onDemand: Record<string, string[]>;
  /** Plain-language note for the UI; null when none is due. */
  note: string | null;
  /** Why earlier sources were not chosen (for logs and the settings page). */
  diagnostics: string[];
}

const DEFAULT_PROBE_TIMEOUT_MS = 4000;

function resolveAll(folder: string, names: readonly string[]): string[] {
  return names.map((name) => new URL(name, folder).href);
}

function resolveEach(folder: string, table: Readonly<Record<string, readonly string[]>>) {
  const out: Record<string, string[]> = {};
  for (const [name, files] of Object.entries(table)) out[name] = resolveAll(folder, files);
  return out;
}

/** The wheel names of a vendor manifest, or why it cannot be used. */
export function readVendorManifest(
  body: unknown,
): { ok: true; wheels: string[]; packages: string[] } | { ok: false; reason: string } {
  if (typeof body !== 'object' || body === null) return { ok: false, reason: 'not a JSON object' };
  const manifest = body as { pyodideVersion?: unknown; files?: unknown; packages?: unknown };
  if (manifest.pyodideVersion !== PYODIDE_VERSION) {
    const found = String(manifest.pyodideVersion);
    return { ok: false, reason: `wheels are for Pyodide ${found}, not ${PYODIDE_VERSION}` };
  }
  const files = Array.isArray(manifest.files) ? (manifest.files as unknown[]) : [];
  const wheels = files
    .map((file) => (file as { name?: unknown } | null)?.name)
    .filter((name): name is string => typeof name === 'string' && /^[\w.+-]+$/.test(name));
  if (wheels.length !== files.length || wheels.length === 0) {
    return { ok: false, reason: 'manifest lists no valid file names' };
  }
  const missing = OFFICIAL_WHEELS.filter((wheel) => !wheels.includes(wheel));
  if (missing.length > 0) return { ok: false, reason: `manifest lacks ${missing.join(', ')}` };
  const packages = Array.isArray(manifest.packages)
    ? manifest.packages.filter((name): name is string => typeof name === 'string')
    : [];
  return { ok: true, wheels, packages };
}

/** Chooses the runtime source; never throws (the offline bundle is the last resort). */
export async function chooseRuntimeSource(
  options: ChooseRuntimeSourceOptions,
): Promise<RuntimeSource> {
  const timeoutMs = options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const cdnUrl = options.cdnUrl ?? OFFICIAL_CDN_URL;
  const officialDir = new URL(OFFICIAL_DIR, options.baseUrl).href;
  const diagnostics: string[] = [];
  const core = resolveAll(officialDir, OFFICIAL_CORE_FILES);
  const lockFileURL = new URL('pyodide-lock.json', officialDir).href;

  const manifestUrl = new URL(VENDOR_MANIFEST, officialDir).href;
  // Default caching on purpose: offline, a cached manifest keeps the vendored runtime usable; a
  // stale one names an older Pyodide and is rejected below.
  const vendored = await probeUrl(options.fetch, manifestUrl, {
    method: 'GET',
    timeoutMs,
    json: true,
  });
  const manifest = vendored.ok ? readVendorManifest(vendored.body) : vendored;
  if (manifest.ok) {
    // Optional packages not vendored stay unavailable: the vendored path must stay offline.
    const onDemand: Record<string, string[]> = {};
    for (const [name, wheels] of Object.entries(OFFICIAL_OPTIONAL_WHEELS)) {
      if (wheels.every((wheel) => manifest.wheels.includes(wheel))) {
        onDemand[name] = resolveAll(officialDir, wheels);
      }
    }
    const base = manifest.wheels.filter((wheel) => OFFICIAL_WHEELS.includes(wheel));
    return {
      distribution: 'official-vendored',
      indexURL: officialDir,
      packageBaseUrl: officialDir,
      lockFileURL,
      files: [...core, ...resolveAll(officialDir, base)],
      onDemand,
      note: null,
      diagnostics,
    };
  }
  diagnostics.push(`vendored wheels not used: ${manifest.reason}`);

  if (options.preferOffline) {
    diagnostics.push('official CDN not tried: offline mode is preferred');
  } else {
    const firstWheel = OFFICIAL_WHEELS.find((wheel) => wheel.startsWith('matplotlib-'));
    const cdn = await probeUrl(options.fetch, new URL(firstWheel ?? '', cdnUrl).href, {
      method: 'HEAD',
      timeoutMs,
    });
    if (cdn.ok) {
      return {
        distribution: 'official-cdn',
        indexURL: officialDir,
        packageBaseUrl: cdnUrl,
        lockFileURL,
        files: [...core, ...resolveAll(cdnUrl, OFFICIAL_WHEELS)],
        onDemand: resolveEach(cdnUrl, OFFICIAL_OPTIONAL_WHEELS),
        note: OFFICIAL_CDN_NOTE,
        diagnostics,
      };
    }
    diagnostics.push(`official CDN not reachable: ${cdn.reason}`);
  }

  const legacyDir = new URL(OFFLINE_017_DIR, options.baseUrl).href;
  return {
    distribution: 'offline-0.17',
    indexURL: legacyDir,
    packageBaseUrl: legacyDir,
    lockFileURL: new URL('packages.json', legacyDir).href,
    files: resolveAll(legacyDir, [...OFFLINE_017_CORE_FILES, ...OFFLINE_017_PACKAGE_FILES]),
    onDemand: resolveEach(legacyDir, OFFLINE_017_OPTIONAL_FILES),
    note: OFFLINE_017_NOTE,
    diagnostics,
  };
}
