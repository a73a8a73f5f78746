// The dataset card (README.md of an archive): what is in it, in Markdown tables. User text
// (names, descriptions, topics, finding kinds) is escaped so it cannot inject Markdown or HTML.
import type { DatasetRecord } from '../dataset/records.ts';
import { REJECTED_IMAGES_DIR } from './archive-format.ts';
import type { DatasetStats, Tally } from './dataset-stats.ts';
import type { ExportFormat } from './options.ts';

/** Escapes Markdown and HTML metacharacters so user text reads as plain text. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_{}[\]#!|~]/g, (char) => `\\${char}`)
      .replace(/\r?\n/g, ' ')
      // A leading "-", "+" or "1." would start a list in a paragraph.
      .replace(/^(\s*)([-+]|\d+\.)/, (_match, space: string, mark: string) =>
        mark.endsWith('.') ? `${space}${mark.slice(0, -1)}\\.` : `${space}\\${mark}`,
      )
  );
}

function table(heading: string, tally: Tally, total: number): string[] {
  const rows = Object.entries(tally).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (rows.length === 0) return [`### ${heading}`, '', 'None.', ''];
  return [
    `### ${heading}`,
    '',
    '| | Count | Share |',
    '|---|---:|---:|',
    ...rows.map(([key, value]) => {
      const share = total > 0 ? `${((100 * value) / total).toFixed(1)}%` : '–';
      return `| ${escapeMarkdown(key)} | ${value} | ${share} |`;
    }),
    '',
  ];
}

const FORMAT_FILES: Record<ExportFormat, string> = {
  native:
    '`manifest.json`, `charts.jsonl`, `qa.jsonl`, `recipe.json`, `images/`, `code/` (re-imports into CIT Studio)',
  llava: '`llava.json` (LLaVA conversations)',
  sharegpt: '`sharegpt.json` + `dataset_info.json` (ShareGPT / LLaMA-Factory)',
  imagefolder: '`metadata.jsonl` (Hugging Face imagefolder, one row per image)',
};

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Says what the counts leave out: charts the pipeline rejected and Q&A it dropped. */
function excludedNote(stats: DatasetStats, formats: readonly ExportFormat[]): string[] {
  if (stats.excludedCharts === 0 && stats.excludedQa === 0) return [];
  const what = [
    stats.excludedCharts > 0 ? plural(stats.excludedCharts, 'chart', 'charts') : null,
    stats.excludedQa > 0
      ? plural(stats.excludedQa, 'question and answer', 'questions and answers')
      : null,
  ]
    .filter((part) => part !== null)
    .join(' and ');
  const where = formats.includes('native')
    ? `They are not in the training formats; the native archive keeps them with their reasons (field \`rejection\` in \`charts.jsonl\` and \`qa.jsonl\`, images under \`${REJECTED_IMAGES_DIR}/\`), so they can be restored after import.`
    : 'They are not in this export.';
  return [
    `Not counted: ${what} that the CIT pipeline set aside (rejected charts with their questions, dropped questions). ${where}`,
    '',
  ];
}

export interface CardInput {
  dataset: DatasetRecord;
  stats: DatasetStats;
  formats: readonly ExportFormat[];
  appVersion: string;
  schemaVersion: number;
}

/** The README.md of an export. */
export function writeDatasetCard(input: CardInput): string {
  const { dataset, stats } = input;
  const lines = [
    `# ${escapeMarkdown(dataset.name)}`,
    '',
    escapeMarkdown(dataset.description) || 'No description.',
    '',
    `A chart question-answering dataset made with CIT Studio ${escapeMarkdown(input.appVersion)} (record schema ${input.schemaVersion}).`,
    '',
    '## Contents',
    '',
    '| | Count |',
    '|---|---:|',
    `| Charts | ${stats.charts} |`,
    `| Questions and answers | ${stats.qa} |`,
    `| Image bytes | ${stats.imageBytes} |`,
    '',
    ...excludedNote(stats, input.formats),
    '## Files',
    '',
    ...input.formats.map((format) => `- ${FORMAT_FILES[format]}`),
    '',
    '## Distributions',
    '',
    ...table('Charts per major type', stats.byMajor, stats.charts),
    ...table('Charts per minor type', stats.byMinor, stats.charts),
    ...table('Charts per level', stats.byLevel, stats.charts),
    ...table('Charts per topic', stats.byTopic, stats.charts),
    ...table('Charts per review status', stats.byChartReview, stats.charts),
    ...table('Questions per kind', stats.byQaKind, stats.qa),
    ...table('Questions per verification status', stats.byVerification, stats.qa),
    ...table('Layout findings per kind', stats.byFinding, stats.charts),
    ...table('Charts per runtime', stats.byRuntime, stats.charts),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
