// Is it really a PNG? Signature, then an IHDR chunk that is well formed and passes its CRC.
import { updateCrc32 } from './crc32.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IHDR = [0x49, 0x48, 0x44, 0x52];

/** Pixel size of a PNG, or a reason it is not one. */
export function readPngSize(
  bytes: Uint8Array,
): { ok: true; width: number; height: number } | { ok: false; reason: string } {
  if (bytes.length < 33 || SIGNATURE.some((value, i) => bytes[i] !== value)) {
    return { ok: false, reason: 'no PNG signature' };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(8) !== 13 || IHDR.some((value, i) => bytes[12 + i] !== value)) {
    return { ok: false, reason: 'the first chunk is not IHDR' };
  }
  if (updateCrc32(0, bytes.subarray(12, 29)) !== view.getUint32(29)) {
    return { ok: false, reason: 'the IHDR chunk fails its CRC' };
  }
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0) return { ok: false, reason: 'zero width or height' };
  return { ok: true, width, height };
}
