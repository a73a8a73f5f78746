// The page's validation of sandbox messages: Python can post anything, so these checks are the
// page's last line of defence against forged payloads.
import { describe, expect, it } from 'vitest';
import type { RenderSuccess, RuntimeInfo } from '../../workers/python/api.ts';
import { isHostReply, isRenderResult } from '../../src/python/message-checks.ts';
import { buildCsp } from '../../src/python/sandbox-frame.ts';

const RUNTIME: RuntimeInfo = {
  distribution: 'offline-0.17',
  pyodide: '0.17.0',
  python: '3.8.2',
  numpy: '1.17.5',
  matplotlib: '3.3.3',
  optional: {},
  importable: ['numpy'],
  note: null,
  promptNotes: 'Use matplotlib and numpy only.',
};

/** A PNG header (signature + IHDR size fields) for a width × height image. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

function success(overrides: Partial<RenderSuccess> = {}): RenderSuccess {
  return {
    ok: true,
    renderId: 'render-1',
    png: pngHeader(600, 400),
    width: 600,
    height: 400,
    durationMs: 10,
    dpi: 100,
    seed: 0,
    stdout: '',
    stderr: '',
    warnings: [],
    compat: [],
    figureCount: 1,
    facts: { width: 600, height: 400, dpi: 100, axes: [], texts: [], findings: [] },
    phash: '8b0c7c34f4237b1b',
    runtime: RUNTIME,
    ...overrides,
  };
}

describe('isRenderResult', () => {
  it('accepts a well-formed success', () => {
    expect(isRenderResult(success(), 4_000_000)).toBe(true);
  });

  it('rejects bytes that are not a PNG', () => {
    const png = pngHeader(600, 400);
    png[1] = 0;
    expect(isRenderResult(success({ png }), 4_000_000)).toBe(false);
  });

  it('rejects a PNG whose header disagrees with the stated size', () => {
    expect(isRenderResult(success({ png: pngHeader(601, 400) }), 4_000_000)).toBe(false);
  });

  it('requires a perceptual hash of exactly 16 lowercase hex digits', () => {
    for (const phash of [
      '',
      '8b0c7c34f4237b1',
      '8b0c7c34f4237b1b0',
      '8B0C7C34F4237B1B',
      'zz0c7c34f4237b1b',
    ]) {
      expect(isRenderResult(success({ phash }), 4_000_000)).toBe(false);
    }
    const { phash: _dropped, ...withoutHash } = success();
    expect(isRenderResult(withoutHash, 4_000_000)).toBe(false);
  });

  it('requires the runtime to carry its prompt notes as text', () => {
    const { promptNotes: _dropped, ...oldRuntime } = RUNTIME;
    expect(isRenderResult({ ...success(), runtime: oldRuntime }, 4_000_000)).toBe(false);
    const forged = { ...RUNTIME, promptNotes: ['not', 'text'] };
    expect(isRenderResult({ ...success(), runtime: forged }, 4_000_000)).toBe(false);
  });

  it('rejects an image beyond the pixel cap', () => {
    expect(isRenderResult(success(), 100_000)).toBe(false);
  });

  it('rejects a PNG sent as a plain array (as JSON.parse would make it)', () => {
    const forged = { ...success(), png: [...pngHeader(600, 400)] };
    expect(isRenderResult(forged, 4_000_000)).toBe(false);
  });

  it('accepts a failure only with a known error kind', () => {
    const failure = {
      ok: false,
      error: { kind: 'timeout', message: 'stopped', traceback: null, line: null, name: null },
      stdout: '',
      stderr: '',
      durationMs: 1,
      runtime: null,
    };
    expect(isRenderResult(failure, 1)).toBe(true);
    expect(isRenderResult({ ...failure, error: { ...failure.error, kind: 'pwned' } }, 1)).toBe(
      false,
    );
  });
});

describe('isHostReply', () => {
  it('accepts known envelopes and rejects others', () => {
    expect(isHostReply({ type: 'pong', nonce: 3 })).toBe(true);
    expect(isHostReply({ type: 'from-worker', workerId: 2, message: { type: 'booted' } })).toBe(
      true,
    );
    expect(isHostReply({ type: 'from-worker', workerId: '2', message: {} })).toBe(false);
    expect(isHostReply({ type: 'eval', code: 'alert(1)' })).toBe(false);
    expect(isHostReply('host-ready')).toBe(false);
  });
});

describe('buildCsp', () => {
  it('allows eval only where 0.17 needs it and never the network', () => {
    const legacy = buildCsp('abc=', 'offline-0.17');
    const official = buildCsp('abc=', 'official-vendored');
    expect(legacy).toContain("'unsafe-eval'");
    expect(official).toContain("'wasm-unsafe-eval'");
    expect(official).not.toContain("'unsafe-eval'");
    for (const csp of [legacy, official]) {
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'sha256-abc=' blob:");
      expect(csp).toContain('connect-src blob:');
      expect(csp).toContain('worker-src blob:');
    }
  });
});
