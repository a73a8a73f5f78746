// 2D bar charts: grouped, with data labels, stacked, percentage (stacked shares), horizontal.
import type { CategoricalData, TemplateChartSpec } from '../spec.ts';
import { categoricalDataBlock, decorateCategoricalAxes } from './categorical-common.ts';
import { FINISH, IMPORTS, styleBlock, subplots } from './python-literal.ts';

function groupedBars(spec: TemplateChartSpec, horizontal: boolean): string[] {
  const labelSize = spec.style.fontSize - 2;
  const call = horizontal
    ? 'ax.barh(x + offset, values, height=width'
    : 'ax.bar(x + offset, values, width=width';
  const lines = [
    'width = 0.8 / len(series)',
    'for i, (name, values) in enumerate(series.items()):',
    '    offset = (i - (len(series) - 1) / 2) * width',
    `    ${call}, label=name, color=colors[i])`,
  ];
  if (spec.style.dataLabels) {
    lines.push('    for xi, value in zip(x + offset, values):');
    lines.push(
      horizontal
        ? `        ax.annotate(label_format.format(value), (value, xi), textcoords="offset points", xytext=(4, 0), va="center", fontsize=${labelSize})`
        : `        ax.annotate(label_format.format(value), (xi, value), textcoords="offset points", xytext=(0, 3), ha="center", va="bottom", fontsize=${labelSize})`,
    );
  }
  if (horizontal) lines.push('ax.invert_yaxis()', 'ax.margins(x=0.12)');
  else lines.push('ax.margins(y=0.1)');
  return lines;
}

function stackedBars(spec: TemplateChartSpec): string[] {
  const labelSize = spec.style.fontSize - 2;
  const lines = [
    'bottom = np.zeros(len(categories))',
    'for i, (name, values) in enumerate(series.items()):',
    '    ax.bar(x, values, 0.6, bottom=bottom, label=name, color=colors[i])',
  ];
  if (spec.style.dataLabels || spec.minor === 'bar-percentage') {
    const format =
      spec.minor === 'bar-percentage'
        ? '(label_format + "%").format(value)'
        : 'label_format.format(value)';
    lines.push(
      '    for xi, base, value in zip(x, bottom, values):',
      `        ax.text(xi, base + value / 2, ${format}, ha="center", va="center", color="white", fontsize=${labelSize}, fontweight="bold")`,
    );
  }
  lines.push('    bottom = bottom + np.array(values)');
  if (spec.minor === 'bar-percentage') lines.push('ax.set_ylim(0, 100)');
  return lines;
}

/** Builds bar-plain, bar-data-labels, bar-stacked, bar-percentage and bar-horizontal. */
export function buildBar(spec: TemplateChartSpec, data: CategoricalData): string {
  const horizontal = spec.minor === 'bar-horizontal';
  const stacked = spec.minor === 'bar-stacked' || spec.minor === 'bar-percentage';
  const draw = stacked ? stackedBars(spec) : groupedBars(spec, horizontal);
  return (
    [
      IMPORTS,
      '',
      categoricalDataBlock(spec, data),
      '',
      styleBlock(spec.style),
      subplots(spec.style),
      'x = np.arange(len(categories))',
      ...draw,
      decorateCategoricalAxes(spec, data, horizontal),
      FINISH,
    ].join('\n') + '\n'
  );
}
