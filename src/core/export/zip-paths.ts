// Safe paths inside an archive: shared by the writer (which refuses to write a bad one) and the
// importer (which refuses to read an archive that has one).

/** Why a path is not a safe relative archive path, or null when it is. */
export function findUnsafePathReason(path: string): string | null {
  if (path.length === 0) return 'empty path';
  if (path.length > 512) return 'path longer than 512 characters';
  if (path.includes('\\')) return 'backslash in path';
  if (path.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(path)) return 'drive letter in path';
  // Control characters could hide the real name from a person reading a listing.
  for (const char of path) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return 'control character in path';
  }
  const segments = path.replace(/\/$/, '').split('/');
  if (segments.some((segment) => segment === '..')) return 'parent-folder segment (..)';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'empty or "." segment';
  return null;
}

/** Throws on an unsafe path: the writer only ever builds paths from sanitised names. */
export function assertSafeZipPath(path: string): string {
  const reason = findUnsafePathReason(path);
  if (reason !== null) throw new Error(`unsafe archive path ${JSON.stringify(path)}: ${reason}`);
  return path;
}

/**
 * A record id as a file name: characters outside [A-Za-z0-9._-] become "_" and a leading dot
 * becomes "_", so no id (even one read from a foreign archive) can name a parent folder.
 */
export function toFileName(id: string): string {
  const name = id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\./, '_');
  return name.length === 0 ? '_' : name.slice(0, 200);
}
