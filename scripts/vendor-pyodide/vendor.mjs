// The core of `npm run vendor:pyodide`, callable in-process: bring the wheels of the requested
// packages (and their dependency closure) into a vendor folder, verified against the lock, and
// check an existing vendor folder. Expected failures are returned as problems, never thrown.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashFile, obtainFile } from './files.mjs';
import { DEFAULT_PACKAGES, checkVersions, computeClosure, readLock, trimLock } from './lock.mjs';

export const MANIFEST_NAME = 'manifest.json';
export const LOCK_NAME = 'pyodide-lock.json';

/** The official CDN folder of one release (the wheels' home). */
export function cdnBaseUrl(version) {
  return `https://cdn.jsdelivr.net/pyodide/v${version}/full/`;
}

/** What to do when the wheel source cannot be reached at all. */
export function unreachableHint(version) {
  return (
    'This machine cannot reach the wheel source. Either run `npm run vendor:pyodide` once on a ' +
    'machine with internet access and copy its vendor/pyodide/ folder here (then check it with ' +
    '`npm run vendor:pyodide -- --check`), or download the Pyodide ' +
    `${version} release tarball from https://github.com/pyodide/pyodide/releases/tag/${version}, ` +
    'unpack it and run `npm run vendor:pyodide -- --from-dir <unpacked>/pyodide`.'
  );
}

function toJson(value) {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Writes `text` to `path` unless the file already holds exactly that text. */
async function writeIfChanged(path, text) {
  const current = await readFile(path, 'utf8').catch(() => null);
  if (current !== text) await writeFile(path, text);
}

async function readJsonOrNull(path) {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return null;
  }
}

/** The closure's lock entries, or problems for names the lock does not know. */
function resolveEntries(lock, packages) {
  const { names, unknown } = computeClosure(lock, packages);
  const problems = unknown.map((name) => ({
    kind: 'unknown-package',
    file: name,
    message: `${name} is not a package of this Pyodide release (not in pyodide-lock.json)`,
  }));
  return { names, entries: names.map((name) => lock.packages[name]), problems };
}

