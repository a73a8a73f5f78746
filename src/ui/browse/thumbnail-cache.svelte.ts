// Object URLs of grid thumbnails: made when a card becomes visible, kept for a while after it
// leaves (scrolling back is instant) and revoked beyond a bound so thousands of charts do not
// pin thousands of blobs.
import { SvelteMap } from 'svelte/reactivity';
import { getImagePreview, type CitDatabase } from '../../db/index.ts';

/** Thumbnails kept after their card left the screen. */
const IDLE_LIMIT = 240;

export class ThumbnailCache {
  /** imageId → object URL, for the cards to read reactively. */
  readonly urls = new SvelteMap<string, string>();
  readonly #users = new Map<string, number>();
  /** Unused ids, oldest first (a Map keeps insertion order). */
  readonly #idle = new Map<string, true>();
  readonly #loading = new Set<string>();
  #db: CitDatabase | null = null;

  setDatabase(db: CitDatabase | null): void {
    if (db === this.#db) return;
    this.clear();
    this.#db = db;
    // Cards on screen keep their place; their pictures come from the new database.
    for (const id of this.#users.keys()) void this.#load(id);
  }

  /** A card shows this image: load it unless cached. */
  acquire(imageId: string): void {
    this.#users.set(imageId, (this.#users.get(imageId) ?? 0) + 1);
    this.#idle.delete(imageId);
    if (!this.urls.has(imageId)) void this.#load(imageId);
  }

  /** The card left: keep the URL idle until the bound pushes it out. */
  release(imageId: string): void {
    const users = (this.#users.get(imageId) ?? 1) - 1;
    if (users > 0) {
      this.#users.set(imageId, users);
      return;
    }
    this.#users.delete(imageId);
    this.#idle.set(imageId, true);
    for (const oldest of this.#idle.keys()) {
      if (this.#idle.size <= IDLE_LIMIT) break;
      this.#idle.delete(oldest);
      this.#revoke(oldest);
    }
  }

  clear(): void {
    for (const id of [...this.urls.keys()]) this.#revoke(id);
    this.#idle.clear();
  }

  async #load(imageId: string): Promise<void> {
    const db = this.#db;
    if (!db || this.#loading.has(imageId)) return;
    this.#loading.add(imageId);
    try {
      const blob = await getImagePreview(db, imageId);
      // Dropped while loading (database changed or card gone and evicted): do not leak a URL.
      if (!blob || db !== this.#db || this.urls.has(imageId)) return;
      if (!this.#users.has(imageId) && !this.#idle.has(imageId)) return;
      this.urls.set(imageId, URL.createObjectURL(blob));
    } catch {
      // A missing thumbnail leaves the card's placeholder; the chart still opens.
    } finally {
      this.#loading.delete(imageId);
    }
  }

  #revoke(imageId: string): void {
    const url = this.urls.get(imageId);
    if (url) URL.revokeObjectURL(url);
    this.urls.delete(imageId);
  }
}
