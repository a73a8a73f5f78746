// Cached WebLLM models: which offered models are on disk (with their estimated size) and deleting
// one. The cache functions are injected so the list can be tested without a browser Cache API.
import { deleteModelAllInfoInCache, hasModelInCache } from '@mlc-ai/web-llm';
import type { AppConfig } from '@mlc-ai/web-llm';

export interface CachedModel {
  id: string;
  /** Estimated from the parameter count; WebLLM does not report bytes. */
  sizeGb: number;
}

export interface ModelCacheDeps {
  has?: (modelId: string, appConfig?: AppConfig) => Promise<boolean>;
  remove?: (modelId: string, appConfig?: AppConfig) => Promise<void>;
  appConfig?: AppConfig;
}

export async function listCachedModels(
  models: readonly { id: string; sizeGb: number }[],
  deps: ModelCacheDeps = {},
): Promise<CachedModel[]> {
  const has = deps.has ?? hasModelInCache;
  const flags = await Promise.all(models.map((m) => has(m.id, deps.appConfig).catch(() => false)));
  return models.filter((_, i) => flags[i]).map(({ id, sizeGb }) => ({ id, sizeGb }));
}

/** Deletes weights, config and wasm of one model (also the way out of a broken partial download). */
export async function deleteCachedModel(modelId: string, deps: ModelCacheDeps = {}): Promise<void> {
  await (deps.remove ?? deleteModelAllInfoInCache)(modelId, deps.appConfig);
}
