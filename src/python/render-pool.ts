// The client of the sandbox: owns the iframe, the warm workers (plus spares), a FIFO queue, time
// limits, aborts, idle release and recovery. Components never touch a Worker or the iframe.
import type {
  AnswerResult,
  RenderErrorKind,
  RenderOptions,
  RenderResult,
  RuntimeInfo,
} from '../../workers/python/api.ts';
import type { WorkerReply } from '../../workers/python/protocol.ts';
import { isAnswerResult, isRenderResult } from './message-checks.ts';
import { randomJobId, resolveFailure } from './pool-jobs.ts';
import type { Job, JobBase, RenderJob, Slot } from './pool-jobs.ts';
import {
  abortError,
  defaultPoolSize,
  failAnswer,
  joinRenderId,
  splitRenderId,
} from './pool-results.ts';
import { openPoolBytecode } from './pool-bytecode.ts';
import type { PoolBytecode } from './pool-bytecode.ts';
import type { PoolProgress, PoolStatus, RenderPoolOptions } from './pool-types.ts';
import { loadSandboxAssets } from './sandbox-assets.ts';
import { SandboxWorkers } from './sandbox-workers.ts';

export class RenderPool {
  #size: number;
  #spares: number;
  readonly #defaults: RenderOptions;
  readonly #options: RenderPoolOptions;
  #queue: Job[] = [];
  /** Null until the runtime files are fetched. */
  #workers: SandboxWorkers | null = null;
  #info: RuntimeInfo | null = null;
  #fatal: Error | null = null;
  #bytecode: PoolBytecode | null = null;
  #isDisposed = false;
  readonly #ready: Promise<RuntimeInfo>;
  #settleReady: { resolve: (info: RuntimeInfo) => void; reject: (error: Error) => void } | null =
    null;
  readonly #idleTimer: ReturnType<typeof setInterval>;

