// The repair prompt (METHOD.md §2, S3): a standalone conversation that sends a failed script and
// its error back to the code-writer: "analyse, then return ONE complete fixed script". Kept short
// (the paper's repair calls averaged 500 prompt tokens): the traceback is cut to its last lines.
import type { MinorChartType } from '../../chart-types.ts';
import type { RuntimeFacts } from './runtime.ts';
import { runtimeSection } from './runtime.ts';
import { plottingNotesText } from './plotting-notes.ts';
import { CODE_WRITER_SYSTEM, chartTypeLabel, fencedPython } from './script-rules.ts';
import { taskLine, type PromptMessage } from './task.ts';

export interface RepairError {
  /** RenderErrorKind of the sandbox ("syntax", "runtime", "timeout", ...). */
  kind: string;
  message: string;
  /** 1-based line of the script, when known. */
  line: number | null;
  traceback: string | null;
}

export interface RepairInput {
  code: string;
  error: RepairError;
  minor: MinorChartType;
  runtime: RuntimeFacts;
  /** 1 for the first repair round. */
  round: number;
}

const TRACEBACK_LINES = 12;
const TRACEBACK_CHARS = 1200;

/** A hint per error kind: what usually fixes it. */
const KIND_HINTS: Record<string, string> = {
  syntax:
    'The script does not parse: check brackets, quotes, indentation and Python syntax newer than this runtime.',
  runtime:
    'The script raised an exception while drawing: check data lengths, names and the API of this matplotlib version.',
  timeout: 'The script took too long: use fewer points or samples and no heavy loops.',
  memory: 'The script ran out of memory: use smaller arrays and a smaller figure.',
  forbidden:
    'The script used something the sandbox forbids (files, processes, network, eval): remove it and hard-code the data.',
  'missing-package':
    'The script imports a package this runtime lacks: use only the importable packages listed below.',
  unsupported: 'The script uses an API that crashes this runtime: replace it as the message says.',
  'no-figure':
    'The script ran but drew nothing: draw on a matplotlib figure and end with plt.show().',
};

/** The last lines of a traceback, within the prompt budget. */
export function trimTraceback(traceback: string): string {
  const lines = traceback.replace(/\r\n/g, '\n').trimEnd().split('\n');
  let kept = lines.slice(-TRACEBACK_LINES).join('\n');
  if (kept.length > TRACEBACK_CHARS) kept = `…${kept.slice(-TRACEBACK_CHARS)}`;
  return kept;
}

function describeError(code: string, error: RepairError): string[] {
  const where = error.line !== null ? ` at line ${error.line}` : '';
  const out = [`Error (${error.kind})${where}: ${error.message}`];
  if (error.line !== null) {
    const source = code.replace(/\r\n/g, '\n').split('\n')[error.line - 1];
    if (source !== undefined && source.trim()) out.push(`Line ${error.line}: ${source.trim()}`);
  }
  if (error.traceback && error.traceback.trim()) {
    out.push('Traceback (last lines):', '```', trimTraceback(error.traceback), '```');
  }
  const hint = KIND_HINTS[error.kind];
  if (hint) out.push(hint);
  return out;
}

/** The whole repair conversation: system message and one user message. */
export function repairPrompt(input: RepairInput): PromptMessage[] {
  const user = [
    `This ${chartTypeLabel(input.minor)} chart script failed (repair round ${input.round}):`,
    fencedPython(input.code),
    '',
    ...describeError(input.code, input.error),
    '',
    runtimeSection(input.runtime),
    '',
    `Plotting notes for a ${chartTypeLabel(input.minor)} chart:`,
    plottingNotesText(input.minor),
    '',
    'First explain the cause in one or two sentences. Then return ONE complete, fixed script in a single ```python code block (the whole script, not a diff). Keep the data, title and design; change only what the fix needs.',
    taskLine({ task: 'repair', minor: input.minor }),
  ].join('\n');
  return [
    { role: 'system', content: CODE_WRITER_SYSTEM },
    { role: 'user', content: user },
  ];
}
