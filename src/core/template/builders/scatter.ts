// Scatter charts: plain, with a fitted line, and bubbles.
import type { PointsData, TemplateChartSpec } from '../spec.ts';
import { legendLine } from './categorical-common.ts';
import { FINISH, IMPORTS, py, pyDict, styleBlock, subplots } from './python-literal.ts';

/** Builds scatter-plain, scatter-fitted and scatter-bubble. */
export function buildScatter(spec: TemplateChartSpec, data: PointsData): string {
  const block = [
    `# ${data.yLabel} against ${data.xLabel}`,
    pyDict(
      'points',
      data.series.map((s) => [
        s.name,
        s.sizes ? { x: s.x, y: s.y, size: s.sizes } : { x: s.x, y: s.y },
      ]),
    ),
    `colors = ${py(spec.style.palette.map((c) => c.hex))}`,
  ].join('\n');
  const draw = ['for i, (name, p) in enumerate(points.items()):'];
  if (spec.minor === 'scatter-bubble') {
    draw.push(
      '    ax.scatter(p["x"], p["y"], s=p["size"], color=colors[i], alpha=0.6, edgecolors="black", linewidths=0.5, label=name)',
    );
  } else {
    draw.push('    ax.scatter(p["x"], p["y"], color=colors[i], s=36, label=name)');
  }
  if (spec.minor === 'scatter-fitted') {
    draw.push(
      '    slope, intercept = np.polyfit(p["x"], p["y"], 1)',
      '    xs = np.linspace(min(p["x"]), max(p["x"]), 50)',
      '    ax.plot(xs, slope * xs + intercept, color=colors[i + 1], linewidth=2, label="Fitted line")',
    );
  }
  draw.push(
    `ax.set_xlabel(${py(data.xLabel)})`,
    `ax.set_ylabel(${py(data.yLabel)})`,
    `ax.set_title(${py(spec.title)})`,
  );
  if (data.series.length > 1 || spec.minor === 'scatter-fitted')
    draw.push(legendLine(spec, 'series'));
  return (
    [IMPORTS, '', block, '', styleBlock(spec.style), subplots(spec.style), ...draw, FINISH].join(
      '\n',
    ) + '\n'
  );
}
