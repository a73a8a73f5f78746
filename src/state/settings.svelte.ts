// The Settings page: LLM provider configs, their keys (through secrets.ts, never in a config),
// "test connection", the model per role, the price table, the budget cap and money spent so far.
import {
  forgetSecret,
  listSecrets,
  readSecret,
  saveSecret,
  SecretError,
  type CitDatabase,
} from '../db/index.ts';
import {
  emptyRoleAssignments,
  loadBudgetCap,
  loadPriceTable,
  recordLlmCall,
  loadProviderConfigs,
  loadRoleAssignments,
  saveBudgetCap,
  savePriceTable,
  saveProviderConfigs,
  saveRoleAssignments,
  sumLlmCallCosts,
  type LlmRole,
  type ProviderConfig,
  type RoleAssignments,
  type StoredPrice,
} from '../db/provider-settings.ts';
import { createAnthropicProvider } from '../llm/anthropic.ts';
import { createOpenAiCompatibleProvider } from '../llm/openai-compatible.ts';
import { createDemoProvider, DEMO_MODEL } from '../llm/demo/index.ts';
import { DEMO_PRESET, getPreset, PRESETS, type PresetId } from '../llm/presets.ts';
import { chatJson } from '../llm/structured.ts';
import { LlmError, type LlmProvider } from '../llm/types.ts';
import { DEFAULT_PRICES } from '../llm/usage/prices.ts';
import { UsageMeter } from '../llm/usage/meter.ts';
import { withMetering } from '../llm/usage/metered-provider.ts';
import { createWebLlmProvider, createWorkerEngineFactory } from '../llm/webllm/index.ts';

/** Presets offered by "Add provider": the OpenAI-compatible ones, Anthropic, WebLLM and Demo. */
export const PROVIDER_PRESETS: readonly { id: string; label: string; baseUrl: string }[] = [
  ...PRESETS.map((p) => ({ id: p.id, label: p.label, baseUrl: p.baseUrl })),
  { id: 'anthropic', label: 'Anthropic', baseUrl: 'https://api.anthropic.com' },
  { id: 'webllm', label: 'WebLLM (this GPU)', baseUrl: '' },
  { id: DEMO_PRESET.id, label: DEMO_PRESET.label, baseUrl: '' },
];

/** Whether the preset's endpoint needs a key (local servers and WebLLM do not). */
export function presetNeedsKey(preset: string): boolean {
  if (preset === 'anthropic') return true;
  if (preset === 'webllm' || preset === DEMO_PRESET.id) return false;
  const known = PRESETS.find((p) => p.id === preset);
  return known ? known.needsKey : false;
}

/** Builds the provider a config describes; `apiKey` comes from secrets.ts at call time. */
export type ProviderMaker = (config: ProviderConfig, apiKey: string | null) => LlmProvider;

export const makeProvider: ProviderMaker = (config, apiKey) => {
  if (config.preset === 'anthropic')
    return createAnthropicProvider({
      apiKey: apiKey ?? '',
      model: config.model,
      baseUrl: config.baseUrl || undefined,
    });
  if (config.preset === DEMO_PRESET.id) return createDemoProvider();
  if (config.preset === 'webllm')
    return createWebLlmProvider({
      modelId: config.model,
      engineFactory: createWorkerEngineFactory(),
    });
  const preset = PRESETS.some((p) => p.id === config.preset)
    ? (config.preset as PresetId)
    : 'custom';
  return createOpenAiCompatibleProvider({
    baseUrl: config.baseUrl || getPreset(preset).baseUrl,
    model: config.model,
    preset,
    ...(apiKey ? { apiKey } : {}),
  });
};

export interface ConnectionReport {
  ok: boolean;
  latencyMs: number | null;
  /** Valid JSON matching the schema on the first try. */
  jsonSchema: boolean | null;
  /** 'accepted', or the kind of the refusal. */
  images: string | null;
  /** A failure, for a person: kind and message (never the key). */
  error: { kind: string; message: string } | null;
}

/** A 1×1 transparent PNG. */
export const PIXEL_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const OK_SCHEMA = {
  type: 'object',
  properties: { ok: { type: 'boolean' } },
  required: ['ok'],
  additionalProperties: false,
};

