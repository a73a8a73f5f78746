// The runtime section of the code-writer prompts: the Python, numpy and matplotlib versions that
// will run the script and what it may import (METHOD.md §2, issue 5: "the prompt states the
// running Python/numpy/matplotlib versions and the importable packages"). The pipeline fills
// RuntimeFacts from the sandbox's RuntimeInfo and its prompt notes.

/** What the code-writer is told about the runtime. */
export interface RuntimeFacts {
  /** e.g. "3.8.2" */
  python: string;
  numpy: string;
  matplotlib: string;
  /** Top-level module names a script may import. */
  importable: string[];
  /** Plain-language lines from the sandbox (what to avoid on this runtime); may be empty. */
  notes: string;
}

/** Longer import lists are cut here: the prompt budget is small and the first names matter most. */
const MAX_IMPORTABLE = 40;

/** [major, minor] of a version string such as "3.3.3"; null when it does not parse. */
export function majorMinor(version: string): [number, number] | null {
  const match = /^(\d+)\.(\d+)/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2])] : null;
}

/** True when `version` is older than major.minor (unknown versions count as new). */
function isOlderThan(version: string, major: number, minor: number): boolean {
  const parsed = majorMinor(version);
  if (!parsed) return false;
  return parsed[0] < major || (parsed[0] === major && parsed[1] < minor);
}

/** The one-line version statement, e.g. "Python 3.11.2, numpy 1.24.2, matplotlib 3.6.3". */
export function runtimeVersions(r: RuntimeFacts): string {
  return `Python ${r.python}, numpy ${r.numpy}, matplotlib ${r.matplotlib}`;
}

/** The runtime section: versions, importable packages and the runtime's own notes. */
export function runtimeSection(r: RuntimeFacts): string {
  const names = r.importable.slice(0, MAX_IMPORTABLE);
  const more = r.importable.length - names.length;
  const importable =
    names.length === 0
      ? 'the standard library, numpy and matplotlib only'
      : `${names.join(', ')}${more > 0 ? ` (and ${more} more)` : ''}`;
  const lines = [
    `Runtime: ${runtimeVersions(r)}. The script runs offline, in a sandbox, with no files.`,
    `Importable packages: ${importable}. Anything else (seaborn, pandas, plotly...) fails.`,
  ];
  if (isOlderThan(r.matplotlib, 3, 6)) {
    lines.push(
      'This matplotlib is older than 3.6: do not use ax.bar_label, plt.subplots(layout=...), ' +
        'legend(ncols=) (write ncol=), set_xticks(..., labels=) or matplotlib.colormaps[...] ' +
        '(use plt.get_cmap).',
    );
  }
  const notes = r.notes.trim();
  if (notes) lines.push(notes);
  return lines.join('\n');
}
