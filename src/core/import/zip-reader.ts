// A strict zip reader: it reads the central directory first, refuses unsafe paths, oversized
// entries and zip-bomb ratios from the declared sizes before inflating anything, then inflates
// one entry at a time in small pieces, stopping as soon as the output passes its declared size
// and checking the CRC. Works on a Uint8Array or a Blob (read by slices, never whole).
import { Inflate } from 'fflate';
import { findUnsafePathReason } from '../export/zip-paths.ts';
import { updateCrc32 } from './crc32.ts';
import { ImportRefusal, refuse } from './import-problem.ts';

export interface ZipLimits {
  /** Largest uncompressed entry. */
  maxEntryBytes: number;
  /** Largest sum of uncompressed entries. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Largest uncompressed:compressed ratio of a deflated entry bigger than ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 256 * MIB,
  maxTotalBytes: 2048 * MIB,
  maxEntries: 60_000,
  maxRatio: 100,
  ratioFloorBytes: 1 * MIB,
};

export interface ZipEntryInfo {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipArchive {
  entries: Map<string, ZipEntryInfo>;
  read(entry: ZipEntryInfo): Promise<Uint8Array>;
}

type Source = Uint8Array | Blob;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** Compressed bytes fed to the inflater per step: bounds the output of one step (~1,000×). */
const INFLATE_STEP = 16 * 1024;

async function readRange(source: Source, start: number, end: number): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source.subarray(start, end);
  return new Uint8Array(await source.slice(start, end).arrayBuffer());
}

function sizeOf(source: Source): number {
  return source instanceof Uint8Array ? source.length : source.size;
}

