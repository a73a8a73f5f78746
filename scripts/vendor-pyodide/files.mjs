// Getting one wheel into the vendor folder: reuse it when its sha256 already matches, otherwise
// download it (or copy it from a local release folder) and keep it only if the hash matches.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** sha256 of a file as lower-case hex, or null when the file does not exist. */
export async function hashFile(path) {
  try {
    await stat(path);
  } catch {
    return null;
  }
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Streams `source` into `target` while hashing it; returns { sha256, size }. */
async function writeHashed(source, target) {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  await pipeline(source, tap, createWriteStream(target));
  return { sha256: hash.digest('hex'), size };
}

/** Joins a base URL (with or without trailing slash) and a file name. */
export function joinUrl(baseUrl, name) {
  return baseUrl.endsWith('/') ? baseUrl + name : `${baseUrl}/${name}`;
}

/** Describes a network failure (fetch's TypeError hides the real cause in `cause`). */
function describeNetworkError(error) {
  const cause = error?.cause;
  const detail = cause?.code ?? cause?.message ?? '';
  if (error?.name === 'TimeoutError' || error?.name === 'AbortError') return 'timed out';
  return detail ? `${error.message} (${detail})` : String(error?.message ?? error);
}

/** Opens the source of one file as a Node stream, or returns a problem. */
async function openSource({ name, source, fetchImpl, timeoutMs }) {
  if (source.kind === 'dir') {
    const path = join(source.dir, name);
    try {
      await stat(path);
    } catch {
      return {
        problem: { kind: 'missing', file: name, message: `${name} is not in ${source.dir}` },
      };
    }
    return { stream: createReadStream(path) };
  }
  const url = joinUrl(source.baseUrl, name);
  let response;
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const message = `cannot reach ${url}: ${describeNetworkError(error)}`;
    return { problem: { kind: 'unreachable', file: name, message } };
  }
  if (!response.ok || !response.body) {
    const message = `${name}: ${url} answered HTTP ${response.status}`;
    return { problem: { kind: 'missing', file: name, message } };
  }
  return { stream: Readable.fromWeb(response.body) };
}

/**
 * Makes `outDir/name` hold exactly the file whose sha256 is `sha256`.
 * Returns { status: 'reused' | 'fetched', size } or { problem }.
 */
export async function obtainFile({
  name,
  sha256,
  source,
  outDir,
  fetchImpl = fetch,
  timeoutMs = 120_000,
}) {
  const target = join(outDir, name);
  const existing = await hashFile(target);
  if (existing === sha256) return { status: 'reused', size: (await stat(target)).size };
  // A stale or tampered copy must not survive a failed download.
  if (existing !== null) await rm(target, { force: true });

  const opened = await openSource({ name, source, fetchImpl, timeoutMs });
  if (opened.problem) return { problem: opened.problem };

  const partial = `${target}.part`;
  let written;
  try {
    written = await writeHashed(opened.stream, partial);
  } catch (error) {
    await rm(partial, { force: true });
    const message = `${name}: transfer failed: ${describeNetworkError(error)}`;
    return { problem: { kind: 'unreachable', file: name, message } };
  }
  if (written.sha256 !== sha256) {
    await rm(partial, { force: true });
    const message = `${name}: sha256 ${written.sha256} does not match the lock's ${sha256}; the file was refused and deleted`;
    return { problem: { kind: 'mismatch', file: name, message } };
  }
  await rename(partial, target);
  return { status: 'fetched', size: written.size };
}
