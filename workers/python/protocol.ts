// The message protocol between the page, the sandbox iframe's host script and the Python workers.
// Type-only: the page imports it with `import type`. Every message the page receives from the
// iframe is untrusted (Python can call postMessage too) and is validated before use.
import type { AnswerResult, RenderOptions, RenderResult, RuntimeInfo } from './api.ts';

/** Which runtime to boot and where it believes its files live. */
export interface RuntimeSource {
  /** The distribution (never 'native' in a browser). */
  distribution: 'official-vendored' | 'official-cdn' | 'offline-0.17';
  /** Absolute URL of the runtime folder, ending in "/". In fed mode these URLs are mapped to blobs. */
  indexURL: string;
  /** Official runtime only: the lock file and the folder its wheels come from. */
  lockFileURL: string | null;
  packageBaseUrl: string | null;
  /** Plain-language note the RuntimeInfo carries (the offline bundle must never be silent). */
  note: string | null;
}

/** Stages of a worker's boot, in order. */
export type BootStage = 'runtime' | 'packages' | 'modules' | 'warm-up' | 'ready';

/** Progress of one worker's boot. */
export interface BootProgress {
  stage: BootStage;
  /** 0..1 over the whole boot. */
  fraction: number;
}

/**
 * Compiled library modules (PEP 552 unchecked hash-based pycs) by absolute path in the worker's
 * file system: a booting worker's harvest, fed to later workers so they skip compiling.
 */
export interface Bytecode {
  /** The runtime's library folder, ending in "/" (e.g. "/lib/python3.8/"). */
  prefix: string;
  /** importlib.util.MAGIC_NUMBER of the runtime that compiled them, as hex. */
  magic: string;
  files: Record<string, Uint8Array>;
}

/** What a booting worker does with bytecode: write the given files, and/or harvest its own. */
export interface BootBytecode {
  bytecode: Bytecode | null;
  harvest: boolean;
}

/** Host → worker. */
export type WorkerRequest =
  | ({ type: 'boot'; source: RuntimeSource; files: Record<string, string> } & BootBytecode)
  | { type: 'render'; jobId: number; code: string; options: RenderOptions }
  | { type: 'answer'; jobId: number; renderId: string; program: string };

/** Worker → host. `broken` says the runtime cannot be trusted to run again (wasm abort). */
export type WorkerReply =
  | { type: 'progress'; progress: BootProgress }
  | {
      type: 'booted';
      info: RuntimeInfo;
      /** The harvest, when asked for and the runtime wrote any (0.17 only). */
      bytecode: Bytecode | null;
      /** How the boot used bytecode: written from the request, harvested, or neither. */
      bytecodeUse: 'fed' | 'harvested' | 'none';
    }
  | { type: 'boot-failed'; message: string }
  | { type: 'render-result'; jobId: number; result: RenderResult; broken: boolean }
  | { type: 'answer-result'; jobId: number; result: AnswerResult; broken: boolean };

/** Page → host. */
export type HostRequest =
  | {
      type: 'init';
      /** Source of the classic worker script (the host turns it into a blob: worker). */
      workerSource: string;
      /** Runtime files by absolute URL, fetched by the page (fed mode). */
      files: Record<string, Blob>;
      source: RuntimeSource;
    }
  | ({ type: 'spawn'; workerId: number } & BootBytecode)
  | { type: 'kill'; workerId: number }
  | { type: 'to-worker'; workerId: number; message: WorkerRequest }
  | { type: 'ping'; nonce: number };

/** Host → page. The host stamps `workerId` itself, so a worker cannot speak for another. */
export type HostReply =
  | { type: 'host-ready' }
  | { type: 'pong'; nonce: number }
  | { type: 'from-worker'; workerId: number; message: WorkerReply }
  | { type: 'worker-crashed'; workerId: number; message: string };
