// A short text of what a viewer can see in a rendered chart, made from its FigureFacts: titles,
// axis labels, tick labels, legend entries, other visible texts (data labels, pie labels,
// annotations) and the kinds and sizes of the drawn series. The Q&A prompts show it next to the
// script so questions use names that are actually visible (METHOD.md §3, visibility checks).
// core cannot import the worker contract, so the facts are read leniently with zod.
import { z } from 'zod';

const textFact = z.object({
  role: z.string(),
  text: z.string(),
  axes: z.number().nullable().optional(),
});
const seriesFact = z.object({ kind: z.string(), count: z.number().optional() });
const axesFact = z.object({
  index: z.number().optional(),
  projection: z.string().optional(),
  title: z.string().optional(),
  xlabel: z.string().optional(),
  ylabel: z.string().optional(),
  xscale: z.string().optional(),
  yscale: z.string().optional(),
  xticklabels: z.array(z.string()).optional(),
  yticklabels: z.array(z.string()).optional(),
  legend: z.array(z.string()).nullable().optional(),
  series: z.array(seriesFact).optional(),
  isTwin: z.boolean().optional(),
  isColorbar: z.boolean().optional(),
});
const figureFacts = z.object({
  width: z.number().optional(),
  height: z.number().optional(),
  axes: z.array(axesFact).optional(),
  texts: z.array(textFact).optional(),
});
type FigureFactsView = z.infer<typeof figureFacts>;
type AxesView = z.infer<typeof axesFact>;
type TextView = z.infer<typeof textFact>;

/** Roles of texts that carry data a viewer reads (shown per axes besides titles and ticks). */
const CONTENT_ROLES = new Set(['annotation', 'text', 'label', 'table']);
/** Longest title or axis label shown, and longest item of a list (tick, legend entry, text). */
const MAX_LABEL_CHARS = 100;
const MAX_ITEM_CHARS = 40;

/** How many list items are shown; tightened step by step until the summary fits. */
interface Caps {
  ticks: number;
  texts: number;
}
const CAP_LEVELS: readonly Caps[] = [
  { ticks: 15, texts: 24 },
  { ticks: 8, texts: 12 },
  { ticks: 4, texts: 6 },
  { ticks: 2, texts: 3 },
];

function clean(text: string, max = MAX_LABEL_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const elements = (count: number): string => `${count} element${count === 1 ? '' : 's'}`;

function listOf(items: readonly string[], cap: number, quote = false): string {
  const shown = items
    .map((item) => clean(item, MAX_ITEM_CHARS))
    .filter(Boolean)
    .slice(0, cap)
    .map((item) => (quote ? `"${item}"` : item));
  const more = items.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` … (${items.length} in all)` : ''}`;
}

function seriesText(series: AxesView['series']): string {
  const byKind = new Map<string, number[]>();
  for (const item of series ?? []) {
    byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item.count ?? 0]);
  }
  return [...byKind]
    .map(([kind, counts]) => {
      const same = counts.every((count) => count === counts[0]);
      const first = counts[0] ?? 0;
      if (counts.length === 1) return `1 ${kind} (${elements(first)})`;
      const sizes = same ? `${elements(first)} each` : `${counts.join('/')} elements`;
      return `${counts.length} ${kind} (${sizes})`;
    })
    .join(', ');
}

function axesLine(axes: AxesView, position: number, texts: TextView[], caps: Caps): string {
  const number = (axes.index ?? position) + 1;
  const kind = axes.isColorbar ? 'colorbar' : (axes.projection ?? 'rectilinear');
  const parts: string[] = [];
  if (axes.isTwin) parts.push('twin of another axes');
  if (axes.title?.trim()) parts.push(`title "${clean(axes.title)}"`);
  if (axes.xlabel?.trim()) parts.push(`x label "${clean(axes.xlabel)}"`);
  if (axes.ylabel?.trim()) parts.push(`y label "${clean(axes.ylabel)}"`);
  const zlabel = texts.find((text) => text.role === 'zlabel');
  if (zlabel?.text.trim()) parts.push(`z label "${clean(zlabel.text)}"`);
  for (const [axis, scale] of [
    ['x', axes.xscale],
    ['y', axes.yscale],
  ] as const) {
    if (scale && scale !== 'linear') parts.push(`${axis} scale ${scale}`);
  }
  if (axes.xticklabels?.length) parts.push(`x ticks: ${listOf(axes.xticklabels, caps.ticks)}`);
  if (axes.yticklabels?.length) parts.push(`y ticks: ${listOf(axes.yticklabels, caps.ticks)}`);
  const zticks = texts.filter((text) => text.role === 'ztick').map((text) => text.text);
  if (zticks.length) parts.push(`z ticks: ${listOf(zticks, caps.ticks)}`);
  if (axes.legend?.length) parts.push(`legend: ${listOf(axes.legend, caps.texts)}`);
  const series = seriesText(axes.series);
  if (series) parts.push(`series: ${series}`);
  const content = texts.filter((text) => CONTENT_ROLES.has(text.role)).map((text) => text.text);
  if (content.length) parts.push(`texts: ${listOf(content, caps.texts, true)}`);
  if (parts.length === 0) parts.push('nothing visible');
  return `Axes ${number} (${kind}): ${parts.join('; ')}.`;
}

function render(facts: FigureFactsView, caps: Caps): string {
  const axes = facts.axes ?? [];
  const texts = facts.texts ?? [];
  const size = facts.width && facts.height ? `${facts.width}×${facts.height} px, ` : '';
  const lines = [`Figure: ${size}${axes.length} axes.`];
  const suptitles = texts.filter((text) => text.role === 'suptitle').map((text) => text.text);
  if (suptitles.length) lines.push(`Figure title: ${listOf(suptitles, 2, true)}`);
  const figureTexts = texts
    .filter((text) => (text.axes ?? null) === null && text.role !== 'suptitle')
    .map((text) => text.text);
  if (figureTexts.length) lines.push(`Figure texts: ${listOf(figureTexts, caps.texts, true)}`);
  axes.forEach((item, position) => {
    const index = item.index ?? position;
    const own = texts.filter((text) => text.axes === index);
    lines.push(axesLine(item, position, own, caps));
  });
  return lines.join('\n');
}

/** What a viewer can see in the figure, in at most `maxChars` characters. */
export function summarizeFacts(facts: unknown, maxChars = 1500): string {
  let value = facts;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return '(the figure facts could not be read)';
    }
  }
  const parsed = figureFacts.safeParse(value);
  if (!parsed.success) return '(the figure facts could not be read)';
  let text = '';
  for (const caps of CAP_LEVELS) {
    text = render(parsed.data, caps);
    if (text.length <= maxChars) return text;
  }
  return `${text.slice(0, Math.max(0, maxChars - 1))}…`;
}
