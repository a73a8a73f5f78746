// Jobs and worker slots of the render pool, and how a job ends when the pool (not Python) ends it.
import type {
  AnswerResult,
  RenderErrorKind,
  RenderOptions,
  RenderResult,
  RuntimeInfo,
} from '../../workers/python/api.ts';
import { failAnswer, failRender } from './pool-results.ts';

/** One sandbox worker as the pool tracks it. */
export interface Slot {
  id: number;
  state: 'booting' | 'idle' | 'busy';
  job: Job | null;
  lastUsed: number;
  bootTimer: ReturnType<typeof setTimeout> | null;
  /** What the worker was told to do with bytecode at boot (see pool-bytecode.ts). */
  bytecode: 'fed' | 'harvest' | 'none';
}

/** What every queued call carries. */
export interface JobBase {
  jobId: number;
  timeoutMs: number;
  startedAt: number;
  timer: ReturnType<typeof setTimeout> | null;
  signal: AbortSignal | undefined;
  onAbort: () => void;
  reject: (error: unknown) => void;
  /** Set once the job was re-run after its worker sent unexpected messages. */
  isRetry: boolean;
}
/** A render call. */
export interface RenderJob extends JobBase {
  kind: 'render';
  code: string;
  options: RenderOptions;
  resolve: (result: RenderResult) => void;
}
/** An answer-program call, bound to the worker holding its render. */
export interface AnswerJob extends JobBase {
  kind: 'answer';
  workerId: number;
  renderId: string;
  program: string;
  resolve: (result: AnswerResult) => void;
}
/** A queued or running call. */
export type Job = RenderJob | AnswerJob;

/** Job ids are random so a script cannot guess another job's id to forge its reply. */
export function randomJobId(): number {
  const [high = 0, low = 0] = crypto.getRandomValues(new Uint32Array(2));
  return (high & 0x1fffff) * 2 ** 32 + low;
}

/** Resolves a job with a failure of the given kind (a render or an answer shape). */
export function resolveFailure(
  job: Job,
  kind: RenderErrorKind,
  message: string,
  runtime: RuntimeInfo | null,
): void {
  if (job.kind === 'render') {
    const durationMs = job.startedAt ? performance.now() - job.startedAt : 0;
    job.resolve(failRender(kind, message, durationMs, runtime));
  } else {
    job.resolve(failAnswer(kind, message));
  }
}
