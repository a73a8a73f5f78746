// 3D bar charts: one row of bars per series (plain), or stacked columns (stacked, percentage).
import type { CategoricalData, TemplateChartSpec } from '../spec.ts';
import { capitalize, categoricalDataBlock, valueAxisLabel } from './categorical-common.ts';
import { FINISH, IMPORTS, py, styleBlock } from './python-literal.ts';

/** Builds bar3d-plain, bar3d-stacked and bar3d-percentage. */
export function buildBar3d(spec: TemplateChartSpec, data: CategoricalData): string {
  const labelSize = spec.style.fontSize - 2;
  const stacked = spec.minor !== 'bar3d-plain';
  const draw: string[] = [
    'from mpl_toolkits.mplot3d import Axes3D  # noqa: F401  (registers the 3d projection on old matplotlib)',
    `fig = plt.figure(figsize=(${spec.style.figsize[0]}, ${spec.style.figsize[1]}))`,
    'ax = fig.add_subplot(111, projection="3d")',
    'x = np.arange(len(categories))',
  ];
  if (stacked) {
    draw.push(
      'bottom = np.zeros(len(categories))',
      'for i, (name, values) in enumerate(series.items()):',
      '    ax.bar3d(x, np.zeros(len(x)), bottom, 0.6, 0.6, values, color=colors[i], alpha=0.9, shade=True)',
      '    ax.plot([], [], color=colors[i], linewidth=8, label=name)',
    );
    if (spec.style.dataLabels) {
      draw.push('    for xi, base, value in zip(x, bottom, values):',
        `        ax.text(xi + 0.3, 0.3, base + value / 2, label_format.format(value), fontsize=${labelSize})`);
    }
    draw.push('    bottom = bottom + np.array(values)', 'ax.set_yticks([])');
  } else {
    draw.push(
      'for i, (name, values) in enumerate(series.items()):',
      '    ax.bar3d(x, np.full(len(x), i), np.zeros(len(x)), 0.6, 0.6, values, color=colors[i], alpha=0.9, shade=True)',
      '    ax.plot([], [], color=colors[i], linewidth=8, label=name)',
    );
    if (spec.style.dataLabels) {
      draw.push('    for xi, value in zip(x, values):',
        `        ax.text(xi + 0.3, i + 0.3, value, label_format.format(value), fontsize=${labelSize})`);
    }
    draw.push('ax.set_yticks(np.arange(len(series)) + 0.3)', 'ax.set_yticklabels(list(series.keys()))');
  }
  draw.push(
    'ax.set_xticks(x + 0.3)',
    'ax.set_xticklabels(categories, rotation=20)',
    `ax.set_zlabel(${py(valueAxisLabel(data))})`,
    `ax.set_xlabel(${py(capitalize(data.categoryNoun))}, labelpad=12)`,
    `ax.set_title(${py(spec.title)})`,
    `ax.legend(loc=${py(spec.style.legendLoc)}, title=${py(capitalize(data.seriesNoun))})`,
  );
  return [IMPORTS, '', categoricalDataBlock(spec, data), '', styleBlock(spec.style), ...draw, FINISH].join('\n') + '\n';
}
