// Bytes as base64 (btoa wants a binary string; built in chunks so large images do not overflow
// the argument list of String.fromCharCode).
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
