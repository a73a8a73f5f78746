// Polar charts: radar (plain, filled) and rose (one bar per category on a polar axis).
import type { CategoricalData, TemplateChartSpec } from '../spec.ts';
import { capitalize, categoricalDataBlock } from './categorical-common.ts';
import { FINISH, IMPORTS, py, styleBlock, subplots } from './python-literal.ts';

/** Builds radar-plain, radar-filled and rose. */
export function buildRadarOrRose(spec: TemplateChartSpec, data: CategoricalData): string {
  const labelSize = spec.style.fontSize - 2;
  const draw: string[] = [];
  if (spec.minor === 'rose') {
    const first = data.series[0]?.name ?? '';
    draw.push(
      `values = series[${py(first)}]`,
      'angles = np.linspace(0, 2 * np.pi, len(categories), endpoint=False)',
      'ax.bar(angles, values, width=2 * np.pi / len(categories) * 0.9, color=colors[:len(categories)], alpha=0.85, edgecolor="white")',
    );
    if (spec.style.dataLabels) {
      draw.push(
        'for angle, value in zip(angles, values):',
        `    ax.text(angle, value * 1.08, label_format.format(value), ha="center", va="center", fontsize=${labelSize})`,
      );
    }
  } else {
    draw.push(
      'angles = np.linspace(0, 2 * np.pi, len(categories), endpoint=False).tolist()',
      'for i, (name, values) in enumerate(series.items()):',
      '    closed = list(values) + [values[0]]',
      '    ax.plot(angles + angles[:1], closed, color=colors[i], linewidth=2, marker="o", label=name)',
    );
    if (spec.minor === 'radar-filled')
      draw.push('    ax.fill(angles + angles[:1], closed, color=colors[i], alpha=0.25)');
    if (spec.style.dataLabels) {
      draw.push(
        '    for angle, value in zip(angles, values):',
        // Alternate above/below per series so labels of close values do not sit on each other.
        `        ax.annotate(label_format.format(value), (angle, value), textcoords="offset points", xytext=(0, 7 if i % 2 == 0 else -13), ha="center", fontsize=${labelSize}, color=colors[i])`,
      );
    }
  }
  draw.push(
    // Few radial ticks: dense ones pile up on one spoke and cover petals and labels; with data
    // labels the ticks are not needed at all.
    'ax.yaxis.set_major_locator(plt.MaxNLocator(4))',
    // Headroom above the largest value keeps its label clear of the category names on the rim.
    'ax.set_ylim(0, max(max(values) for values in series.values()) * 1.2)',
    ...(spec.style.dataLabels ? ['ax.set_yticklabels([])'] : []),
    'ax.set_xticks(angles)',
    'ax.set_xticklabels(categories)',
    `ax.set_title(${py(spec.title)}, pad=20)`,
  );
  // Legend and unit note sit in the figure's corners, where a polar plot leaves room.
  if (data.series.length > 1) {
    draw.push(
      `fig.legend(loc="lower right", title=${py(capitalize(data.seriesNoun))}, fontsize=${spec.style.fontSize - 1})`,
    );
  }
  const note = `fig.text(0.01, 0.01, ${py(`${data.valueLabel} (${data.unit})`)}, fontsize=${labelSize})`;
  return (
    [
      IMPORTS,
      '',
      categoricalDataBlock(spec, data),
      '',
      styleBlock(spec.style),
      subplots(spec.style, ', subplot_kw={"projection": "polar"}'),
      ...draw,
      note,
      FINISH,
    ].join('\n') + '\n'
  );
}
