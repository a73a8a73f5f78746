// Public types of the render pool.
import type { BootStage } from '../../workers/python/protocol.ts';
import type { BytecodeStatus, BytecodeStore } from './pool-bytecode.ts';
import type { RuntimeSource } from './runtime-source/index.ts';

/** Options of a RenderPool; every field has a default. */
export interface RenderPoolOptions {
  /** Workers rendering at once (default: hardwareConcurrency − 1, between 1 and 4). */
  size?: number;
  /** Booted workers kept idle so a killed worker is replaced at once (default 1). */
  spares?: number;
  /** Default per-render time limit in ms (default 10 000). */
  timeoutMs?: number;
  /** Default dots per inch (default 100). */
  dpi?: number;
  /** Default pixel cap width × height (default 4 000 000). */
  maxPixels?: number;
  /** Default seed (default 0). */
  seed?: number;
  /** Workers idle this long are released, except one (default 5 min). */
  idleReleaseMs?: number;
  /** Heartbeat period and silence limit of the sandbox host (defaults 1 s and 4 s). */
  heartbeatMs?: number;
  hostSilenceMs?: number;
  /** Which runtime to boot (default: chooseRuntimeSource: vendored, then CDN, then 0.17). */
  chooseSource?: () => Promise<RuntimeSource>;
  /** Never probe the CDN (default false); passed to chooseRuntimeSource. */
  preferOffline?: boolean;
  /** Base URL of the app (default document.baseURI): the sandbox scripts live at `sandbox/`. */
  baseUrl?: string;
  /** Fetch used for runtime files and the sandbox scripts (default globalThis.fetch). */
  fetchFn?: typeof fetch;
  /** Boot progress of the pool's first worker (and of the file fetch before it). */
  onProgress?: (progress: PoolProgress) => void;
  /** Where the hidden iframe goes (default document.body). */
  container?: HTMLElement;
  /**
   * Reuse compiled library modules between workers (default true; offline 0.17 runtime only):
   * the first worker's harvest is fed to every later one, which skips compiling numpy/matplotlib.
   */
  bytecode?: boolean;
  /** Keeps that harvest across sessions (the app passes src/db/bytecode-cache.ts). */
  bytecodeStore?: BytecodeStore;
}

/** Boot progress as the UI shows it. */
export interface PoolProgress {
  stage: 'fetch' | BootStage;
  /** 0..1 within the stage 'fetch', else over the worker's boot. */
  fraction: number;
  /** Human-readable one-liner. */
  message: string;
}

/** A snapshot of the pool for status displays and tests. */
export interface PoolStatus {
  size: number;
  spares: number;
  booting: number;
  idle: number;
  busy: number;
  queued: number;
  /** Iframes built so far (more than 1 means the host was rebuilt). */
  framesBuilt: number;
  /** Where the workers' compiled library modules come from (see pool-bytecode.ts). */
  bytecode: BytecodeStatus;
}
