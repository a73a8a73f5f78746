// API keys at rest: AES-GCM under a non-extractable WebCrypto key kept in IndexedDB (or under a
// key derived from the person's passphrase). This protects against reading the profile on disk
// and against leaks through exports and logs, not against script running in the page (nothing
// in a page can). Keys are session-only unless the person ticks "remember".
import type { CitDatabase, SecretRecord } from './database.ts';
import { guardQuota } from './storage-errors.ts';

const DEVICE_KEY_SETTING = 'secrets.device-key';
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
const PBKDF2_ITERATIONS = 600_000;

/** A secret that could not be read back, for a person (never containing the secret). */
export class SecretError extends Error {
  override readonly name = 'SecretError';
  constructor(
    readonly kind: 'missing' | 'wrong-passphrase' | 'needs-passphrase',
    message: string,
  ) {
    super(message);
  }
}

/** Keys kept for this page only ("remember" unticked): never written anywhere. */
const sessionSecrets = new Map<string, { label: string; value: string }>();

async function deviceKey(db: CitDatabase): Promise<CryptoKey> {
  const stored = await db.settings.get(DEVICE_KEY_SETTING);
  if (stored && stored.value instanceof CryptoKey) return stored.value;
  // Non-extractable: the raw key bytes can never be read out, not even by this app.
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  await guardQuota(() => db.settings.put({ key: DEVICE_KEY_SETTING, value: key }));
  return key;
}

async function passphraseKey(passphrase: string, salt: Uint8Array): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations: PBKDF2_ITERATIONS },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Stores a secret: encrypted in IndexedDB when `remember`, else in this page's memory only. */
export async function saveSecret(
  db: CitDatabase,
  input: { id: string; label: string; value: string; remember: boolean; passphrase?: string },
  now = new Date(),
): Promise<void> {
  if (!input.remember) {
    sessionSecrets.set(input.id, { label: input.label, value: input.value });
    await db.secrets.delete(input.id); // "remember" untick forgets an earlier stored copy
    return;
  }
  const salt = input.passphrase ? crypto.getRandomValues(new Uint8Array(16)) : null;
  const key =
    input.passphrase && salt ? await passphraseKey(input.passphrase, salt) : await deviceKey(db);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    new TextEncoder().encode(input.value),
  );
  const record: SecretRecord = {
    id: input.id,
    label: input.label,
    ciphertext,
    iv,
    protection: salt ? 'passphrase' : 'device',
    salt,
    createdAt: now.toISOString(),
  };
  await guardQuota(() => db.secrets.put(record));
  sessionSecrets.set(input.id, { label: input.label, value: input.value });
}

/** The secret's value: from this page's memory, else decrypted from IndexedDB. */
export async function readSecret(
  db: CitDatabase,
  id: string,
  passphrase?: string,
): Promise<string> {
  const inMemory = sessionSecrets.get(id);
  if (inMemory) return inMemory.value;
  const record = await db.secrets.get(id);
  if (!record) throw new SecretError('missing', 'No key is stored for this provider.');
  if (record.protection === 'passphrase' && !passphrase)
    throw new SecretError('needs-passphrase', `“${record.label}” is locked: enter its passphrase.`);
  const key =
    record.protection === 'passphrase' && record.salt
      ? await passphraseKey(passphrase ?? '', record.salt)
      : await deviceKey(db);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: record.iv as BufferSource },
      key,
      record.ciphertext,
    );
    const value = new TextDecoder().decode(plain);
    sessionSecrets.set(id, { label: record.label, value });
    return value;
  } catch {
    throw new SecretError(
      'wrong-passphrase',
      record.protection === 'passphrase'
        ? `Wrong passphrase for “${record.label}”.`
        : `“${record.label}” cannot be decrypted in this browser profile; enter the key again.`,
    );
  }
}

/** Which secrets exist (labels only), stored or session-only. */
export async function listSecrets(
  db: CitDatabase,
): Promise<{ id: string; label: string; remembered: boolean; locked: boolean }[]> {
  const stored = await db.secrets.toArray();
  const rows = stored.map((record) => ({
    id: record.id,
    label: record.label,
    remembered: true,
    locked: record.protection === 'passphrase' && !sessionSecrets.has(record.id),
  }));
  for (const [id, secret] of sessionSecrets) {
    if (!rows.some((row) => row.id === id))
      rows.push({ id, label: secret.label, remembered: false, locked: false });
  }
  return rows;
}

/** "Forget key": removes it from memory and from IndexedDB. */
export async function forgetSecret(db: CitDatabase, id: string): Promise<void> {
  sessionSecrets.delete(id);
  await db.secrets.delete(id);
}

/** Drops the in-memory copies (what closing the tab does); for tests and "lock now". */
export function lockSecrets(): void {
  sessionSecrets.clear();
}
