// The CIT seed pool (METHOD.md §2, S0): the built-in corpus, plus scripts a person imports, plus
// the dataset's kept charts (counted here; the pipeline reads them itself). An imported script
// joins only after it rendered in the sandbox, filed under a chart type the person confirmed.
import type { RenderResult } from '../../workers/python/api.ts';
import { MINOR_CHART_TYPES, type MinorChartType } from '../core/chart-types.ts';
import { listCorpus } from '../core/corpus/index.ts';
import {
  addSeeds,
  countCharts,
  deleteSeed,
  listSeeds,
  restoreSeed,
  setSeedType,
  type CitDatabase,
  type SeedRecord,
} from '../db/index.ts';
import { guessMinorType } from './seed-pool-guess.ts';

/** What the pool needs from the render engine (the app's RenderPool satisfies it). */
export interface SeedRenderer {
  render(
    code: string,
    options: { dpi: number; seed: number },
    signal?: AbortSignal,
  ): Promise<RenderResult>;
}

/** A file to import: a File from an <input> or a drop satisfies it. */
export interface SeedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export const SEED_FILE_MAX_BYTES = 64 * 1024;
export const SEED_FILES_PER_IMPORT = 500;
/** Seeds are checked at a low resolution: the check is "does it draw", not the final image. */
const CHECK_RENDER = { dpi: 72, seed: 0 };

export type SeedCandidateStatus = 'rendering' | 'ready' | 'failed' | 'refused';

/** An imported script on its way into the pool. */
export interface SeedCandidate {
  key: number;
  /** File name or "pasted". */
  name: string;
  code: string;
  status: SeedCandidateStatus;
  /** Why it was refused or failed to render, for a person. */
  problem: { kind: string; message: string; line: number | null } | null;
  /** The chart type it will be filed under (pre-filled with the guess; the person may change it). */
  minor: MinorChartType;
  title: string;
}

/** Scripts per chart type, for the pool's table. */
export interface SeedTypeCount {
  minor: MinorChartType;
  name: string;
  builtIn: number;
  imported: number;
}

const CORPUS = listCorpus();

