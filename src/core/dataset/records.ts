// The records a dataset is made of, as stored in IndexedDB and written to the native archive
// (METHOD.md §5). Plain JSON (plus Blob/Uint8Array for images), versioned by RECORD_SCHEMA_VERSION.
// Figure facts are kept as plain JSON (the Python sandbox's FigureFacts shape) so core stays
// independent of the worker contract.
import type { MajorChartType, MinorChartType } from '../chart-types.ts';
import type { TypedAnswer, VerificationStatus } from '../answer-compare.ts';
import type { CitItemState, ItemCall, RenderTry, StoredTurn } from '../cit/item-state.ts';
import type { CitRecipeSettings, EvolDirection } from '../cit/recipe.ts';

/** Bumped when a record shape changes incompatibly; the archive and the db both carry it. */
export const RECORD_SCHEMA_VERSION = 1;

/** A named collection of charts and Q&A, the unit a person exports. */
export interface DatasetRecord {
  id: string;
  name: string;
  createdAt: string; // ISO 8601
  updatedAt: string;
  /** Free text shown in the dataset card. */
  description: string;
}

/** Recipes a run can follow. */
export type RecipeKind = 'template' | 'cit';

/** The knobs of the template recipe (METHOD.md §4). */
export interface TemplateRecipeSettings {
  kind: 'template';
  /** Number of charts to make. */
  count: number;
  /** Master seed: same seed and settings → same dataset on the same runtime. */
  seed: number;
  /** Minor chart types to draw from, with weights (empty: all, equally). */
  chartTypes: Partial<Record<MinorChartType, number>>;
  /** Topic ids to draw from (empty: all 38). */
  topics: string[];
  /** Questions per chart and kind. */
  questionsPerKind: { recognition: number; reasoning: number };
  /** Render resolution. */
  dpi: number;
}

/** The settings of either recipe. */
export type RecipeSettings = TemplateRecipeSettings | CitRecipeSettings;

/** A saved recipe: what a run follows, recorded with every run. */
export interface RecipeRecord {
  id: string;
  name: string;
  createdAt: string;
  settings: RecipeSettings;
}

/** Run lifecycle. */
export type RunStatus = 'running' | 'paused' | 'cancelled' | 'completed' | 'failed';

/** One execution of a recipe into a dataset. */
export interface RunRecord {
  id: string;
  datasetId: string;
  recipeId: string;
  /** A frozen copy of the recipe settings at start (a recipe may be edited later). */
  settings: RecipeSettings;
  status: RunStatus;
  /** Why the run paused or failed (quota, budget, error), for a person. */
  statusReason: string | null;
  createdAt: string;
  updatedAt: string;
  /** Items planned (= settings.count). */
  planned: number;
  /** The runtime the run renders with (recorded on every chart as well). */
  runtime: RuntimeStamp | null;
}

/** Stages of one item (one chart in progress). Each stage's output is committed before the next. */
export type ItemStage =
  | 'planned' // template: spec and code chosen (deterministic from the item seed); CIT: waiting
  | 'drafted' // CIT: the code-writer's script is stored
  | 'rendered' // image and facts stored
  | 'gated' // CIT: passed quality gates, raters and dedup
  | 'questioned' // CIT: questions written (answers are committed one by one)
  | 'verified' // every Q&A's answer program ran and was compared
  | 'done' // chart and Q&A visible in the dataset
  | 'rejected' // CIT: the chart failed a gate or was a duplicate (kept hidden, restorable)
  | 'failed'; // gave up; reason in the attempt log

export const ITEM_STAGES: readonly ItemStage[] = [
  'planned',
  'drafted',
  'rendered',
  'gated',
  'questioned',
  'verified',
  'done',
  'rejected',
  'failed',
];

/** One try of one stage. */
export interface AttemptRecord {
  stage: ItemStage;
  at: string;
  ok: boolean;
  /** Error kind and message when not ok. */
  error: { kind: string; message: string } | null;
  durationMs: number;
}

/** A chart in progress: the state machine of the job runner. */
export interface ItemRecord {
  id: string;
  runId: string;
  datasetId: string;
  /** Position in the run (0-based): with the run seed it fixes the item's content. */
  index: number;
  seed: number;
  stage: ItemStage;
  attempts: AttemptRecord[];
  /** Set once the chart record exists. */
  chartId: string | null;
  updatedAt: string;
  /** CIT items: the working state (template items have none). */
  cit?: CitItemState | null;
}

/** What ran the code, as recorded on every chart. */
export interface RuntimeStamp {
  distribution: string;
  pyodide: string | null;
  python: string;
  numpy: string;
  matplotlib: string;
}

