// The job runner: drives a run's items through their stages over the render pool, with pause,
// resume, cancel, and recovery of runs a closed tab left behind. All state that matters is in
// the store; this object only holds what is cheap to lose (render handles, the log, the rate).
import type {
  ItemRecord,
  RunRecord,
  RuntimeStamp,
  RecipeSettings,
} from '../core/dataset/records.ts';
import { prepareCitRun } from './cit/cit-run.ts';
import { advanceItem, TEMPLATE_STAGES, type ItemContext } from './item-stages.ts';
import { RunProgress } from './run-progress.ts';
import type { Clock, RunnerDependencies, RunSnapshot } from './runner-types.ts';

const systemClock: Clock = { now: () => Date.now() };
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface ActiveRun {
  run: RunRecord;
  controller: AbortController;
  stop: { kind: 'pause' | 'cancel'; reason: string | null } | null;
  loop: Promise<void> | null;
  runtimeRecorded: boolean;
  /** CIT runs: writes buffered records when the run stops. */
  flush?: () => Promise<void>;
}

export class JobRunner {
  readonly #deps: RunnerDependencies;
  readonly #clock: Clock;
  readonly #progress: RunProgress;
  #active: ActiveRun | null = null;
  readonly #renderIds = new Map<string, string>();

  constructor(deps: RunnerDependencies) {
    this.#deps = deps;
    this.#clock = deps.clock ?? systemClock;
    this.#progress = new RunProgress(this.#clock);
  }

  get snapshot(): RunSnapshot {
    return this.#progress.snapshot;
  }

  /** Calls the listener now and on every change; returns the unsubscribe function. */
  subscribe(listener: (snapshot: RunSnapshot) => void): () => void {
    return this.#progress.subscribe(listener);
  }