  constructor(options: RenderPoolOptions = {}) {
    this.#options = options;
    this.#size = Math.max(1, options.size ?? defaultPoolSize());
    this.#spares = Math.max(0, options.spares ?? 1);
    this.#defaults = {
      dpi: options.dpi ?? 100,
      seed: options.seed ?? 0,
      timeoutMs: options.timeoutMs ?? 10_000,
      maxPixels: options.maxPixels ?? 4_000_000,
    };
    this.#ready = new Promise((resolve, reject) => (this.#settleReady = { resolve, reject }));
    this.#ready.catch(() => undefined); // Reported through ready()/runtimeInfo() and to queued jobs.
    const idleMs = options.idleReleaseMs ?? 300_000;
    this.#idleTimer = setInterval(
      () => this.#queue.length === 0 && this.#workers?.releaseIdle(idleMs),
      Math.min(idleMs / 2, 30_000),
    );
    void this.#start();
  }

  /** Resolves with the runtime once the first worker has booted (and rendered its warm-up chart). */
  ready(): Promise<RuntimeInfo> {
    return this.#ready;
  }

  /** Versions and capabilities of the booted runtime. */
  runtimeInfo(): Promise<RuntimeInfo> {
    return this.#ready;
  }

  /** Renders a script; expected failures (timeout included) resolve as data, an abort rejects. */
  render(
    code: string,
    options: Partial<RenderOptions> = {},
    signal?: AbortSignal,
  ): Promise<RenderResult> {
    const merged = { ...this.#defaults, ...options };
    return new Promise<RenderResult>((resolve, reject) => {
      const job: RenderJob = {
        ...this.#newJob(merged.timeoutMs, signal, reject),
        kind: 'render',
        code,
        options: merged,
        resolve,
      };
      this.#enqueue(job);
    });
  }

  /** Runs an answer program on the worker that holds the render; if it died, resolves kind 'crashed'. */
  runAnswerProgram(
    renderId: string,
    program: string,
    signal?: AbortSignal,
    timeoutMs = this.#defaults.timeoutMs,
  ): Promise<AnswerResult> {
    const target = splitRenderId(renderId);
    if (!target || !this.#workers?.get(target.workerId)) {
      return Promise.resolve(
        failAnswer(
          'crashed',
          'The worker that held this render is gone (time limit, crash or idle release); render the chart again.',
        ),
      );
    }
    return new Promise<AnswerResult>((resolve, reject) => {
      const base = this.#newJob(timeoutMs, signal, reject);
      this.#enqueue({
        ...base,
        kind: 'answer',
        workerId: target.workerId,
        renderId: target.renderId,
        program,
        resolve,
      });
    });
  }

  /** Changes the number of rendering workers (and spares) at run time. */
  resize(size: number, spares = this.#spares): void {
    this.#size = Math.max(1, Math.floor(size));
    this.#spares = Math.max(0, Math.floor(spares));
    const workers = this.#workers;
    if (!workers) return;
    workers.target = this.#size + this.#spares;
    for (const slot of workers.list()) {
      if (workers.list().length <= workers.target) break;
      if (slot.state !== 'busy') workers.retire(slot);
    }
    workers.fill();
    this.#dispatch();
  }

  /** A snapshot for status displays. */
  status(): PoolStatus {
    const slots = this.#workers?.list() ?? [];
    const count = (state: Slot['state']) => slots.filter((slot) => slot.state === state).length;
    return {
      size: this.#size,
      spares: this.#spares,
      booting: count('booting'),
      idle: count('idle'),
      busy: count('busy'),
      queued: this.#queue.length,
      framesBuilt: this.#workers?.framesBuilt ?? 0,
      bytecode: this.#bytecode?.status ?? 'none',
    };
  }

  /** Stops everything; pending calls reject with an AbortError. */
  dispose(): void {
    this.#isDisposed = true;
    clearInterval(this.#idleTimer);
    const running = (this.#workers?.list() ?? []).flatMap((slot) => (slot.job ? [slot.job] : []));
    for (const job of [...running, ...this.#queue]) {
      this.#finish(job, () => job.reject(abortError('The render pool was disposed.')));
    }
    this.#queue = [];
    this.#workers?.stop();
  }

  async #start(): Promise<void> {
    try {
      const assets = await loadSandboxAssets(this.#options, (progress) => this.#progress(progress));
      if (this.#isDisposed) return;
      const bytecode = await openPoolBytecode(assets, this.#options);
      this.#bytecode = bytecode;
      if (this.#isDisposed) return;
      const settings = {
        ...(this.#options.container ? { container: this.#options.container } : {}),
        heartbeatMs: this.#options.heartbeatMs ?? 1_000,
        silenceMs: this.#options.hostSilenceMs ?? 4_000,
      };
      this.#workers = new SandboxWorkers(
        assets,
        settings,
        {
          onBootProgress: ({ stage, fraction }) => {
            if (!this.#info)
              this.#progress({ stage, fraction, message: `Starting Python: ${stage}` });
          },
          onBooted: (info) => {
            this.#info ??= info;
            this.#settleReady?.resolve(info);
          },
          onReply: (slot, message) => this.#receive(slot, message),
          onLost: (slot, reason) => slot.job && this.#fail(slot.job, 'crashed', reason),
          onFatal: (error) => this.#failAll(error),
          onChange: () => this.#dispatch(),
        },
        this.#size + this.#spares,
        bytecode,
      );
      await this.#workers.start();
    } catch (error) {
      this.#failAll(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** A reply from a booted worker: accepted only as the exact answer to the job it runs. */
  #receive(slot: Slot, message: WorkerReply): void {
    const job = slot.job;
    const expected = job?.kind === 'render' ? 'render-result' : 'answer-result';
    if (!job || message.type !== expected || !('jobId' in message) || message.jobId !== job.jobId) {
      return this.#distrust(slot);
    }
    const broken = (message as { broken?: unknown }).broken === true;
    if (job.kind === 'render' && message.type === 'render-result') {
      const result = message.result;
      if (!isRenderResult(result, job.options.maxPixels))
        return this.#distrust(slot, 'an invalid render result');
      const shaped = result.ok
        ? { ...result, renderId: joinRenderId(slot.id, result.renderId) }
        : result;
      this.#complete(slot, job, () => job.resolve(shaped), broken);
    } else if (job.kind === 'answer' && message.type === 'answer-result') {
      if (!isAnswerResult(message.result)) return this.#distrust(slot, 'an invalid answer result');
      const result = message.result;
      this.#complete(slot, job, () => job.resolve(result), broken);
    }
  }

  /**
   * A worker sent something its job did not ask for: Python can call postMessage, so the worker
   * can no longer be believed. It is stopped; its job runs once more on a fresh worker (the
   * messages may be left over from an earlier script), and a second offence ends it as forbidden.
   */
  #distrust(slot: Slot, what = 'a message it was not asked for'): void {
    const job = slot.job;
    this.#workers?.retire(slot);
    if (!job) return;
    if (!job.isRetry) {
      job.isRetry = true;
      if (job.timer) clearTimeout(job.timer);
      this.#queue.unshift(job);
      return;
    }
    const message = `The sandbox sent ${what} (a script posting its own messages); its worker was stopped.`;
    this.#fail(job, 'forbidden', message);
  }

  #newJob(
    timeoutMs: number,
    signal: AbortSignal | undefined,
    reject: (error: unknown) => void,
  ): JobBase {
    return {
      jobId: randomJobId(),
      timeoutMs,
      startedAt: 0,
      timer: null,
      signal,
      onAbort: () => undefined,
      reject,
      isRetry: false,
    };
  }

  #enqueue(job: Job): void {
    if (this.#isDisposed) return job.reject(abortError('The render pool was disposed.'));
    if (job.signal?.aborted) return job.reject(abortError());
    if (this.#fatal) return this.#fail(job, 'crashed', this.#fatal.message);
    job.onAbort = () => this.#abort(job);
    job.signal?.addEventListener('abort', job.onAbort, { once: true });
    this.#queue.push(job);
    this.#workers?.fill();
    this.#dispatch();
  }

  #dispatch(): void {
    const workers = this.#workers;
    if (!workers) return;
    let busy = workers.list().filter((slot) => slot.state === 'busy').length;
    for (let i = 0; i < this.#queue.length && busy < this.#size;) {
      const job = this.#queue[i] as Job;
      let slot: Slot | undefined;
      if (job.kind === 'answer') {
        slot = workers.get(job.workerId);
        if (!slot) {
          this.#queue.splice(i, 1);
          this.#fail(
            job,
            'crashed',
            'The worker that held this render is gone; render the chart again.',
          );
          continue;
        }
        if (slot.state !== 'idle') slot = undefined;
      } else {
        slot = workers.list().find((candidate) => candidate.state === 'idle');
      }
      if (!slot) {
        i += 1;
        continue;
      }
      this.#queue.splice(i, 1);
      busy += 1;
      this.#run(slot, job);
    }
  }

  #run(slot: Slot, job: Job): void {
    slot.state = 'busy';
    slot.job = job;
    job.startedAt = performance.now();
    job.timer = setTimeout(() => this.#expire(slot, job), job.timeoutMs);
    const message =
      job.kind === 'render'
        ? { type: 'render' as const, jobId: job.jobId, code: job.code, options: job.options }
        : {
            type: 'answer' as const,
            jobId: job.jobId,
            renderId: job.renderId,
            program: job.program,
          };
    this.#workers?.send(slot, message);
  }

  #expire(slot: Slot, job: Job): void {
    const message = `The script did not finish within ${job.timeoutMs} ms and was stopped.`;
    this.#workers?.retire(slot);
    this.#fail(job, 'timeout', message);
  }

  #abort(job: Job): void {
    const index = this.#queue.indexOf(job);
    if (index >= 0) this.#queue.splice(index, 1);
    const slot = this.#workers?.list().find((candidate) => candidate.job === job);
    if (slot) this.#workers?.retire(slot);
    this.#finish(job, () => job.reject(abortError()));
  }

  #complete(slot: Slot, job: Job, settle: () => void, isBroken: boolean): void {
    slot.job = null;
    slot.state = 'idle';
    slot.lastUsed = performance.now();
    this.#finish(job, settle);
    if (isBroken) this.#workers?.retire(slot);
    this.#dispatch();
  }

  #finish(job: Job, settle: () => void): void {
    if (job.timer) clearTimeout(job.timer);
    job.timer = null;
    job.signal?.removeEventListener('abort', job.onAbort);
    settle();
  }

  #failAll(error: Error): void {
    this.#fatal = error;
    this.#settleReady?.reject(error);
    const queued = this.#queue;
    this.#queue = [];
    queued.forEach((job) => this.#fail(job, 'crashed', error.message));
  }

  #fail(job: Job, kind: RenderErrorKind, message: string): void {
    this.#finish(job, () => resolveFailure(job, kind, message, this.#info));
  }

  #progress(progress: PoolProgress): void {
    this.#options.onProgress?.(progress);
  }
}
