// drafted → rendered: run the script in the sandbox; on an error (static check, exception, no
// figure, timeout) send the code and the error back to the code-writer for up to N repair rounds
// (METHOD.md §2, S3), every try recorded. Each render and each repair is committed before the
// next, so a reload resumes the same round. A chart that cannot be drawn fails its item.
import type { CitItemState, ItemCall, RenderTry } from '../../core/cit/item-state.ts';
import { extractSingleCodeBlock } from '../../core/cit/parse/code-block.ts';
import { repairPrompt } from '../../core/cit/prompts/index.ts';
import { findMinorChartType } from '../../core/chart-types.ts';
import type { ChartRecord, ImageRecord, ItemRecord } from '../../core/dataset/records.ts';
import type {
  RenderError,
  RenderErrorKind,
  RenderResult,
  RenderSuccess,
} from '../../python/index.ts';
import { buildImageRecord, measureComplexity, toRuntimeStamp } from '../template-stages.ts';
import { ask, attemptOf, citOf, type CitContext } from './context.ts';

/** Failures of the machine, not of the script: tried again without a repair round. */
const TRANSIENT: ReadonlySet<RenderErrorKind> = new Set(['crashed', 'memory']);

async function renderOnce(context: CitContext, code: string, seed: number): Promise<RenderResult> {
  const { renderer, maxAttempts } = context.item.deps;
  for (let tries = 1; ; tries += 1) {
    const result = await renderer.render(
      code,
      { dpi: context.settings.dpi, seed },
      context.item.signal,
    );
    if (result.ok || !TRANSIENT.has(result.error.kind) || tries >= maxAttempts) return result;
  }
}

/** A chart's title as drawn: the figure's suptitle, else the first axes title. */
export function drawnTitle(result: RenderSuccess, fallback: string): string {
  const texts = result.facts.texts;
  const title =
    texts.find((text) => text.role === 'suptitle')?.text ??
    result.facts.axes.find((axis) => axis.title.trim() !== '')?.title;
  return (title ?? fallback).trim().slice(0, 300) || fallback;
}

async function buildRecords(
  context: CitContext,
  item: ItemRecord,
  cit: CitItemState,
  result: RenderSuccess,
): Promise<{ chart: ChartRecord; image: ImageRecord }> {
  const at = new Date(context.item.clock.now()).toISOString();
  const thumbnail = context.item.deps.makeThumbnail
    ? await context.item.deps.makeThumbnail(result.png)
    : null;
  const image = await buildImageRecord(result, thumbnail);
  const info = findMinorChartType(cit.minor);
  const chart: ChartRecord = {
    id: crypto.randomUUID(),
    datasetId: item.datasetId,
    code: cit.code ?? '',
    title: drawnTitle(result, `Untitled ${info?.name ?? cit.minor}`),
    major: info?.major ?? 'specific',
    minor: cit.minor,
    level: cit.origin === 'evol' ? 'hard' : 'easy',
    topics: cit.topics,
    complexity: measureComplexity(result.facts),
    findings: result.facts.findings.map(({ kind, message }) => ({ kind, message })),
    facts: result.facts,
    imageId: image.id,
    width: result.width,
    height: result.height,
    dpi: result.dpi,
    review: 'unreviewed',
    provenance: {
      recipe: 'cit',
      runId: item.runId,
      itemId: item.id,
      seed: cit.renderSeed,
      templateSpec: null,
      parentChartId: cit.parentChartId,
      runtime: toRuntimeStamp(result),
      notes: cit.direction ? [`evolved: ${cit.direction}`] : [],
      cit: {
        origin: cit.origin,
        direction: cit.direction,
        demoIds: cit.demoIds,
        conversation: cit.conversation,
        tries: cit.tries,
        calls: cit.calls,
        ratings: null,
        recipeHash: context.recipeHash,
      },
    },
    history: [],
    createdAt: at,
    updatedAt: at,
  };
  return { chart, image };
}

export async function renderStage(
  context: CitContext,
  item: ItemRecord,
): Promise<{ stage: 'rendered' | 'failed' | 'drafted'; chartId?: string; cit: CitItemState }> {
  let cit = citOf(item);
  const store = context.deps.store;
  const calls: ItemCall[] = [...cit.calls];
  let lastError: RenderError | null = null;
  for (;;) {
    if (context.item.shouldStop()) return { stage: 'drafted', cit };
    const started = context.item.clock.now();
    const code = cit.code;
    if (code === null) throw new Error(`item ${item.id} is drafted without code`);
    const last = cit.tries.at(-1);
    if (!last || last.code !== code) {
      const result = await renderOnce(context, code, cit.renderSeed);
      const round = calls.filter((call) => call.task === 'repair').length;
      if (result.ok) {
        const tries: RenderTry[] = [...cit.tries, { round, code, error: null }];
        cit = { ...cit, tries, calls };
        const records = await buildRecords(context, item, cit, result);
        // The conversation now lives in the chart's provenance: the item need not carry it on.
        cit = { ...cit, conversation: [] };
        await store.commitRendered({
          itemId: item.id,
          ...records,
          cit,
          attempt: attemptOf(context, 'rendered', started),
        });
        context.state.cacheChart(records.chart);
        context.item.renderIds.set(item.id, result.renderId);
        await context.item.noteRuntime(toRuntimeStamp(result));
        if (round > 0)
          context.item.progress.log('info', `Item ${item.index}: repaired in ${round} round(s).`);
        return { stage: 'rendered', chartId: records.chart.id, cit };
      }
      const { kind, message, line } = result.error;
      cit = {
        ...cit,
        calls,
        tries: [...cit.tries, { round, code, error: { kind, message, line } }],
      };
      await store.saveItemState({ itemId: item.id, stage: 'drafted', cit });
      lastError = result.error;
      continue;
    }
    // The current code failed: repair it, or give up.
    const repairs = calls.filter((call) => call.task === 'repair').length;
    if (repairs >= context.settings.repairRounds) {
      const error = last.error ?? { kind: 'runtime', message: 'render failed' };
      const message = `${error.message} (after ${repairs} repair round(s))`;
      await context.item.deps.store.failItem({
        itemId: item.id,
        attempt: attemptOf(context, 'rendered', started, { kind: error.kind, message }),
      });
      context.item.progress.log('error', `Item ${item.index} failed: ${error.kind}: ${message}`);
      return { stage: 'failed', cit };
    }
    const runtime = await context.runtime();
    const failure: RenderError = lastError ?? {
      kind: (last.error?.kind ?? 'runtime') as RenderErrorKind,
      message: last.error?.message ?? '',
      line: last.error?.line ?? null,
      traceback: null,
      name: null,
    };
    const messages = repairPrompt({
      code,
      error: {
        kind: failure.kind,
        message: failure.message,
        line: failure.line,
        traceback: failure.traceback,
      },
      minor: cit.minor,
      runtime,
      round: repairs + 1,
    });
    const reply = await ask(context, item, 'code-writer', messages, 'repair', calls);
    const block = extractSingleCodeBlock(reply, context.settings.codeLines);
    cit = { ...cit, calls, code: block.ok ? block.code : code };
    if (!block.ok) {
      // An unusable repair reply uses up its round; the same code is sent again next round.
      cit = {
        ...cit,
        tries: [
          ...cit.tries,
          {
            round: repairs + 1,
            code,
            error: { kind: 'repair-reply', message: block.reason, line: null },
          },
        ],
      };
    }
    await store.saveItemState({ itemId: item.id, stage: 'drafted', cit });
  }
}
