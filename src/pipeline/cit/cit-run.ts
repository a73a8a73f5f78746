// Assembles a CIT run for the job runner: loads what the run must know about its dataset (charts
// for quota, demos, parents and dedup; the seed pool), and returns the stage map the runner
// drives each item through: planned → drafted → rendered → gated → questioned → verified → done
// (or rejected / failed). Terminal stages release the item's place in the quota.
import { listCorpus } from '../../core/corpus/index.ts';
import { canonicalJson } from '../../llm/usage/call-record.ts';
import { sha256Hex } from '../../core/sha256.ts';
import type { CitRecipeSettings } from '../../core/cit/recipe.ts';
import type { ItemRecord, ItemStage, RunRecord } from '../../core/dataset/records.ts';
import { attempt, type ItemContext, type StageOutcome, type StageStep } from '../item-stages.ts';
import { chartOf, citOf, type CitContext, type RuntimeFacts } from './context.ts';
import { gateStage } from './gate-stage.ts';
import { answerStage, questionStage } from './qa-stage.ts';
import { renderStage } from './render-stage.ts';
import { CitRunState } from './run-state.ts';
import type { CitDependencies, PoolSeed } from './types.ts';
import { writeStage } from './write-stage.ts';

/** The built-in seed pool: our corpus of hand-checked scripts (METHOD.md §2 S0). */
export function corpusSeeds(): PoolSeed[] {
  return listCorpus().map((script) => ({
    id: `corpus:${script.id}`,
    title: script.title,
    code: script.code,
    minor: script.minor,
  }));
}

export interface CitRun {
  stages: Partial<Record<ItemStage, StageStep>>;
  state: CitRunState;
  /** An item gave up after its retries: its place in the quota and its cached chart go. */
  onItemFailed: (item: ItemRecord) => void;
}

export async function prepareCitRun(
  run: RunRecord,
  items: ItemRecord[],
  deps: CitDependencies,
  onProgress: () => void,
): Promise<CitRun> {
  if (run.settings.kind !== 'cit') throw new Error('not a CIT run');
  const settings: CitRecipeSettings = run.settings;
  const [charts, imported] = await Promise.all([
    deps.store.listPoolCharts(run.datasetId),
    deps.store.listSeeds(),
  ]);
  const state = new CitRunState(settings, charts, [...corpusSeeds(), ...imported], items);
  const recipeHash = await sha256Hex(canonicalJson(settings));
  let runtime: Promise<RuntimeFacts> | null = null;
  const contextOf = (item: ItemContext): CitContext => ({
    item,
    run,
    settings,
    deps,
    state,
    recipeHash,
    runtime: () => (runtime ??= deps.runtimeFacts()),
  });

  const done: StageStep = async (item, record) => {
    await item.deps.store.commitDoneItem({
      itemId: record.id,
      attempt: attempt(item.clock, 'done', item.clock.now()),
    });
    const cit = citOf(record);
    const chart = await chartOf(contextOf(item), record);
    state.markKept({
      id: chart.id,
      code: chart.code,
      minor: chart.minor,
      origin: cit.origin,
      level: chart.level,
      topics: chart.topics,
    });
    return { stage: 'done' };
  };

  const wrap =
    (step: (context: CitContext, item: ItemRecord) => Promise<StageOutcome>): StageStep =>
    async (item, record) => {
      try {
        const outcome = await step(contextOf(item), record);
        if (['done', 'failed', 'rejected'].includes(outcome.stage)) {
          state.release(record.id);
          if (record.chartId) state.forgetChart(record.chartId);
        }
        return outcome;
      } finally {
        onProgress();
      }
    };

  return {
    state,
    onItemFailed: (item) => {
      state.release(item.id);
      if (item.chartId) state.forgetChart(item.chartId);
    },
    stages: {
      planned: wrap(writeStage),
      drafted: wrap(renderStage),
      rendered: wrap(gateStage),
      gated: wrap(questionStage),
      questioned: wrap(answerStage),
      verified: wrap(async (context, record) => done(context.item, record)),
    },
  };
}