const u16 = (b: Uint8Array, at: number): number => (b[at] as number) | ((b[at + 1] as number) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

async function findEndOfCentralDirectory(
  source: Source,
): Promise<{ view: Uint8Array; at: number }> {
  const size = sizeOf(source);
  const head = await readRange(source, 0, Math.min(size, 4));
  const startsLikeZip = head.length === 4 && u32(head, 0) === LOCAL_SIGNATURE;
  const tailStart = Math.max(0, size - (22 + 0xffff));
  const view = await readRange(source, tailStart, size);
  for (let at = view.length - 22; at >= 0; at -= 1) {
    if (u32(view, at) === EOCD_SIGNATURE && at + 22 + u16(view, at + 20) === view.length) {
      return { view, at };
    }
  }
  if (startsLikeZip || (head.length === 4 && u32(head, 0) === EOCD_SIGNATURE)) {
    refuse('truncated', 'The zip archive is cut short: its end record is missing.');
  }
  return refuse('not-a-zip', 'This file is not a zip archive.');
}

function checkLimits(entries: ZipEntryInfo[], limits: ZipLimits): void {
  if (entries.length > limits.maxEntries) {
    refuse(
      'archive-too-large',
      `The archive has ${entries.length} files (limit ${limits.maxEntries}).`,
    );
  }
  let total = 0;
  for (const entry of entries) {
    const ratio = entry.size / Math.max(1, entry.compressedSize);
    if (entry.method === 8 && entry.size > limits.ratioFloorBytes && ratio > limits.maxRatio) {
      refuse(
        'zip-bomb',
        `${entry.name} would inflate ${Math.round(ratio)}× (${entry.size} bytes from ${entry.compressedSize}); the limit is ${limits.maxRatio}×.`,
      );
    }
    if (entry.size > limits.maxEntryBytes) {
      refuse(
        'entry-too-large',
        `${entry.name} is ${entry.size} bytes (limit ${limits.maxEntryBytes}).`,
      );
    }
    total += entry.size;
  }
  if (total > limits.maxTotalBytes) {
    refuse(
      'archive-too-large',
      `The archive inflates to ${total} bytes (limit ${limits.maxTotalBytes}).`,
    );
  }
}

/** Reads and checks the directory of a zip; refuses (throws ImportRefusal) on any problem. */
export async function openZip(
  source: Source,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ZipArchive> {
  const size = sizeOf(source);
  const { view, at } = await findEndOfCentralDirectory(source);
  const count = u16(view, at + 10);
  const directorySize = u32(view, at + 12);
  const directoryOffset = u32(view, at + 16);
  if (u16(view, at + 4) !== 0 || u16(view, at + 6) !== 0 || u16(view, at + 8) !== count) {
    refuse('unsupported-zip', 'Multi-part zip archives are not supported.');
  }
  if (count === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
    refuse('unsupported-zip', 'Zip64 archives are not supported.');
  }
  const eocdOffset = size - view.length + at;
  if (directoryOffset + directorySize > eocdOffset) {
    refuse('truncated', 'The zip directory points past the end of the file.');
  }
  const directory = await readRange(source, directoryOffset, directoryOffset + directorySize);
  const decoder = new TextDecoder();
  const entries = new Map<string, ZipEntryInfo>();
  let cursor = 0;
  for (let i = 0; i < count; i += 1) {
    if (cursor + 46 > directory.length || u32(directory, cursor) !== CENTRAL_SIGNATURE) {
      refuse('corrupt-entry', 'The zip directory is damaged.');
    }
    const flags = u16(directory, cursor + 8);
    const nameLength = u16(directory, cursor + 28);
    const next =
      cursor + 46 + nameLength + u16(directory, cursor + 30) + u16(directory, cursor + 32);
    if (next > directory.length) refuse('corrupt-entry', 'The zip directory is damaged.');
    const name = decoder.decode(directory.subarray(cursor + 46, cursor + 46 + nameLength));
    const entry: ZipEntryInfo = {
      name,
      method: u16(directory, cursor + 10),
      crc: u32(directory, cursor + 16),
      compressedSize: u32(directory, cursor + 20),
      size: u32(directory, cursor + 24),
      localOffset: u32(directory, cursor + 42),
    };
    cursor = next;
    const unsafe = findUnsafePathReason(name);
    if (unsafe)
      refuse('unsafe-path', `The archive holds an unsafe path ${JSON.stringify(name)}: ${unsafe}.`);
    if (flags & 1) refuse('unsupported-zip', `${name} is encrypted.`);
    if (entry.method !== 0 && entry.method !== 8) {
      refuse(
        'unsupported-zip',
        `${name} uses compression method ${entry.method} (only stored and deflate are read).`,
      );
    }
    if (entry.method === 0 && entry.size !== entry.compressedSize) {
      refuse('corrupt-entry', `${name} is stored but its sizes disagree.`);
    }
    if (entries.has(name)) refuse('corrupt-entry', `The archive holds ${name} twice.`);
    entries.set(name, entry);
  }
  const list = [...entries.values()].sort((a, b) => a.localOffset - b.localOffset);
  checkLimits(list, limits);
  // Entries must not overlap (a known zip-bomb trick reuses one compressed body many times).
  let previousEnd = 0;
  for (const entry of list) {
    if (entry.localOffset < previousEnd)
      refuse('zip-bomb', `${entry.name} overlaps another entry.`);
    previousEnd = entry.localOffset + 30 + entry.compressedSize;
  }
  if (previousEnd > directoryOffset)
    refuse('truncated', 'The last zip entry runs into the directory.');

  async function dataStart(entry: ZipEntryInfo): Promise<number> {
    const local = await readRange(source, entry.localOffset, entry.localOffset + 30);
    if (local.length < 30 || u32(local, 0) !== LOCAL_SIGNATURE) {
      refuse('corrupt-entry', `${entry.name}: local header missing.`);
    }
    const nameLength = u16(local, 26);
    const localName = decoder.decode(
      await readRange(source, entry.localOffset + 30, entry.localOffset + 30 + nameLength),
    );
    if (localName !== entry.name)
      refuse('corrupt-entry', `${entry.name}: local and directory names differ.`);
    const start = entry.localOffset + 30 + nameLength + u16(local, 28);
    if (start + entry.compressedSize > directoryOffset) {
      refuse('truncated', `${entry.name} runs past the end of the entries.`);
    }
    return start;
  }

  async function read(entry: ZipEntryInfo): Promise<Uint8Array> {
    const start = await dataStart(entry);
    const packed = await readRange(source, start, start + entry.compressedSize);
    let out: Uint8Array;
    if (entry.method === 0) {
      // A copy, so an image does not keep the whole archive's buffer alive.
      out = source instanceof Uint8Array ? packed.slice() : packed;
    } else {
      out = new Uint8Array(entry.size);
      let written = 0;
      const inflater = new Inflate((chunk) => {
        if (written + chunk.length > entry.size) {
          refuse(
            'zip-bomb',
            `${entry.name} inflates past its declared size of ${entry.size} bytes.`,
          );
        }
        out.set(chunk, written);
        written += chunk.length;
      });
      try {
        for (let offset = 0; offset < packed.length; offset += INFLATE_STEP) {
          const end = Math.min(packed.length, offset + INFLATE_STEP);
          inflater.push(packed.subarray(offset, end), end === packed.length);
        }
      } catch (error) {
        if (error instanceof ImportRefusal) throw error;
        refuse('corrupt-entry', `${entry.name} does not inflate: ${(error as Error).message}.`);
      }
      if (written !== entry.size) {
        refuse('corrupt-entry', `${entry.name} inflates to ${written} bytes, not ${entry.size}.`);
      }
    }
    if (updateCrc32(0, out) !== entry.crc)
      refuse('corrupt-entry', `${entry.name} fails its CRC check.`);
    return out;
  }

  return { entries, read };
}
