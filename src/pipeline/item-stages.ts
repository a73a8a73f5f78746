// Moves one item through the template recipe's stages (planned → rendered → verified → done),
// committing each stage before the next starts. A stage that fails is retried (bounded) with
// every try in the attempt log; a chart that cannot be drawn fails its item, not the run.
import type {
  AttemptRecord,
  ItemRecord,
  ItemStage,
  QaRecord,
  RuntimeStamp,
  RecipeSettings,
  TemplateRecipeSettings,
} from '../core/dataset/records.ts';
import type {
  AnswerResult,
  RenderErrorKind,
  RenderResult,
  RenderSuccess,
} from '../python/index.ts';
import type { RunProgress } from './run-progress.ts';
import type { Clock, RunnerDependencies } from './runner-types.ts';
import {
  buildRenderedRecords,
  judgeAnswer,
  planTemplateItem,
  toRuntimeStamp,
} from './template-stages.ts';

/** The item's new stage, and its chart once the render stage created it. */
export interface StageOutcome {
  stage: ItemStage;
  chartId?: string;
  /** CIT: the item's working state after the stage. */
  cit?: ItemRecord['cit'];
}

/** The work of one stage: from the item's stage to the next. */
export type StageStep = (context: ItemContext, item: ItemRecord) => Promise<StageOutcome>;

/** Failures worth another try: the script itself did not change, the machine did. */
const TRANSIENT: ReadonlySet<RenderErrorKind> = new Set(['timeout', 'crashed', 'memory']);

export interface ItemContext {
  deps: Required<Pick<RunnerDependencies, 'renderer' | 'store' | 'maxAttempts'>> &
    Pick<RunnerDependencies, 'makeThumbnail'>;
  clock: Clock;
  settings: RecipeSettings;
  /** The recipe's stages by the stage they start from. */
  stages: Partial<Record<ItemStage, StageStep>>;
  /** Told when an item fails after its retries (the CIT run frees its place in the quota). */
  onItemFailed?: (item: ItemRecord) => void;
  signal: AbortSignal;
  progress: RunProgress;
  /** Render handles of this session (lost on reload: the verify stage then renders again). */
  renderIds: Map<string, string>;
  /** True once pause or cancel was asked: the item stops after its current stage. */
  shouldStop(): boolean;
  /** Told the runtime of each successful render (the run records the first). */
  noteRuntime(stamp: RuntimeStamp): Promise<void>;
}

function templateSettings(context: ItemContext): TemplateRecipeSettings {
  if (context.settings.kind !== 'template') throw new Error('not a template run');
  return context.settings;
}

/** One try of one stage, for the item's attempt log. */
export function attempt(
  clock: Clock,
  stage: ItemStage,
  started: number,
  error: AttemptRecord['error'] = null,
): AttemptRecord {
  return {
    stage,
    at: new Date(clock.now()).toISOString(),
    ok: error === null,
    error,
    durationMs: clock.now() - started,
  };
}

/** Renders with bounded retries; returns the success or the last failure, all tries logged. */
async function renderWithRetries(
  context: ItemContext,
  item: ItemRecord,
  code: string,
  stage: ItemStage,
): Promise<{ result: RenderResult; started: number }> {
  const { renderer, store, maxAttempts } = context.deps;
  for (let tries = 1; ; tries += 1) {
    const started = context.clock.now();
    const result = await renderer.render(
      code,
      { dpi: templateSettings(context).dpi, seed: item.seed },
      context.signal,
    );
    if (result.ok || !TRANSIENT.has(result.error.kind) || tries >= maxAttempts) {
      return { result, started };
    }
    await store.recordItemAttempt(item.id, attempt(context.clock, stage, started, result.error));
    context.progress.log('warn', `Item ${item.index}: render ${result.error.kind}, trying again.`);
  }
}

async function renderStage(context: ItemContext, item: ItemRecord): Promise<StageOutcome> {
  const plan = planTemplateItem(item.seed, templateSettings(context));
  const { result, started } = await renderWithRetries(context, item, plan.code, 'rendered');
  if (!result.ok) {
    const error = { kind: result.error.kind, message: result.error.message };
    await context.deps.store.failItem({
      itemId: item.id,
      attempt: attempt(context.clock, 'rendered', started, error),
    });
    context.progress.log('error', `Item ${item.index} failed: ${error.kind}: ${error.message}`);
    return { stage: 'failed' };
  }
  const thumbnail = context.deps.makeThumbnail
    ? await context.deps.makeThumbnail(result.png)
    : null;
  const at = new Date(context.clock.now()).toISOString();
  const records = await buildRenderedRecords({ item, plan, result, thumbnail, at });
  await context.deps.store.commitRenderedItem({
    itemId: item.id,
    ...records,
    attempt: attempt(context.clock, 'rendered', started),
  });
  context.renderIds.set(item.id, result.renderId);
  await context.noteRuntime(toRuntimeStamp(result));
  return { stage: 'rendered', chartId: records.chart.id };
}

