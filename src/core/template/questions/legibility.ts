// What a reader can tell from a chart: which values are written on it, and which differences are
// big enough to see without labels. Question templates ask only what passes these checks.
import type { CategoricalData, TemplateChartSpec } from '../spec.ts';

/** True when every value is written on the chart (data labels). */
export function valuesLabelled(spec: TemplateChartSpec): boolean {
  return spec.style.dataLabels;
}

const STACKED = new Set([
  'bar-stacked',
  'bar-percentage',
  'area-stacked',
  'bar3d-stacked',
  'bar3d-percentage',
]);

/** True when the series' segments are stacked on others (not on a shared baseline). */
export function isStacked(spec: TemplateChartSpec): boolean {
  return STACKED.has(spec.minor);
}

/** Smallest difference a reader can see between two values of this chart without labels. */
export function visibleGap(spec: TemplateChartSpec, data: CategoricalData): number {
  const largest = Math.max(...data.series.flatMap((s) => s.values.map(Math.abs)));
  const hard =
    spec.major === 'bar3d' ||
    spec.major === 'radar' ||
    spec.minor === 'rose' ||
    spec.major === 'pie';
  return largest * (hard ? 0.08 : 0.04);
}

/**
 * The gap two values of series `index` must have for a comparison question, or null when the
 * series cannot be compared by eye at all (stacked upper segments, heatmap colours, treemap areas).
 */
export function comparisonGap(
  spec: TemplateChartSpec,
  data: CategoricalData,
  index: number,
): number | null {
  if (valuesLabelled(spec)) return 1e-9;
  if (spec.minor === 'waterfall') return null;
  if (isStacked(spec) && index > 0) return null;
  // Colours on a colour scale and rectangle areas need a much larger difference to be sure.
  if (spec.minor === 'heatmap' || spec.minor === 'treemap') return visibleGap(spec, data) * 4;
  return visibleGap(spec, data);
}

/** Minor types whose colours tell series apart (through a legend). */
export function coloursNameSeries(spec: TemplateChartSpec): boolean {
  return (
    ['line', 'area', 'bar', 'bar3d', 'radar'].includes(spec.major) &&
    spec.data.kind === 'categorical' &&
    spec.data.series.length > 1
  );
}

/** Minor types whose colours tell categories apart (wedges, petals, stages). */
export function coloursNameCategories(spec: TemplateChartSpec): boolean {
  return spec.major === 'pie' || spec.minor === 'rose' || spec.minor === 'funnel';
}
