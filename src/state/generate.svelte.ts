import type { TemplateRecipeSettings } from '../core/dataset/records.ts';
import { defaultCitRecipe, parseCitRecipe, type CitRecipeSettings } from '../core/cit/recipe.ts';
import type { RuntimeInfo } from '../python/index.ts';
import { citDependencies } from './cit-dependencies.ts';
import { findRoleBlockers, resolveRoleServers } from './recipe-roles.ts';
import type { SettingsState } from './settings.svelte.ts';
import type { MinorChartType } from '../core/chart-types.ts';
import { saveRecipe, StorageFullError, type CitDatabase } from '../db/index.ts';
import {
  createDbRunStore,
  emptyStages,
  JobRunner,
  type Renderer,
  type RunSnapshot,
} from '../pipeline/index.ts';
import { makeThumbnail } from './thumbnail.ts';

/** The template recipe's defaults: a small, quick, varied first dataset. */
export function defaultTemplateSettings(): TemplateRecipeSettings {
  return {
    kind: 'template',
    count: 20,
    seed: 1,
    chartTypes: {},
    topics: [],
    questionsPerKind: { recognition: 2, reasoning: 2 },
    dpi: 100,
  };
}

const IDLE: RunSnapshot = {
  runId: null,
  status: 'idle',
  reason: null,
  planned: 0,
  stages: emptyStages(),
  mismatches: 0,
  unverifiable: 0,
  ratePerMinute: null,
  etaMs: null,
  cost: null,
  log: [],
};

/** Limits that keep a run sane in a browser tab (the paper's whole set is 3,249 charts). */
export const MAX_CHARTS_PER_RUN = 20_000;

/** The Generate page: recipe settings, the runner, its live snapshot. */
/** What the Generate page needs of the render pool. */
export type GenerateRenderer = Renderer & {
  status(): { size: number };
  runtimeInfo(): Promise<RuntimeInfo>;
};

export class GenerateState {
  /** Which recipe the page runs. */
  recipeKind = $state<'template' | 'cit'>('template');
  settings = $state<TemplateRecipeSettings>(defaultTemplateSettings());
  /** The CIT recipe being edited (the paper's settings by default). */
  citSettings = $state<CitRecipeSettings>(defaultCitRecipe());
  snapshot = $state.raw<RunSnapshot>(IDLE);
  /** A problem starting or controlling the run, for a person. */
  error = $state<string | null>(null);
  /** Bumped whenever an item finishes, so other pages can refresh cheaply. */
  revision = $state(0);

  isBusy = $derived(this.snapshot.status === 'running');
  finished = $derived(this.snapshot.stages.done + this.snapshot.stages.failed);

  #runner: JobRunner | null = null;
  #db: CitDatabase | null = null;
  #renderer: GenerateRenderer;
  #settingsState: SettingsState | null;
  #lastFinished = 0;

  constructor(renderer: GenerateRenderer, settingsState: SettingsState | null = null) {
    this.#renderer = renderer;
    this.#settingsState = settingsState;
  }

