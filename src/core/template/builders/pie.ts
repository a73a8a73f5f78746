// Pie charts: plain, donut, sector (one wedge pulled out) and ring (two nested rings).
import type { CategoricalData, TemplateChartSpec } from '../spec.ts';
import { capitalize, categoricalDataBlock } from './categorical-common.ts';
import { FINISH, IMPORTS, py, styleBlock, subplots } from './python-literal.ts';

/** Builds pie-plain, pie-donut, pie-sector and pie-ring. */
export function buildPie(spec: TemplateChartSpec, data: CategoricalData): string {
  const labelSize = spec.style.fontSize - 1;
  const autopct = spec.style.dataLabels ? ', autopct=lambda p: label_format.format(p) + "%"' : '';
  const textprops = `, textprops={"fontsize": ${labelSize}}`;
  const draw: string[] = [];
  const first = data.series[0]?.name ?? '';
  // The inner ring is drawn lighter so the two rings read apart; hues (and names) stay the same.
  if (spec.minor === 'pie-ring') {
    const second = data.series[1]?.name ?? '';
    draw.push(
      `outer, inner = series[${py(first)}], series[${py(second)}]`,
      `ax.pie(outer, radius=1.0, colors=colors[:len(categories)], startangle=90, counterclock=False, pctdistance=0.85, wedgeprops={"width": 0.3, "edgecolor": "white"}${autopct}${textprops})`,
      `ax.pie(inner, radius=0.7, colors=colors[:len(categories)], startangle=90, counterclock=False, pctdistance=0.75, wedgeprops={"width": 0.3, "edgecolor": "white", "alpha": 0.7}${autopct}${textprops})`,
      `ax.text(0, 0, ${py(`Outer: ${first}\nInner: ${second}`)}, ha="center", va="center", fontsize=${labelSize})`,
    );
  } else {
    const extra =
      spec.minor === 'pie-donut'
        ? ', wedgeprops={"width": 0.4, "edgecolor": "white"}, pctdistance=0.8'
        : spec.minor === 'pie-sector'
          ? ', explode=[0.12 if i == 0 else 0 for i in range(len(categories))], shadow=False'
          : '';
    draw.push(
      `shares = series[${py(first)}]`,
      `ax.pie(shares, colors=colors[:len(categories)], startangle=90, counterclock=False${extra}${autopct}${textprops})`,
    );
  }
  draw.push(
    'ax.axis("equal")',
    `ax.set_title(${py(spec.title)})`,
    `ax.legend(categories, loc="center left", bbox_to_anchor=(1.0, 0.5), title=${py(capitalize(data.categoryNoun))}, fontsize=${spec.style.fontSize - 1})`,
  );
  return (
    [
      IMPORTS,
      '',
      categoricalDataBlock(spec, data),
      '',
      styleBlock(spec.style),
      subplots(spec.style),
      ...draw,
      FINISH,
    ].join('\n') + '\n'
  );
}
