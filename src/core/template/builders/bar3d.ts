// 3D bar charts: one row of bars per series (plain), or stacked columns (stacked, percentage).
import type { CategoricalData, TemplateChartSpec } from '../spec.ts';
import { capitalize, categoricalDataBlock, valueAxisLabel } from './categorical-common.ts';
import { FINISH_3D, IMPORTS, py, styleBlock } from './python-literal.ts';

/** Builds bar3d-plain, bar3d-stacked and bar3d-percentage. */
export function buildBar3d(spec: TemplateChartSpec, data: CategoricalData): string {
  const labelSize = spec.style.fontSize - 2;
  const stacked = spec.minor !== 'bar3d-plain';
  const draw: string[] = [
    'from mpl_toolkits.mplot3d import Axes3D  # noqa: F401  (registers the 3d projection on old matplotlib)',
    `fig = plt.figure(figsize=(${spec.style.figsize[0]}, ${spec.style.figsize[1]}))`,
    'ax = fig.add_subplot(111, projection="3d")',
    'ax.view_init(elev=22, azim=-62)',
    'x = np.arange(len(categories))',
  ];
  // Labels get a high zorder: mplot3d sorts collections by depth and would otherwise hide them.
  if (stacked) {
    draw.push(
      'bottom = np.zeros(len(categories))',
      'for i, (name, values) in enumerate(series.items()):',
      '    ax.bar3d(x, np.zeros(len(x)), bottom, 0.5, 0.5, values, color=colors[i], alpha=0.95, shade=True, label=name)',
    );
    if (spec.style.dataLabels) {
      draw.push(
        '    for xi, base, value in zip(x, bottom, values):',
        `        ax.text(xi + 0.25, -0.05, base + value / 2, label_format.format(value), ha="center", va="center", fontsize=${labelSize}, color="white", fontweight="bold", zorder=10)`,
      );
    }
    draw.push(
      '    bottom = bottom + np.array(values)',
      'ax.set_ylim(-0.5, 1.0)',
      'ax.set_yticks([])',
    );
  } else {
    draw.push(
      'for i, (name, values) in enumerate(series.items()):',
      '    ax.bar3d(x, np.full(len(x), i), np.zeros(len(x)), 0.5, 0.5, values, color=colors[i], alpha=0.9, shade=True, label=name)',
    );
    if (spec.style.dataLabels) {
      draw.push(
        '    for xi, value in zip(x, values):',
        `        ax.text(xi + 0.25, i + 0.25, value * 1.03, label_format.format(value), ha="center", va="bottom", fontsize=${labelSize}, zorder=10)`,
      );
    }
    draw.push(
      'ax.set_yticks(np.arange(len(series)) + 0.25)',
      'ax.set_yticklabels(list(series.keys()))',
    );
  }
  draw.push(
    'ax.set_xticks(x + 0.25)',
    'ax.set_xticklabels(categories, rotation=15, ha="right")',
    `ax.set_zlabel(${py(valueAxisLabel(data))})`,
    `ax.set_xlabel(${py(capitalize(data.categoryNoun))}, labelpad=20)`,
    `ax.set_title(${py(spec.title)})`,
    // Proxy patches: 3D bars make no legend handles of their own on matplotlib 3.3.
    'from matplotlib.patches import Patch',
    `fig.legend(handles=[Patch(color=colors[i], label=name) for i, name in enumerate(series)], loc="center right", title=${py(capitalize(data.seriesNoun))})`,
  );
  return (
    [
      IMPORTS,
      '',
      categoricalDataBlock(spec, data),
      '',
      styleBlock(spec.style),
      ...draw,
      FINISH_3D,
    ].join('\n') + '\n'
  );
}
