// Provider settings in the `settings` table: configs without keys, roles, prices, budget, costs.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  loadBudgetCap,
  loadPriceTable,
  loadProviderConfigs,
  loadRoleAssignments,
  recordLlmCall,
  saveBudgetCap,
  savePriceTable,
  saveProviderConfigs,
  saveRoleAssignments,
  sumLlmCallCosts,
  emptyRoleAssignments,
  type ProviderConfig,
} from '../../../src/db/provider-settings.ts';
import { openFreshDatabase } from './fixtures.ts';

const CONFIG: ProviderConfig = {
  id: 'p1',
  preset: 'custom',
  name: 'Local',
  baseUrl: 'http://127.0.0.1:9/v1',
  model: 'm',
};

describe('provider settings', () => {
  it('round-trips configs and drops any field that is not part of a config', async () => {
    const db = await openFreshDatabase();
    expect(await loadProviderConfigs(db)).toEqual([]);
    const leaky = { ...CONFIG, apiKey: 'sk-should-not-be-stored' } as ProviderConfig;
    await saveProviderConfigs(db, [leaky]);
    expect(await loadProviderConfigs(db)).toEqual([CONFIG]);
    const raw = JSON.stringify(await db.settings.toArray());
    expect(raw).not.toContain('sk-should-not-be-stored');
  });

  it('round-trips roles, prices and the budget cap', async () => {
    const db = await openFreshDatabase();
    expect(await loadRoleAssignments(db)).toEqual(emptyRoleAssignments());
    const roles = emptyRoleAssignments();
    roles['code-writer'] = { providerId: 'p1', model: 'qwen' };
    await saveRoleAssignments(db, roles);
    expect((await loadRoleAssignments(db))['code-writer']).toEqual({
      providerId: 'p1',
      model: 'qwen',
    });
    expect(await loadPriceTable(db)).toBeNull();
    await savePriceTable(db, { m: { inputPerMTok: 1, outputPerMTok: 2, source: 'me' } });
    expect((await loadPriceTable(db))?.m?.outputPerMTok).toBe(2);
    expect(await loadBudgetCap(db)).toBeNull();
    await saveBudgetCap(db, 5.5);
    expect(await loadBudgetCap(db)).toBe(5.5);
    await saveBudgetCap(db, null);
    expect(await loadBudgetCap(db)).toBeNull();
  });

  it('records calls one by one and sums the costs of those that have one', async () => {
    const db = await openFreshDatabase();
    const base = { runId: null, itemId: null, createdAt: '2026-01-01T00:00:00Z' };
    await recordLlmCall(db, { ...base, id: 'c1', costUsd: 0.25 });
    await recordLlmCall(db, { ...base, id: 'c2', costUsd: 0.5 });
    await recordLlmCall(db, { ...base, id: 'c3' });
    expect(await db.llmCalls.count()).toBe(3);
    expect(await sumLlmCallCosts(db)).toEqual({ usd: 0.75, calls: 2 });
  });
});
