// Reading the official Pyodide lock file: version checks, the dependency closure of the
// requested packages, and the trimmed lock that ships next to the vendored wheels.
import { readFile } from 'node:fs/promises';

/**
 * What each pinned Pyodide release records in its lock. The 314.x lock has no `info.version`,
 * so the ABI and Python version are what tie a lock (and its binary wheels) to a release.
 * A version bump requires re-vendoring and a new row here.
 */
export const KNOWN_RELEASES = {
  '314.0.7': { abiVersion: '2026_0', python: '3.14.2' },
};

export const DEFAULT_PACKAGES = ['numpy', 'matplotlib'];

/** Reads and parses a lock file; a missing or malformed file is an unexpected error. */
export async function readLock(lockPath) {
  const text = await readFile(lockPath, 'utf8');
  const lock = JSON.parse(text);
  if (!lock || typeof lock !== 'object' || !lock.info || !lock.packages) {
    throw new Error(`${lockPath} is not a pyodide-lock.json (no "info" or "packages")`);
  }
  return lock;
}

/**
 * Checks that the pin in package.json, the installed npm package and the lock all describe the
 * same release. Returns a list of problems (empty when consistent).
 */
export function checkVersions({
  lock,
  pinnedVersion,
  installedVersion,
  releases = KNOWN_RELEASES,
}) {
  const problems = [];
  const bump = 'a version bump requires re-vendoring (npm run vendor:pyodide)';
  if (!/^\d+\.\d+\.\d+$/.test(pinnedVersion ?? '')) {
    problems.push({
      kind: 'version',
      file: 'package.json',
      message: `pyodide must be pinned to an exact version in package.json (found "${pinnedVersion}"): its wheels are tied to it`,
    });
    return problems;
  }
  if (installedVersion !== undefined && installedVersion !== pinnedVersion) {
    problems.push({
      kind: 'version',
      file: 'node_modules/pyodide/package.json',
      message: `installed pyodide is ${installedVersion} but package.json pins ${pinnedVersion}; run npm install, and note that ${bump}`,
    });
  }
  const info = lock.info;
  if (typeof info.version === 'string' && info.version !== pinnedVersion) {
    problems.push({
      kind: 'version',
      file: 'pyodide-lock.json',
      message: `the lock records Pyodide ${info.version} but package.json pins ${pinnedVersion}; ${bump}`,
    });
  }
  const release = releases[pinnedVersion];
  if (!release) {
    problems.push({
      kind: 'version',
      file: 'pyodide-lock.json',
      message: `Pyodide ${pinnedVersion} is not in KNOWN_RELEASES (scripts/vendor-pyodide/lock.mjs); ${bump} and adding its ABI there`,
    });
  } else if (info.abi_version !== release.abiVersion || info.python !== release.python) {
    problems.push({
      kind: 'version',
      file: 'pyodide-lock.json',
      message: `the lock is for ABI ${info.abi_version} / Python ${info.python}, but Pyodide ${pinnedVersion} is ABI ${release.abiVersion} / Python ${release.python}; ${bump}`,
    });
  }
  return problems;
}

/** Normalises a requested name the way the lock keys packages (lower case, `_` → `-`). */
function normaliseName(name) {
  return name.trim().toLowerCase().replace(/_/g, '-');
}

/**
 * The requested packages plus everything they depend on, in a stable order (requested first,
 * then dependencies breadth-first). Unknown names are returned separately, not thrown.
 */
export function computeClosure(lock, requested) {
  const order = [];
  const unknown = [];
  const seen = new Set();
  const queue = requested.map(normaliseName);
  while (queue.length > 0) {
    const name = queue.shift();
    if (seen.has(name)) continue;
    seen.add(name);
    const entry = lock.packages[name];
    if (!entry) {
      unknown.push(name);
      continue;
    }
    order.push(name);
    for (const dep of entry.depends ?? []) queue.push(normaliseName(dep));
  }
  return { names: order, unknown };
}

/** The lock restricted to `names`, with `info` kept verbatim so Pyodide accepts it. */
export function trimLock(lock, names) {
  const packages = {};
  for (const name of [...names].sort()) packages[name] = lock.packages[name];
  return { ...lock, packages };
}
