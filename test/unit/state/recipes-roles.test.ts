// Who serves each role of a CIT recipe, and what blocks a start: Settings' assignments, the
// recipe's overrides, raters needed only when switched on.
import { describe, expect, it } from 'vitest';
import { defaultCitRecipe } from '../../../src/core/cit/recipe.ts';
import { emptyRoleAssignments, type ProviderConfig } from '../../../src/db/provider-settings.ts';
import { findRoleBlockers, resolveRoleServers } from '../../../src/state/recipe-roles.ts';

const OPENAI: ProviderConfig = {
  id: 'p-openai',
  preset: 'openai',
  name: 'OpenAI',
  baseUrl: '',
  model: 'gpt-4o',
};
const LOCAL: ProviderConfig = {
  id: 'p-local',
  preset: 'ollama',
  name: 'Local',
  baseUrl: 'http://127.0.0.1:11434/v1',
  model: '',
};

describe('resolveRoleServers', () => {
  it('refuses a start when the code writer or the Q&A writer has no provider', () => {
    const servers = resolveRoleServers(defaultCitRecipe(), [OPENAI], emptyRoleAssignments());
    expect(findRoleBlockers(servers)).toEqual([
      'Code writer: No provider is assigned to this role.',
      'Q&A writer: No provider is assigned to this role.',
    ]);
  });

  it("uses Settings' assignment, and the recipe's override where it names one", () => {
    const recipe = defaultCitRecipe();
    recipe.roles['qa-writer'] = {
      ...recipe.roles['qa-writer'],
      providerId: 'p-local',
      model: 'qwen2.5',
    };
    const assigned = {
      ...emptyRoleAssignments(),
      'code-writer': { providerId: 'p-openai', model: 'gpt-4o-mini' },
      'qa-writer': { providerId: 'p-openai', model: '' },
    };
    const [code, qa] = resolveRoleServers(recipe, [OPENAI, LOCAL], assigned);
    expect(code).toMatchObject({
      source: 'settings',
      providerName: 'OpenAI',
      model: 'gpt-4o-mini',
    });
    expect(qa).toMatchObject({ source: 'recipe', providerName: 'Local', model: 'qwen2.5' });
    expect(findRoleBlockers([code!, qa!])).toEqual([]);
  });

  it('needs a rater only when rating is switched on, and a model for every provider', () => {
    const recipe = defaultCitRecipe();
    const assigned = {
      ...emptyRoleAssignments(),
      'code-writer': { providerId: 'p-openai', model: '' },
      'qa-writer': { providerId: 'p-openai', model: '' },
      'chart-rater': { providerId: 'p-local', model: '' },
    };
    expect(findRoleBlockers(resolveRoleServers(recipe, [OPENAI, LOCAL], assigned))).toEqual([]);
    recipe.chartRating.enabled = true;
    recipe.qaRating.enabled = true;
    expect(findRoleBlockers(resolveRoleServers(recipe, [OPENAI, LOCAL], assigned))).toEqual([
      'Chart rater (vision): No model is chosen for Local.',
      'Q&A rater (vision): No provider is assigned to this role.',
    ]);
  });

  it("keeps Settings' model when the recipe names the same provider without a model", () => {
    const recipe = defaultCitRecipe();
    recipe.roles['code-writer'] = { ...recipe.roles['code-writer'], providerId: 'p-openai' };
    const assigned = {
      ...emptyRoleAssignments(),
      'code-writer': { providerId: 'p-openai', model: 'gpt-4o-mini' },
    };
    const [code] = resolveRoleServers(recipe, [OPENAI], assigned);
    expect(code).toMatchObject({ source: 'recipe', model: 'gpt-4o-mini', problem: null });
  });

  it('reports a provider that was deleted from Settings', () => {
    const recipe = defaultCitRecipe();
    recipe.roles['code-writer'] = { ...recipe.roles['code-writer'], providerId: 'p-gone' };
    const assigned = {
      ...emptyRoleAssignments(),
      'qa-writer': { providerId: 'p-openai', model: '' },
    };
    expect(findRoleBlockers(resolveRoleServers(recipe, [OPENAI], assigned))).toEqual([
      'Code writer: The recipe names a provider that is no longer in Settings.',
    ]);
  });
});
