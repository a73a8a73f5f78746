// Named CIT recipes: save as…, load, delete with undo, export to and import from a .json file.
// Every recipe that enters (a file, a stored record of an older build) goes through
// parseCitRecipe, so the editor only ever holds a recipe the pipeline accepts.
import {
  parseCitRecipe,
  type CitRecipeProblem,
  type CitRecipeSettings,
} from '../core/cit/recipe.ts';
import type { RecipeRecord } from '../core/dataset/records.ts';
import {
  deleteRecipes,
  listRecipes,
  restoreRecipes,
  saveRecipe,
  type CitDatabase,
} from '../db/index.ts';

/** A named CIT recipe as the library lists it (the newest record of that name). */
export interface SavedCitRecipe {
  id: string;
  name: string;
  createdAt: string;
  /** The stored settings as they are (checked again when loaded). */
  settings: unknown;
}

/** The name the editor starts with: the paper's settings. */
export const DEFAULT_RECIPE_NAME = 'Paper defaults';
export const RECIPE_NAME_MAX = 100;
/** The marker of an exported recipe file. */
export const RECIPE_FILE_FORMAT = 'cit-studio.recipe';
/** A recipe file is a few KB; anything far larger is not one. */
export const RECIPE_FILE_MAX_BYTES = 1024 * 1024;

/** The exported file: the recipe with its name, marked so a person sees what it is. */
export interface RecipeFile {
  format: typeof RECIPE_FILE_FORMAT;
  version: 1;
  name: string;
  settings: CitRecipeSettings;
}

export type RecipeReadResult =
  | { ok: true; name: string | null; recipe: CitRecipeSettings }
  | { ok: false; problems: CitRecipeProblem[] };

/** Problems with a recipe name, or null when it is fine. */
export function checkRecipeName(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the recipe a name.';
  if (trimmed.length > RECIPE_NAME_MAX)
    return `A recipe name may be at most ${RECIPE_NAME_MAX} characters.`;
  return null;
}

/** The .json file of a recipe: a file name made from the recipe name, and the text. */
export function writeRecipeFile(
  name: string,
  settings: CitRecipeSettings,
): { fileName: string; text: string } {
  const file: RecipeFile = { format: RECIPE_FILE_FORMAT, version: 1, name: name.trim(), settings };
  const slug =
    name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'recipe';
  return { fileName: `${slug}.cit-recipe.json`, text: `${JSON.stringify(file, null, 2)}\n` };
}

