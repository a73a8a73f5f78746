// Turns a chart spec into a matplotlib script (matplotlib 3.3 and 3.6 alike: no bar_label, no
// APIs newer than 3.3), with the data as Python literals at the top.
import type { TemplateChartSpec } from '../spec.ts';
import { buildBar } from './bar.ts';
import { buildBar3d } from './bar3d.ts';
import { buildDistribution } from './distribution.ts';
import { buildGraph } from './graph.ts';
import { buildLineOrArea } from './line-area.ts';
import { buildPie } from './pie.ts';
import { buildRadarOrRose } from './radar-rose.ts';
import { buildScatter } from './scatter.ts';
import { buildSpecific } from './specific.ts';

/** The script that draws the spec. Throws when the spec's data does not fit its chart type. */
export function buildChartCode(spec: TemplateChartSpec): string {
  const { data, major, minor } = spec;
  if (data.kind === 'graph') return buildGraph(spec, data);
  if (data.kind === 'points') return buildScatter(spec, data);
  if (data.kind === 'distribution') return buildDistribution(spec, data);
  if (major === 'line' || major === 'area') return buildLineOrArea(spec, data);
  if (major === 'bar') return buildBar(spec, data);
  if (major === 'bar3d') return buildBar3d(spec, data);
  if (major === 'pie') return buildPie(spec, data);
  if (major === 'radar' || minor === 'rose') return buildRadarOrRose(spec, data);
  if (major === 'specific') return buildSpecific(spec, data);
  throw new Error(`no builder for ${minor} with ${data.kind} data`);
}
