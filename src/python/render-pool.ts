// The client of the sandbox: owns the iframe, the warm workers (plus spares), a FIFO queue, time
// limits, aborts, idle release and recovery. Components never touch a Worker or the iframe.
import type { AnswerResult, RenderOptions, RenderResult, RuntimeInfo } from '../../workers/python/api.ts';
import type { HostReply, RuntimeSource, WorkerReply } from '../../workers/python/protocol.ts';
import { isAnswerResult, isBootProgress, isRenderResult, isRuntimeInfo } from './message-checks.ts';
import { abortError, defaultPoolSize, failAnswer, failRender, joinRenderId, splitRenderId } from './pool-results.ts';
import type { PoolProgress, PoolStatus, RenderPoolOptions } from './pool-types.ts';
import { fetchRuntimeFiles } from './runtime-files.ts';
import { chooseRuntimeSource } from './runtime-source/index.ts';
import type { RuntimeSource as ChosenRuntime } from './runtime-source/index.ts';
import { SandboxFrame } from './sandbox-frame.ts';

/** A booting worker that has not answered in this long is replaced. */
const BOOT_LIMIT_MS = 90_000;
/** Consecutive boot failures after which the pool gives up. */
const MAX_BOOT_FAILURES = 3;

interface Slot {
  id: number;
  state: 'booting' | 'idle' | 'busy';
  job: Job | null;
  lastUsed: number;
  bootTimer: ReturnType<typeof setTimeout> | null;
}

