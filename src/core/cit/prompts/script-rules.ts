// Wording shared by the code-writer prompts (Self-Instruct, Evol-Instruct, repair): who the model
// is, the rules every chart script follows, and how the reply must be shaped so that the 10–150
// line filter (parse/code-block.ts) can keep it.
import { findMinorChartType, type MinorChartType } from '../../chart-types.ts';
import { plottingNotesText } from './plotting-notes.ts';
import { runtimeSection, type RuntimeFacts } from './runtime.ts';

export const CODE_WRITER_SYSTEM =
  'You are a data-visualisation engineer who writes self-contained Python matplotlib scripts. ' +
  'Each script hard-codes a realistic data set and draws one clear chart that a reader ' +
  'understands from the picture alone: titles, axis labels with units and legends are present, ' +
  'the values that matter are readable, and no text overlaps other text or the data.';

/** Rules for every script, whatever its type. */
export const SCRIPT_RULES: readonly string[] = [
  'Hard-code all data in lists or dicts near the top (no files, no network, no input()); for random samples use rng = np.random.default_rng(<a fixed seed>).',
  'Use realistic, varied numbers (not round numbers or simple progressions) and names that fit the story.',
  'Create the figure with plt.subplots(..., figsize=(w, h)), w 8–14 and h 6–9 inches; finish with plt.tight_layout() and plt.show().',
  "Avoid overlaps: rotate long tick labels (rotation=30, ha='right'), wrap long names with '\\n', move a crowded legend outside (loc='upper left', bbox_to_anchor=(1.02, 1)); fonts of at least 8 pt.",
  "Only matplotlib's own styles (no plt.style names starting with 'seaborn'); distinct colours per series.",
];

/** "Stacked bar (bar-stacked)". */
export function chartTypeLabel(minor: MinorChartType): string {
  const name = findMinorChartType(minor)?.name ?? minor;
  return `${name} (${minor})`;
}

/** The runtime, the type's plotting notes and the general rules, as one block of the prompt. */
export function writingGuide(minor: MinorChartType, runtime: RuntimeFacts): string {
  return [
    runtimeSection(runtime),
    '',
    `Plotting notes for a ${chartTypeLabel(minor)} chart:`,
    plottingNotesText(minor),
    '',
    'Rules for every script:',
    SCRIPT_RULES.map((rule) => `- ${rule}`).join('\n'),
  ].join('\n');
}

/** How the reply must be shaped (the post-filter of METHOD.md §2). */
export function codeReplyRule(lines: { min: number; max: number }): string {
  return (
    `Reply with exactly one \`\`\`python code block holding the complete script ` +
    `(${lines.min}–${lines.max} lines); no other code blocks.`
  );
}

/** A script inside a fence, for quoting in a prompt. */
export function fencedPython(code: string): string {
  return `\`\`\`python\n${code.replace(/\r\n/g, '\n').trim()}\n\`\`\``;
}