function describeError(error: unknown): { kind: string; message: string } {
  if (error instanceof LlmError) return { kind: error.kind, message: error.message };
  if (error instanceof SecretError) return { kind: 'no-key', message: error.message };
  throw error;
}

/** Two tiny calls: JSON with a 1-property schema (latency, schema), then a 1×1 image. */
export async function runConnectionTest(provider: LlmProvider): Promise<ConnectionReport> {
  const report: ConnectionReport = {
    ok: false,
    latencyMs: null,
    jsonSchema: null,
    images: null,
    error: null,
  };
  const started = performance.now();
  try {
    const reply = await chatJson<{ ok: boolean }>(
      provider,
      {
        messages: [
          { role: 'user', content: 'Reply with the JSON object {"ok": true} and nothing else.' },
        ],
        maxTokens: 16,
        temperature: 0,
      },
      OK_SCHEMA,
      { repairAttempts: 0 },
    );
    report.latencyMs = Math.round(reply.result.latencyMs || performance.now() - started);
    // Valid for the schema on the first try is what matters; the value itself is the model’s.
    report.jsonSchema = !reply.repaired;
    report.ok = true;
  } catch (error) {
    const described = describeError(error);
    if (described.kind !== 'invalid-output') {
      report.error = described;
      return report;
    }
    // The endpoint answered, only not with valid JSON: the connection itself works.
    report.latencyMs = Math.round(performance.now() - started);
    report.jsonSchema = false;
    report.ok = true;
  }
  try {
    await provider.chat({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Reply with the word ok.' },
            { type: 'image', dataUrl: PIXEL_PNG },
          ],
        },
      ],
      maxTokens: 4,
      temperature: 0,
    });
    report.images = 'accepted';
  } catch (error) {
    report.images = describeError(error).kind;
  }
  return report;
}

export interface KeyInput {
  /** Empty: keep the key already stored. */
  value: string;
  remember: boolean;
  passphrase?: string;
}

export class SettingsState {
  providers = $state<ProviderConfig[]>([]);
  /** Per provider id: whether a key exists and whether it is remembered or locked. */
  keys = $state<Record<string, { remembered: boolean; locked: boolean }>>({});
  roles = $state<RoleAssignments>(emptyRoleAssignments());
  prices = $state<Record<string, StoredPrice>>({ ...DEFAULT_PRICES });
  budgetCapUsd = $state<number | null>(null);
  spent = $state<{ usd: number; calls: number }>({ usd: 0, calls: 0 });
  reports = $state<Record<string, ConnectionReport | 'running'>>({});
  error = $state<string | null>(null);

  #db: CitDatabase | null = null;
  #makeProvider: ProviderMaker;

  constructor(maker: ProviderMaker = makeProvider) {
    this.#makeProvider = maker;
  }

