// Keeps the sandbox's compiled library modules (a bytecode harvest, ~8 MB) across sessions in
// Cache Storage, so a returning user's first worker skips compiling numpy and matplotlib. One
// entry at a time: saving under a new key (an app or runtime update) drops the old ones. The
// pool validates whatever comes back before any worker sees it.
import type { Bytecode } from '../../workers/python/protocol.ts';

const CACHE_NAME = 'cit-studio-bytecode';
/** Bumped when the stored layout below changes. */
const FORMAT = 'cit-bytecode-1';

interface StoredHeader {
  format: string;
  key: string;
  prefix: string;
  magic: string;
  /** [path, byte length] in the order of the bytes after the header. */
  files: [string, number][];
}

/** Cache Storage wants http(s) request URLs; this one is never fetched. */
function requestFor(key: string): Request {
  return new Request(new URL(`/__cit-bytecode/${encodeURIComponent(key)}`, location.origin));
}

function openCache(): Promise<Cache> | null {
  // Missing outside secure contexts and in some private modes: then there is simply no cache.
  return typeof caches === 'undefined' ? null : caches.open(CACHE_NAME);
}

/** The harvest stored under `key`, or null (none, other key, unreadable). */
export async function loadBytecode(key: string): Promise<Bytecode | null> {
  const cache = await openCache();
  const response = await cache?.match(requestFor(key));
  if (!response) return null;
  const buffer = await response.arrayBuffer();
  if (buffer.byteLength < 4) return null;
  const headerLength = new DataView(buffer).getUint32(0, true);
  if (4 + headerLength > buffer.byteLength) return null;
  const header = JSON.parse(
    new TextDecoder().decode(new Uint8Array(buffer, 4, headerLength)),
  ) as StoredHeader;
  if (header.format !== FORMAT || header.key !== key) return null;
  let offset = 4 + headerLength;
  const files: Record<string, Uint8Array> = {};
  for (const [path, length] of header.files) {
    if (offset + length > buffer.byteLength) return null;
    // slice(): each file gets its own buffer, so posting one never clones all of them.
    files[path] = new Uint8Array(buffer.slice(offset, offset + length));
    offset += length;
  }
  return { prefix: header.prefix, magic: header.magic, files };
}

/** Stores a harvest under `key`, replacing every other entry. */
export async function saveBytecode(key: string, bytecode: Bytecode): Promise<void> {
  const cache = await openCache();
  if (!cache) return;
  const entries = Object.entries(bytecode.files);
  const header: StoredHeader = {
    format: FORMAT,
    key,
    prefix: bytecode.prefix,
    magic: bytecode.magic,
    files: entries.map(([path, bytes]) => [path, bytes.length]),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, headerBytes.length, true);
  const parts = entries.map(([, bytes]) => bytes as Uint8Array<ArrayBuffer>);
  const body = new Blob([length, headerBytes, ...parts]);
  const request = requestFor(key);
  for (const old of await cache.keys()) if (old.url !== request.url) await cache.delete(old);
  await cache.put(
    request,
    new Response(body, { headers: { 'content-type': 'application/octet-stream' } }),
  );
}

/** Drops every stored harvest. */
export async function clearBytecode(): Promise<void> {
  if (typeof caches !== 'undefined') await caches.delete(CACHE_NAME);
}
