// Style variation: style sheets, palettes, font sizes, legend placement, data labels, grid and
// figure size. Only style sheets present under the same name in matplotlib 3.3 and 3.6.
import type { Rng } from './prng.ts';
import type { ChartStyle, NamedColor } from './spec.ts';

/** Style sheets shipped by both matplotlib 3.3 (Pyodide 0.17) and 3.6 (Debian). */
export const STYLE_SHEETS = [
  'default',
  'ggplot',
  'bmh',
  'fivethirtyeight',
  'Solarize_Light2',
  'classic',
  'fast',
] as const;

const c = (hex: string, name: string): NamedColor => ({ hex, name });

/** Palettes whose colours have plainly different names, so "the green line" is unambiguous. */
export const PALETTES: readonly NamedColor[][] = [
  [
    c('#1f77b4', 'blue'),
    c('#ff7f0e', 'orange'),
    c('#2ca02c', 'green'),
    c('#d62728', 'red'),
    c('#9467bd', 'purple'),
    c('#8c564b', 'brown'),
    c('#e377c2', 'pink'),
    c('#7f7f7f', 'grey'),
  ],
  [
    c('#003f5c', 'navy'),
    c('#ffa600', 'amber'),
    c('#bc5090', 'magenta'),
    c('#2f9e44', 'green'),
    c('#ef5675', 'coral'),
    c('#7a5195', 'violet'),
    c('#17becf', 'cyan'),
    c('#8c6d31', 'olive brown'),
  ],
  [
    c('#e41a1c', 'red'),
    c('#377eb8', 'blue'),
    c('#4daf4a', 'green'),
    c('#984ea3', 'purple'),
    c('#ff7f00', 'orange'),
    c('#a65628', 'brown'),
    c('#f781bf', 'pink'),
    c('#999999', 'grey'),
  ],
  [
    c('#1b9e77', 'teal'),
    c('#d95f02', 'dark orange'),
    c('#7570b3', 'slate blue'),
    c('#e7298a', 'magenta'),
    c('#66a61e', 'lime green'),
    c('#e6ab02', 'mustard'),
    c('#a6761d', 'brown'),
    c('#666666', 'dark grey'),
  ],
];

const LEGEND_LOCATIONS = [
  'best',
  'upper left',
  'upper right',
  'lower left',
  'lower right',
  'center left',
  'upper center',
];

/**
 * Picks a style. `dataLabels` forces labels on or off (types like bar-data-labels need them);
 * `labelOdds` is the chance of labels otherwise (higher for charts that are hard to read
 * without them, such as 3D bars and heatmaps).
 */
export function pickStyle(rng: Rng, dataLabels: boolean | null, labelOdds = 0.5): ChartStyle {
  const wide = rng.chance(0.6);
  return {
    sheet: rng.pick(STYLE_SHEETS),
    palette: rng.shuffle(rng.pick(PALETTES)),
    fontSize: rng.pick([9, 10, 11, 12]),
    legendLoc: rng.pick(LEGEND_LOCATIONS),
    dataLabels: dataLabels ?? rng.chance(labelOdds),
    grid: rng.chance(0.6),
    figsize: wide
      ? [rng.pick([9, 10, 11]), rng.pick([5.5, 6, 6.5])]
      : [rng.pick([7, 8]), rng.pick([6, 7])],
  };
}
