// Named CIT recipes: save as (one record per name), load with checks, delete with undo, and the
// .json file round trip with every problem of a bad file listed.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { defaultCitRecipe } from '../../../src/core/cit/recipe.ts';
import { listRecipes, saveRecipe } from '../../../src/db/index.ts';
import {
  RecipesState,
  readRecipeFile,
  writeRecipeFile,
} from '../../../src/state/recipes.svelte.ts';
import { openFreshDatabase } from '../db/fixtures.ts';

async function attached() {
  const db = await openFreshDatabase();
  const recipes = new RecipesState();
  await recipes.attach(db);
  return { db, recipes };
}

describe('RecipesState', () => {
  it('saves under a name, replaces a recipe of the same name and lists CIT recipes only', async () => {
    const { db, recipes } = await attached();
    await saveRecipe(db, {
      name: 'Template · 20 charts',
      settings: {
        kind: 'template',
        count: 20,
        seed: 1,
        chartTypes: {},
        topics: [],
        questionsPerKind: { recognition: 2, reasoning: 2 },
        dpi: 100,
      },
    });
    const first = await recipes.save('  Small test  ', { ...defaultCitRecipe(), count: 5 });
    expect(first?.name).toBe('Small test');
    await recipes.save('Small test', { ...defaultCitRecipe(), count: 7 });
    await recipes.save('Other', defaultCitRecipe());
    expect(recipes.saved.map((r) => r.name).sort()).toEqual(['Other', 'Small test']);
    expect((await listRecipes(db)).filter((r) => r.name === 'Small test')).toHaveLength(1);
    const small = recipes.saved.find((r) => r.name === 'Small test')!;
    expect(recipes.load(small.id)?.count).toBe(7);
  });

  it('refuses to save without a name or with invalid settings, saying why', async () => {
    const { db, recipes } = await attached();
    expect(await recipes.save('   ', defaultCitRecipe())).toBeNull();
    expect(recipes.error).toMatch(/name/);
    const bad = { ...defaultCitRecipe(), count: 0, codeLines: { min: 200, max: 10 } };
    expect(await recipes.save('Bad', bad)).toBeNull();
    expect(recipes.problems.map((p) => p.path).sort()).toEqual(['codeLines', 'count']);
    expect(await listRecipes(db)).toEqual([]);
  });

  it('shows every record of a name once (the newest) and deletes them all, with undo', async () => {
    const { db, recipes } = await attached();
    // A run saves its recipe under the same name each time it starts.
    await saveRecipe(
      db,
      { name: 'Runs', settings: { ...defaultCitRecipe(), seed: 1 } },
      new Date(1000),
    );
    await saveRecipe(
      db,
      { name: 'Runs', settings: { ...defaultCitRecipe(), seed: 2 } },
      new Date(2000),
    );
    await recipes.refresh();
    expect(recipes.saved).toHaveLength(1);
    expect(recipes.load(recipes.saved[0]!.id)?.seed).toBe(2);

    await recipes.delete(recipes.saved[0]!.id);
    expect(recipes.saved).toEqual([]);
    expect(await listRecipes(db)).toEqual([]);
    await recipes.undoDelete();
    expect(
      (await listRecipes(db)).map((r) => r.settings.kind === 'cit' && r.settings.seed),
    ).toEqual([2, 1]);
    expect(recipes.lastDeleted).toBeNull();
  });

  it('does not load a stored recipe that no longer passes the checks, and lists why', async () => {
    const { db, recipes } = await attached();
    const broken = { ...defaultCitRecipe(), dpi: 5000 };
    await saveRecipe(db, { name: 'Old', settings: broken });
    await recipes.refresh();
    expect(recipes.load(recipes.saved[0]!.id)).toBeNull();
    expect(recipes.problems.map((p) => p.path)).toEqual(['dpi']);
  });

  it('imports what it exports, and lists each problem of a bad file', async () => {
    const { recipes } = await attached();
    const settings = { ...defaultCitRecipe(), count: 42, topics: ['education'] };
    const { fileName, text } = writeRecipeFile('Paper / small!', settings);
    expect(fileName).toBe('paper-small.cit-recipe.json');
    expect(recipes.importFile(text)).toEqual({
      ok: true,
      name: 'Paper / small!',
      recipe: settings,
    });

    const bad = JSON.stringify({ count: -1, topics: ['no-such-topic'], colour: 'red' });
    const result = recipes.importFile(bad);
    expect(result.ok).toBe(false);
    expect(recipes.problems.map((p) => p.path).sort()).toEqual(['(recipe)', 'count', 'topics.0']);
    expect(recipes.error).toMatch(/not imported/);
  });

  it('reads a bare settings object, and refuses text that is not a recipe file', () => {
    expect(readRecipeFile(JSON.stringify({ kind: 'cit', count: 3 }))).toMatchObject({
      ok: true,
      name: null,
      recipe: { count: 3, dpi: 200 },
    });
    expect(readRecipeFile('{not json')).toMatchObject({
      ok: false,
      problems: [{ path: '(file)' }],
    });
    expect(readRecipeFile('[1, 2]')).toMatchObject({ ok: false, problems: [{ path: '(file)' }] });
    expect(readRecipeFile(JSON.stringify({ format: 'other', settings: {} }))).toMatchObject({
      ok: false,
      problems: [{ path: 'format' }],
    });
  });
});
