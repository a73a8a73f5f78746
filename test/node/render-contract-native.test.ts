// The real Python engine's output passes the page's message validation, including the fields
// the CIT pipeline relies on: RenderSuccess.phash and RuntimeInfo.promptNotes.
import { afterAll, describe, expect, it } from 'vitest';
import { hammingHex } from '../../src/core/dedup/phash.ts';
import { isRenderResult, isRuntimeInfo } from '../../src/python/message-checks.ts';
import { hasMatplotlib, startNativeRenderer } from './native-renderer.ts';

const BARS = (values: string) =>
  `import matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(6, 4))\n` +
  `ax.bar(['a', 'b', 'c', 'd'], [${values}])\nax.set_title('Units by store')\n`;

describe.skipIf(!hasMatplotlib)('native render contract', () => {
  const renderer = hasMatplotlib ? startNativeRenderer() : null;
  afterAll(() => renderer?.close());
  const render = async (code: string) => {
    const result = await renderer!.render(code, { dpi: 100, seed: 1 });
    expect(isRenderResult(result, 4_000_000)).toBe(true);
    if (!result.ok) throw new Error(result.error.message);
    return result;
  };

  it('reports the prompt notes of its runtime', async () => {
    const info = await renderer!.runtimeInfo();
    expect(isRuntimeInfo(info)).toBe(true);
    expect(info.promptNotes).toMatch(/default_rng\(42\)/);
  });

  it('hashes near-identical charts close together and different ones far apart', async () => {
    const base = await render(BARS('4, 7, 2, 5'));
    const again = await render(BARS('4, 7, 2, 5'));
    const nudged = await render(BARS('4, 7, 2.1, 5'));
    const other = await render(BARS('9, 1, 8, 1'));
    expect(again.phash).toBe(base.phash);
    expect(hammingHex(base.phash, nudged.phash)).toBeLessThanOrEqual(4);
    expect(hammingHex(base.phash, other.phash)).toBeGreaterThan(8);
  });

  it('rejects unseeded randomness before running, as forbidden with a fix', async () => {
    const result = await renderer!.render(
      'import numpy as np\nimport matplotlib.pyplot as plt\nplt.plot(np.random.default_rng().random(5))\n',
      { dpi: 100, seed: 1 },
    );
    expect(isRenderResult(result, 4_000_000)).toBe(true);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('forbidden');
      expect(result.error.message).toMatch(/seed/);
    }
  });
});
