// The workers of one sandbox: the iframe that hosts them, their boot (one at a time), crashes,
// idle release and rebuilding the iframe when its host goes silent. Jobs are the pool's business;
// this class only reports what happened to each worker.
import type { RuntimeInfo } from '../../workers/python/api.ts';
import type {
  BootProgress,
  HostReply,
  WorkerReply,
  WorkerRequest,
} from '../../workers/python/protocol.ts';
import { isBootProgress, isRuntimeInfo } from './message-checks.ts';
import type { PoolBytecode } from './pool-bytecode.ts';
import type { Slot } from './pool-jobs.ts';
import type { SandboxAssets } from './sandbox-assets.ts';
import { SandboxFrame } from './sandbox-frame.ts';

/** A booting worker that has not answered in this long is replaced. */
const BOOT_LIMIT_MS = 90_000;
/** Consecutive boot failures after which the sandbox gives up. */
const MAX_BOOT_FAILURES = 3;

/** What the pool hears from its workers. */
export interface SandboxWorkerEvents {
  onBootProgress: (progress: BootProgress) => void;
  onBooted: (info: RuntimeInfo) => void;
  /** A message from a booted worker (validated by the pool against the job it runs). */
  onReply: (slot: Slot, message: WorkerReply) => void;
  /** A worker died with a job on it (crash or rebuilt iframe). */
  onLost: (slot: Slot, reason: string) => void;
  /** Workers cannot start at all. */
  onFatal: (error: Error) => void;
  /** Capacity changed (a worker booted or was removed): time to dispatch. */
  onChange: () => void;
}

/** Frame settings of the pool's options. */
export interface SandboxWorkerSettings {
  container?: HTMLElement;
  heartbeatMs: number;
  silenceMs: number;
}

export class SandboxWorkers {
  /** Workers to keep (rendering workers plus spares). */
  target: number;
  framesBuilt = 0;
  readonly #slots = new Map<number, Slot>();
  #frame: SandboxFrame | null = null;
  /** False while a frame is starting: workers spawned then would be lost. */
  #isFrameReady = false;
  #nextWorkerId = 1;
  #bootFailures = 0;
  #isStopped = false;

  constructor(
    private readonly assets: SandboxAssets,
    private readonly settings: SandboxWorkerSettings,
    private readonly events: SandboxWorkerEvents,
    target: number,
    private readonly bytecode: PoolBytecode,
  ) {
    this.target = target;
  }

