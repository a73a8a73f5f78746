// Python source helpers shared by the chart builders: literals, the data block, the style block.
import type { ChartStyle } from '../spec.ts';

/** A Python literal for a string, number, boolean, null, array or plain object. */
export function py(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  // JSON string escapes (\n, \", \uXXXX) are also valid Python string escapes.
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(py).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${py(k)}: ${py(v)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  throw new Error(`no Python literal for ${typeof value}`);
}

/** `name = {"a": [...], ...}` with one entry per line, so the data reads well at the top. */
export function pyDict(name: string, entries: readonly [string, unknown][]): string {
  const lines = entries.map(([key, value]) => `    ${py(key)}: ${py(value)},`);
  return [`${name} = {`, ...lines, '}'].join('\n');
}

/** Imports and the style block (style sheet, font size, grid) before any drawing. */
export function styleBlock(style: ChartStyle): string {
  return [
    `plt.style.use(${py(style.sheet)})`,
    `plt.rcParams.update({"font.size": ${style.fontSize}, "axes.grid": ${py(style.grid)}, "axes.titlesize": ${style.fontSize + 3}})`,
  ].join('\n');
}

/** The first lines of every script. */
export const IMPORTS = 'import matplotlib.pyplot as plt\nimport numpy as np';

/** The number format data labels use, as a Python format string. */
export function labelFormat(decimals: 0 | 1 | 2): string {
  return `"{:.${decimals}f}"`;
}

/** `fig, ax = plt.subplots(...)` with the style's figure size. */
export function subplots(style: ChartStyle, extra = ''): string {
  return `fig, ax = plt.subplots(figsize=(${style.figsize[0]}, ${style.figsize[1]})${extra})`;
}

/** The closing lines of every script. */
export const FINISH = 'fig.tight_layout()\nplt.show()';

/** The closing lines of a 3D chart (tight_layout cannot place 3D axes and only warns). */
export const FINISH_3D =
  'fig.subplots_adjust(left=0.0, right=0.72, bottom=0.05, top=0.92)\nplt.show()';