interface JobBase {
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
interface RenderJob extends JobBase {
  kind: 'render';
  code: string;
  options: RenderOptions;
  resolve: (result: RenderResult) => void;
}
interface AnswerJob extends JobBase {
  kind: 'answer';
  workerId: number;
  renderId: string;
  program: string;
  resolve: (result: AnswerResult) => void;
}
type Job = RenderJob | AnswerJob;

export class RenderPool {
  #size: number;
  #spares: number;
  readonly #defaults: RenderOptions;
  readonly #options: RenderPoolOptions;
  readonly #slots = new Map<number, Slot>();
  #queue: Job[] = [];
  #frame: SandboxFrame | null = null;
  #frameConfig: { hostSource: string; workerSource: string; files: Record<string, Blob>; source: RuntimeSource } | null = null;
  #framesBuilt = 0;
  /** False while a frame is starting: workers spawned then would be lost. */
  #isFrameReady = false;
  #nextWorkerId = 1;
  #bootFailures = 0;
  #info: RuntimeInfo | null = null;
  #fatal: Error | null = null;
  #isDisposed = false;
  readonly #ready: Promise<RuntimeInfo>;
  #settleReady: { resolve: (info: RuntimeInfo) => void; reject: (error: Error) => void } | null = null;
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
    this.#idleTimer = setInterval(() => this.#releaseIdle(idleMs), Math.min(idleMs / 2, 30_000));
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
  render(code: string, options: Partial<RenderOptions> = {}, signal?: AbortSignal): Promise<RenderResult> {
    const merged = { ...this.#defaults, ...options };
    return new Promise<RenderResult>((resolve, reject) => {
      const job: RenderJob = { ...this.#newJob(merged.timeoutMs, signal, reject), kind: 'render', code, options: merged, resolve };
      this.#enqueue(job);
    });
  }

  /** Runs an answer program on the worker that holds the render; if it died, resolves kind 'crashed'. */
  runAnswerProgram(renderId: string, program: string, signal?: AbortSignal, timeoutMs = this.#defaults.timeoutMs): Promise<AnswerResult> {
    const target = splitRenderId(renderId);
    if (!target || !this.#slots.has(target.workerId)) {
      return Promise.resolve(
        failAnswer('crashed', 'The worker that held this render is gone (time limit, crash or idle release); render the chart again.'),
      );
    }
    return new Promise<AnswerResult>((resolve, reject) => {
      const base = this.#newJob(timeoutMs, signal, reject);
      this.#enqueue({ ...base, kind: 'answer', workerId: target.workerId, renderId: target.renderId, program, resolve });
    });
  }

  /** Changes the number of rendering workers (and spares) at run time. */
  resize(size: number, spares = this.#spares): void {
    this.#size = Math.max(1, Math.floor(size));
    this.#spares = Math.max(0, Math.floor(spares));
    const target = this.#size + this.#spares;
    for (const slot of [...this.#slots.values()]) {
      if (this.#slots.size <= target) break;
      if (slot.state !== 'busy') this.#retire(slot);
    }
    this.#fillWorkers();
    this.#dispatch();
  }

  /** A snapshot for status displays. */
  status(): PoolStatus {
    const count = (state: Slot['state']) => [...this.#slots.values()].filter((slot) => slot.state === state).length;
    return {
      size: this.#size,
      spares: this.#spares,
      booting: count('booting'),
      idle: count('idle'),
      busy: count('busy'),
      queued: this.#queue.length,
      framesBuilt: this.#framesBuilt,
    };
  }

  /** Stops everything; pending calls reject with an AbortError. */
  dispose(): void {
    this.#isDisposed = true;
    clearInterval(this.#idleTimer);
    for (const slot of this.#slots.values()) {
      if (slot.job) this.#finish(slot.job, () => slot.job?.reject(abortError('The render pool was disposed.')));
      if (slot.bootTimer) clearTimeout(slot.bootTimer);
    }
    this.#queue.forEach((job) => this.#finish(job, () => job.reject(abortError('The render pool was disposed.'))));
    this.#queue = [];
    this.#slots.clear();
    this.#frame?.dispose();
    this.#frame = null;
  }

  async #start(): Promise<void> {
    try {
      const fetchFn = this.#options.fetchFn ?? globalThis.fetch.bind(globalThis);
      const base = this.#options.baseUrl ?? document.baseURI;
      const preferOffline = this.#options.preferOffline ?? false;
      const chosen = await (this.#options.chooseSource ?? (() => chooseRuntimeSource({ fetch: fetchFn, baseUrl: base, preferOffline })))();
      const source = toSandboxSource(chosen);
      const text = async (path: string) => (await fetchFn(new URL(path, base).href)).text();
      const [hostSource, workerSource] = await Promise.all([text('sandbox/sandbox-host.js'), text('sandbox/sandbox-worker.js')]);
      this.#progress({ stage: 'fetch', fraction: 0, message: 'Fetching the Python runtime' });
      // Optional packages are fed too: a script importing scipy must not need the network.
      const urls = [...chosen.files, ...Object.values(chosen.onDemand).flat()];
      const files = await fetchRuntimeFiles(urls, fetchFn, (bytes, total, done) =>
        this.#progress({ stage: 'fetch', fraction: done / total, message: `Fetched ${done}/${total} runtime files (${(bytes / 1e6).toFixed(1)} MB)` }),
      );
      this.#frameConfig = { hostSource, workerSource, files, source };
      await this.#buildFrame();
    } catch (error) {
      this.#failAll(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async #buildFrame(): Promise<void> {
    if (!this.#frameConfig || this.#isDisposed) return;
    this.#frame?.dispose();
    const frame: SandboxFrame = new SandboxFrame({
      ...this.#frameConfig,
      ...(this.#options.container ? { container: this.#options.container } : {}),
      heartbeatMs: this.#options.heartbeatMs ?? 1_000,
      silenceMs: this.#options.hostSilenceMs ?? 4_000,
      onReply: (reply) => frame === this.#frame && this.#receive(reply),
      onDead: (reason) => frame === this.#frame && void this.#rebuild(reason),
    });
    this.#frame = frame;
    this.#isFrameReady = false;
    this.#framesBuilt += 1;
    await frame.start();
    if (frame !== this.#frame) return;
    this.#isFrameReady = true;
    this.#fillWorkers();
  }

  /** The host went silent: every worker in it is lost; queued jobs wait for the new frame. */
  async #rebuild(reason: string): Promise<void> {
    for (const slot of [...this.#slots.values()]) this.#retire(slot, reason);
    try {
      await this.#buildFrame();
    } catch (error) {
      this.#failAll(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Boots missing workers one at a time: parallel boots on few cores delay the first chart. */
  #fillWorkers(): void {
    if (!this.#frame || !this.#isFrameReady || this.#isDisposed || this.#fatal) return;
    const isBooting = [...this.#slots.values()].some((slot) => slot.state === 'booting');
    if (!isBooting && this.#slots.size < this.#size + this.#spares) {
      const slot: Slot = { id: this.#nextWorkerId++, state: 'booting', job: null, lastUsed: performance.now(), bootTimer: null };
      slot.bootTimer = setTimeout(() => this.#bootFailed(slot, 'boot took too long'), BOOT_LIMIT_MS);
      this.#slots.set(slot.id, slot);
      this.#frame.send({ type: 'spawn', workerId: slot.id });
    }
  }

  #receive(reply: HostReply): void {
    if (reply.type !== 'from-worker' && reply.type !== 'worker-crashed') return;
    const slot = this.#slots.get(reply.workerId);
    if (!slot) return;
    if (reply.type === 'worker-crashed') {
      if (slot.state === 'booting') this.#bootFailed(slot, reply.message);
      else this.#retire(slot, `the worker crashed: ${reply.message}`);
      return;
    }
    this.#receiveFromWorker(slot, reply.message);
  }

  #receiveFromWorker(slot: Slot, message: WorkerReply): void {
    if (slot.state === 'booting') {
      if (message.type === 'progress' && !this.#info && isBootProgress(message.progress)) {
        const { stage, fraction } = message.progress;
        this.#progress({ stage, fraction, message: `Starting Python: ${stage}` });
      } else if (message.type === 'booted' && isRuntimeInfo(message.info)) {
        if (slot.bootTimer) clearTimeout(slot.bootTimer);
        slot.state = 'idle';
        slot.lastUsed = performance.now();
        this.#bootFailures = 0;
        this.#info ??= message.info;
        this.#settleReady?.resolve(message.info);
        this.#fillWorkers();
        this.#dispatch();
      } else if (message.type === 'boot-failed' && typeof message.message === 'string') {
        this.#bootFailed(slot, message.message);
      }
      return;
    }
    const job = slot.job;
    const expected = job?.kind === 'render' ? 'render-result' : 'answer-result';
    if (!job || message.type !== expected || !('jobId' in message) || message.jobId !== job.jobId) {
      return this.#distrust(slot);
    }
    const broken = (message as { broken?: unknown }).broken === true;
    if (job.kind === 'render' && message.type === 'render-result') {
      const result = message.result;
      if (!isRenderResult(result, job.options.maxPixels)) return this.#distrust(slot, 'an invalid render result');
      const shaped = result.ok ? { ...result, renderId: joinRenderId(slot.id, result.renderId) } : result;
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
    this.#retire(slot);
    if (!job) return;
    if (!job.isRetry) {
      job.isRetry = true;
      if (job.timer) clearTimeout(job.timer);
      this.#queue.unshift(job);
      return;
    }
    const message = `The sandbox sent ${what} (a script posting its own messages); its worker was stopped.`;
    this.#finish(job, () =>
      job.kind === 'render'
        ? job.resolve(failRender('forbidden', message, performance.now() - job.startedAt, this.#info))
        : job.resolve(failAnswer('forbidden', message)),
    );
  }

  #bootFailed(slot: Slot, message: string): void {
    this.#retire(slot);
    this.#bootFailures += 1;
    const hasBooted = [...this.#slots.values()].some((other) => other.state !== 'booting');
    if (this.#bootFailures >= MAX_BOOT_FAILURES && !hasBooted) {
      this.#failAll(new Error(`Python could not start: ${message}`));
    } else {
      this.#fillWorkers();
    }
  }

  #newJob(timeoutMs: number, signal: AbortSignal | undefined, reject: (error: unknown) => void): JobBase {
    return { jobId: randomJobId(), timeoutMs, startedAt: 0, timer: null, signal, onAbort: () => undefined, reject, isRetry: false };
  }

  #enqueue(job: Job): void {
    if (this.#isDisposed) return job.reject(abortError('The render pool was disposed.'));
    if (job.signal?.aborted) return job.reject(abortError());
    if (this.#fatal) return this.#settleFatal(job, this.#fatal);
    job.onAbort = () => this.#abort(job);
    job.signal?.addEventListener('abort', job.onAbort, { once: true });
    this.#queue.push(job);
    this.#fillWorkers();
    this.#dispatch();
  }

  #dispatch(): void {
    let busy = [...this.#slots.values()].filter((slot) => slot.state === 'busy').length;
    for (let i = 0; i < this.#queue.length && busy < this.#size; ) {
      const job = this.#queue[i] as Job;
      let slot: Slot | undefined;
      if (job.kind === 'answer') {
        slot = this.#slots.get(job.workerId);
        if (!slot) {
          this.#queue.splice(i, 1);
          this.#finish(job, () => job.resolve(failAnswer('crashed', 'The worker that held this render is gone; render the chart again.')));
          continue;
        }
        if (slot.state !== 'idle') slot = undefined;
      } else {
        slot = [...this.#slots.values()].find((candidate) => candidate.state === 'idle');
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
        : { type: 'answer' as const, jobId: job.jobId, renderId: job.renderId, program: job.program };
    this.#frame?.send({ type: 'to-worker', workerId: slot.id, message });
  }

  #expire(slot: Slot, job: Job): void {
    const message = `The script did not finish within ${job.timeoutMs} ms and was stopped.`;
    this.#retire(slot);
    this.#finish(job, () =>
      job.kind === 'render'
        ? job.resolve(failRender('timeout', message, performance.now() - job.startedAt, this.#info))
        : job.resolve(failAnswer('timeout', message)),
    );
  }

  #abort(job: Job): void {
    const index = this.#queue.indexOf(job);
    if (index >= 0) this.#queue.splice(index, 1);
    const slot = [...this.#slots.values()].find((candidate) => candidate.job === job);
    if (slot) this.#retire(slot);
    this.#finish(job, () => job.reject(abortError()));
  }

  #complete(slot: Slot, job: Job, settle: () => void, isBroken: boolean): void {
    slot.job = null;
    slot.state = 'idle';
    slot.lastUsed = performance.now();
    this.#finish(job, settle);
    if (isBroken) this.#retire(slot);
    this.#dispatch();
  }

  #finish(job: Job, settle: () => void): void {
    if (job.timer) clearTimeout(job.timer);
    job.timer = null;
    job.signal?.removeEventListener('abort', job.onAbort);
    settle();
  }

  /** Terminates a worker; its running job (if any) ends as crashed. Then a spare takes over. */
  #retire(slot: Slot, crashMessage?: string): void {
    if (!this.#slots.delete(slot.id)) return;
    if (slot.bootTimer) clearTimeout(slot.bootTimer);
    this.#frame?.send({ type: 'kill', workerId: slot.id });
    const job = slot.job;
    slot.job = null;
    if (job && crashMessage) {
      this.#finish(job, () =>
        job.kind === 'render'
          ? job.resolve(failRender('crashed', crashMessage, performance.now() - job.startedAt, this.#info))
          : job.resolve(failAnswer('crashed', crashMessage)),
      );
    }
    queueMicrotask(() => {
      this.#fillWorkers();
      this.#dispatch();
    });
  }

  #releaseIdle(idleMs: number): void {
    const now = performance.now();
    const idle = [...this.#slots.values()].filter((slot) => slot.state === 'idle');
    const booted = [...this.#slots.values()].filter((slot) => slot.state !== 'booting').length;
    let keep = booted;
    for (const slot of idle) {
      if (keep <= 1 || this.#queue.length > 0) break;
      if (now - slot.lastUsed < idleMs) continue;
      this.#slots.delete(slot.id);
      this.#frame?.send({ type: 'kill', workerId: slot.id });
      keep -= 1;
    }
  }

  #failAll(error: Error): void {
    this.#fatal = error;
    this.#settleReady?.reject(error);
    const queued = this.#queue;
    this.#queue = [];
    queued.forEach((job) => this.#settleFatal(job, error));
  }

  #settleFatal(job: Job, error: Error): void {
    this.#finish(job, () =>
      job.kind === 'render'
        ? job.resolve(failRender('crashed', error.message, 0, this.#info))
        : job.resolve(failAnswer('crashed', error.message)),
    );
  }

  #progress(progress: PoolProgress): void {
    this.#options.onProgress?.(progress);
  }
}

/** Job ids are random so a script cannot guess another job's id to forge its reply. */
function randomJobId(): number {
  const [high = 0, low = 0] = crypto.getRandomValues(new Uint32Array(2));
  return (high & 0x1fffff) * 2 ** 32 + low;
}

/** The part of the chosen runtime the sandbox worker needs. */
function toSandboxSource(chosen: ChosenRuntime): RuntimeSource {
  const isLegacy = chosen.distribution === 'offline-0.17';
  return {
    distribution: chosen.distribution,
    indexURL: chosen.indexURL,
    lockFileURL: isLegacy ? null : chosen.lockFileURL,
    packageBaseUrl: isLegacy ? null : chosen.packageBaseUrl,
    note: chosen.note,
  };
}
