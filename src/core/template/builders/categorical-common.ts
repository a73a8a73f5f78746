// Pieces shared by the builders of categorical charts (values per category and series).
import type { CategoricalData, TemplateChartSpec } from '../spec.ts';
import { labelFormat, py, pyDict } from './python-literal.ts';

/** Capitalises the first letter (axis labels). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Revenue (million USD)" */
export function valueAxisLabel(data: { valueLabel: string; unit: string }): string {
  return `${data.valueLabel} (${data.unit})`;
}

/** The data block: categories, series (a dict in drawing order), colours and label format. */
export function categoricalDataBlock(spec: TemplateChartSpec, data: CategoricalData): string {
  const lines = [
    `# ${data.valueLabel} (${data.unit}) by ${data.categoryNoun} and ${data.seriesNoun}`,
    `categories = ${py(data.categories)}`,
    pyDict(
      'series',
      data.series.map((s) => [s.name, s.values]),
    ),
  ];
  if (data.errors)
    lines.push(
      pyDict(
        'errors',
        data.series.map((s, i) => [s.name, data.errors?.[i] ?? []]),
      ),
    );
  if (data.waterfallStart !== null) lines.push(`start_value = ${py(data.waterfallStart)}`);
  lines.push(`colors = ${py(spec.style.palette.map((c) => c.hex))}`);
  lines.push(`label_format = ${labelFormat(data.decimals)}`);
  return lines.join('\n');
}

/** True when category names side by side would run into each other. */
function crowded(categories: readonly string[]): boolean {
  return categories.length > 6 || categories.reduce((sum, c) => sum + c.length + 2, 0) > 60;
}

/** Title, axis labels, category ticks on the x (or y) axis and the legend when due. */
export function decorateCategoricalAxes(
  spec: TemplateChartSpec,
  data: CategoricalData,
  horizontal = false,
): string {
  const catAxis = horizontal ? 'y' : 'x';
  const valAxis = horizontal ? 'x' : 'y';
  const lines = [
    `ax.set_title(${py(spec.title)})`,
    `ax.set_${catAxis}label(${py(capitalize(data.categoryNoun))})`,
    `ax.set_${valAxis}label(${py(valueAxisLabel(data))})`,
    `ax.set_${catAxis}ticks(x)`,
    `ax.set_${catAxis}ticklabels(categories${crowded(data.categories) && !horizontal ? ', rotation=30, ha="right", rotation_mode="anchor"' : ''})`,
  ];
  if (data.series.length > 1) lines.push(legendLine(spec, data.seriesNoun));
  return lines.join('\n');
}

/**
 * A legend call with the style's location and the series noun as its title. With data labels
 * the legend goes outside the axes, where it cannot cover a label.
 */
export function legendLine(spec: TemplateChartSpec, title: string): string {
  const where = spec.style.dataLabels
    ? 'loc="upper left", bbox_to_anchor=(1.01, 1.0)'
    : `loc=${py(spec.style.legendLoc)}`;
  return `ax.legend(${where}, title=${py(capitalize(title))}, fontsize=${spec.style.fontSize - 1})`;
}

/** Data labels above points/bars: `values` and `xs` are Python expressions. */
export function annotateLoop(
  xs: string,
  values: string,
  offsetY: number | string,
  fontSize: number,
  extra = '',
): string {
  return [
    `    for xi, value in zip(${xs}, ${values}):`,
    `        ax.annotate(label_format.format(value), (xi, value), textcoords="offset points", xytext=(0, ${offsetY}), ha="center", fontsize=${fontSize}${extra})`,
  ].join('\n');
}
