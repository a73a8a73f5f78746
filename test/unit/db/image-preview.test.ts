// The grid's picture of an image: thumbnail first, full PNG as fallback.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getImagePreview } from '../../../src/db/index.ts';
import { makeImage, openFreshDatabase } from './fixtures.ts';

describe('getImagePreview', () => {
  it('prefers the thumbnail, falls back to the PNG, and is null for a missing image', async () => {
    const db = await openFreshDatabase();
    const thumbnail = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/webp' });
    await db.images.bulkAdd([{ ...makeImage('with'), thumbnail }, makeImage('without')]);
    const preview = await getImagePreview(db, 'with');
    expect(preview?.type).toBe('image/webp');
    expect(preview?.size).toBe(3);
    const fallback = await getImagePreview(db, 'without');
    expect(fallback?.type).toBe('image/png');
    expect(await getImagePreview(db, 'gone')).toBeNull();
    db.close();
  });
});
