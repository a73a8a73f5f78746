// The inspector's state: one chart with its image and Q&A, review, code edits that re-render in
// the sandbox and re-verify every Q&A, undo of an edit, Q&A text edits, and a person's restore
// of a chart or Q&A the pipeline set aside (with "reject again" to undo it), plus the chart's
// evolved parent and children.
import type {
  ChartRecord,
  ImageRecord,
  QaRecord,
  Rejection,
  ReviewStatus,
} from '../core/dataset/records.ts';
import {
  dropQa,
  getChartWithQa,
  listRelatedCharts,
  rejectChart,
  restoreChart,
  restoreQa,
  setChartReview,
  undoChartCode,
  updateChartCode,
  updateQa,
  type CitDatabase,
  type RelatedCharts,
} from '../db/index.ts';
import { judgeAnswer, measureComplexity } from '../pipeline/template-stages.ts';
import { sha256Hex } from '../core/sha256.ts';
import type {
  AnswerResult,
  RenderFailure,
  RenderOptions,
  RenderResult,
  RenderSuccess,
} from '../python/index.ts';
import type { DatasetSource } from './browse.svelte.ts';
import { makeThumbnail } from './thumbnail.ts';

/** What the inspector needs from the render engine (the pool satisfies it). */
export interface InspectRenderer {
  render(
    code: string,
    options: Partial<RenderOptions>,
    signal?: AbortSignal,
  ): Promise<RenderResult>;
  runAnswerProgram(renderId: string, program: string, signal?: AbortSignal): Promise<AnswerResult>;
}

/** The order next/previous follow (the Browse page's filter and sort). */
export interface ChartOrder {
  neighbour(chartId: string, delta: number): Promise<string | null>;
}

/** What the inspector is busy with, for the status line and disabled buttons. */
export type InspectActivity = 'loading' | 'rendering' | 'verifying' | 'saving' | null;

export class InspectState {
  chart = $state.raw<ChartRecord | null>(null);
  image = $state.raw<ImageRecord | null>(null);
  qa = $state.raw<QaRecord[]>([]);
  /** The code in the editor (may differ from the stored code until re-rendered). */
  code = $state('');
  activity = $state<InspectActivity>(null);
  /** The failed render of an edit; nothing was stored. */
  failure = $state.raw<RenderFailure | null>(null);
  /** A one-line outcome of the last action, for a live region. */
  message = $state<string | null>(null);
  /** The chart could not be found (deleted, or another dataset). */
  missing = $state(false);
  /** The chart's evolved parent and children (Browse rows). */
  related = $state.raw<RelatedCharts>(NO_RELATED);
  /**
   * Pipeline rejections a person lifted in this session, by chart or Q&A id, so "Reject again"
   * can put the same stage and reasons back.
   */
  liftedCharts = $state.raw<ReadonlyMap<string, Rejection>>(new Map());
  liftedQa = $state.raw<ReadonlyMap<string, Rejection>>(new Map());

  isEdited = $derived(this.chart !== null && this.code !== this.chart.code);
  canUndo = $derived((this.chart?.history.length ?? 0) > 0);
  /** The rejection "Reject again" would restore for the shown chart, when it was lifted here. */
  liftedChartRejection = $derived(
    this.chart ? (this.liftedCharts.get(this.chart.id) ?? null) : null,
  );

  readonly #source: DatasetSource;
  readonly #renderer: InspectRenderer;
  readonly #order: ChartOrder;
  #loadToken = 0;

  constructor(source: DatasetSource, renderer: InspectRenderer, order: ChartOrder) {
    this.#source = source;
    this.#renderer = renderer;
    this.#order = order;
  }

  get chartId(): string | null {
    return this.chart?.id ?? null;
  }

