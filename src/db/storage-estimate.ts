// Persistent storage and usage against quota (navigator.storage), shown on the datasets page.

export interface StorageEstimateInfo {
  usageBytes: number | null;
  quotaBytes: number | null;
  persisted: boolean;
}

function storageManager(): StorageManager | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

/** Asks the browser not to evict the site's data; false when refused or unsupported. */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = storageManager();
  if (!storage?.persist) return false;
  if (storage.persisted && (await storage.persisted())) return true;
  return storage.persist();
}

/** How much is used and allowed; nulls when the browser does not say. */
export async function estimateStorage(): Promise<StorageEstimateInfo> {
  const storage = storageManager();
  if (!storage?.estimate) return { usageBytes: null, quotaBytes: null, persisted: false };
  const [estimate, persisted] = await Promise.all([
    storage.estimate(),
    storage.persisted ? storage.persisted() : Promise.resolve(false),
  ]);
  return {
    usageBytes: estimate.usage ?? null,
    quotaBytes: estimate.quota ?? null,
    persisted,
  };
}