/** The title the figure shows (or the first one the code sets), else the file name. */
export function findSeedTitle(code: string, result: RenderResult | null, name: string): string {
  if (result?.ok) {
    const drawn = result.facts.texts.find((t) => t.role === 'suptitle' || t.role === 'title');
    if (drawn && drawn.text.trim() !== '') return drawn.text.trim().replace(/\s+/g, ' ');
  }
  const written = /(?:set_title|\btitle|suptitle)\(\s*[rf]?(['"])(.+?)\1/.exec(code);
  if (written?.[2]) return written[2];
  return name.replace(/\.py$/i, '');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export class SeedPoolState {
  /** Imported seeds, in the order they joined. */
  seeds = $state.raw<SeedRecord[]>([]);
  /** Charts kept in the current dataset (they join the pool for Self-Instruct demos). */
  keptCharts = $state(0);
  candidates = $state<SeedCandidate[]>([]);
  /** A problem with the last action, for a person. */
  error = $state<string | null>(null);
  /** The seed removed last, while its undo is offered. */
  lastDeleted = $state.raw<SeedRecord | null>(null);
  readonly builtIn = CORPUS.length;

  byType = $derived(this.#countByType());
  total = $derived(this.builtIn + this.seeds.length + this.keptCharts);
  isChecking = $derived(this.candidates.some((c) => c.status === 'rendering'));
  readyCount = $derived(this.candidates.filter((c) => c.status === 'ready').length);

  #renderer: SeedRenderer;
  #db: CitDatabase | null = null;
  #datasetId: string | null = null;
  #nextKey = 1;
  #controller = new AbortController();

  constructor(renderer: SeedRenderer) {
    this.#renderer = renderer;
  }

  /** Connects to storage and the dataset whose kept charts count (call again when it changes). */
  async attach(db: CitDatabase, datasetId: string | null): Promise<void> {
    this.#db = db;
    this.#datasetId = datasetId;
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const db = this.#db;
    if (!db) return;
    this.seeds = await listSeeds(db);
    this.keptCharts = this.#datasetId ? await countCharts(db, this.#datasetId) : 0;
  }

  /** Reads, checks and renders .py files; each becomes a candidate (refused ones say why). */
  async importFiles(files: readonly SeedFile[]): Promise<void> {
    this.error = null;
    if (files.length > SEED_FILES_PER_IMPORT) {
      this.error = `${files.length} files: import at most ${SEED_FILES_PER_IMPORT} at a time.`;
      return;
    }
    const checks = files.map(async (file) => {
      const refusal = await readSeedFile(file);
      if ('message' in refusal) return this.#refuse(file.name, refusal.kind, refusal.message);
      return this.#check(file.name, refusal.code);
    });
    await Promise.all(checks);
  }

  /** Checks and renders pasted code as one candidate. */
  async importPasted(code: string): Promise<void> {
    this.error = null;
    const bytes = new TextEncoder().encode(code).length;
    if (bytes > SEED_FILE_MAX_BYTES)
      return this.#refuse('pasted', 'too-large', tooLargeMessage(bytes));
    await this.#check('pasted', code);
  }

  setCandidateType(key: number, minor: MinorChartType): void {
    const candidate = this.candidates.find((c) => c.key === key);
    if (candidate) candidate.minor = minor;
  }

  /** Drops a candidate from the list (a render still running is abandoned). */
  discardCandidate(key: number): void {
    this.candidates = this.candidates.filter((c) => c.key !== key);
  }

  /** Clears the list; renders still running are cancelled. */
  clearCandidates(): void {
    this.#controller.abort();
    this.#controller = new AbortController();
    this.candidates = [];
  }

  /** Adds every candidate that rendered to the pool; returns how many joined. */
  async addReady(): Promise<number> {
    const db = this.#requireDb();
    const ready = this.candidates.filter((c) => c.status === 'ready');
    if (ready.length === 0) return 0;
    const keys = new Set(ready.map((c) => c.key));
    await this.#guard(async () => {
      await addSeeds(
        db,
        ready.map(({ name, code, title, minor }) => ({ name, code, title, minor })),
      );
      this.candidates = this.candidates.filter((c) => !keys.has(c.key));
      await this.refresh();
    });
    return this.error ? 0 : ready.length;
  }

  async setSeedType(id: string, minor: MinorChartType): Promise<void> {
    await this.#guard(async () => {
      await setSeedType(this.#requireDb(), id, minor);
      await this.refresh();
    });
  }

  async deleteSeed(id: string): Promise<void> {
    await this.#guard(async () => {
      this.lastDeleted = (await deleteSeed(this.#requireDb(), id)) ?? null;
      await this.refresh();
    });
  }

  async undoDelete(): Promise<void> {
    const record = this.lastDeleted;
    if (!record) return;
    await this.#guard(async () => {
      await restoreSeed(this.#requireDb(), record);
      this.lastDeleted = null;
      await this.refresh();
    });
  }

  #refuse(name: string, kind: string, message: string): void {
    this.candidates.push({
      key: this.#nextKey++,
      name,
      code: '',
      status: 'refused',
      problem: { kind, message, line: null },
      minor: 'line-plain',
      title: name,
    });
  }

  async #check(name: string, code: string): Promise<void> {
    if (code.trim() === '') return this.#refuse(name, 'empty', 'The script is empty.');
    if (code.includes('\u0000'))
      return this.#refuse(name, 'not-text', 'The file holds binary data, not Python code.');
    if (this.#isKnown(code))
      return this.#refuse(name, 'duplicate', 'The same script is already in the pool or list.');
    const key = this.#nextKey++;
    const guess = guessMinorType(code);
    this.candidates.push({
      key,
      name,
      code,
      status: 'rendering',
      problem: null,
      minor: guess,
      title: findSeedTitle(code, null, name),
    });
    const signal = this.#controller.signal;
    let result: RenderResult;
    try {
      result = await this.#renderer.render(code, CHECK_RENDER, signal);
    } catch (error) {
      if (signal.aborted) return;
      result = crashed(error);
    }
    const candidate = this.candidates.find((c) => c.key === key);
    if (!candidate) return; // discarded while it rendered
    if (result.ok) {
      candidate.status = 'ready';
      candidate.title = findSeedTitle(code, result, name);
    } else {
      candidate.status = 'failed';
      const { kind, message, line } = result.error;
      candidate.problem = { kind, message, line };
    }
  }

  #isKnown(code: string): boolean {
    const same = (other: string) => other.trim() === code.trim();
    return (
      CORPUS.some((script) => same(script.code)) ||
      this.seeds.some((seed) => same(seed.code)) ||
      this.candidates.some((c) => c.status !== 'refused' && c.status !== 'failed' && same(c.code))
    );
  }

  #countByType(): SeedTypeCount[] {
    const rows = new Map<MinorChartType, SeedTypeCount>(
      MINOR_CHART_TYPES.map((t) => [t.id, { minor: t.id, name: t.name, builtIn: 0, imported: 0 }]),
    );
    for (const script of CORPUS) {
      const row = rows.get(script.minor);
      if (row) row.builtIn += 1;
    }
    for (const seed of this.seeds) {
      const row = rows.get(seed.minor);
      if (row) row.imported += 1;
    }
    return [...rows.values()];
  }

  #requireDb(): CitDatabase {
    if (!this.#db) throw new Error('The seed pool is not connected to storage yet.');
    return this.#db;
  }

  async #guard(action: () => Promise<void>): Promise<void> {
    try {
      this.error = null;
      await action();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}

function tooLargeMessage(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB: a seed script may be at most ${SEED_FILE_MAX_BYTES / 1024} KB.`;
}

/** The file's text, or why it cannot be a seed (checked before its bytes are read where possible). */
async function readSeedFile(
  file: SeedFile,
): Promise<{ code: string } | { kind: string; message: string }> {
  if (!/\.py$/i.test(file.name))
    return { kind: 'not-python', message: 'Only Python files (.py) can be seeds.' };
  if (file.size > SEED_FILE_MAX_BYTES)
    return { kind: 'too-large', message: tooLargeMessage(file.size) };
  try {
    return { code: utf8.decode(await file.arrayBuffer()) };
  } catch {
    return {
      kind: 'not-utf8',
      message: 'The file is not UTF-8 text; save it as UTF-8 and import it again.',
    };
  }
}

function crashed(error: unknown): RenderResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    error: { kind: 'crashed', message, traceback: null, line: null, name: null },
    stdout: '',
    stderr: '',
    durationMs: 0,
    runtime: null,
  };
}