/** Reads a recipe file: our exported format, or a bare settings object written by hand. */
export function readRecipeFile(text: string): RecipeReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${detail}` }] };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, problems: [{ path: '(file)', message: 'expected a JSON object' }] };
  const object = value as Record<string, unknown>;
  let name: string | null = null;
  let settings: unknown = object;
  if ('format' in object) {
    if (object.format !== RECIPE_FILE_FORMAT)
      return {
        ok: false,
        problems: [{ path: 'format', message: `expected "${RECIPE_FILE_FORMAT}"` }],
      };
    if (object.version !== 1)
      return {
        ok: false,
        problems: [{ path: 'version', message: 'made by a newer CIT Studio (expected 1)' }],
      };
    name = typeof object.name === 'string' ? object.name.trim().slice(0, RECIPE_NAME_MAX) : null;
    settings = object.settings;
  }
  const parsed = parseCitRecipe(settings);
  if (!parsed.ok) return parsed;
  return { ok: true, name: name || null, recipe: parsed.recipe };
}

export class RecipesState {
  /** The name of the recipe in the editor (what "Save" and a started run record). */
  currentName = $state(DEFAULT_RECIPE_NAME);
  /** Named CIT recipes, newest first, one per name. */
  saved = $state.raw<SavedCitRecipe[]>([]);
  /** A problem with the last action, for a person. */
  error = $state<string | null>(null);
  /** Problems of the last recipe loaded or imported, listed next to the editor. */
  problems = $state.raw<CitRecipeProblem[]>([]);
  /** The recipe deleted last (all records of its name), while its undo is offered. */
  lastDeleted = $state.raw<{ name: string; records: RecipeRecord[] } | null>(null);

  #db: CitDatabase | null = null;

  /** The editor went back to the paper's settings. */
  resetName(): void {
    this.currentName = DEFAULT_RECIPE_NAME;
    this.problems = [];
    this.error = null;
  }

  async attach(db: CitDatabase): Promise<void> {
    if (this.#db === db) return;
    this.#db = db;
    await this.refresh();
  }

  async refresh(): Promise<void> {
    if (!this.#db) return;
    this.saved = newestPerName(await listRecipes(this.#db));
  }

  /**
   * Saves the settings under a name (replacing a recipe of that name); returns the stored
   * record, or null with `error`/`problems` set when the name or the settings are not valid.
   */
  async save(name: string, settings: CitRecipeSettings): Promise<SavedCitRecipe | null> {
    const nameProblem = checkRecipeName(name);
    this.error = nameProblem;
    this.problems = [];
    if (nameProblem) return null;
    const parsed = parseCitRecipe(settings);
    if (!parsed.ok) {
      this.problems = parsed.problems;
      this.error = 'The recipe has problems; fix them before saving.';
      return null;
    }
    const db = this.#requireDb();
    const trimmed = name.trim();
    const existing = (await listRecipes(db)).filter(
      (r) => r.settings.kind === 'cit' && r.name === trimmed,
    );
    let saved: SavedCitRecipe | null = null;
    await this.#guard(async () => {
      // One record per name: older records of the name go (runs keep their own frozen copy).
      if (existing.length > 1)
        await deleteRecipes(
          db,
          existing.slice(1).map((r) => r.id),
        );
      const record = await saveRecipe(db, {
        ...(existing[0] ? { id: existing[0].id } : {}),
        name: trimmed,
        settings: parsed.recipe,
      });
      saved = {
        id: record.id,
        name: record.name,
        createdAt: record.createdAt,
        settings: record.settings,
      };
      this.currentName = record.name;
      await this.refresh();
    });
    return saved;
  }

  /** The settings of a saved recipe, checked; null with `problems` set when they are not valid. */
  load(id: string): CitRecipeSettings | null {
    const found = this.saved.find((r) => r.id === id);
    if (!found) {
      this.error = 'That recipe is no longer stored.';
      return null;
    }
    const parsed = parseCitRecipe(found.settings);
    this.error = parsed.ok ? null : `“${found.name}” has problems and was not loaded.`;
    this.problems = parsed.ok ? [] : parsed.problems;
    if (parsed.ok) this.currentName = found.name;
    return parsed.ok ? parsed.recipe : null;
  }

  /**
   * Reads an imported .json file; on success the caller puts the recipe in the editor. Pass the
   * file's size to refuse an oversized file without reading it.
   */
  importFile(text: string, byteSize = text.length): RecipeReadResult {
    if (byteSize > RECIPE_FILE_MAX_BYTES) {
      const problems = [{ path: '(file)', message: 'too large to be a recipe file (over 1 MB)' }];
      this.problems = problems;
      this.error = 'The file is not a recipe.';
      return { ok: false, problems };
    }
    const result = readRecipeFile(text);
    this.problems = result.ok ? [] : result.problems;
    this.error = result.ok ? null : 'The file was not imported: see the problems listed.';
    if (result.ok) this.currentName = result.name ?? 'Imported recipe';
    return result;
  }

  /** Deletes every stored record of the recipe's name; `undoDelete` brings them back. */
  async delete(id: string): Promise<void> {
    const db = this.#requireDb();
    const found = this.saved.find((r) => r.id === id);
    if (!found) return;
    await this.#guard(async () => {
      const ids = (await listRecipes(db))
        .filter((r) => r.settings.kind === 'cit' && r.name === found.name)
        .map((r) => r.id);
      const records = await deleteRecipes(db, ids);
      this.lastDeleted = { name: found.name, records };
      await this.refresh();
    });
  }

  async undoDelete(): Promise<void> {
    const deleted = this.lastDeleted;
    if (!deleted) return;
    await this.#guard(async () => {
      await restoreRecipes(this.#requireDb(), deleted.records);
      this.lastDeleted = null;
      await this.refresh();
    });
  }

  #requireDb(): CitDatabase {
    if (!this.#db) throw new Error('Recipes are not connected to storage yet.');
    return this.#db;
  }

  async #guard(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}

/** CIT recipes only (template runs save their own), newest record per name. */
function newestPerName(records: readonly RecipeRecord[]): SavedCitRecipe[] {
  const byName = new Map<string, SavedCitRecipe>();
  for (const record of records) {
    if (record.settings.kind !== 'cit' || byName.has(record.name)) continue;
    const { id, name, createdAt, settings } = record;
    byName.set(name, { id, name, createdAt, settings });
  }
  return [...byName.values()];
}
