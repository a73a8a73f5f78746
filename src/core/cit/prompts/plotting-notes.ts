// Per-chart-type plotting notes for the code-writer prompts (METHOD.md §2, S1: "following
// per-chart-type plotting notes"). Each line names the matplotlib API to use and how to keep the
// chart readable. Every line must hold on matplotlib 3.3 (the offline runtime) and on 3.6+, so
// notes avoid ax.bar_label (3.4), layout= (3.5), legend(ncols=) (3.6) and boxplot(tick_labels=)
// (3.9), and prefer APIs that exist across those versions.
import type { MinorChartType } from '../../chart-types.ts';

const VALUE_LABELS_ON_BARS =
  "Write values with ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height(), '{:,}'.format(v), ha='center', va='bottom') for each bar (ax.bar_label is missing on matplotlib 3.3).";
const LONG_CATEGORY_LABELS =
  "Long category names: plt.setp(ax.get_xticklabels(), rotation=30, ha='right') or wrap them with '\\n'.";
const PIE_EQUAL = "Call ax.axis('equal') so the pie is round; start at startangle=90.";
const PIE_LEGEND =
  "More than 5 slices or long names: legend outside, ax.legend(wedges, labels, loc='center left', bbox_to_anchor=(1.0, 0.5)).";
const BAR3D_AXES =
  "fig.add_subplot(111, projection='3d') after 'from mpl_toolkits.mplot3d import Axes3D  # noqa: F401' (needed on older matplotlib).";
const BAR3D_TICKS =
  'Label categories with ax.set_xticks(positions) and ax.set_xticklabels(names) (bar centres are x + dx / 2), ax.set_zlabel for the value axis with its unit.';
const BAR3D_VIEW =
  'Choose ax.view_init(elev=20, azim=-60) so front bars do not hide back ones; keep to about 4–6 × 3–5 bars and put the tallest row at the back.';
const GRAPH_LAYOUT =
  'Layout with pos = nx.spring_layout(G, seed=7), nx.circular_layout(G) or nx.shell_layout(G) (never kamada_kawai_layout: it crashes the offline runtime).';
const GRAPH_DRAW =
  "Draw nodes, edges and labels separately (nx.draw_networkx_nodes / _edges / _labels with ax=ax), node_size about 1500–3000, then ax.axis('off').";
const GRAPH_LEGEND =
  'Colour nodes by group and explain the colours with a legend of matplotlib.patches.Patch handles.';
const RADAR_ANGLES =
  'angles = np.linspace(0, 2 * np.pi, n, endpoint=False); close each series by appending its first value (and angle) before ax.plot.';
const RADAR_AXES =
  'Polar axes: fig, ax = plt.subplots(subplot_kw=dict(polar=True)); ax.set_theta_offset(np.pi / 2); ax.set_theta_direction(-1); ax.set_xticks(angles); ax.set_xticklabels(names).';
const RADAR_SCALE =
  "Fix the radial range with ax.set_ylim(0, max) and a few ax.set_yticks rings; put the legend outside: loc='upper right', bbox_to_anchor=(1.3, 1.1).";
const BOX_DATA =
  'Samples: hard-coded lists, or rng = np.random.default_rng(<fixed seed>) with rng.normal(mean, sd, n) per group (30–200 values).';
const BOX_PATCHES =
  "Colour boxes with patch_artist=True and set_facecolor on each of result['boxes']; show means with showmeans=True if useful.";
const SCATTER_GROUPS =
  "One ax.scatter call per group with label= gives a legend entry per group; use alpha=0.7 and edgecolors='white' so overlapping points stay visible.";