/** Review state a person sets in the inspector. */
export type ReviewStatus = 'unreviewed' | 'accepted' | 'rejected';

/** Where a chart came from. */
export interface ChartProvenance {
  recipe: RecipeKind;
  runId: string | null;
  itemId: string | null;
  seed: number;
  /** Template recipe: the spec's generator version and the chart spec itself. */
  templateSpec: unknown | null;
  /** Parent chart (evolved or edited from), when any. */
  parentChartId: string | null;
  runtime: RuntimeStamp;
  /** Free-form notes of later stages (evol direction, repair attempts...). */
  notes: string[];
  /** CIT charts: how the script was written (absent on template charts). */
  cit?: CitChartProvenance | null;
}

/** The full story of a CIT chart's script (METHOD.md §3, "full provenance per item"). */
export interface CitChartProvenance {
  origin: 'self-instruct' | 'evol';
  direction: EvolDirection | null;
  /** Seed-pool ids of the demo scripts in the prompt. */
  demoIds: string[];
  /** The code-writer conversation, prompts and replies, in order. */
  conversation: StoredTurn[];
  /** Every render try: the written script and each repair round, with its error. */
  tries: RenderTry[];
  /** Every LLM call made for the chart (Q&A calls are on the Q&A). */
  calls: ItemCall[];
  /** Vision raters' scores (1–5), when they ran. */
  ratings: { score: number; reason: string; model: string }[] | null;
  /** The sha256 of the recipe settings the run froze. */
  recipeHash: string;
}

/** Why a chart or a Q&A was set aside by the pipeline; kept so a person can restore it. */
export interface Rejection {
  /** 'gate' | 'rater' | 'dedup' | 'mismatch' | 'vote' … */
  stage: string;
  reasons: string[];
  at: string;
}

/** One chart of a dataset. */
export interface ChartRecord {
  id: string;
  datasetId: string;
  /** The exact script that drew the image. */
  code: string;
  title: string;
  major: MajorChartType;
  minor: MinorChartType;
  level: 'easy' | 'hard';
  topics: string[];
  /** Measured complexity from the figure facts. */
  complexity: {
    series: number;
    points: number;
    subplots: number;
    texts: number;
    /** Chart kinds drawn over another on the same axes (bars + line, twin axes...). */
    overlays?: number;
    /** Annotations and free text placed on the chart (bar labels, ax.annotate, ax.text). */
    annotations?: number;
  };
  /** Layout findings of the render (kinds with messages). */
  findings: { kind: string; message: string }[];
  /** The figure facts of the render (FigureFacts JSON). */
  facts: unknown;
  imageId: string;
  width: number;
  height: number;
  dpi: number;
  review: ReviewStatus;
  provenance: ChartProvenance;
  /** Earlier versions of the code, newest last, for undo after an edit. */
  history: { code: string; imageId: string; at: string }[];
  createdAt: string;
  updatedAt: string;
  /** Set when the pipeline rejected the chart (hidden from the dataset until restored). */
  rejection?: Rejection | null;
}

/** A chart image: PNG bytes plus what dedup and the grid need. */
export interface ImageRecord {
  id: string;
  png: Blob;
  /** Small PNG/WebP for the grid. */
  thumbnail: Blob | null;
  sha256: string;
  /** 64-bit perceptual hash as 16 hex digits, when computed. */
  phash: string | null;
  width: number;
  height: number;
  bytes: number;
}

/** Q&A kinds of the method. */
export type QaKind = 'recognition' | 'reasoning';

/** One question with its answer, about one chart. */
export interface QaRecord {
  id: string;
  chartId: string;
  datasetId: string;
  kind: QaKind;
  /** Template id (template recipe) or null. */
  template: string | null;
  question: string;
  /** Step-by-step answer (never mentions code). */
  steps: string[];
  /** Concise typed final answer. */
  answer: TypedAnswer;
  /** Python program computing the answer from the script's variables and the facts. */
  program: string;
  verification: {
    status: VerificationStatus;
    reason: string;
    /** The value the program computed (JSON), or null when it failed. */
    computed: unknown;
    at: string;
  } | null;
  review: ReviewStatus;
  /** Answer-program steps, a measured difficulty. */
  programSteps: number;
  createdAt: string;
  updatedAt: string;
  /** CIT: the hidden analysis the qa-writer wrote before its answer. */
  analysis?: string | null;
  /** Set when the pipeline dropped the Q&A (mismatch policy, raters, duplicate). */
  rejection?: Rejection | null;
  /** Vision raters' yes/no votes with the image, when they ran. */
  votes?: { vote: 'yes' | 'no'; reason: string; model: string }[] | null;
  /** CIT: the LLM calls that wrote this Q&A. */
  calls?: ItemCall[] | null;
}
