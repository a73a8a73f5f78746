// A streaming zip writer over fflate's `Zip`: entries come in as an async iterable and zip
// bytes go out as an async generator, so a consumer that awaits each chunk (a WritableStream)
// holds back the producer and memory stays flat however large the dataset is.
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { assertSafeZipPath } from './zip-paths.ts';

/** Text pieces are encoded as UTF-8. */
export type ZipEntryPiece = Uint8Array | string;

export interface ZipEntry {
  path: string;
  data: Uint8Array | string | Blob | AsyncIterable<ZipEntryPiece>;
  /** Deflate the data; default: false for .png/.jpg/.jpeg (already compressed), else true. */
  compress?: boolean;
}

/**
 * Every entry gets this modification time. Built from local fields because zip stores local
 * DOS time: fflate reads the local fields back, so the bytes are the same in every time zone,
 * and two exports of the same records are byte-identical.
 */
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);

/** Bigger inputs are fed to fflate in pieces of this size, so each yield stays small. */
const PIECE_BYTES = 64 * 1024;

const MAX_ZIP_ENTRIES = 0xffff;
const MAX_ZIP_BYTES = 0xffffffff;

const ALREADY_COMPRESSED = /\.(png|jpe?g|webp|gif|zip|gz)$/i;
const encoder = new TextEncoder();

/** Deflate level for text: 6 is zlib's default trade-off. */
const TEXT_LEVEL = 6;

function* splitBytes(bytes: Uint8Array): Generator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += PIECE_BYTES) {
    yield bytes.subarray(start, Math.min(bytes.length, start + PIECE_BYTES));
  }
}

async function* readPieces(data: ZipEntry['data']): AsyncGenerator<Uint8Array> {
  if (typeof data === 'string') {
    yield* splitBytes(encoder.encode(data));
  } else if (data instanceof Uint8Array) {
    yield* splitBytes(data);
  } else if (typeof Blob !== 'undefined' && data instanceof Blob) {
    const reader = data.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* splitBytes(value);
    }
  } else {
    for await (const piece of data as AsyncIterable<ZipEntryPiece>) {
      yield* splitBytes(typeof piece === 'string' ? encoder.encode(piece) : piece);
    }
  }
}

/**
 * Writes `entries` as one zip archive, yielding its bytes in order as they are produced.
 * Throws on an unsafe or duplicate path (paths are built by the caller from sanitised names).
 * No Zip64: an archive must stay under 4 GiB and 65,535 entries.
 */
export async function* writeZip(entries: AsyncIterable<ZipEntry>): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });
  // fflate reports through the callback; hand over what it produced and stop on its errors.
  function* drain(): Generator<Uint8Array> {
    if (failure) throw failure;
    for (const chunk of ready.splice(0, ready.length)) yield chunk;
  }
  const seen = new Set<string>();
  let written = 0;
  // fflate writes no Zip64 records: past these limits the archive would be silently wrong.
  function* drainWithinLimits(): Generator<Uint8Array> {
    for (const chunk of drain()) {
      written += chunk.length;
      if (written >= MAX_ZIP_BYTES) throw new Error('the archive would exceed 4 GiB (no Zip64)');
      yield chunk;
    }
  }
  for await (const entry of entries) {
    const path = assertSafeZipPath(entry.path);
    if (seen.has(path)) throw new Error(`duplicate archive path ${path}`);
    if (seen.size >= MAX_ZIP_ENTRIES) throw new Error('the archive would exceed 65,535 entries');
    seen.add(path);
    const compress = entry.compress ?? !ALREADY_COMPRESSED.test(path);
    const file = compress ? new ZipDeflate(path, { level: TEXT_LEVEL }) : new ZipPassThrough(path);
    file.mtime = FIXED_MTIME;
    zip.add(file);
    for await (const piece of readPieces(entry.data)) {
      file.push(piece);
      yield* drainWithinLimits();
    }
    file.push(new Uint8Array(0), true);
    yield* drainWithinLimits();
  }
  zip.end();
  yield* drainWithinLimits();
}

/** Collects an async iterable of chunks into one array (tests, small archives). */
export async function collectBytes(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    length += chunk.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