  async attach(db: CitDatabase): Promise<void> {
    if (this.#db === db) return;
    this.#db = db;
    this.providers = await loadProviderConfigs(db);
    this.roles = await loadRoleAssignments(db);
    this.prices = (await loadPriceTable(db)) ?? { ...DEFAULT_PRICES };
    this.budgetCapUsd = await loadBudgetCap(db);
    this.spent = await sumLlmCallCosts(db);
    await this.#refreshKeys();
  }

  #requireDb(): CitDatabase {
    if (!this.#db) throw new Error('settings are not attached to storage yet');
    return this.#db;
  }

  async #refreshKeys(): Promise<void> {
    const rows = await listSecrets(this.#requireDb());
    this.keys = Object.fromEntries(
      rows.map((row) => [row.id, { remembered: row.remembered, locked: row.locked }]),
    );
  }

  /** Adds a provider from a preset and returns it (stored at once, without a key). */
  async addProvider(presetId: string): Promise<ProviderConfig> {
    const preset = PROVIDER_PRESETS.find((p) => p.id === presetId);
    if (!preset) throw new Error(`unknown preset ${presetId}`);
    const config: ProviderConfig = {
      id: `provider-${crypto.randomUUID()}`,
      preset: preset.id,
      name: preset.label,
      baseUrl: preset.baseUrl,
      // The demo LLM has one model; others are chosen by the person.
      model: preset.id === DEMO_PRESET.id ? DEMO_MODEL : '',
    };
    this.providers = [...this.providers, config];
    await saveProviderConfigs(this.#requireDb(), this.providers);
    return config;
  }

  /** Saves a provider's fields and, when given, its key (encrypted if remembered). */
  async saveProvider(config: ProviderConfig, key?: KeyInput): Promise<void> {
    const db = this.#requireDb();
    const { id, preset, name, baseUrl, model } = config;
    this.providers = this.providers.map((p) =>
      p.id === id ? { id, preset, name, baseUrl, model } : p,
    );
    await saveProviderConfigs(db, this.providers);
    if (key && key.value !== '') {
      await saveSecret(db, {
        id,
        label: `${name} key`,
        value: key.value,
        remember: key.remember,
        ...(key.passphrase ? { passphrase: key.passphrase } : {}),
      });
    }
    await this.#refreshKeys();
  }

  async deleteProvider(id: string): Promise<void> {
    const db = this.#requireDb();
    this.providers = this.providers.filter((p) => p.id !== id);
    await saveProviderConfigs(db, this.providers);
    await forgetSecret(db, id);
    for (const role of Object.keys(this.roles) as LlmRole[])
      if (this.roles[role]?.providerId === id) this.roles[role] = null;
    await saveRoleAssignments(db, $state.snapshot(this.roles));
    await this.#refreshKeys();
  }

  async forgetKey(id: string): Promise<void> {
    await forgetSecret(this.#requireDb(), id);
    delete this.reports[id];
    await this.#refreshKeys();
  }

  /**
   * The provider wrapped so every call is priced and recorded in llmCalls (provenance: provider,
   * model, parameters, seed, prompt hash, reply, usage, cost, latency, error).
   */
  #recorded(provider: LlmProvider): LlmProvider {
    const db = this.#requireDb();
    const meter = new UsageMeter({ ...this.prices });
    return withMetering(provider, {
      meter,
      onRecord: (record) =>
        recordLlmCall(db, { ...record, id: crypto.randomUUID(), createdAt: record.startedAt }),
    });
  }

  /** The provider a config describes, with its key read from secrets.ts. */
  async providerFor(id: string, passphrase?: string): Promise<LlmProvider> {
    const config = this.providers.find((p) => p.id === id);
    if (!config) throw new Error(`no provider ${id}`);
    let apiKey: string | null = null;
    try {
      apiKey = await readSecret(this.#requireDb(), id, passphrase);
    } catch (error) {
      if (!(error instanceof SecretError)) throw error;
      if (error.kind !== 'missing' || presetNeedsKey(config.preset)) throw error;
    }
    return this.#makeProvider(config, apiKey);
  }

  async testConnection(id: string, passphrase?: string): Promise<ConnectionReport> {
    this.reports[id] = 'running';
    let report: ConnectionReport;
    try {
      report = await runConnectionTest(this.#recorded(await this.providerFor(id, passphrase)));
    } catch (error) {
      report = {
        ok: false,
        latencyMs: null,
        jsonSchema: null,
        images: null,
        error: describeError(error),
      };
    }
    this.reports[id] = report;
    await this.#refreshKeys();
    return report;
  }

  async assignRole(role: LlmRole, providerId: string | null, model = ''): Promise<void> {
    this.roles[role] = providerId ? { providerId, model } : null;
    await saveRoleAssignments(this.#requireDb(), $state.snapshot(this.roles));
  }

  async savePrices(table: Record<string, StoredPrice>): Promise<void> {
    this.prices = { ...table };
    await savePriceTable(this.#requireDb(), $state.snapshot(this.prices));
  }

  async resetPrices(): Promise<void> {
    await this.savePrices({ ...DEFAULT_PRICES });
  }

  async saveBudgetCap(usd: number | null): Promise<void> {
    if (usd !== null && (!Number.isFinite(usd) || usd < 0)) {
      this.error = 'The budget cap must be a number of dollars, 0 or more.';
      return;
    }
    this.error = null;
    this.budgetCapUsd = usd;
    await saveBudgetCap(this.#requireDb(), usd);
  }

  async refreshSpent(): Promise<void> {
    this.spent = await sumLlmCallCosts(this.#requireDb());
  }
}
