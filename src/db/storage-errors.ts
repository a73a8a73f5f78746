// Storage failures a person must hear about. A full disk is expected (it happens on phones and
// in private windows), so it becomes a typed error the runner turns into a pause; anything else
// is unexpected and propagates unchanged.

export interface StorageProblem {
  kind: 'quota';
  message: string;
}

/** Thrown by repository writes when the browser refuses to store more. */
export class StorageFullError extends Error {
  readonly kind = 'quota' as const;
  constructor(cause: unknown) {
    super(
      'The browser has no storage left for this site. Free some space (delete a dataset or ' +
        'export and remove old runs), then resume.',
      { cause },
    );
    this.name = 'StorageFullError';
  }
}

function nameOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

/** True for QuotaExceededError in any of its forms: DOMException, Dexie's wrapper, nested causes. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  if (error instanceof StorageFullError) return true;
  const name = nameOf(error);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  // Dexie wraps the IDB error as `inner`; bulk errors carry a list of failures.
  const wrapped = error as { inner?: unknown; cause?: unknown; failures?: unknown };
  if (isQuotaError(wrapped.inner, depth + 1) || isQuotaError(wrapped.cause, depth + 1)) return true;
  if (Array.isArray(wrapped.failures)) {
    return wrapped.failures.some((failure) => isQuotaError(failure, depth + 1));
  }
  return false;
}

/** The typed problem for an error, or null when it is not one a person can act on. */
export function toStorageProblem(error: unknown): StorageProblem | null {
  if (!isQuotaError(error)) return null;
  const message =
    error instanceof StorageFullError ? error.message : new StorageFullError(error).message;
  return { kind: 'quota', message };
}

/** Runs a write; a quota failure is rethrown as StorageFullError (the transaction rolled back). */
export async function guardQuota<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error) && !(error instanceof StorageFullError)) {
      throw new StorageFullError(error);
    }
    throw error;
  }
}
