// The context every CIT stage works in: the run, its recipe, the shared in-memory run state and
// the injected dependencies, on top of the job runner's item context.
import type { CitItemState, ItemCall } from '../../core/cit/item-state.ts';
import type { CitRecipeSettings } from '../../core/cit/recipe.ts';
import type {
  AttemptRecord,
  ChartRecord,
  ItemRecord,
  ItemStage,
  RunRecord,
} from '../../core/dataset/records.ts';
import { attempt, type ItemContext } from '../item-stages.ts';
import type { PromptMessage } from '../../core/cit/prompts/task.ts';
import type { RuntimeFacts } from '../../core/cit/prompts/runtime.ts';
import type { RuntimeInfo } from '../../python/index.ts';
import type { CitRunState } from './run-state.ts';
import type { CitDependencies } from './types.ts';

export type { RuntimeFacts };

/** What the prompts state about the runtime that renders (versions, packages, its pitfalls). */
export function runtimeFactsOf(info: RuntimeInfo): RuntimeFacts {
  return {
    python: info.python,
    numpy: info.numpy,
    matplotlib: info.matplotlib,
    importable: info.importable,
    notes: info.promptNotes,
  };
}

export interface CitContext {
  item: ItemContext;
  run: RunRecord;
  settings: CitRecipeSettings;
  deps: CitDependencies;
  state: CitRunState;
  /** sha256 of the frozen recipe settings (recorded on every chart). */
  recipeHash: string;
  runtime(): Promise<RuntimeFacts>;
}

export function attemptOf(
  context: CitContext,
  stage: ItemStage,
  started: number,
  error: AttemptRecord['error'] = null,
): AttemptRecord {
  return attempt(context.item.clock, stage, started, error);
}

/**
 * The item's chart: from the run's cache while this session holds it (the render stage put it
 * there), else from the store (a resumed item).
 */
export async function chartOf(context: CitContext, item: ItemRecord): Promise<ChartRecord> {
  const cached = item.chartId ? context.state.cachedChart(item.chartId) : undefined;
  if (cached) return cached;
  const stored = item.chartId ? await context.item.deps.store.getItemChart(item.chartId) : null;
  if (!stored) throw new Error(`item ${item.id} has lost its chart`);
  context.state.cacheChart(stored.chart);
  return stored.chart;
}

/** The item's CIT state, which every stage after planning needs. */
export function citOf(item: ItemRecord): CitItemState {
  if (!item.cit) throw new Error(`item ${item.id} has no CIT state`);
  return item.cit;
}

/** One call to a role, with the call appended to the item's provenance. */
export async function ask(
  context: CitContext,
  item: ItemRecord,
  role: Parameters<CitDependencies['llm']['chat']>[0],
  messages: readonly PromptMessage[],
  task: string,
  calls: ItemCall[],
  extra: Omit<Parameters<CitDependencies['llm']['chat']>[1], 'messages'> = {},
): Promise<string> {
  const { text, call } = await context.deps.llm.chat(
    role,
    {
      ...extra,
      messages: messages.map((message) => ({
        role: message.role,
        content: typeof message.content === 'string' ? message.content : [...message.content],
      })),
    },
    { itemId: item.id, task },
    context.item.signal,
  );
  calls.push(call);
  return text;
}
