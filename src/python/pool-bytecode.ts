// The pool's compiled-module cache: which bytecode a booting worker gets, which harvest the pool
// believes, and the optional store that keeps it across sessions.
//
// Trust: Python can call postMessage, and a poisoned harvest would silently change every later
// render (wrong numbers in the dataset, not just a crash). So a harvest is accepted only from a
// worker that is still booting (no user script has run in it yet), only in its 'booted' reply,
// only from the worker asked to harvest, and only once per runtime identity (one pool boots one
// runtime). A worker that has run any script is never a source.
import type { Bytecode, BootBytecode, WorkerReply } from '../../workers/python/protocol.ts';
import { checkBytecode, measureBytecode } from './bytecode-checks.ts';
import type { Slot } from './pool-jobs.ts';
import type { SandboxAssets } from './sandbox-assets.ts';
import { sha256Hex } from '../core/sha256.ts';

/** Where a harvest is kept across sessions (src/db/bytecode-cache.ts in the app). */
export interface BytecodeStore {
  load(key: string): Promise<Bytecode | null>;
  save(key: string, bytecode: Bytecode): Promise<void>;
}

/** 'cached': a worker booted from the store's bytecode; 'harvested': this session compiled it. */
export type BytecodeStatus = 'none' | 'harvested' | 'cached';

type BootedReply = Extract<WorkerReply, { type: 'booted' }>;

export class PoolBytecode {
  status: BytecodeStatus = 'none';
  #held: Bytecode | null = null;
  #isFromStore = false;
  #isHarvestTaken = false;
  #key: string | null = null;
  #hasLogged = false;

  constructor(
    private readonly isEnabled: boolean,
    private readonly store: BytecodeStore | null,
    private readonly log: (message: string) => void = (message) => console.warn(message),
  ) {}

  /** Loads a stored harvest for this runtime identity; storage trouble only means no cache. */
  async load(key: string): Promise<void> {
    this.#key = key;
    if (!this.isEnabled || !this.store) return;
    try {
      const stored = await this.store.load(key);
      if (!stored || this.#held) return;
      const checked = checkBytecode(stored);
      if (checked.ok) {
        this.#held = checked.bytecode;
        this.#isFromStore = true;
      } else this.#logOnce(`stored bytecode ignored: ${checked.reason}`);
    } catch (error) {
      this.#logOnce(`bytecode cache unavailable: ${String(error)}`);
    }
  }

  /** What the next booting worker gets: the held bytecode, or the request to harvest. */
  bootArgs(): BootBytecode {
    if (!this.isEnabled) return { bytecode: null, harvest: false };
    return { bytecode: this.#held, harvest: !this.#held && !this.#isHarvestTaken };
  }

  /** A worker's 'booted' reply; `slot` is in the state it was in when the reply arrived. */
  receiveBooted(slot: Slot, message: BootedReply): void {
    if (!this.isEnabled || slot.state !== 'booting') return;
    if (slot.bytecode === 'fed' && message.bytecodeUse === 'fed' && this.status === 'none')
      this.status = this.#isFromStore ? 'cached' : 'harvested';
    if (slot.bytecode !== 'harvest' || this.#isHarvestTaken || this.#held) return;
    // Asked once: a runtime that wrote nothing is not asked again.
    this.#isHarvestTaken = true;
    const harvest: unknown = message.bytecode;
    if (harvest === null || harvest === undefined) return;
    const checked = checkBytecode(harvest);
    if (!checked.ok) return this.#logOnce(`bytecode harvest refused: ${checked.reason}`);
    this.#held = checked.bytecode;
    this.status = 'harvested';
    const { files, bytes } = measureBytecode(checked.bytecode);
    if (this.store && this.#key) {
      this.store
        .save(this.#key, checked.bytecode)
        .catch((error: unknown) =>
          this.#logOnce(`bytecode cache not saved (${files} files, ${bytes} bytes): ${error}`),
        );
    }
  }

  /** A worker fed with the held bytecode failed to boot: stop feeding it; the next one harvests. */
  receiveBootFailure(slot: Slot): void {
    if (slot.bytecode !== 'fed' || !this.#held) return;
    this.#held = null;
    this.#isFromStore = false;
    this.#isHarvestTaken = false;
    this.status = 'none';
  }

  #logOnce(message: string): void {
    if (this.#hasLogged) return;
    this.#hasLogged = true;
    this.log(message);
  }
}

/**
 * The runtime identity a harvest belongs to: the distribution; the runtime's files (the package
 * index, packages.json / pyodide-lock.json, by content, and every file by name and size, so a new
 * Pyodide or package build counts as another runtime); and the worker bundle (our modules and
 * glue). Any app or runtime update gives a new key, and a stale harvest is never fed: its pycs
 * are not checked against their sources.
 */
export async function deriveBytecodeKey(
  distribution: string,
  workerSource: string,
  files: Record<string, Blob>,
): Promise<string> {
  const entries = Object.entries(files).map(([url, blob]) => ({
    name: url.slice(url.lastIndexOf('/') + 1),
    blob,
  }));
  const index = entries.find(({ name }) => /^(packages|pyodide-lock)\.json$/.test(name));
  const sizes = entries.map(({ name, blob }) => `${name}:${blob.size}`).sort();
  const indexText = index ? await index.blob.text() : '';
  const runtime = await sha256Hex(`${indexText}\n${sizes.join('\n')}`);
  return `${distribution}|runtime-${runtime}|worker-${await sha256Hex(workerSource)}`;
}

/** The pool's cache for these assets, with the stored harvest loaded when there is one. */
export async function openPoolBytecode(
  assets: SandboxAssets,
  options: { bytecode?: boolean; bytecodeStore?: BytecodeStore },
): Promise<PoolBytecode> {
  // The official runtime ships compiled modules: only the 0.17 bundle gains from a cache.
  const { distribution } = assets.source;
  const isLegacy = distribution === 'offline-0.17';
  const bytecode = new PoolBytecode(
    isLegacy && (options.bytecode ?? true),
    options.bytecodeStore ?? null,
  );
  if (isLegacy)
    await bytecode.load(await deriveBytecodeKey(distribution, assets.workerSource, assets.files));
  return bytecode;
}