async function reRender(
  context: ItemContext,
  item: ItemRecord,
  code: string,
): Promise<RenderSuccess> {
  const { result } = await renderWithRetries(context, item, code, 'verified');
  if (!result.ok) throw new Error(`re-render for verification failed: ${result.error.message}`);
  context.renderIds.set(item.id, result.renderId);
  return result;
}

/**
 * Runs an answer program in the namespace the item's chart left in a worker. `redraw` draws the
 * chart again (and records the new handle) when this session holds none, or when the worker
 * holding it is gone (crash, idle release): then the program runs once more.
 */
export async function runOnChart(
  context: ItemContext,
  item: ItemRecord,
  program: string,
  redraw: () => Promise<string>,
): Promise<AnswerResult> {
  const { renderer } = context.deps;
  let renderId = context.renderIds.get(item.id) ?? (await redraw());
  let answer = await renderer.runAnswerProgram(renderId, program, context.signal);
  if (!answer.ok && answer.error.kind === 'crashed') {
    renderId = await redraw();
    answer = await renderer.runAnswerProgram(renderId, program, context.signal);
  }
  return answer;
}

async function verifyStage(context: ItemContext, item: ItemRecord): Promise<StageOutcome> {
  const started = context.clock.now();
  const stored = item.chartId ? await context.deps.store.getItemChart(item.chartId) : null;
  if (!stored) throw new Error(`item ${item.id} is rendered but its chart is missing`);
  const redraw = async () => (await reRender(context, item, stored.chart.code)).renderId;
  const verifications: { qaId: string; verification: NonNullable<QaRecord['verification']> }[] = [];
  for (const qa of stored.qa) {
    const answer = await runOnChart(context, item, qa.program, redraw);
    const verification = judgeAnswer(qa, answer, new Date(context.clock.now()).toISOString());
    verifications.push({ qaId: qa.id, verification });
    context.progress.countVerification(verification.status);
    if (verification.status === 'mismatch') {
      context.progress.log(
        'error',
        `Template answer did not verify (a recipe bug), item ${item.index}, ${qa.template}: ${verification.reason}`,
      );
    }
  }
  await context.deps.store.commitVerifiedItem({
    itemId: item.id,
    verifications,
    attempt: attempt(context.clock, 'verified', started),
  });
  context.renderIds.delete(item.id);
  return { stage: 'verified' };
}

async function doneStage(context: ItemContext, item: ItemRecord): Promise<StageOutcome> {
  await context.deps.store.commitDoneItem({
    itemId: item.id,
    attempt: attempt(context.clock, 'done', context.clock.now()),
  });
  return { stage: 'done' };
}

export const TEMPLATE_STAGES: Partial<Record<ItemStage, StageStep>> = {
  planned: renderStage,
  rendered: verifyStage,
  verified: doneStage,
};

/**
 * Advances the item until it is done or failed, or a stop is asked. Unexpected errors of a
 * stage are retried up to maxAttempts and then fail the item; a full disk propagates (the
 * runner pauses the run) and so does an abort.
 */
export async function advanceItem(context: ItemContext, start: ItemRecord): Promise<void> {
  let item = start;
  let failures = 0;
  for (;;) {
    const step = context.stages[item.stage];
    if (!step || context.shouldStop()) return;
    const started = context.clock.now();
    try {
      const outcome = await step(context, item);
      context.progress.move(item.stage, outcome.stage);
      item = {
        ...item,
        stage: outcome.stage,
        chartId: outcome.chartId ?? item.chartId,
        cit: outcome.cit ?? item.cit,
      };
      failures = 0;
    } catch (error) {
      const kind = (error as { kind?: unknown }).kind;
      if (context.signal.aborted || kind === 'quota' || kind === 'pause-run') throw error;
      failures += 1;
      const message = error instanceof Error ? error.message : String(error);
      const record = attempt(context.clock, item.stage, started, {
        kind: typeof kind === 'string' ? kind : 'internal',
        message,
      });
      if (failures < context.deps.maxAttempts) {
        await context.deps.store.recordItemAttempt(item.id, record);
        // A stage may have committed part of its work (a CIT plan, paid calls): start from that.
        item = (await context.deps.store.getItem(item.id)) ?? item;
        continue;
      }
      await context.deps.store.failItem({ itemId: item.id, attempt: record });
      context.onItemFailed?.(item);
      context.progress.move(item.stage, 'failed');
      context.progress.log('error', `Item ${item.index} failed at ${item.stage}: ${message}`);
      return;
    }
  }
}