  /** Reads a chart with its image and Q&A; the editor shows its stored code. */
  async load(chartId: string): Promise<void> {
    const db = this.#source.db;
    if (!db) return;
    const token = ++this.#loadToken;
    this.activity = 'loading';
    try {
      const found = await getChartWithQa(db, chartId);
      if (token !== this.#loadToken) return;
      this.missing = found === null;
      this.chart = found?.chart ?? null;
      this.image = found?.image ?? null;
      this.qa = found?.qa ?? [];
      this.code = found?.chart.code ?? '';
      this.failure = null;
      this.message = null;
      this.related = NO_RELATED;
      const related = found ? await listRelatedCharts(db, found.chart) : NO_RELATED;
      if (token === this.#loadToken) this.related = related;
    } finally {
      if (token === this.#loadToken) this.activity = null;
    }
  }

  /** Re-reads the current chart without touching the editor's code. */
  async #reload(): Promise<void> {
    const db = this.#source.db;
    const id = this.chartId;
    if (!db || !id) return;
    const found = await getChartWithQa(db, id);
    if (!found) return;
    this.chart = found.chart;
    this.image = found.image ?? null;
    this.qa = found.qa;
  }

  /** Moves to the next (+1) or previous (-1) chart of the Browse order; returns its id. */
  async step(delta: number): Promise<string | null> {
    const id = this.chartId;
    if (!id) return null;
    const next = await this.#order.neighbour(id, delta);
    if (next && next !== id) await this.load(next);
    return next;
  }

  async setReview(review: ReviewStatus): Promise<void> {
    const db = this.#source.db;
    const chart = this.chart;
    if (!db || !chart) return;
    await setChartReview(db, chart.id, review);
    this.chart = { ...chart, review };
    this.message = review === 'accepted' ? 'Accepted.' : review === 'rejected' ? 'Rejected.' : null;
  }

  /** Puts the pipeline-rejected chart back into the dataset (listed, counted, exported). */
  restoreChart(): Promise<void> {
    const chart = this.chart;
    if (!chart?.rejection) return Promise.resolve();
    return this.#save(
      'Restored to the dataset: listed, counted and exported for training.',
      async (db) => {
        const lifted = await restoreChart(db, chart.id);
        if (lifted) this.liftedCharts = withEntry(this.liftedCharts, chart.id, lifted);
      },
    );
  }

  /** Undoes a restore: the chart is set aside again with the stage and reasons it had. */
  rejectChartAgain(): Promise<void> {
    const chart = this.chart;
    const rejection = this.liftedChartRejection;
    if (!chart || !rejection) return Promise.resolve();
    return this.#save('Rejected again: hidden from the dataset, with its reasons.', async (db) => {
      await rejectChart(db, chart.id, rejection);
      this.liftedCharts = withoutEntry(this.liftedCharts, chart.id);
    });
  }

  /** Puts a Q&A the pipeline dropped back with its chart. */
  restoreQa(qaId: string): Promise<void> {
    return this.#save(
      'Restored the Q&A: it is exported for training with its chart.',
      async (db) => {
        const lifted = await restoreQa(db, qaId);
        if (lifted) this.liftedQa = withEntry(this.liftedQa, qaId, lifted);
      },
    );
  }

  /** Undoes a Q&A restore: dropped again with the stage and reasons it had. */
  dropQaAgain(qaId: string): Promise<void> {
    const rejection = this.liftedQa.get(qaId);
    if (!rejection) return Promise.resolve();
    return this.#save('Dropped the Q&A again, with its reasons.', async (db) => {
      await dropQa(db, qaId, rejection);
      this.liftedQa = withoutEntry(this.liftedQa, qaId);
    });
  }

  /** Runs one store write as 'saving', re-reads the chart and says what happened. */
  async #save(done: string, write: (db: CitDatabase) => Promise<void>): Promise<void> {
    const db = this.#source.db;
    if (!db || this.activity) return;
    this.activity = 'saving';
    try {
      await write(db);
      await this.#reload();
      this.message = done;
    } finally {
      this.activity = null;
    }
  }

  setCode(code: string): void {
    this.code = code;
  }

  /**
   * Renders the editor's code; on success stores it as the chart's new version (the previous
   * one kept for undo) and re-verifies every Q&A on the new render. A failed render stores nothing.
   */
  async applyCode(): Promise<boolean> {
    const db = this.#source.db;
    const chart = this.chart;
    if (!db || !chart || this.activity) return false;
    const code = this.code;
    this.activity = 'rendering';
    this.message = null;
    try {
      const result = await this.#render(code, chart);
      if (!result.ok) {
        this.failure = result;
        this.message = 'The edited code did not render; nothing was stored.';
        return false;
      }
      this.failure = null;
      this.activity = 'saving';
      const image = await toImageRecord(result);
      await updateChartCode(db, chart.id, {
        code,
        image,
        facts: result.facts,
        findings: result.facts.findings.map(({ kind, message }) => ({ kind, message })),
        complexity: measureComplexity(result.facts),
        width: result.width,
        height: result.height,
        dpi: result.dpi,
      });
      await this.#verifyAll(chart.id, result);
      await this.#reload();
      this.message = `Stored the new version; ${this.#summary()}.`;
      return true;
    } finally {
      this.activity = null;
    }
  }

  /** Restores the previous code and image, then re-verifies the Q&A against it. */
  async undo(): Promise<boolean> {
    const db = this.#source.db;
    const chart = this.chart;
    if (!db || !chart || !this.canUndo || this.activity) return false;
    this.activity = 'saving';
    try {
      const restored = await undoChartCode(db, chart.id);
      if (!restored) return false;
      await this.#reload();
      this.code = restored.code;
      this.failure = null;
      this.activity = 'verifying';
      // The restored image has no live namespace; render its code again to run the programs.
      const result = await this.#render(restored.code, restored);
      if (result.ok) await this.#verifyAll(chart.id, result);
      await this.#reload();
      this.message = result.ok
        ? `Restored the previous version; ${this.#summary()}.`
        : 'Restored the previous version; it did not render again, so the Q&A stay unchecked.';
      return true;
    } finally {
      this.activity = null;
    }
  }

  /** Runs the answer programs again on a fresh render of the stored code (all, or one Q&A). */
  async reverify(qaId?: string): Promise<void> {
    const chart = this.chart;
    if (!chart || this.activity) return;
    this.activity = 'verifying';
    try {
      const result = await this.#render(chart.code, chart);
      if (!result.ok) {
        this.failure = result;
        this.message = 'The stored code did not render; verifications are unchanged.';
        return;
      }
      await this.#verifyAll(chart.id, result, qaId);
      await this.#reload();
      this.message = `Verified again; ${this.#summary()}.`;
    } finally {
      this.activity = null;
    }
  }

  /** Saves a person's edit of a Q&A's text; the answer and its program stay. */
  async saveQa(qaId: string, patch: { question: string; steps: string[] }): Promise<void> {
    const db = this.#source.db;
    if (!db) return;
    const steps = patch.steps.map((step) => step.trim()).filter((step) => step !== '');
    const saved = await updateQa(db, qaId, { question: patch.question.trim(), steps });
    this.qa = this.qa.map((item) => (item.id === qaId ? saved : item));
    this.message = 'Saved the Q&A.';
  }

  async #render(code: string, chart: ChartRecord): Promise<RenderResult> {
    try {
      return await this.#renderer.render(code, { dpi: chart.dpi, seed: chart.provenance.seed });
    } catch (error) {
      return crashed(error);
    }
  }

  /** Runs each Q&A's answer program on the render of `chartId` and stores the verdict. */
  async #verifyAll(chartId: string, result: RenderSuccess, onlyQaId?: string): Promise<void> {
    const db = this.#source.db;
    if (!db) return;
    this.activity = 'verifying';
    // Read from the store, not this.qa: the person may have moved to another chart meanwhile.
    const qaList = (await getChartWithQa(db, chartId))?.qa ?? [];
    for (const qa of qaList) {
      if (onlyQaId && qa.id !== onlyQaId) continue;
      const answer = await this.#renderer
        .runAnswerProgram(result.renderId, qa.program)
        .catch((error: unknown) => crashedAnswer(error));
      await updateQa(db, qa.id, {
        verification: judgeAnswer(qa, answer, new Date().toISOString()),
      });
    }
  }

  #summary(): string {
    const count = (status: string) =>
      this.qa.filter((qa) => (qa.verification?.status ?? 'unchecked') === status).length;
    const parts = [`${count('verified')} verified`];
    if (count('mismatch')) parts.push(`${count('mismatch')} mismatch`);
    if (count('unverifiable')) parts.push(`${count('unverifiable')} unverifiable`);
    return parts.join(', ');
  }
}

const NO_RELATED: RelatedCharts = { parent: null, children: [] };

function withEntry<V>(map: ReadonlyMap<string, V>, key: string, value: V): Map<string, V> {
  return new Map(map).set(key, value);
}

function withoutEntry<V>(map: ReadonlyMap<string, V>, key: string): Map<string, V> {
  const next = new Map(map);
  next.delete(key);
  return next;
}

async function toImageRecord(result: RenderSuccess): Promise<ImageRecord> {
  return {
    id: crypto.randomUUID(),
    png: new Blob([new Uint8Array(result.png)], { type: 'image/png' }),
    thumbnail: await makeThumbnail(result.png),
    sha256: await sha256Hex(result.png),
    phash: null,
    width: result.width,
    height: result.height,
    bytes: result.png.byteLength,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function crashed(error: unknown): RenderFailure {
  return {
    ok: false,
    error: { kind: 'crashed', message: messageOf(error), traceback: null, line: null, name: null },
    stdout: '',
    stderr: '',
    durationMs: 0,
    runtime: null,
  };
}

function crashedAnswer(error: unknown): AnswerResult {
  return {
    ok: false,
    error: { kind: 'crashed', message: messageOf(error), traceback: null, line: null, name: null },
    stdout: '',
  };
}
