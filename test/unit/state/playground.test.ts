import { describe, expect, it } from 'vitest';
import { PlaygroundState, type ChartRenderer } from '../../../src/state/playground.svelte.ts';
import type { RenderOptions, RenderResult, RuntimeInfo } from '../../../workers/python/api.ts';
import { RUNTIME } from '../pipeline/fakes.ts';

function success(code: string): RenderResult {
  return {
    ok: true,
    renderId: `r-${code.length}`,
    png: new Uint8Array([137, 80, 78, 71]),
    width: 800,
    height: 400,
    durationMs: 12,
    dpi: 100,
    seed: 0,
    stdout: '',
    stderr: '',
    warnings: [],
    compat: [],
    figureCount: 1,
    phash: '0f0f0f0f0f0f0f0f',
    facts: { width: 800, height: 400, dpi: 100, axes: [], texts: [], findings: [] },
    runtime: RUNTIME,
  };
}

/** A renderer whose renders finish only when the test says so. */
class ManualRenderer implements ChartRenderer {
  calls: {
    code: string;
    options: Partial<RenderOptions>;
    signal?: AbortSignal;
    finish: (r: RenderResult) => void;
  }[] = [];
  render(
    code: string,
    options: Partial<RenderOptions>,
    signal?: AbortSignal,
  ): Promise<RenderResult> {
    return new Promise((resolve) => this.calls.push({ code, options, signal, finish: resolve }));
  }
  runtimeInfo(): Promise<RuntimeInfo> {
    return Promise.resolve(RUNTIME);
  }
}

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('PlaygroundState', () => {
  it('keeps only the newest render when two overlap', async () => {
    const renderer = new ManualRenderer();
    const state = new PlaygroundState(renderer, 'first', null);
    const first = state.render();
    state.setCode('second');
    const second = state.render();
    expect(renderer.calls).toHaveLength(2);
    expect(renderer.calls[0]?.signal?.aborted).toBe(true);
    renderer.calls[1]?.finish(success('second'));
    await second;
    renderer.calls[0]?.finish(success('first-but-late'));
    await first;
    expect(state.renderedCode).toBe('second');
    expect(state.result?.ok && state.result.renderId).toBe('r-6');
    expect(state.isRendering).toBe(false);
  });

  it('passes the chosen dpi and marks the chart stale after an edit', async () => {
    const renderer = new ManualRenderer();
    const state = new PlaygroundState(renderer, 'code', null);
    state.dpi = 150;
    const done = state.render();
    expect(renderer.calls[0]?.options.dpi).toBe(150);
    renderer.calls[0]?.finish(success('code'));
    await done;
    expect(state.isStale).toBe(false);
    state.setCode('code changed');
    expect(state.isStale).toBe(true);
  });

  it('exposes the failing line of a failed render', async () => {
    const renderer = new ManualRenderer();
    const state = new PlaygroundState(renderer, 'x = (', null);
    const done = state.render();
    renderer.calls[0]?.finish({
      ok: false,
      error: {
        kind: 'syntax',
        message: "'(' was never closed",
        traceback: null,
        line: 1,
        name: null,
      },
      stdout: '',
      stderr: '',
      durationMs: 1,
      runtime: null,
    });
    await done;
    expect(state.errorLine).toBe(1);
  });

  it('turns a thrown engine error into a crashed result instead of losing it', async () => {
    const renderer: ChartRenderer = {
      render: () => Promise.reject(new Error('sandbox frame could not start')),
      runtimeInfo: () => Promise.reject(new Error('boot failed: no runtime files')),
    };
    const state = new PlaygroundState(renderer, 'plt.plot()', null);
    await state.render();
    expect(state.result?.ok).toBe(false);
    expect(!state.result?.ok && state.result?.error).toMatchObject({
      kind: 'crashed',
      message: 'sandbox frame could not start',
    });
    await state.loadRuntimeInfo();
    expect(state.runtimeError).toBe('boot failed: no runtime files');
  });

  it('keeps the draft across reloads and survives a storage that throws', () => {
    const storage = memoryStorage();
    const state = new PlaygroundState(new ManualRenderer(), 'initial', storage);
    state.setCode('edited script');
    const reloaded = new PlaygroundState(new ManualRenderer(), 'initial', storage);
    expect(reloaded.code).toBe('edited script');

    const full: Pick<Storage, 'getItem' | 'setItem'> = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    const state2 = new PlaygroundState(new ManualRenderer(), 'initial', full);
    expect(() => state2.setCode('more')).not.toThrow();
    expect(state2.code).toBe('more');
  });
});
