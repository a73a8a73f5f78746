// Writes the provenance records of LLM calls (llmCalls) in batches: a CIT chart makes about ten
// calls, and one IndexedDB transaction per call cost more main-thread time than the rest of the
// pipeline's writes together. Records wait at most `delayMs`; `flush()` writes what is waiting
// (the runner calls it when a run stops). A failed batch (e.g. a full disk) is reported by the
// next `add` or `flush`, so the run pauses with the reason. Each call's summary (tokens, cost,
// prompt hash) is also on its item and Q&A, committed with their stages.
import type { CitDatabase, LlmCallRecord } from './database.ts';
import { guardQuota } from './storage-errors.ts';

export class LlmCallWriter {
  readonly #db: CitDatabase;
  readonly #delayMs: number;
  #pending: LlmCallRecord[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;
  #writing: Promise<void> = Promise.resolve();
  #failure: unknown = null;

  constructor(db: CitDatabase, delayMs = 200) {
    this.#db = db;
    this.#delayMs = delayMs;
  }

  /** Queues a record; throws the error of an earlier batch that could not be written. */
  add(record: LlmCallRecord): void {
    this.#throwFailure();
    this.#pending.push(record);
    this.#timer ??= setTimeout(() => void this.#write().catch(() => undefined), this.#delayMs);
  }

  /** Writes every queued record; rejects if this or an earlier batch failed. */
  async flush(): Promise<void> {
    await this.#write();
    this.#throwFailure();
  }

  #throwFailure(): void {
    if (this.#failure === null) return;
    const failure = this.#failure;
    this.#failure = null;
    throw failure;
  }

  #write(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length > 0) {
      const db = this.#db;
      this.#writing = this.#writing.then(() =>
        guardQuota(() => db.llmCalls.bulkPut(batch)).then(
          () => undefined,
          (error: unknown) => {
            this.#failure = error;
          },
        ),
      );
    }
    return this.#writing;
  }
}
