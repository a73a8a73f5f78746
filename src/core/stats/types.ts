// The shape of a dataset's statistics (issue item 13): coverage, verification, rejections,
// repair, tokens and cost, measured difficulty. Plain JSON, computed by StatsAccumulator from
// records streamed out of storage, and shown by the Statistics page.
import type { MinorChartType } from '../chart-types.ts';
import type { ItemStage, QaKind } from '../dataset/records.ts';

/** Counts split by the chart's level. */
export interface LevelCounts {
  easy: number;
  hard: number;
}

/** Which charts a dataset holds, and why the others are not kept. */
export interface ChartCounts {
  /** Every chart record of the dataset (kept, rejected or still in progress). */
  total: number;
  /** Finished, not rejected by the pipeline, not rejected in review. */
  kept: number;
  keptByLevel: LevelCounts;
  rejectedByPipeline: number;
  rejectedInReview: number;
  /** Chart records whose item has not finished yet (hidden until done). */
  inProgress: number;
  /** Kept charts a person accepted in review. */
  accepted: number;
}

export interface CoverageStats {
  /** Kept charts per minor type and level (all 32 types, zero when absent). */
  byType: Record<MinorChartType, LevelCounts>;
  /** Kept charts per topic id and level; a chart counts under each of its topics. */
  byTopic: Record<string, LevelCounts>;
  /** Kept charts per minor type and topic (levels summed), sparse: minor → topic → count. */
  typeTopic: Partial<Record<MinorChartType, Record<string, number>>>;
  /** Topic ids seen that are not among the 38 (e.g. from an imported archive). */
  unknownTopics: string[];
  /** Most over least kept charts among the types present; null with fewer than 2 types. */
  imbalance: {
    ratio: number;
    most: { minor: MinorChartType; count: number };
    least: { minor: MinorChartType; count: number };
  } | null;
  typesPresent: number;
}

/** Verification results of a set of Q&A. */
export interface VerificationCounts {
  total: number;
  verified: number;
  mismatch: number;
  unverifiable: number;
  /** Never checked (no answer program ran yet). */
  unchecked: number;
}

export interface VerificationStats {
  /** Every answered Q&A of a finished chart, including those the pipeline dropped afterwards. */
  answered: Record<QaKind, VerificationCounts>;
  /** Kept Q&A only (kept chart, not dropped by the pipeline, not rejected in review). */
  kept: Record<QaKind, VerificationCounts>;
  /** Answers written a second time after a mismatch (recipe policy "regenerate once"). */
  regeneratedAfterMismatch: number;
}

/** One reason of a rejection group, with how often it occurred. */
export interface ReasonCount {
  reason: string;
  count: number;
}

/** Known stage ids: gate, rater, dedup, mismatch, vote, question, render, failed, review. */
export interface RejectionGroup {
  /** What was set aside: a chart (or the script that never became one) or a question. */
  subject: 'chart' | 'qa';
  stage: string;
  total: number;
  /** Most frequent first. */
  reasons: ReasonCount[];
}

/** The render-and-repair loop of LLM-written scripts (paper: repair rescues ~15%, ~5% stay broken). */
export interface RepairStats {
  /** Scripts that were rendered at least once. */
  scripts: number;
  firstTryOk: number;
  /** First render failed, a repair round made it render. */
  rescued: number;
  /** Every try failed and the item gave up. */
  stayedBroken: number;
  /** First render failed and repairs are still running. */
  pending: number;
  /** rescuedByRound[r - 1]: scripts rescued by repair round r. */
  rescuedByRound: number[];
  /** Every failed try (first renders and repairs), by error kind, most frequent first. */
  errorsByKind: ReasonCount[];
}

/** Calls and their usage. */
export interface CallTotals {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  /** Sum of the known costs. */
  usd: number;
  /** Calls whose cost is unknown (no price for the model): `usd` leaves them out. */
  unknownCostCalls: number;
}

/** Groups of LLM calls compared with the paper's average tokens (METHOD.md §2). */
export type CallGroup =
  | 'self-instruct'
  | 'evol'
  | 'repair'
  | 'chart-rating'
  | 'qa-recognition'
  | 'qa-reasoning'
  | 'qa-unattributed'
  | 'qa-rating'
  | 'other';

export interface CallGroupStats extends CallTotals {
  group: CallGroup;
  /** Per call, or per chart for the Q&A groups (the paper's unit). */
  per: 'call' | 'chart';
  /** How many units (calls, or charts with Q&A of that kind). */
  units: number;
}

/** Spending divided over what was kept (null when nothing was kept). */
export interface PerKept {
  usd: number | null;
  /** The same tokens priced at GPT-4o list prices, as the paper's figure is. */
  usdAtGpt4o: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
  /** Some calls had no known cost: `usd` is a lower bound. */
  isLowerBound: boolean;
}

export interface CostStats {
  /** False for datasets made without any LLM (the template recipe). */
  isLlmUsed: boolean;
  /** Code-writer, repair and chart-rater calls, over every item (kept or not). */
  chartSide: CallTotals;
  /** Question, answer and Q&A-rater calls. */
  qaSide: CallTotals;
  groups: CallGroupStats[];
  /** Q&A calls of both kinds per chart with Q&A (compared with the paper's 12,600 / 2,800). */
  qaPerChart: { charts: number; promptTokens: number; completionTokens: number };
  /** Chart-side calls per kept chart (the paper: $0.094 at GPT-4o prices). */
  perKeptChart: PerKept;
  /** Q&A-side calls per kept Q&A (the paper: $0.015 at GPT-4o prices). */
  perKeptQa: PerKept;
  /** The llmCalls table for this dataset's runs: the meter's own record. */
  recorded: CallTotals & { failedCalls: number };
}

/** A distribution of whole numbers, binned on a 1-2-5 scale for a small plot. */
export interface Distribution {
  count: number;
  mean: number | null;
  median: number | null;
  max: number | null;
  bins: { label: string; from: number; to: number; count: number }[];
}

export interface DifficultyStats {
  /** Per kept chart, measured from its figure facts. */
  charts: {
    series: Distribution;
    points: Distribution;
    subplots: Distribution;
    overlays: Distribution;
    annotations: Distribution;
  };
  /** Mean complexity of kept charts per level (does "hard" measure harder?). */
  meanByLevel: Record<
    'easy' | 'hard',
    { charts: number; series: number; points: number; subplots: number }
  >;
  /** Answer-program steps per kept Q&A, by kind. */
  programSteps: Record<QaKind, Distribution>;
}

export interface DatasetStats {
  datasetId: string;
  charts: ChartCounts;
  /** Kept Q&A by kind. */
  keptQa: Record<QaKind, number>;
  /** Runner items by stage (template and CIT). */
  items: { total: number; byStage: Record<ItemStage, number> };
  runs: { total: number; template: number; cit: number };
  coverage: CoverageStats;
  verification: VerificationStats;
  rejections: RejectionGroup[];
  repair: RepairStats;
  cost: CostStats;
  difficulty: DifficultyStats;
}
