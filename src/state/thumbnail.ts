// Grid thumbnails of chart PNGs, drawn with an OffscreenCanvas (no DOM needed, works in workers).

/** Longest side of a thumbnail in pixels: sharp on a ~200 px card on a 2× screen. */
const THUMBNAIL_SIDE = 400;

/**
 * A PNG thumbnail of a chart PNG; null if it cannot be made. PNG, not WebP: charts are flat
 * colours, and in Chromium a 1100×650 chart costs ~6 ms as a PNG thumbnail against ~55 ms as
 * WebP, main-thread time that a 2-core machine takes from the render workers.
 */
export async function makeThumbnail(png: Uint8Array): Promise<Blob | null> {
  if (typeof OffscreenCanvas === 'undefined' || typeof createImageBitmap === 'undefined')
    return null;
  try {
    const bitmap = await createImageBitmap(new Blob([png as BlobPart], { type: 'image/png' }));
    const scale = Math.min(1, THUMBNAIL_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    return await canvas.convertToBlob({ type: 'image/png' });
  } catch {
    return null; // a thumbnail is a convenience: the grid falls back to the full image
  }
}

/** JPEG bytes of a PNG at quality 0–100 (for training exports that want JPEG). */
export async function encodeJpeg(png: Uint8Array, quality: number): Promise<Uint8Array> {
  const bitmap = await createImageBitmap(new Blob([png as BlobPart], { type: 'image/png' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas to encode JPEG');
  // JPEG has no alpha: paint white first so transparent charts do not turn black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, bitmap.width, bitmap.height);
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: quality / 100 });
  return new Uint8Array(await blob.arrayBuffer());
}