  /** Connects to storage and picks up a run a closed tab left behind. */
  async attach(db: CitDatabase): Promise<void> {
    if (this.#db === db) return;
    this.#db = db;
    const settingsState = this.#settingsState;
    if (settingsState) await settingsState.attach(db);
    this.#runner = new JobRunner({
      renderer: this.#renderer,
      store: createDbRunStore(db),
      // Two items per worker: while one item's results are committed, thumbnailed and the next
      // planned, its worker already renders the other (measured: 0.63 → 0.77 of render-only).
      concurrency: 2 * Math.max(1, this.#renderer.status().size),
      makeThumbnail,
      ...(settingsState
        ? {
            cit: citDependencies({
              db,
              settings: settingsState,
              runtimeInfo: () => this.#renderer.runtimeInfo(),
              pause: (reason) => void this.#runner?.pause(reason),
            }),
          }
        : {}),
    });
    this.#runner.subscribe((snapshot) => {
      this.snapshot = snapshot;
      const finished = snapshot.stages.done + snapshot.stages.failed;
      if (finished !== this.#lastFinished) {
        this.#lastFinished = finished;
        this.revision += 1;
      }
    });
    await this.#guard(async () => {
      const run = await this.#runner!.resumeUnfinished();
      // Show the recipe of the run a closed tab left behind, not the page's default.
      if (run?.settings.kind === 'cit') {
        this.recipeKind = 'cit';
        this.citSettings = structuredClone(run.settings);
      } else if (run?.settings.kind === 'template') {
        this.recipeKind = 'template';
        this.settings = structuredClone(run.settings);
      }
    });
  }

  /** Validates the settings; returns a message for a person, or null when they are fine. */
  validate(): string | null {
    const s = this.settings;
    if (!Number.isInteger(s.count) || s.count < 1 || s.count > MAX_CHARTS_PER_RUN)
      return `Charts must be a whole number from 1 to ${MAX_CHARTS_PER_RUN.toLocaleString()}.`;
    if (!Number.isInteger(s.seed) || s.seed < 0) return 'The seed must be a whole number ≥ 0.';
    if (!(s.dpi >= 50 && s.dpi <= 300)) return 'dpi must be between 50 and 300.';
    const { recognition, reasoning } = s.questionsPerKind;
    if (![recognition, reasoning].every((n) => Number.isInteger(n) && n >= 0 && n <= 8))
      return 'Questions per kind must be whole numbers from 0 to 8.';
    if (recognition + reasoning === 0) return 'Ask at least one question per chart.';
    return null;
  }

  toggleChartType(type: MinorChartType, isOn: boolean): void {
    const next = { ...this.settings.chartTypes };
    if (isOn) next[type] = 1;
    else delete next[type];
    this.settings.chartTypes = next;
  }

  toggleTopic(topic: string, isOn: boolean): void {
    const topics = new Set(this.settings.topics);
    if (isOn) topics.add(topic);
    else topics.delete(topic);
    this.settings.topics = [...topics];
  }

  async start(datasetId: string): Promise<void> {
    const runner = this.#runner;
    const db = this.#db;
    const problem = this.validate();
    this.error = problem;
    if (problem || !runner || !db) return;
    const settings = $state.snapshot(this.settings);
    await this.#guard(async () => {
      const recipe = await saveRecipe(db, {
        name: `Template · ${settings.count} charts · seed ${settings.seed}`,
        settings,
      });
      await runner.start({ datasetId, recipeId: recipe.id, settings });
    });
  }

  /** Problems that stop a CIT run from starting, for a person (empty: ready). */
  citProblems(): string[] {
    const parsed = parseCitRecipe($state.snapshot(this.citSettings));
    const problems = parsed.ok
      ? []
      : parsed.problems.map((problem) => `${problem.path}: ${problem.message}`);
    const settingsState = this.#settingsState;
    if (!settingsState) return [...problems, 'LLM settings are not available.'];
    const servers = resolveRoleServers(
      this.citSettings,
      settingsState.providers,
      settingsState.roles,
    );
    return [...problems, ...findRoleBlockers(servers)];
  }

  /** Validates the CIT recipe and the role assignments, saves the recipe and starts the run. */
  async startCit(datasetId: string, recipeName: string): Promise<void> {
    const runner = this.#runner;
    const db = this.#db;
    const problems = this.citProblems();
    this.error = problems.length > 0 ? problems.join(' ') : null;
    if (problems.length > 0 || !runner || !db) return;
    const parsed = parseCitRecipe($state.snapshot(this.citSettings));
    if (!parsed.ok) return;
    const settings = parsed.recipe;
    await this.#guard(async () => {
      const name = recipeName.trim() || `CIT · ${settings.count} charts · seed ${settings.seed}`;
      const recipe = await saveRecipe(db, { name, settings });
      await runner.start({ datasetId, recipeId: recipe.id, settings });
    });
  }

  pause(): Promise<void> {
    return this.#guard(() => this.#runner?.pause('Paused by you.') ?? Promise.resolve());
  }

  resume(): Promise<void> {
    return this.#guard(() => this.#runner?.resume() ?? Promise.resolve());
  }

  cancel(): Promise<void> {
    return this.#guard(() => this.#runner?.cancel() ?? Promise.resolve());
  }

  async #guard(action: () => Promise<unknown>): Promise<void> {
    try {
      this.error = null;
      await action();
    } catch (error) {
      // StorageFullError carries its own advice (free space, then resume).
      this.error = error instanceof Error ? error.message : String(error);
      if (error instanceof StorageFullError)
        this.snapshot = { ...this.snapshot, reason: error.message };
    }
  }
}