  /** Every worker, booting or not. */
  list(): Slot[] {
    return [...this.#slots.values()];
  }

  get(workerId: number): Slot | undefined {
    return this.#slots.get(workerId);
  }

  /** Builds the iframe and starts booting workers. */
  async start(): Promise<void> {
    if (this.#isStopped) return;
    this.#frame?.dispose();
    const frame: SandboxFrame = new SandboxFrame({
      ...this.assets,
      ...this.settings,
      onReply: (reply) => frame === this.#frame && this.#receive(reply),
      onDead: (reason) => frame === this.#frame && void this.#rebuild(reason),
    });
    this.#frame = frame;
    this.#isFrameReady = false;
    this.framesBuilt += 1;
    await frame.start();
    if (frame !== this.#frame) return;
    this.#isFrameReady = true;
    this.fill();
  }

  /** Boots missing workers one at a time: parallel boots on few cores delay the first chart. */
  fill(): void {
    if (!this.#frame || !this.#isFrameReady || this.#isStopped) return;
    const isBooting = this.list().some((slot) => slot.state === 'booting');
    if (isBooting || this.#slots.size >= this.target) return;
    const boot = this.bytecode.bootArgs();
    const slot: Slot = {
      id: this.#nextWorkerId++,
      state: 'booting',
      job: null,
      lastUsed: performance.now(),
      bootTimer: null,
      bytecode: boot.bytecode ? 'fed' : boot.harvest ? 'harvest' : 'none',
    };
    slot.bootTimer = setTimeout(() => this.#bootFailed(slot, 'boot took too long'), BOOT_LIMIT_MS);
    this.#slots.set(slot.id, slot);
    this.#frame.send({ type: 'spawn', workerId: slot.id, ...boot });
  }

  /** Sends a job to a worker. */
  send(slot: Slot, message: WorkerRequest): void {
    this.#frame?.send({ type: 'to-worker', workerId: slot.id, message });
  }

  /**
   * Terminates a worker. With a reason, its running job is reported lost; without, the caller
   * settles the job itself. A booted spare takes over and a new spare boots in the background.
   */
  retire(slot: Slot, lostReason?: string): void {
    if (!this.#slots.delete(slot.id)) return;
    if (slot.bootTimer) clearTimeout(slot.bootTimer);
    this.#frame?.send({ type: 'kill', workerId: slot.id });
    if (slot.job && lostReason) this.events.onLost(slot, lostReason);
    slot.job = null;
    queueMicrotask(() => {
      this.fill();
      this.events.onChange();
    });
  }

  /** Releases workers idle for `idleMs`, keeping one booted worker. */
  releaseIdle(idleMs: number): void {
    const now = performance.now();
    let booted = this.list().filter((slot) => slot.state !== 'booting').length;
    for (const slot of this.list()) {
      if (booted <= 1) break;
      if (slot.state !== 'idle' || now - slot.lastUsed < idleMs) continue;
      // Not retire(): a released worker is not replaced until work arrives.
      this.#slots.delete(slot.id);
      this.#frame?.send({ type: 'kill', workerId: slot.id });
      booted -= 1;
    }
  }

  /** Removes the iframe and forgets every worker. */
  stop(): void {
    this.#isStopped = true;
    for (const slot of this.#slots.values()) if (slot.bootTimer) clearTimeout(slot.bootTimer);
    this.#slots.clear();
    this.#frame?.dispose();
    this.#frame = null;
  }

  /** The host went silent: every worker in it is lost; queued jobs wait for the new frame. */
  async #rebuild(reason: string): Promise<void> {
    for (const slot of this.list()) this.retire(slot, reason);
    try {
      await this.start();
    } catch (error) {
      this.events.onFatal(error instanceof Error ? error : new Error(String(error)));
    }
  }

  #receive(reply: HostReply): void {
    if (reply.type !== 'from-worker' && reply.type !== 'worker-crashed') return;
    const slot = this.#slots.get(reply.workerId);
    if (!slot) return;
    if (reply.type === 'worker-crashed') {
      if (slot.state === 'booting') this.#bootFailed(slot, reply.message);
      else this.retire(slot, `the worker crashed: ${reply.message}`);
    } else if (slot.state !== 'booting') {
      this.events.onReply(slot, reply.message);
    } else {
      this.#receiveBootMessage(slot, reply.message);
    }
  }

  #receiveBootMessage(slot: Slot, message: WorkerReply): void {
    if (message.type === 'progress' && isBootProgress(message.progress)) {
      this.events.onBootProgress(message.progress);
    } else if (message.type === 'booted' && isRuntimeInfo(message.info)) {
      if (slot.bootTimer) clearTimeout(slot.bootTimer);
      this.bytecode.receiveBooted(slot, message); // while the slot is still 'booting'
      slot.state = 'idle';
      slot.lastUsed = performance.now();
      this.#bootFailures = 0;
      this.events.onBooted(message.info);
      this.fill();
      this.events.onChange();
    } else if (message.type === 'boot-failed' && typeof message.message === 'string') {
      this.#bootFailed(slot, message.message);
    }
  }

  #bootFailed(slot: Slot, message: string): void {
    this.bytecode.receiveBootFailure(slot);
    this.retire(slot);
    this.#bootFailures += 1;
    const hasBooted = this.list().some((other) => other.state !== 'booting');
    if (this.#bootFailures >= MAX_BOOT_FAILURES && !hasBooted) {
      this.#isStopped = true;
      this.events.onFatal(new Error(`Python could not start: ${message}`));
    }
  }
}
