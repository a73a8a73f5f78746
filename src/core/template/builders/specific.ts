// "Specific" categorical charts: heatmap, funnel, waterfall and treemap.
import type { CategoricalData, TemplateChartSpec } from '../spec.ts';
import { capitalize, categoricalDataBlock, valueAxisLabel } from './categorical-common.ts';
import { FINISH, IMPORTS, py, styleBlock, subplots } from './python-literal.ts';

function heatmap(spec: TemplateChartSpec, data: CategoricalData): string[] {
  const lines = [
    'matrix = np.array(list(series.values()))',
    'image = ax.imshow(matrix, cmap="YlGnBu", aspect="auto")',
    `fig.colorbar(image, ax=ax, label=${py(valueAxisLabel(data))})`,
    'ax.set_xticks(np.arange(len(categories)))',
    'ax.set_xticklabels(categories, rotation=30, ha="right")',
    'ax.set_yticks(np.arange(len(series)))',
    'ax.set_yticklabels(list(series.keys()))',
    'ax.grid(False)',
    `ax.set_xlabel(${py(capitalize(data.categoryNoun))})`,
    `ax.set_ylabel(${py(capitalize(data.seriesNoun))})`,
  ];
  if (spec.style.dataLabels) {
    lines.push(
      'threshold = (matrix.max() + matrix.min()) / 2',
      'for r in range(matrix.shape[0]):',
      '    for col in range(matrix.shape[1]):',
      `        ax.text(col, r, label_format.format(matrix[r, col]), ha="center", va="center", fontsize=${spec.style.fontSize - 2}, color="white" if matrix[r, col] > threshold else "black")`,
    );
  }
  return lines;
}

function funnel(spec: TemplateChartSpec, data: CategoricalData): string[] {
  const first = data.series[0]?.name ?? '';
  const lines = [
    `values = series[${py(first)}]`,
    'y = np.arange(len(categories))',
    'ax.barh(y, values, left=-np.array(values) / 2, color=colors[:len(categories)], height=0.8)',
    'ax.set_yticks(y)',
    'ax.set_yticklabels(categories)',
    'ax.invert_yaxis()',
    'ax.set_xticks([])',
    'ax.grid(False)',
    `ax.set_xlabel(${py(valueAxisLabel(data))})`,
  ];
  // A funnel has no value axis, so its values are always written on the stages.
  lines.push(
    'for yi, value in zip(y, values):',
    `    ax.text(0, yi, label_format.format(value), ha="center", va="center", color="white", fontweight="bold", fontsize=${spec.style.fontSize})`,
  );
  return lines;
}

function waterfall(spec: TemplateChartSpec, data: CategoricalData): string[] {
  const first = data.series[0]?.name ?? '';
  const lines = [
    `changes = series[${py(first)}]`,
    'labels = ["Start"] + categories + ["End"]',
    'levels = np.cumsum([start_value] + list(changes))',
    'bottoms = [0] + [min(levels[i], levels[i + 1]) for i in range(len(changes))] + [0]',
    'heights = [start_value] + [abs(c) for c in changes] + [levels[-1]]',
    'up_color, down_color = "#2ca02c", "#d62728"',
    'bar_colors = ["#7f7f7f"] + [up_color if c >= 0 else down_color for c in changes] + ["#7f7f7f"]',
    'x = np.arange(len(labels))',
    'ax.bar(x, heights, bottom=bottoms, color=bar_colors, width=0.6)',
    'ax.set_xticks(x)',
    'ax.set_xticklabels(labels, rotation=30, ha="right")',
    `ax.set_ylabel(${py(valueAxisLabel(data))})`,
    `ax.set_xlabel(${py(capitalize(data.categoryNoun))})`,
    'from matplotlib.patches import Patch',
    `ax.legend(handles=[Patch(color=up_color, label="Increase"), Patch(color=down_color, label="Decrease")], loc=${py(spec.style.legendLoc)})`,
    'ax.margins(y=0.12)',
  ];
  if (spec.style.dataLabels) {
    lines.push(
      'shown = [start_value] + list(changes) + [levels[-1]]',
      'for xi, bottom, height, value in zip(x, bottoms, heights, shown):',
      `    ax.annotate(("{:+.${data.decimals}f}" if 0 < xi < len(labels) - 1 else label_format).format(value), (xi, bottom + height), textcoords="offset points", xytext=(0, 3), ha="center", fontsize=${spec.style.fontSize - 2})`,
    );
  }
  return lines;
}

function treemap(spec: TemplateChartSpec, data: CategoricalData): string[] {
  const first = data.series[0]?.name ?? '';
  // A slice-and-dice layout in a few lines, so the script needs no squarify package.
  return [
    `values = series[${py(first)}]`,
    'order = sorted(range(len(values)), key=lambda i: -values[i])',
    'remaining = float(sum(values))',
    'x0, y0, w, h = 0.0, 0.0, 100.0, 100.0',
    'for step, i in enumerate(order):',
    '    share = values[i] / remaining',
    '    if w >= h:',
    '        rect = (x0, y0, w * share, h)',
    '        x0, w = x0 + w * share, w - w * share',
    '    else:',
    '        rect = (x0, y0, w, h * share)',
    '        y0, h = y0 + h * share, h - h * share',
    '    remaining -= values[i]',
    '    ax.add_patch(plt.Rectangle(rect[:2], rect[2], rect[3], facecolor=colors[step % len(colors)], edgecolor="white", linewidth=2))',
    spec.style.dataLabels
      ? `    ax.text(rect[0] + rect[2] / 2, rect[1] + rect[3] / 2, categories[i] + "\\n" + label_format.format(values[i]), ha="center", va="center", color="white", fontsize=${spec.style.fontSize - 1})`
      : `    ax.text(rect[0] + rect[2] / 2, rect[1] + rect[3] / 2, categories[i], ha="center", va="center", color="white", fontsize=${spec.style.fontSize - 1})`,
    'ax.set_xlim(0, 100)',
    'ax.set_ylim(0, 100)',
    'ax.axis("off")',
    `ax.text(0, -4, ${py(`Area proportional to ${data.valueLabel.toLowerCase()} (${data.unit})`)}, fontsize=${spec.style.fontSize - 2})`,
  ];
}

/** Builds heatmap, funnel, waterfall and treemap. */
export function buildSpecific(spec: TemplateChartSpec, data: CategoricalData): string {
  const draw =
    spec.minor === 'heatmap'
      ? heatmap(spec, data)
      : spec.minor === 'funnel'
        ? funnel(spec, data)
        : spec.minor === 'waterfall'
          ? waterfall(spec, data)
          : treemap(spec, data);
  return (
    [
      IMPORTS,
      '',
      categoricalDataBlock(spec, data),
      '',
      styleBlock(spec.style),
      subplots(spec.style),
      ...draw,
      `ax.set_title(${py(spec.title)})`,
      FINISH,
    ].join('\n') + '\n'
  );
}
