// A best guess of an imported seed script's minor chart type, read from its code (the person
// confirms or changes it before the seed joins the pool). Rules go from the most specific API
// (squarify, networkx, bar3d, polar axes) to the most generic (plot), first match wins.
import type { MinorChartType } from '../core/chart-types.ts';

/** Whether a labelling call (text, annotate, bar_label) runs inside a `for` loop: data labels. */
function labelsInLoop(lines: readonly string[]): boolean {
  let loopIndent: number | null = null;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = line.length - line.trimStart().length;
    if (loopIndent !== null && indent <= loopIndent) loopIndent = null;
    if (/^\s*for\b.*:\s*$/.test(line)) {
      loopIndent ??= indent;
      continue;
    }
    if (loopIndent !== null && /\.(text|annotate)\(/.test(line)) return true;
  }
  return false;
}

/** Code without `#` comments (a comment saying "unlike a pie chart" must not count). */
function stripComments(code: string): string {
  return code
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/#[^'"\n]*$/, ''))
    .join('\n');
}

function count(code: string, pattern: RegExp): number {
  return code.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
}

const PERCENTAGE = /percent|\(%\)|100\s*%|\*\s*100\b|\/\s*100\b|set_[yxz]lim\(\s*0\s*,\s*100\s*\)/i;

/** The arguments of the first call of `name`, split at top-level commas (strings ignored). */
function firstCallArguments(code: string, name: string): string[] {
  const start = code.indexOf(`${name}(`);
  if (start < 0) return [];
  const args: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of code.slice(start + name.length + 1)) {
    if (depth === 0 && (char === ',' || char === ')')) {
      args.push(current.trim());
      if (char === ')') break;
      current = '';
      continue;
    }
    if ('([{'.includes(char)) depth += 1;
    if (')]}'.includes(char)) depth -= 1;
    current += char;
  }
  return args;
}

function guessBar3d(code: string): MinorChartType {
  if (PERCENTAGE.test(code)) return 'bar3d-percentage';
  // bar3d(x, y, z, dx, dy, dz): bars standing on the floor are plain, on a running base stacked.
  const base = firstCallArguments(code, '.bar3d')[2] ?? '';
  return /^(0(\.0*)?|np\.zeros\(.*\)|np\.zeros_like\(.*\)|\[0(\.0*)?\]\s*\*.*)$/.test(base)
    ? 'bar3d-plain'
    : 'bar3d-stacked';
}

function guessGraph(code: string, words: string): MinorChartType {
  if (/undirected/.test(words)) return 'graph-undirected';
  return /DiGraph|arrows\s*=\s*True|['"]<?-\|?>['"]|directed/i.test(code + words)
    ? 'graph-directed'
    : 'graph-undirected';
}

function guessPie(code: string, words: string): MinorChartType {
  if (count(code, /\.pie\(/) >= 2) return 'pie-ring';
  if (/wedgeprops\s*=\s*(dict\([^)]*\bwidth\s*=|\{[^}]*['"]width['"])|Circle\(/.test(code))
    return 'pie-donut';
  if (/explode|normalize\s*=\s*False|sector|half/.test(words)) return 'pie-sector';
  return 'pie-plain';
}

function guessBar(code: string, lines: readonly string[]): MinorChartType {
  if (/\.barh\(|orientation\s*=\s*['"]horizontal/.test(code)) return 'bar-horizontal';
  const isStacked = /\bbottom\s*=/.test(code);
  // Floating bars on a running total, with the size of each change: a waterfall.
  if (isStacked && /abs\(|\brunning\b|cumsum/.test(code) && !/\bbottom\s*\+=/.test(code))
    return 'waterfall';
  if (isStacked && PERCENTAGE.test(code)) return 'bar-percentage';
  if (isStacked) return 'bar-stacked';
  if (/\.bar_label\(/.test(code) || labelsInLoop(lines)) return 'bar-data-labels';
  return 'bar-plain';
}

function guessScatter(code: string): MinorChartType {
  const is3d = /projection\s*=\s*['"]3d['"]/.test(code);
  // A size given as a list or a variable (not one number) is a bubble chart.
  if (is3d || /\.scatter\([^)]*\bs\s*=\s*(?![\d.]+\s*[,)])/.test(code)) return 'scatter-bubble';
  if (/polyfit|curve_fit|make_interp_spline|linregress|lowess|np\.poly1d/.test(code))
    return 'scatter-fitted';
  return 'scatter-plain';
}

/** The best guess of a script's minor chart type; 'line-plain' when nothing more specific fits. */
export function guessMinorType(source: string): MinorChartType {
  const code = stripComments(source);
  const words = source.toLowerCase();
  const lines = code.split('\n');
  if (/squarify|treemap/.test(words)) return 'treemap';
  if (/networkx|\bnx\./.test(code) || (/\bnodes\b/.test(code) && /\bedges\b/.test(code)))
    return guessGraph(code, words);
  if (/\.bar3d\(/.test(code)) return guessBar3d(code);
  // Bars centred on zero (left = -width / 2) narrow downwards: a funnel.
  if (/funnel/.test(words) || /\.barh\([^\n]*\bleft\s*=\s*-/.test(code)) return 'funnel';
  if (/waterfall/.test(words)) return 'waterfall';
  if (/polar/.test(code)) {
    if (/\.fill\(/.test(code)) return 'radar-filled';
    if (/\.bar\(/.test(code)) return 'rose';
    return 'radar-plain';
  }
  if (/Rectangle\(/.test(code) && !/\.(bar|barh|plot|scatter|imshow)\(/.test(code))
    return 'treemap';
  if (/\.(imshow|pcolormesh|pcolor|contourf|contour)\(|heatmap/.test(code)) return 'heatmap';
  if (/\.pie\(/.test(code)) return guessPie(code, words);
  if (/\.(boxplot|violinplot)\(/.test(code))
    return /vert\s*=\s*False|orientation\s*=\s*['"]horizontal/.test(code)
      ? 'box-horizontal'
      : 'box-vertical';
  if (/\.hist\(/.test(code)) return 'histogram';
  if (/\.stackplot\(/.test(code)) return 'area-stacked';
  if (/\.scatter\(/.test(code) && !/\.(plot|bar|barh)\(/.test(code.replace(/\.scatter\(/g, '')))
    return guessScatter(code);
  if (/\.(bar|barh)\(/.test(code)) return guessBar(code, lines);
  if (/\.errorbar\(/.test(code)) return 'line-error-bars';
  if (/\.fill_between\(/.test(code)) return 'area-plain';
  if (/\.scatter\(/.test(code)) return guessScatter(code);
  return labelsInLoop(lines) ? 'line-data-labels' : 'line-plain';
}
