// Settings of the LLM providers, stored in the `settings` table: provider configs (never keys —
// those live in secrets.ts), which provider and model serves each role, the user's price table
// and budget cap. Also the provenance record of each LLM call (one put per call).
import type { CitDatabase, LlmCallRecord } from './database.ts';
import { guardQuota } from './storage-errors.ts';

/** Where a provider's calls go. No secret here: the key is in secrets.ts under the same id. */
export interface ProviderConfig {
  id: string;
  /** 'openai' … 'custom' (OpenAI-compatible presets), 'anthropic' or 'webllm'. */
  preset: string;
  name: string;
  baseUrl: string;
  model: string;
}

export type LlmRole = 'code-writer' | 'qa-writer' | 'chart-rater' | 'qa-rater';

export const LLM_ROLES: readonly LlmRole[] = [
  'code-writer',
  'qa-writer',
  'chart-rater',
  'qa-rater',
];

/** Provider id and model per role; null: not assigned. */
export type RoleAssignments = Record<LlmRole, { providerId: string; model: string } | null>;

export interface StoredPrice {
  inputPerMTok: number;
  outputPerMTok: number;
  source: string;
}

const PROVIDERS_KEY = 'llm.providers';
const ROLES_KEY = 'llm.roles';
const PRICES_KEY = 'llm.prices';
const BUDGET_KEY = 'llm.budget-usd';

async function readSetting(db: CitDatabase, key: string): Promise<unknown> {
  return (await db.settings.get(key))?.value;
}

async function writeSetting(db: CitDatabase, key: string, value: unknown): Promise<void> {
  await guardQuota(() => db.settings.put({ key, value }));
}

export async function loadProviderConfigs(db: CitDatabase): Promise<ProviderConfig[]> {
  const value = await readSetting(db, PROVIDERS_KEY);
  return Array.isArray(value) ? (value as ProviderConfig[]) : [];
}

export async function saveProviderConfigs(
  db: CitDatabase,
  configs: readonly ProviderConfig[],
): Promise<void> {
  // Copy only the known fields: a key that slipped into a config object is never written.
  const clean = configs.map(({ id, preset, name, baseUrl, model }) => ({
    id,
    preset,
    name,
    baseUrl,
    model,
  }));
  await writeSetting(db, PROVIDERS_KEY, clean);
}

export function emptyRoleAssignments(): RoleAssignments {
  return { 'code-writer': null, 'qa-writer': null, 'chart-rater': null, 'qa-rater': null };
}

export async function loadRoleAssignments(db: CitDatabase): Promise<RoleAssignments> {
  const value = await readSetting(db, ROLES_KEY);
  const roles = emptyRoleAssignments();
  if (typeof value === 'object' && value !== null)
    for (const role of LLM_ROLES) {
      const entry = (value as Partial<RoleAssignments>)[role];
      if (entry) roles[role] = { providerId: entry.providerId, model: entry.model };
    }
  return roles;
}

export async function saveRoleAssignments(db: CitDatabase, roles: RoleAssignments): Promise<void> {
  await writeSetting(db, ROLES_KEY, { ...roles });
}

/** The user's price table; null when never edited (the caller falls back to the defaults). */
export async function loadPriceTable(db: CitDatabase): Promise<Record<string, StoredPrice> | null> {
  const value = await readSetting(db, PRICES_KEY);
  return typeof value === 'object' && value !== null
    ? (value as Record<string, StoredPrice>)
    : null;
}

export async function savePriceTable(
  db: CitDatabase,
  table: Record<string, StoredPrice>,
): Promise<void> {
  await writeSetting(db, PRICES_KEY, { ...table });
}

/** The spending cap in USD for a CIT run; null: no cap. */
export async function loadBudgetCap(db: CitDatabase): Promise<number | null> {
  const value = await readSetting(db, BUDGET_KEY);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export async function saveBudgetCap(db: CitDatabase, usd: number | null): Promise<void> {
  await writeSetting(db, BUDGET_KEY, usd);
}

/** Provenance of one call. */
export async function recordLlmCall(db: CitDatabase, record: LlmCallRecord): Promise<void> {
  await guardQuota(() => db.llmCalls.put(record));
}

/** Sum of `costUsd` over recorded calls, and how many calls carried a cost. */
export async function sumLlmCallCosts(db: CitDatabase): Promise<{ usd: number; calls: number }> {
  let usd = 0;
  let calls = 0;
  await db.llmCalls.each((record) => {
    if (typeof record.costUsd === 'number' && Number.isFinite(record.costUsd)) {
      usd += record.costUsd;
      calls += 1;
    }
  });
  return { usd, calls };
}
