import { describe, expect, it } from 'vitest';
import { majorMinor, runtimeSection } from '../../../../../src/core/cit/prompts/runtime.ts';
import { CURRENT_RUNTIME, OFFLINE_RUNTIME } from './helpers.ts';

describe('runtimeSection', () => {
  it('states the versions, the importable packages and the runtime notes', () => {
    const text = runtimeSection(OFFLINE_RUNTIME);
    expect(text).toContain('Python 3.8.2');
    expect(text).toContain('numpy 1.17.5');
    expect(text).toContain('matplotlib 3.3.3');
    expect(text).toContain('matplotlib, numpy, scipy, networkx, squarify, math, random');
    expect(text).toContain(OFFLINE_RUNTIME.notes);
  });

  it('warns about post-3.3 APIs only on an old matplotlib', () => {
    expect(runtimeSection(OFFLINE_RUNTIME)).toMatch(/older than 3\.6.*bar_label/);
    expect(runtimeSection(CURRENT_RUNTIME)).not.toMatch(/bar_label/);
    expect(runtimeSection({ ...CURRENT_RUNTIME, matplotlib: '3.5.2' })).toMatch(/older than 3\.6/);
    expect(runtimeSection({ ...CURRENT_RUNTIME, matplotlib: 'unknown' })).not.toMatch(/older/);
  });

  it('cuts a long import list and says how many were left out', () => {
    const importable = Array.from({ length: 55 }, (_, i) => `package${i}`);
    const text = runtimeSection({ ...CURRENT_RUNTIME, importable });
    expect(text).toContain('package39');
    expect(text).not.toContain('package40');
    expect(text).toContain('(and 15 more)');
  });

  it('reads major.minor from version strings', () => {
    expect(majorMinor('3.3.3')).toEqual([3, 3]);
    expect(majorMinor(' 3.10.0rc1')).toEqual([3, 10]);
    expect(majorMinor('dev')).toBeNull();
  });
});
