// Node/graph charts drawn with plain matplotlib on a circular layout (deterministic, and no
// networkx needed on the runtime).
import type { GraphData, TemplateChartSpec } from '../spec.ts';
import { FINISH, IMPORTS, py, styleBlock, subplots } from './python-literal.ts';

/** Builds graph-directed and graph-undirected. */
export function buildGraph(spec: TemplateChartSpec, data: GraphData): string {
  const block = [
    `# ${data.directed ? 'Directed' : 'Undirected'} links between ${data.nodeNoun} nodes`,
    `nodes = ${py(data.nodes)}`,
    `edges = ${py(data.edges)}`,
    `colors = ${py(spec.style.palette.map((c) => c.hex))}`,
  ].join('\n');
  const arrow = data.directed ? '"-|>"' : '"-"';
  const draw = [
    'angles = np.linspace(0, 2 * np.pi, len(nodes), endpoint=False) + np.pi / 2',
    'position = {name: (np.cos(a), np.sin(a)) for name, a in zip(nodes, angles)}',
    'for source, target in edges:',
    `    ax.annotate("", xy=position[target], xytext=position[source], arrowprops={"arrowstyle": ${arrow}, "color": "#555555", "linewidth": 1.5, "shrinkA": 18, "shrinkB": 18, "mutation_scale": 18})`,
    'for i, name in enumerate(nodes):',
    '    x, y = position[name]',
    '    ax.scatter([x], [y], s=900, color=colors[i % len(colors)], zorder=3, edgecolors="white")',
    `    ax.text(x * 1.28, y * 1.22, name, ha="center", va="center", fontsize=${spec.style.fontSize})`,
    'ax.set_xlim(-1.6, 1.6)',
    'ax.set_ylim(-1.5, 1.5)',
    'ax.set_aspect("equal")',
    'ax.axis("off")',
    `ax.set_title(${py(spec.title)})`,
  ];
  return (
    [IMPORTS, '', block, '', styleBlock(spec.style), subplots(spec.style), ...draw, FINISH].join(
      '\n',
    ) + '\n'
  );
}
