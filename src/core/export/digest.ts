// Byte helpers of the exporter and importer; hashing is the app-wide helper in ../sha256.ts.
export { sha256Hex } from '../sha256.ts';

/** The bytes of a Blob or Uint8Array. */
export async function readAllBytes(data: Uint8Array | Blob): Promise<Uint8Array> {
  return data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
}
