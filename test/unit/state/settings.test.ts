// The Settings state: providers add/edit/delete, keys only in secrets, remember on/off, and
// "test connection" against fake providers that accept or refuse images.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { lockSecrets } from '../../../src/db/index.ts';
import { loadProviderConfigs } from '../../../src/db/provider-settings.ts';
import type { ProviderConfig } from '../../../src/db/provider-settings.ts';
import { createFakeProvider } from '../../../src/llm/fake-provider.ts';
import type { ChatRequest, LlmProvider } from '../../../src/llm/types.ts';
import { SettingsState } from '../../../src/state/settings.svelte.ts';
import { openFreshDatabase } from '../db/fixtures.ts';

const KEY = 'sk-unit-SECRET-42';

const hasImage = (request: ChatRequest) =>
  request.messages.some(
    (m) => typeof m.content !== 'string' && m.content.some((p) => p.type === 'image'),
  );

/** A maker that records which key each provider got and answers like a model would. */
function fakeMaker(options: { images: boolean; json: boolean }) {
  const keys: (string | null)[] = [];
  const maker = (_config: ProviderConfig, apiKey: string | null): LlmProvider => {
    keys.push(apiKey);
    return createFakeProvider({
      latencyMs: 3,
      script: (request) => {
        if (hasImage(request))
          return options.images
            ? { text: 'ok' }
            : { fault: { kind: 'bad-request', message: 'this model does not take images' } };
        return { text: options.json ? '{"ok": true}' : 'Sure! ok' };
      },
    });
  };
  return { maker, keys };
}

afterEach(() => lockSecrets());

describe('SettingsState', () => {
  it('adds the demo LLM ready to serve a role: its model set, no key, answering CIT prompts', async () => {
    const db = await openFreshDatabase();
    const state = new SettingsState();
    await state.attach(db);
    const demo = await state.addProvider('demo');
    expect(demo.model).toBe('demo-template');
    const provider = await state.providerFor(demo.id);
    expect(provider.describe().name).toMatch(/Demo/);
    const report = await state.testConnection(demo.id);
    expect(report.ok).toBe(true);
  });

  it('adds, edits and deletes providers; the key never enters a config', async () => {
    const db = await openFreshDatabase();
    const state = new SettingsState(fakeMaker({ images: true, json: true }).maker);
    await state.attach(db);
    const added = await state.addProvider('custom');
    await state.saveProvider(
      { ...added, name: 'Mine', baseUrl: 'http://127.0.0.1:1/v1', model: 'fake-model' },
      { value: KEY, remember: true },
    );
    expect(state.providers[0]?.name).toBe('Mine');
    expect(await loadProviderConfigs(db)).toHaveLength(1);
    expect(JSON.stringify(await db.settings.toArray())).not.toContain(KEY);
    expect(state.keys[added.id]).toEqual({ remembered: true, locked: false });

    await state.assignRole('code-writer', added.id, 'fake-model');
    await state.deleteProvider(added.id);
    expect(state.providers).toEqual([]);
    expect(await loadProviderConfigs(db)).toEqual([]);
    expect(state.roles['code-writer']).toBeNull();
    expect(await db.secrets.count()).toBe(0);
  });

  it('keeps a remembered key across a reload, and an unremembered one only in memory', async () => {
    const db = await openFreshDatabase();
    const { maker, keys } = fakeMaker({ images: true, json: true });
    const state = new SettingsState(maker);
    await state.attach(db);
    const kept = await state.addProvider('openai');
    const session = await state.addProvider('groq');
    await state.saveProvider({ ...kept, model: 'a' }, { value: KEY, remember: true });
    await state.saveProvider({ ...session, model: 'b' }, { value: 'sk-session', remember: false });
    expect(await db.secrets.count()).toBe(1);

    lockSecrets(); // what a reload does to the page's memory
    const reloaded = new SettingsState(maker);
    await reloaded.attach(db);
    expect((await reloaded.testConnection(kept.id)).ok).toBe(true);
    expect(keys.at(-1)).toBe(KEY);
    const lost = await reloaded.testConnection(session.id);
    expect(lost.ok).toBe(false);
    expect(lost.error?.kind).toBe('no-key');

    await reloaded.forgetKey(kept.id);
    expect(await db.secrets.count()).toBe(0);
    expect((await reloaded.testConnection(kept.id)).error?.kind).toBe('no-key');
  });

  it('reports latency, JSON-schema success and accepted images', async () => {
    const db = await openFreshDatabase();
    const state = new SettingsState(fakeMaker({ images: true, json: true }).maker);
    await state.attach(db);
    const config = await state.addProvider('ollama');
    const report = await state.testConnection(config.id);
    expect(report.ok).toBe(true);
    expect(report.latencyMs).toBeGreaterThanOrEqual(0);
    expect(report.jsonSchema).toBe(true);
    expect(report.images).toBe('accepted');
    expect(state.reports[config.id]).toEqual(report);
  });

  it('reports JSON failure and refused images with the error kind', async () => {
    const db = await openFreshDatabase();
    const state = new SettingsState(fakeMaker({ images: false, json: false }).maker);
    await state.attach(db);
    const config = await state.addProvider('ollama');
    const report = await state.testConnection(config.id);
    expect(report.ok).toBe(true);
    expect(report.jsonSchema).toBe(false);
    expect(report.images).toBe('bad-request');
  });

  it('stores prices and refuses a negative budget cap', async () => {
    const db = await openFreshDatabase();
    const state = new SettingsState(fakeMaker({ images: true, json: true }).maker);
    await state.attach(db);
    await state.savePrices({ m: { inputPerMTok: 1, outputPerMTok: 3, source: 'me' } });
    await state.saveBudgetCap(-1);
    expect(state.error).not.toBeNull();
    await state.saveBudgetCap(2);
    const again = new SettingsState();
    await again.attach(db);
    expect(again.prices).toEqual({ m: { inputPerMTok: 1, outputPerMTok: 3, source: 'me' } });
    expect(again.budgetCapUsd).toBe(2);
    expect(again.spent).toEqual({ usd: 0, calls: 0 });
  });
});