  /** Creates a run (all items at once) and starts it. A full disk throws StorageFullError. */
  async start(input: {
    datasetId: string;
    recipeId: string;
    settings: RecipeSettings;
  }): Promise<RunRecord> {
    if (input.settings.kind === 'cit' && !this.#deps.cit)
      throw new Error('This build cannot run the CIT recipe here (no LLM access was given).');
    if (this.#active?.loop) throw new Error('A run is already in progress.');
    const run = await this.#deps.store.startRun(input);
    await this.#take(run);
    this.#launch();
    return run;
  }

  /**
   * Picks up the oldest run a closed tab left behind: a running one continues, a paused one is
   * loaded paused (resume() continues it). Returns it, or null when there is none.
   */
  async resumeUnfinished(): Promise<RunRecord | null> {
    if (this.#active?.loop) return this.#active.run;
    const runs = await this.#deps.store.listUnfinishedRuns();
    const run = runs.find((candidate) => candidate.status === 'running') ?? runs[0];
    if (!run) return null;
    await this.#take(run);
    if (run.status === 'running') this.#launch();
    else this.#progress.setStatus('paused', run.statusReason);
    return run;
  }

  /** Stops after the stages in flight; resolves when the run is stored as paused. */
  async pause(reason: string | null = null): Promise<void> {
    const active = this.#active;
    if (!active?.loop) return;
    active.stop ??= { kind: 'pause', reason };
    await active.loop;
  }

  async resume(): Promise<void> {
    const active = this.#active;
    if (!active || active.loop) return;
    await this.#deps.store.setRunStatus(active.run.id, 'running', null);
    this.#launch();
  }

  /** Aborts the stages in flight; items keep what they committed; the run is stored cancelled. */
  async cancel(): Promise<void> {
    const active = this.#active;
    if (!active) return;
    if (!active.loop) {
      await this.#deps.store.setRunStatus(active.run.id, 'cancelled', null);
      this.#progress.setStatus('cancelled');
      this.#active = null;
      return;
    }
    active.stop = { kind: 'cancel', reason: null };
    active.controller.abort();
    await active.loop;
  }

  /** Resolves when the run loop is not running (finished, paused or cancelled). */
  async whenIdle(): Promise<void> {
    await this.#active?.loop;
  }

  async #take(run: RunRecord): Promise<void> {
    const items = await this.#deps.store.listRunItems(run.id);
    this.#active = {
      run,
      controller: new AbortController(),
      stop: null,
      loop: null,
      runtimeRecorded: run.runtime !== null,
    };
    this.#renderIds.clear();
    this.#progress.load(run.id, items, run.status);
  }

  #launch(): void {
    const active = this.#active;
    if (!active) return;
    active.stop = null;
    active.controller = new AbortController();
    this.#progress.setStatus('running');
    this.#progress.restartClock();
    this.#progress.log('info', `Run ${active.run.id} running.`);
    active.loop = this.#drive(active).finally(() => {
      active.loop = null;
    });
  }

  async #drive(active: ActiveRun): Promise<void> {
    const { store } = this.#deps;
    const items = await store.listRunItems(active.run.id);
    const queue: ItemRecord[] = items.filter(
      (item) => !['done', 'failed', 'rejected'].includes(item.stage),
    );
    let stages = TEMPLATE_STAGES;
    let onItemFailed: ItemContext['onItemFailed'];
    let lanes = Math.max(1, this.#deps.concurrency ?? 1);
    if (active.run.settings.kind === 'cit') {
      try {
        const cit = await this.#deps.cit!(active.run);
        active.flush = cit.flush;
        const prepared = await prepareCitRun(active.run, items, cit, () =>
          this.#progress.setCost(cit.llm.usage()),
        );
        stages = prepared.stages;
        onItemFailed = prepared.onItemFailed;
        this.#progress.setCost(cit.llm.usage());
      } catch (error) {
        this.#stopOnError(active, error);
        await this.#settle(active);
        return;
      }
      lanes = Math.max(1, this.#deps.citConcurrency ?? 8);
    }
    const context: ItemContext = {
      deps: {
        renderer: this.#deps.renderer,
        store,
        maxAttempts: Math.max(1, this.#deps.maxAttempts ?? 3),
        makeThumbnail: this.#deps.makeThumbnail,
      },
      clock: this.#clock,
      settings: active.run.settings,
      stages,
      onItemFailed,
      signal: active.controller.signal,
      progress: this.#progress,
      renderIds: this.#renderIds,
      shouldStop: () => active.stop !== null,
      noteRuntime: (stamp) => this.#noteRuntime(active, stamp),
    };
    const yieldTurn = this.#deps.yieldToEventLoop ?? nextTurn;
    const lane = async (): Promise<void> => {
      for (let item = queue.shift(); item && !active.stop; item = queue.shift()) {
        try {
          await advanceItem(context, item);
        } catch (error) {
          this.#stopOnError(active, error);
        }
        await yieldTurn();
      }
    };
    await Promise.all(Array.from({ length: lanes }, lane));
    await this.#settle(active);
  }

  /** A full disk pauses the run; an abort is the cancel itself; anything else fails the run. */
  #stopOnError(active: ActiveRun, error: unknown): void {
    if (active.controller.signal.aborted) return;
    const kind = (error as { kind?: unknown }).kind;
    if (kind === 'quota' || kind === 'pause-run') {
      active.stop ??= { kind: 'pause', reason: (error as Error).message };
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    this.#progress.log('error', `Run stopped by an unexpected error: ${message}`);
    active.stop ??= { kind: 'pause', reason: `Unexpected error: ${message}` };
  }

  async #settle(active: ActiveRun): Promise<void> {
    const { store } = this.#deps;
    const runId = active.run.id;
    try {
      await active.flush?.();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#progress.log('error', `LLM call records could not be stored: ${message}`);
    }
    try {
      if (active.stop?.kind === 'cancel') {
        await store.setRunStatus(runId, 'cancelled', null);
        this.#progress.setStatus('cancelled');
        this.#progress.log('info', 'Run cancelled.');
        this.#active = null;
        return;
      }
      if (active.stop?.kind === 'pause') {
        await store.setRunStatus(runId, 'paused', active.stop.reason);
        this.#progress.setStatus('paused', active.stop.reason);
        this.#progress.log(
          active.stop.reason ? 'warn' : 'info',
          `Run paused. ${active.stop.reason ?? ''}`.trim(),
        );
        return;
      }
      const { stages, mismatches } = this.#progress.snapshot;
      const reason =
        mismatches > 0 && active.run.settings.kind === 'template'
          ? `${mismatches} template answers did not verify (a recipe bug).`
          : null;
      await store.setRunStatus(runId, 'completed', reason);
      this.#progress.setStatus('completed', reason);
      this.#progress.log(
        'info',
        `Run completed: ${stages.done} done, ${stages.rejected} rejected, ${stages.failed} failed.`,
      );
      this.#active = null;
    } catch (error) {
      // The status write itself hit the full disk: the run stays 'running' in the store and is
      // picked up again by resumeUnfinished; tell the person now.
      const message = error instanceof Error ? error.message : String(error);
      this.#progress.setStatus('paused', message);
    }
  }

  /** Records the runtime on the run once (awaited, so it cannot land after a pause). */
  async #noteRuntime(active: ActiveRun, stamp: RuntimeStamp): Promise<void> {
    if (active.runtimeRecorded) return;
    active.runtimeRecorded = true;
    active.run = { ...active.run, runtime: stamp };
    await this.#deps.store.setRunStatus(active.run.id, 'running', null, stamp);
  }
}
