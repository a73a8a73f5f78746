// Line and area charts: plain, data labels, error bars, area, stacked area.
import type { CategoricalData, TemplateChartSpec } from '../spec.ts';
import {
  annotateLoop,
  categoricalDataBlock,
  decorateCategoricalAxes,
} from './categorical-common.ts';
import { FINISH, IMPORTS, styleBlock, subplots } from './python-literal.ts';

/** Builds line-plain, line-data-labels, line-error-bars, area-plain and area-stacked. */
export function buildLineOrArea(spec: TemplateChartSpec, data: CategoricalData): string {
  const labelSize = spec.style.fontSize - 2;
  const draw: string[] = ['x = np.arange(len(categories))'];
  const markers = '["o", "s", "^", "D"]';
  if (spec.minor === 'area-stacked') {
    draw.push(
      'ax.stackplot(x, list(series.values()), labels=list(series.keys()), colors=colors[:len(series)], alpha=0.85)',
    );
    if (spec.style.dataLabels) {
      draw.push(
        'running = np.zeros(len(categories))',
        'for values in series.values():',
        '    middle = running + np.array(values) / 2',
        '    for xi, yi, value in zip(x, middle, values):',
        `        ax.text(xi, yi, label_format.format(value), ha="center", va="center", fontsize=${labelSize})`,
        '    running = running + np.array(values)',
      );
    }
  } else {
    draw.push(`for i, (name, values) in enumerate(series.items()):`);
    if (spec.minor === 'line-error-bars') {
      draw.push(
        `    ax.errorbar(x, values, yerr=errors[name], label=name, color=colors[i], marker=${markers}[i % 4], capsize=4, linewidth=2)`,
      );
    } else {
      draw.push(
        `    ax.plot(x, values, label=name, color=colors[i], marker=${markers}[i % 4], linewidth=2)`,
      );
    }
    if (spec.minor === 'area-plain') {
      draw.push('    ax.fill_between(x, values, alpha=0.25, color=colors[i])');
    }
    if (spec.style.dataLabels)
      // Alternate above/below per series so labels of two close lines do not collide.
      draw.push(
        annotateLoop('x', 'values', '8 if i % 2 == 0 else -14', labelSize, ', color=colors[i]'),
      );
  }
  if (spec.minor.startsWith('area')) draw.push('ax.set_ylim(bottom=0)');
  return (
    [
      IMPORTS,
      '',
      categoricalDataBlock(spec, data),
      '',
      styleBlock(spec.style),
      subplots(spec.style),
      ...draw,
      decorateCategoricalAxes(spec, data),
      FINISH,
    ].join('\n') + '\n'
  );
}
