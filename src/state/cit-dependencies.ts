// What a CIT run needs from the app, assembled when the run starts or resumes: the provider of
// each role (the recipe's override, else the Settings assignment), each wrapped with traffic
// control (a storm of rate limits pauses the run) and metering (every call priced, checked against
// the budget and recorded in llmCalls), the seed pool, and the runtime the prompts describe.
import type { CitRole } from '../core/cit/recipe.ts';
import { CIT_ROLES } from '../core/cit/recipe.ts';
import type { RunRecord } from '../core/dataset/records.ts';
import {
  LlmCallWriter,
  readSecret,
  SecretError,
  sumRunLlmUsage,
  type CitDatabase,
} from '../db/index.ts';
import { sumLlmCallCosts } from '../db/provider-settings.ts';
import { withTraffic } from '../llm/traffic/traffic-provider.ts';
import type { LlmProvider } from '../llm/types.ts';
import { UsageMeter } from '../llm/usage/meter.ts';
import {
  createCitLlm,
  createDbCitStore,
  PauseRunError,
  runtimeFactsOf,
  type CitDependencies,
} from '../pipeline/index.ts';
import type { RuntimeInfo } from '../python/index.ts';
import { resolveRoleServer } from './recipe-roles.ts';
import { makeProvider, presetNeedsKey, type SettingsState } from './settings.svelte.ts';

export interface CitAppParts {
  db: CitDatabase;
  settings: SettingsState;
  runtimeInfo(): Promise<RuntimeInfo>;
  /** Pauses the run (a storm of rate limits). */
  pause(reason: string): void;
}

async function buildProvider(
  parts: CitAppParts,
  providerId: string,
  model: string,
): Promise<LlmProvider> {
  const config = parts.settings.providers.find((provider) => provider.id === providerId);
  if (!config) throw new PauseRunError(`Provider ${providerId} is gone from Settings.`);
  let apiKey: string | null = null;
  try {
    apiKey = await readSecret(parts.db, providerId);
  } catch (error) {
    if (!(error instanceof SecretError)) throw error;
    if (error.kind !== 'missing' || presetNeedsKey(config.preset))
      throw new PauseRunError(
        error.kind === 'needs-passphrase'
          ? `The key of ${config.name} is locked with a passphrase: unlock it in Settings (test the connection), then resume.`
          : `${config.name} has no usable API key (${error.message}). Add it in Settings, then resume.`,
      );
  }
  return makeProvider({ ...config, model }, apiKey);
}

export function citDependencies(parts: CitAppParts): (run: RunRecord) => Promise<CitDependencies> {
  return async (run) => {
    if (run.settings.kind !== 'cit') throw new Error('not a CIT run');
    const recipe = run.settings;
    const providers: Record<CitRole, LlmProvider | null> = {
      'code-writer': null,
      'qa-writer': null,
      'chart-rater': null,
      'qa-rater': null,
    };
    // One traffic queue per provider and model, shared by the roles it serves.
    const shared = new Map<string, LlmProvider>();
    // Who serves each role is resolved as the Generate page shows it (src/state/recipe-roles.ts).
    for (const role of CIT_ROLES) {
      const server = resolveRoleServer(
        recipe,
        role,
        parts.settings.providers,
        parts.settings.roles,
      );
      if (!server.isNeeded || !server.providerId || !server.providerName) continue;
      const assignment = { providerId: server.providerId, model: server.model ?? '' };
      const key = `${assignment.providerId}\u0000${assignment.model}`;
      let provider = shared.get(key);
      if (!provider) {
        provider = withTraffic(
          await buildProvider(parts, assignment.providerId, assignment.model),
          {
            onStorm: (message) =>
              parts.pause(`Paused: ${message}. Resume when the provider recovers.`),
          },
        );
        shared.set(key, provider);
      }
      providers[role] = provider;
    }
    const [previous, allTime] = await Promise.all([
      sumRunLlmUsage(parts.db, run.id),
      sumLlmCallCosts(parts.db),
    ]);
    const limits: number[] = [];
    if (recipe.budgetUsd !== null) limits.push(recipe.budgetUsd - previous.usd);
    if (parts.settings.budgetCapUsd !== null)
      limits.push(parts.settings.budgetCapUsd - allTime.usd);
    const remaining = limits.length > 0 ? Math.max(0, Math.min(...limits)) : null;
    const prices = Object.fromEntries(
      Object.entries(parts.settings.prices).map(([model, price]) => [model, { ...price }]),
    );
    const meter = new UsageMeter(prices, remaining);
    const writer = new LlmCallWriter(parts.db);
    const llm = createCitLlm({
      runId: run.id,
      providers,
      roles: recipe.roles,
      meter,
      previous,
      record: async (record) => writer.add({ ...record, createdAt: record.startedAt }),
    });
    return {
      store: createDbCitStore(parts.db),
      llm,
      flush: () => writer.flush(),
      runtimeFacts: async () => runtimeFactsOf(await parts.runtimeInfo()),
    };
  };
}