/** 3–6 concrete lines per minor chart type. */
export const PLOTTING_NOTES: Record<MinorChartType, string[]> = {
  'line-plain': [
    "ax.plot(x, y, marker='o', linewidth=2, label=name) per series; 2–5 series with distinct colours and a legend.",
    'Years or dates on x: ax.set_xticks(years) so ticks are whole years (no 2015.5).',
    'Light grid: ax.grid(True, alpha=0.3); start the y-axis at 0 unless the values sit in a narrow band far from it.',
    LONG_CATEGORY_LABELS,
  ],
  'line-data-labels': [
    "ax.plot(x, y, marker='o', label=name) and label every point with ax.annotate('{:.1f}'.format(v), (xi, yi), textcoords='offset points', xytext=(0, 7), ha='center', fontsize=8).",
    'At most 2–3 series and 12 points each, so labels stay readable.',
    "Where series run close, put one series' labels above (xytext=(0, 7)) and the other's below (xytext=(0, -12)).",
    'Leave headroom for the top labels: ax.set_ylim(bottom, top * 1.1).',
  ],
  'line-error-bars': [
    "ax.errorbar(x, y, yerr=err, fmt='-o', capsize=4, elinewidth=1, label=name) per series; err may be a list or [lower, upper].",
    "With several series, shift each series' x by a small offset (x + 0.1 * i) so the error bars do not sit on top of each other.",
    "Say what the bars mean in the axis label or a note, e.g. '(mean ± 1 SD)'.",
    'Keep to 2–4 series and 5–12 points.',
  ],
  'pie-plain': [
    "wedges, texts, autotexts = ax.pie(values, labels=names, autopct='%1.1f%%', colors=colors, startangle=90).",
    PIE_EQUAL,
    "4–8 slices; merge tiny shares (< 3%) into 'Other' so labels do not collide.",
    PIE_LEGEND,
  ],
  'pie-donut': [
    "ax.pie(values, labels=names, autopct='%1.1f%%', pctdistance=0.82, startangle=90, wedgeprops=dict(width=0.35, edgecolor='white')).",
    "Put a total or headline in the hole: ax.text(0, 0, 'Total\\n12,400', ha='center', va='center').",
    PIE_EQUAL,
    PIE_LEGEND,
  ],
  'pie-sector': [
    'A pie with one or two highlighted sectors pulled out: ax.pie(values, explode=[0.1 if i == k else 0 for i in range(n)], labels=names, autopct=...).',
    'Optional shadow=True; label distance labeldistance=1.1 keeps names clear of the pulled sector.',
    PIE_EQUAL,
    'Say in the title or an annotation why the pulled sector matters.',
  ],
  'pie-ring': [
    "Two or three concentric rings (nested donuts): ax.pie(outer, radius=1.0, wedgeprops=dict(width=0.3, edgecolor='white')) then ax.pie(inner, radius=0.7, wedgeprops=dict(width=0.3, edgecolor='white')).",
    'Inner ring: a breakdown of the outer categories (or the same categories in another year); use related colours (shades of one hue per parent).',
    'Percentages inside the rings with autopct and pctdistance about 0.85; explain which ring is which with ax.text(0, 0, ...) or the legend.',
    PIE_EQUAL,
  ],
  'bar-plain': [
    'ax.bar(x, values, color=..., edgecolor=...) with 4–12 categories; for groups use x = np.arange(n), width = 0.8 / k and ax.bar(x + (i - (k - 1) / 2) * width, ...) per series.',
    'Grouped bars: ax.set_xticks(x) and ax.set_xticklabels(names); a legend for the series.',
    LONG_CATEGORY_LABELS,
    'Value axis from 0 with its unit in the label.',
  ],
  'bar-data-labels': [
    'bars = ax.bar(names, values) and a value label on every bar.',
    VALUE_LABELS_ON_BARS,
    'Leave headroom: ax.set_ylim(0, max(values) * 1.15); use fontsize=8–9 for labels.',
    LONG_CATEGORY_LABELS,
  ],
  'bar-stacked': [
    'Stack with bottom=: bottom = np.zeros(n); for each series ax.bar(names, v, bottom=bottom, label=s); bottom += np.array(v).',
    "2–5 series, a legend in the order of the stack (loc='upper left', bbox_to_anchor=(1.02, 1) if it crowds the bars).",
    "Optionally write each bar's total above it with ax.text(i, total, ..., ha='center', va='bottom').",
    LONG_CATEGORY_LABELS,
  ],
  'bar-percentage': [
    'Normalise each category to 100%: share = values / values.sum(axis=0) * 100, then stack with bottom= as for stacked bars.',
    "Set ax.set_ylim(0, 100) and label the axis 'Share (%)'.",
    "Write the share inside each segment with ax.text(x, bottom + h / 2, '{:.0f}%'.format(h), ha='center', va='center') when h ≥ 5.",
    "Legend outside the axes: loc='upper left', bbox_to_anchor=(1.02, 1).",
  ],
  'bar-horizontal': [
    'ax.barh(names, values) with 5–15 categories; sort by value and call ax.invert_yaxis() so the largest is on top.',
    "Value labels at the bar ends: ax.text(v + pad, i, '{:,}'.format(v), va='center').",
    'Extend the x range for those labels: ax.set_xlim(0, max(values) * 1.15).',
    'Long names fit on the y axis; widen the figure (figsize=(10, 7)) rather than shrinking text.',
  ],
  'bar3d-plain': [
    BAR3D_AXES,
    'ax.bar3d(x, y, np.zeros(n), dx, dy, heights, color=colors, shade=True) with flat arrays of positions; dx = dy = 0.5.',
    BAR3D_TICKS,
    BAR3D_VIEW,
  ],
  'bar3d-stacked': [
    BAR3D_AXES,
    'Stack layers with the z argument: for each layer ax.bar3d(x, y, base, dx, dy, h, color=layer_color); base += h.',
    BAR3D_TICKS,
    'Legend of the layers with matplotlib.patches.Patch handles (bar3d has no legend labels).',
    BAR3D_VIEW,
  ],
  'bar3d-percentage': [
    BAR3D_AXES,
    'Normalise each column to 100% (values / column total * 100) and stack the layers with the z argument as base.',
    "ax.set_zlim(0, 100) and a z label 'Share (%)'.",
    BAR3D_TICKS,
    'Legend of the layers with matplotlib.patches.Patch handles.',
  ],
  'graph-directed': [
    'G = nx.DiGraph(); G.add_edge(source, target, weight=w) for 6–15 nodes.',
    GRAPH_LAYOUT,
    "Arrows: nx.draw_networkx_edges(G, pos, ax=ax, arrows=True, arrowstyle='-|>', arrowsize=18, node_size=same as nodes); for edges in both directions add connectionstyle='arc3,rad=0.1'.",
    'Edge weights as labels: nx.draw_networkx_edge_labels(G, pos, edge_labels=..., font_size=8, ax=ax).',
    GRAPH_DRAW,
  ],
  'graph-undirected': [
    'G = nx.Graph(); G.add_edge(a, b, weight=w) for 6–15 nodes.',
    GRAPH_LAYOUT,
    GRAPH_DRAW,
    'Show weights with edge width (width=[w / k for ...]) and/or nx.draw_networkx_edge_labels(..., font_size=8).',
    GRAPH_LEGEND,
  ],
  'radar-plain': [
    RADAR_ANGLES,
    RADAR_AXES,
    "ax.plot(angles_closed, values_closed, 'o-', linewidth=2, label=name) for 2–4 series over 5–8 axes.",
    RADAR_SCALE,
  ],
  'radar-filled': [
    RADAR_ANGLES,
    RADAR_AXES,
    'ax.plot(...) the outline, then ax.fill(angles_closed, values_closed, alpha=0.25) in the same colour; 2–3 series so fills stay readable.',
    RADAR_SCALE,
  ],
  'area-plain': [
    'ax.fill_between(x, y, alpha=0.4, color=c) and ax.plot(x, y, color=c) for its edge; 1–3 series, each with label= for the legend.',
    'With several series draw the largest first and use alpha 0.3–0.4 so overlaps stay visible.',
    'ax.set_ylim(bottom=0); whole-number years as ticks with ax.set_xticks(years).',
    "Mark a notable point with ax.annotate(..., arrowprops=dict(arrowstyle='->')).",
  ],
  'area-stacked': [
    'ax.stackplot(x, series_1, series_2, ..., labels=names, colors=colors, alpha=0.85) with 3–6 series.',
    "Legend in the stack's order (loc='upper left'; outside with bbox_to_anchor=(1.02, 1) if it covers data).",
    'ax.set_ylim(bottom=0) and ax.set_xlim(x[0], x[-1]) so the areas fill the axes.',
    'Whole-number years as ticks with ax.set_xticks(years).',
  ],
  'box-vertical': [
    BOX_DATA,
    'result = ax.boxplot(samples, patch_artist=True) then ax.set_xticks(range(1, n + 1)) and ax.set_xticklabels(names) (labels= is deprecated in new matplotlib).',
    BOX_PATCHES,
    'Value axis label with its unit; 3–8 groups.',
  ],
  'box-horizontal': [
    BOX_DATA,
    'result = ax.boxplot(samples, vert=False, patch_artist=True) then ax.set_yticks(range(1, n + 1)) and ax.set_yticklabels(names).',
    BOX_PATCHES,
    'Value axis (x) label with its unit; 3–8 groups.',
  ],
  'scatter-plain': [
    'ax.scatter(x, y, s=40, c=color, label=group) with 15–80 hard-coded points (or a seeded rng).',
    SCATTER_GROUPS,
    "Label a few notable points with ax.annotate(name, (x, y), xytext=(5, 5), textcoords='offset points', fontsize=8).",
    'Both axes labelled with units.',
  ],
  'scatter-fitted': [
    "Scatter the points, then fit: coef = np.polyfit(x, y, deg); xs = np.linspace(min(x), max(x), 200); ax.plot(xs, np.polyval(coef, xs), label='fit').",
    'For a non-polynomial model use scipy.optimize.curve_fit (never scipy.optimize.minimize: it crashes the offline runtime).',
    "Show the fitted equation and R² in the legend or with ax.text(0.05, 0.95, ..., transform=ax.transAxes, va='top').",
    SCATTER_GROUPS,
  ],
  'scatter-bubble': [
    "Bubbles: ax.scatter(x, y, s=sizes, alpha=0.6, edgecolors='black') where s is an area in points², scaled to about 50–2000.",
    "Size legend: a few proxy ax.scatter([], [], s=v, color='gray', label=...) handles, ax.legend(labelspacing=1.5, title=...).",
    "3D variant: ax = fig.add_subplot(111, projection='3d') (import Axes3D first) and ax.scatter(x, y, z, c=..., s=...); label all three axes.",
    "Label each bubble (10–25 of them) with ax.text(x, y, name, ha='center', fontsize=8) only where they do not overlap.",
  ],
  heatmap: [
    "im = ax.imshow(matrix, cmap='YlOrRd', aspect='auto') and fig.colorbar(im, ax=ax, label=...); no seaborn.",
    "ax.set_xticks(np.arange(cols)); ax.set_xticklabels(col_names, rotation=45, ha='right'); likewise for rows.",
    "Write each value in its cell with ax.text(j, i, '{:.1f}'.format(v), ha='center', va='center', color='white' if v > threshold else 'black', fontsize=8).",
    'Keep to about 4–12 rows and columns so the cell values stay readable.',
  ],
  rose: [
    'Polar bars: fig, ax = plt.subplots(subplot_kw=dict(polar=True)); theta = np.linspace(0, 2 * np.pi, n, endpoint=False); ax.bar(theta, values, width=2 * np.pi / n * 0.9, bottom=0).',
    "Compass order: ax.set_theta_zero_location('N'); ax.set_theta_direction(-1); ax.set_xticks(theta); ax.set_xticklabels(names).",
    'Stack classes with bottom= as in a stacked bar, with a legend outside: bbox_to_anchor=(1.2, 1.1).',
    'ax.set_rlabel_position(22.5) keeps radial tick labels off the petals.',
  ],
  funnel: [
    'Stages top to bottom with centred bars: ax.barh(y, widths, left=-np.array(widths) / 2, color=colors), then ax.invert_yaxis().',
    "Or trapezoids with matplotlib.patches.Polygon per stage; either way hide the x axis (ax.set_xticks([]) or ax.axis('off')).",
    "Label each stage with its name, value and conversion from the previous stage, e.g. ax.text(0, y, 'Leads\\n5,200 (64%)', ha='center', va='center').",
    '4–7 stages with strictly decreasing values.',
  ],
  waterfall: [
    'Bars start where the running total was: bottom = previous total for increases, previous total - |change| for decreases; ax.bar(names, np.abs(changes), bottom=bottoms).',
    'Colours: green increases, red decreases, grey/blue for the start and final totals; a legend of Patch handles explains them.',
    "Connector lines between bar tops: ax.plot([i + 0.4, i + 0.6], [total, total], color='gray', linewidth=0.8).",
    "Label each bar with its signed change ('+120', '-45') and the totals with their value.",
    LONG_CATEGORY_LABELS,
  ],
  histogram: [
    'Samples from rng = np.random.default_rng(<fixed seed>) (e.g. rng.normal, rng.lognormal) or hard-coded values, 100–2000 of them.',
    "ax.hist(data, bins=bin_edges, edgecolor='white', color=c) with explicit bin edges so counts are easy to read.",
    "Two groups: histtype='stepfilled', alpha=0.5 each, with labels and a legend.",
    "Mark the mean or median with ax.axvline(m, linestyle='--') and say its value in the legend label.",
  ],
  treemap: [
    "import squarify; sort sizes in descending order; squarify.plot(sizes=sizes, label=labels, color=colors, ax=ax, pad=True, text_kwargs={'fontsize': 9}); ax.axis('off').",
    "Without squarify: lay out rectangles yourself (matplotlib.patches.Rectangle) and write labels with ax.text at each rectangle's centre.",
    "Labels carry name and value ('Cloud\\n$320M'); leave the smallest tiles unlabelled or shorten their labels rather than letting text spill over.",
    '6–15 tiles with clearly different sizes and distinct colours.',
  ],
};

/** The notes for one type, as bullet lines. */
export function plottingNotesText(minor: MinorChartType): string {
  return PLOTTING_NOTES[minor].map((line) => `- ${line}`).join('\n');
}
