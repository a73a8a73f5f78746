// API keys at rest: encrypted, session-only unless remembered, forgettable, never in clear bytes.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  forgetSecret,
  listSecrets,
  lockSecrets,
  readSecret,
  saveSecret,
  SecretError,
} from '../../../src/db/index.ts';
import { openFreshDatabase } from './fixtures.ts';

const KEY = 'sk-test-0123456789abcdefTOPSECRET';

function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

afterEach(() => lockSecrets());

describe('secrets', () => {
  it('stores a remembered key encrypted: the stored bytes do not contain it', async () => {
    const db = await openFreshDatabase();
    await saveSecret(db, { id: 'openrouter', label: 'OpenRouter key', value: KEY, remember: true });
    const record = await db.secrets.get('openrouter');
    expect(record?.protection).toBe('device');
    const stored = new Uint8Array(record!.ciphertext);
    expect(containsBytes(stored, new TextEncoder().encode(KEY))).toBe(false);
    expect(JSON.stringify(await db.secrets.toArray())).not.toContain('TOPSECRET');
    expect(JSON.stringify(await db.settings.toArray())).not.toContain('TOPSECRET');
    // a new page (memory dropped) decrypts it with the browser's non-extractable key
    lockSecrets();
    expect(await readSecret(db, 'openrouter')).toBe(KEY);
  });

  it('keeps an unremembered key in memory only', async () => {
    const db = await openFreshDatabase();
    await saveSecret(db, { id: 'groq', label: 'Groq key', value: KEY, remember: false });
    expect(await db.secrets.count()).toBe(0);
    expect(await readSecret(db, 'groq')).toBe(KEY);
    lockSecrets(); // what closing the tab does
    await expect(readSecret(db, 'groq')).rejects.toMatchObject({ kind: 'missing' });
  });

  it('unticking remember removes the stored copy', async () => {
    const db = await openFreshDatabase();
    await saveSecret(db, { id: 'p', label: 'P', value: KEY, remember: true });
    await saveSecret(db, { id: 'p', label: 'P', value: KEY, remember: false });
    expect(await db.secrets.count()).toBe(0);
  });

  it('a passphrase-protected key needs the passphrase and refuses a wrong one', async () => {
    const db = await openFreshDatabase();
    await saveSecret(db, {
      id: 'a',
      label: 'Anthropic key',
      value: KEY,
      remember: true,
      passphrase: 'correct horse',
    });
    lockSecrets();
    expect((await listSecrets(db))[0]).toMatchObject({ id: 'a', remembered: true, locked: true });
    await expect(readSecret(db, 'a')).rejects.toMatchObject({ kind: 'needs-passphrase' });
    const wrong = await readSecret(db, 'a', 'battery staple').catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(SecretError);
    expect((wrong as SecretError).kind).toBe('wrong-passphrase');
    expect((wrong as SecretError).message).not.toContain(KEY);
    expect(await readSecret(db, 'a', 'correct horse')).toBe(KEY);
  }, 20_000);

  it('forget removes the key from memory and storage', async () => {
    const db = await openFreshDatabase();
    await saveSecret(db, { id: 'x', label: 'X', value: KEY, remember: true });
    await forgetSecret(db, 'x');
    expect(await db.secrets.count()).toBe(0);
    await expect(readSecret(db, 'x')).rejects.toMatchObject({ kind: 'missing' });
    expect(await listSecrets(db)).toEqual([]);
  });
});
