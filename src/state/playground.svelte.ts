import type { RenderOptions, RenderResult, RuntimeInfo } from '../../workers/python/api';

/** What the playground needs from the render engine (the pool satisfies it). */
export interface ChartRenderer {
  render(
    code: string,
    options: Partial<RenderOptions>,
    signal?: AbortSignal,
  ): Promise<RenderResult>;
  runtimeInfo(): Promise<RuntimeInfo>;
}

/** Boot progress of the render engine, for the status line. */
export interface BootProgress {
  stage: string;
  fraction: number;
}

const DRAFT_KEY = 'cit-studio.playground.draft';

/**
 * The Playground's state: the script being edited, the newest render and the runtime.
 * The newest render request wins: starting one aborts the previous.
 */
export class PlaygroundState {
  code = $state('');
  dpi = $state(100);
  isRendering = $state(false);
  /** The code of the newest finished render (to tell the user the chart is stale). */
  renderedCode = $state<string | null>(null);
  result = $state.raw<RenderResult | null>(null);
  runtime = $state.raw<RuntimeInfo | null>(null);
  runtimeError = $state<string | null>(null);
  boot = $state.raw<BootProgress | null>(null);
  /** Wall time of the newest render as the page saw it (queue + sandbox + transfer). */
  roundTripMs = $state<number | null>(null);

  isStale = $derived(this.renderedCode !== null && this.renderedCode !== this.code);
  errorLine = $derived(this.result && !this.result.ok ? this.result.error.line : null);

  #renderer: ChartRenderer;
  #controller: AbortController | null = null;
  #storage: Pick<Storage, 'getItem' | 'setItem'> | null;

  constructor(
    renderer: ChartRenderer,
    initialCode: string,
    storage: Pick<Storage, 'getItem' | 'setItem'> | null,
  ) {
    this.#renderer = renderer;
    this.#storage = storage;
    this.code = storage?.getItem(DRAFT_KEY) ?? initialCode;
  }

  /** Replace the code (editor typing or a corpus pick) and keep the draft across reloads. */
  setCode(code: string): void {
    this.code = code;
    try {
      this.#storage?.setItem(DRAFT_KEY, code);
    } catch {
      // A full or blocked localStorage must not stop editing; the draft is a convenience.
    }
  }

  setBootProgress(progress: BootProgress | null): void {
    this.boot = progress;
  }

  async loadRuntimeInfo(): Promise<void> {
    try {
      this.runtime = await this.#renderer.runtimeInfo();
      this.runtimeError = null;
    } catch (error) {
      this.runtimeError = error instanceof Error ? error.message : String(error);
    }
  }

  /** Render the current code; a newer call aborts this one. */
  async render(): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const code = this.code;
    this.isRendering = true;
    const started = performance.now();
    try {
      const result = await this.#renderer.render(code, { dpi: this.dpi }, controller.signal);
      if (controller.signal.aborted) return;
      this.result = result;
      this.renderedCode = code;
      this.roundTripMs = performance.now() - started;
      if (result.ok && !this.runtime) this.runtime = result.runtime;
    } catch (error) {
      if (controller.signal.aborted || (error instanceof Error && error.name === 'AbortError'))
        return;
      this.result = {
        ok: false,
        error: {
          kind: 'crashed',
          message: error instanceof Error ? error.message : String(error),
          traceback: null,
          line: null,
          name: null,
        },
        stdout: '',
        stderr: '',
        durationMs: 0,
        runtime: null,
      };
      this.renderedCode = code;
    } finally {
      if (this.#controller === controller) {
        this.isRendering = false;
        this.#controller = null;
      }
    }
  }

  cancel(): void {
    this.#controller?.abort();
  }
}