/** Runs `work` over `items` with at most `limit` in flight; stops starting new ones once `shouldStop()`. */
async function runPool(items, limit, work, shouldStop) {
  let next = 0;
  async function lane() {
    while (next < items.length && !shouldStop()) {
      const item = items[next];
      next += 1;
      await work(item);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * Vendors the wheels. Options: lockPath, pinnedVersion, installedVersion (optional), packages,
 * baseUrl | fromDir, outDir, fetchImpl, concurrency, now, log.
 * Returns { ok, problems, fetched, reused, manifest, hint }.
 */
export async function vendorPyodide(options) {
  const { lockPath, pinnedVersion, installedVersion, outDir } = options;
  const packages = options.packages ?? DEFAULT_PACKAGES;
  const log = options.log ?? (() => {});
  const result = { ok: false, problems: [], fetched: [], reused: [], manifest: null, hint: null };

  const lock = await readLock(lockPath);
  result.problems.push(...checkVersions({ lock, pinnedVersion, installedVersion }));
  const { names, entries, problems } = resolveEntries(lock, packages);
  result.problems.push(...problems);
  if (result.problems.length > 0) return result;

  const source = options.fromDir
    ? { kind: 'dir', dir: options.fromDir }
    : { kind: 'url', baseUrl: options.baseUrl ?? cdnBaseUrl(pinnedVersion) };
  const createdDir = await mkdir(outDir, { recursive: true });

  const sizes = new Map();
  const unreached = [];
  let unreachable = false;
  await runPool(
    entries,
    options.concurrency ?? 4,
    async (entry) => {
      const outcome = await obtainFile({
        name: entry.file_name,
        sha256: entry.sha256,
        source,
        outDir,
        fetchImpl: options.fetchImpl ?? fetch,
        timeoutMs: options.timeoutMs ?? 120_000,
      });
      if (outcome.problem?.kind === 'unreachable') {
        unreachable = true;
        unreached.push(outcome.problem);
        return;
      }
      if (outcome.problem) {
        result.problems.push(outcome.problem);
        return;
      }
      sizes.set(entry.file_name, outcome.size);
      result[outcome.status === 'reused' ? 'reused' : 'fetched'].push(entry.file_name);
      log(`  ${outcome.status === 'reused' ? 'present' : 'fetched'} ${entry.file_name}`);
    },
    () => unreachable,
  );
  if (unreachable) {
    // One problem for the source, not one per wheel that was in flight when it failed.
    const done = new Set([
      ...result.fetched,
      ...result.reused,
      ...result.problems.map((p) => p.file),
    ]);
    const notFetched = entries.map((entry) => entry.file_name).filter((name) => !done.has(name));
    result.problems.push({
      kind: 'unreachable',
      file: source.baseUrl ?? source.dir,
      message: `${unreached[0]?.message}; not fetched: ${notFetched.join(', ')}`,
    });
    result.hint = unreachableHint(pinnedVersion);
  }
  if (source.kind === 'dir' && result.problems.length === entries.length) {
    result.hint = `None of the wheels is in ${source.dir}: point --from-dir at the pyodide/ folder of the unpacked release tarball.`;
  }
  if (result.problems.length > 0) {
    // Leave no empty vendor folder behind when nothing could be fetched.
    if (createdDir !== undefined && (await readdir(outDir)).length === 0)
      await rm(createdDir, { recursive: true });
    return result;
  }

  const lockText = toJson(trimLock(lock, names));
  await writeIfChanged(join(outDir, LOCK_NAME), lockText);
  const manifest = {
    pyodideVersion: pinnedVersion,
    python: lock.info.python,
    abiVersion: lock.info.abi_version,
    packages: packages.map((name) => name.toLowerCase()),
    lockFile: LOCK_NAME,
    lockSha256: createHash('sha256').update(lockText).digest('hex'),
    source: source.kind === 'url' ? source.baseUrl : 'local release folder',
    files: entries.map((entry) => ({
      name: entry.file_name,
      package: entry.name,
      version: entry.version,
      sha256: entry.sha256,
      size: sizes.get(entry.file_name) ?? 0,
    })),
  };
  // Keep the first creation date when nothing else changed, so a re-run leaves the folder as is.
  const previous = await readJsonOrNull(join(outDir, MANIFEST_NAME));
  const { createdAt: previousDate, ...previousRest } = previous ?? {};
  const unchanged = previous !== null && JSON.stringify(previousRest) === JSON.stringify(manifest);
  const createdAt = unchanged ? previousDate : (options.now ?? new Date()).toISOString();
  result.manifest = { ...manifest, createdAt };
  await writeIfChanged(join(outDir, MANIFEST_NAME), toJson(result.manifest));
  result.ok = true;
  return result;
}

/**
 * Verifies an existing vendor folder without downloading: versions, manifest, every wheel's
 * sha256 against the npm package's lock, and the trimmed lock. Returns { ok, problems, checked }.
 */
export async function checkVendor(options) {
  const { lockPath, pinnedVersion, installedVersion, outDir } = options;
  const result = { ok: false, problems: [], checked: [] };
  const lock = await readLock(lockPath);
  result.problems.push(...checkVersions({ lock, pinnedVersion, installedVersion }));

  const manifest = await readJsonOrNull(join(outDir, MANIFEST_NAME));
  if (manifest === null) {
    result.problems.push({
      kind: 'missing',
      file: MANIFEST_NAME,
      message: `${join(outDir, MANIFEST_NAME)} is missing or unreadable; run npm run vendor:pyodide`,
    });
    return result;
  }
  if (manifest.pyodideVersion !== pinnedVersion) {
    result.problems.push({
      kind: 'version',
      file: MANIFEST_NAME,
      message: `the vendor folder holds Pyodide ${manifest.pyodideVersion} wheels but package.json pins ${pinnedVersion}; a version bump requires re-vendoring (npm run vendor:pyodide)`,
    });
  }
  const packages = options.packages ?? manifest.packages ?? DEFAULT_PACKAGES;
  const { names, entries, problems } = resolveEntries(lock, packages);
  result.problems.push(...problems);

  for (const entry of entries) {
    const actual = await hashFile(join(outDir, entry.file_name));
    if (actual === null) {
      result.problems.push({
        kind: 'missing',
        file: entry.file_name,
        message: `${entry.file_name} is missing`,
      });
    } else if (actual !== entry.sha256) {
      result.problems.push({
        kind: 'mismatch',
        file: entry.file_name,
        message: `${entry.file_name}: sha256 ${actual} does not match the lock's ${entry.sha256}; run npm run vendor:pyodide to replace it`,
      });
    } else {
      result.checked.push(entry.file_name);
    }
  }

  const listed = (manifest.files ?? []).map((file) => file.name).sort();
  const expected = entries.map((entry) => entry.file_name).sort();
  if (JSON.stringify(listed) !== JSON.stringify(expected)) {
    result.problems.push({
      kind: 'manifest',
      file: MANIFEST_NAME,
      message: `manifest.json lists [${listed.join(', ')}] but the closure is [${expected.join(', ')}]`,
    });
  }
  const trimmed = await readFile(join(outDir, LOCK_NAME), 'utf8').catch(() => null);
  if (trimmed === null || trimmed !== toJson(trimLock(lock, names))) {
    result.problems.push({
      kind: 'manifest',
      file: LOCK_NAME,
      message: `${LOCK_NAME} in the vendor folder is missing or differs from the closure of the npm package's lock`,
    });
  }
  result.ok = result.problems.length === 0;
  return result;
}
