// What the CIT stages depend on, as interfaces: the state layer passes the Dexie store, the
// metered LLM providers and the render pool; tests pass fakes.
import type { CitItemState, ItemCall } from '../../core/cit/item-state.ts';
import type { CitRole } from '../../core/cit/recipe.ts';
import type {
  AttemptRecord,
  ChartRecord,
  ImageRecord,
  ItemStage,
  QaRecord,
  Rejection,
} from '../../core/dataset/records.ts';
import type { MinorChartType } from '../../core/chart-types.ts';
import type { ChatRequest } from '../../llm/types.ts';
import type { PoolChart } from '../../db/index.ts';

/** A chart of the dataset as the pipeline sees it (quota, demos, parents, dedup). */
export type { PoolChart };

/** A script of the seed pool (built-in corpus or imported). */
export interface PoolSeed {
  id: string;
  title: string;
  code: string;
  minor: MinorChartType;
}

export interface CitStore {
  saveItemState(input: {
    itemId: string;
    stage: ItemStage;
    cit: CitItemState;
    to?: ItemStage;
    attempt?: AttemptRecord;
  }): Promise<void>;
  commitRendered(input: {
    itemId: string;
    chart: ChartRecord;
    image: ImageRecord;
    cit: CitItemState;
    attempt: AttemptRecord;
  }): Promise<void>;
  commitGate(input: {
    itemId: string;
    chartId: string;
    cit: CitItemState;
    attempt: AttemptRecord;
    rejection: Rejection | null;
    ratings: { score: number; reason: string; model: string }[] | null;
  }): Promise<void>;
  /** Answered questions (possibly none) and the item's state, in one transaction. */
  commitAnswers(input: { itemId: string; cit: CitItemState; qa: QaRecord[] }): Promise<void>;
  commitVerified(input: { itemId: string; attempt: AttemptRecord }): Promise<void>;
  listPoolCharts(datasetId: string): Promise<PoolChart[]>;
  /** A stored image (PNG blob and perceptual hash). */
  getImage(imageId: string): Promise<ImageRecord | undefined>;
  /** Imported seeds (the built-in corpus is added by the pipeline). */
  listSeeds(): Promise<PoolSeed[]>;
}

/** One LLM call for a role, with its provenance. Throws LlmError. */
export interface CitLlm {
  chat(
    role: CitRole,
    request: ChatRequest,
    meta: { itemId: string; task: string },
    signal: AbortSignal,
  ): Promise<{ text: string; call: ItemCall }>;
  /** Whether a role can see images (raters need it). */
  hasVision(role: CitRole): boolean;
  /** Spending of this run so far, for the cost meter. */
  usage(): CostMeter;
}

export interface CostMeter {
  usd: number | null;
  promptTokens: number;
  completionTokens: number;
  calls: number;
}

export interface CitDependencies {
  store: CitStore;
  llm: CitLlm;
  /** Writes what is buffered (LLM call records) when the run stops. */
  flush?: () => Promise<void>;
  /** Versions and importable packages of the runtime that renders (stated in prompts). */
  runtimeFacts(): Promise<{
    python: string;
    numpy: string;
    matplotlib: string;
    importable: string[];
    notes: string;
  }>;
}

/** Thrown by a stage when the whole run must pause (budget reached, key refused, rate-limit storm). */
export class PauseRunError extends Error {
  override readonly name = 'PauseRunError';
  readonly kind = 'pause-run';
}
