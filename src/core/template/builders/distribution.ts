// Distribution charts: box plots (vertical, horizontal) and histograms.
import type { DistributionData, TemplateChartSpec } from '../spec.ts';
import { capitalize, valueAxisLabel } from './categorical-common.ts';
import { FINISH, IMPORTS, py, pyDict, styleBlock, subplots } from './python-literal.ts';

function dataBlock(spec: TemplateChartSpec, data: DistributionData): string {
  const lines = [`# ${data.valueLabel} (${data.unit}) samples per ${data.groupNoun}`];
  if (data.binEdges) {
    lines.push(`samples = ${py(data.groups[0]?.values ?? [])}`, `bin_edges = ${py(data.binEdges)}`);
  } else {
    lines.push(
      pyDict(
        'groups',
        data.groups.map((g) => [g.name, g.values]),
      ),
    );
  }
  lines.push(`colors = ${py(spec.style.palette.map((c) => c.hex))}`);
  return lines.join('\n');
}

/** Builds box-vertical, box-horizontal and histogram. */
export function buildDistribution(spec: TemplateChartSpec, data: DistributionData): string {
  const draw: string[] = [];
  if (data.binEdges) {
    draw.push(
      'counts, edges, patches = ax.hist(samples, bins=bin_edges, color=colors[0], edgecolor="white")',
      'ax.set_xticks(bin_edges)',
      `ax.set_xlabel(${py(valueAxisLabel(data))})`,
      'ax.set_ylabel("Count")',
    );
    if (spec.style.dataLabels) {
      draw.push(
        'for left, right, count in zip(edges[:-1], edges[1:], counts):',
        `    ax.annotate("{:.0f}".format(count), ((left + right) / 2, count), textcoords="offset points", xytext=(0, 3), ha="center", fontsize=${spec.style.fontSize - 2})`,
      );
    }
  } else {
    const vertical = spec.minor === 'box-vertical';
    draw.push(
      `box = ax.boxplot(list(groups.values()), vert=${vertical ? 'True' : 'False'}, patch_artist=True, widths=0.5)`,
      'for patch, color in zip(box["boxes"], colors):',
      '    patch.set_facecolor(color)',
      '    patch.set_alpha(0.8)',
      `ax.set_${vertical ? 'x' : 'y'}ticklabels(list(groups.keys()))`,
      `ax.set_${vertical ? 'x' : 'y'}label(${py(capitalize(data.groupNoun))})`,
      `ax.set_${vertical ? 'y' : 'x'}label(${py(valueAxisLabel(data))})`,
    );
  }
  draw.push(`ax.set_title(${py(spec.title)})`);
  return (
    [
      IMPORTS,
      '',
      dataBlock(spec, data),
      '',
      styleBlock(spec.style),
      subplots(spec.style),
      ...draw,
      FINISH,
    ].join('\n') + '\n'
  );
}
