// What the job runner depends on, as interfaces: the state layer passes the real render pool and
// the Dexie repository; tests pass fakes.
import type {
  AttemptRecord,
  ChartRecord,
  ImageRecord,
  ItemRecord,
  ItemStage,
  QaRecord,
  RunRecord,
  RunStatus,
  RuntimeStamp,
  RecipeSettings,
} from '../core/dataset/records.ts';
import type { AnswerResult, RenderResult } from '../python/index.ts';
import type { CitDependencies, CostMeter } from './cit/types.ts';

/** The part of the render pool the runner uses. */
export interface Renderer {
  render(
    code: string,
    options: { dpi: number; seed: number },
    signal?: AbortSignal,
  ): Promise<RenderResult>;
  runAnswerProgram(renderId: string, program: string, signal?: AbortSignal): Promise<AnswerResult>;
}

/** The repository functions the runner uses (bound to a database by createDbRunStore). */
export interface RunStore {
  startRun(input: {
    datasetId: string;
    recipeId: string;
    settings: RecipeSettings;
  }): Promise<RunRecord>;
  getRun(runId: string): Promise<RunRecord | undefined>;
  listUnfinishedRuns(): Promise<RunRecord[]>;
  setRunStatus(
    runId: string,
    status: RunStatus,
    reason: string | null,
    runtime?: RuntimeStamp,
  ): Promise<void>;
  listRunItems(runId: string): Promise<ItemRecord[]>;
  getItem(itemId: string): Promise<ItemRecord | undefined>;
  recordItemAttempt(itemId: string, attempt: AttemptRecord): Promise<void>;
  commitRenderedItem(input: {
    itemId: string;
    chart: ChartRecord;
    image: ImageRecord;
    qa: QaRecord[];
    attempt: AttemptRecord;
  }): Promise<void>;
  commitVerifiedItem(input: {
    itemId: string;
    verifications: { qaId: string; verification: NonNullable<QaRecord['verification']> }[];
    attempt: AttemptRecord;
  }): Promise<void>;
  commitDoneItem(input: { itemId: string; attempt: AttemptRecord }): Promise<void>;
  failItem(input: { itemId: string; attempt: AttemptRecord }): Promise<void>;
  getItemChart(chartId: string): Promise<{ chart: ChartRecord; qa: QaRecord[] } | null>;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export interface RunnerDependencies {
  renderer: Renderer;
  store: RunStore;
  clock?: Clock;
  /** Renders in flight at once: the pool's worker count (default 1). */
  concurrency?: number;
  /** Tries per stage before an item fails (default 3). */
  maxAttempts?: number;
  /** Makes the grid thumbnail of a PNG (the state layer uses an OffscreenCanvas); default none. */
  makeThumbnail?: (png: Uint8Array) => Promise<Blob | null>;
  /** CIT runs: the LLMs, the seed pool and the CIT commits for a run (absent: template only). */
  cit?: (run: RunRecord) => Promise<CitDependencies>;
  /** Items in flight at once in a CIT run (LLM calls overlap renders; default 8). */
  citConcurrency?: number;
  /** Gives the event loop a turn between items (default: a zero-delay timeout). */
  yieldToEventLoop?: () => Promise<void>;
}

export interface RunLogLine {
  at: string;
  level: 'info' | 'warn' | 'error';
  message: string;
}

/** What the UI shows of the current run. */
export interface RunSnapshot {
  runId: string | null;
  status: RunStatus | 'idle';
  /** Why the run paused, failed or stopped, for a person. */
  reason: string | null;
  planned: number;
  /** Items currently at each stage. */
  stages: Record<ItemStage, number>;
  /** Template answers that did not verify: each one is a bug of the template recipe. */
  mismatches: number;
  unverifiable: number;
  /** Items finished (done or failed) per minute since this runner started the run. */
  ratePerMinute: number | null;
  /** Estimated time left, ms. */
  etaMs: number | null;
  /** CIT runs: the run's LLM spending so far (null for template runs). */
  cost: CostMeter | null;
  log: readonly RunLogLine[];
}
