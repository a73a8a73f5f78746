// Validation of a bytecode harvest before the page keeps it, stores it or feeds it to a worker.
// The worker checks the files against its own runtime again before writing them.
import type { Bytecode } from '../../workers/python/protocol.ts';

/** Limits of one harvest (0.17's numpy + matplotlib + pyplot: ~360 files, ~8.4 MB). */
export const MAX_BYTECODE_FILES = 2_000;
export const MAX_BYTECODE_BYTES = 32 * 1024 * 1024;

/** PEP 552 flags the harvest must carry: hash-based, source never checked. */
const UNCHECKED_HASH_FLAGS = 1;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** "/lib/python3.8/": absolute, normalized, ending in "/", no "." or ".." parts. */
function isLibraryFolder(prefix: unknown): prefix is string {
  if (typeof prefix !== 'string' || prefix.length > 200) return false;
  if (!prefix.startsWith('/') || !prefix.endsWith('/') || prefix.includes('//')) return false;
  return !prefix.split('/').some((part) => part === '.' || part === '..');
}

function isPycPath(path: string, prefix: string): boolean {
  return (
    path.length <= 500 &&
    path.startsWith(prefix) &&
    path.endsWith('.pyc') &&
    path.includes('/__pycache__/') &&
    !path.includes('//') &&
    !path.split('/').some((part) => part === '.' || part === '..')
  );
}

function startsWithHeader(bytes: Uint8Array, magic: number[]): boolean {
  return (
    bytes.length >= 16 &&
    magic.every((byte, i) => bytes[i] === byte) &&
    bytes[4] === UNCHECKED_HASH_FLAGS &&
    bytes[5] === 0 &&
    bytes[6] === 0 &&
    bytes[7] === 0
  );
}

/**
 * The harvest as the page may keep it, or why not. Every path lies under the library folder in a
 * __pycache__ folder and ends in .pyc; every file starts with the runtime's magic number (4
 * bytes ending in "\r\n", the same for all files) and unchecked-hash flags; count and total size
 * are capped. Each file is copied into its own buffer so posting one never clones a bigger one.
 */
export function checkBytecode(
  value: unknown,
  limits = { maxFiles: MAX_BYTECODE_FILES, maxBytes: MAX_BYTECODE_BYTES },
): { ok: true; bytecode: Bytecode } | { ok: false; reason: string } {
  if (!isObject(value) || !isObject(value['files'])) return { ok: false, reason: 'not a harvest' };
  const { prefix, magic } = value;
  if (!isLibraryFolder(prefix)) return { ok: false, reason: 'bad library folder' };
  if (typeof magic !== 'string' || !/^[0-9a-f]{4}0d0a$/.test(magic))
    return { ok: false, reason: 'bad magic number' };
  const magicBytes = (magic.match(/../g) ?? []).map((pair) => parseInt(pair, 16));
  const entries = Object.entries(value['files']);
  if (entries.length === 0) return { ok: false, reason: 'no files' };
  if (entries.length > limits.maxFiles) return { ok: false, reason: 'too many files' };
  let total = 0;
  const files: Record<string, Uint8Array> = {};
  for (const [path, bytes] of entries) {
    if (!isPycPath(path, prefix)) return { ok: false, reason: `bad path ${path.slice(0, 200)}` };
    if (!(bytes instanceof Uint8Array) || !startsWithHeader(bytes, magicBytes))
      return { ok: false, reason: `bad header in ${path}` };
    total += bytes.length;
    if (total > limits.maxBytes) return { ok: false, reason: 'too large' };
    files[path] = bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  }
  return { ok: true, bytecode: { prefix, magic, files } };
}

/** Total bytes of a harvest (for status and logs). */
export function measureBytecode(bytecode: Bytecode): { files: number; bytes: number } {
  const sizes = Object.values(bytecode.files).map((bytes) => bytes.length);
  return { files: sizes.length, bytes: sizes.reduce((sum, size) => sum + size, 0) };
}
