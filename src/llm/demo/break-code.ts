// Breaks a working script the way a hurried model does: a misspelt variable name on a top-level
// line (NameError at run time), so the render fails and a repair round has something to fix.
// Only a line at column 0 that starts with a name assigned earlier is touched: such a line always
// runs, and its first word is never inside a string.

export interface BrokenScript {
  code: string;
  /** The name as it was, and as misspelt. */
  name: string;
  misspelt: string;
  /** 1-based line of the misspelling. */
  line: number;
}

const ASSIGNED = /^([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*=[^=]/;
const USE = /^([A-Za-z_]\w*)[.[(]/;

function wordIn(code: string, word: string): boolean {
  return new RegExp(`\\b${word}\\b`).test(code);
}

/** A misspelling that appears nowhere in the script (last letter doubled, or a suffix). */
function misspell(name: string, code: string): string {
  const last = name.charAt(name.length - 1);
  for (const candidate of [`${name}${last}`, `${name}_`, `${name}s`, `${name}_data`])
    if (!wordIn(code, candidate)) return candidate;
  return `${name}_misspelt`;
}

/**
 * The script with one NameError. Prefers a line past the data definitions (in the drawing code),
 * like a real slip; falls back to a new line using an undefined name before the last line.
 */
export function breakScript(code: string): BrokenScript {
  const lines = code.split('\n');
  const assigned = new Set<string>();
  const candidates: number[] = [];
  lines.forEach((text, index) => {
    const use = USE.exec(text)?.[1];
    if (use !== undefined && assigned.has(use) && !text.startsWith('plt.')) candidates.push(index);
    const names = ASSIGNED.exec(text)?.[1];
    if (names !== undefined) for (const name of names.split(',')) assigned.add(name.trim());
  });
  const index = candidates[Math.floor(candidates.length / 2)];
  if (index !== undefined) {
    const text = lines[index] ?? '';
    const name = USE.exec(text)?.[1] ?? '';
    const misspelt = misspell(name, code);
    lines[index] = misspelt + text.slice(name.length);
    return { code: lines.join('\n'), name, misspelt, line: index + 1 };
  }
  const misspelt = misspell('label_offset', code);
  const at = Math.max(0, lines.length - 1);
  lines.splice(at, 0, `plt.gcf().text(0.01, 0.01, str(${misspelt}))`);
  return { code: lines.join('\n'), name: 'label_offset', misspelt, line: at + 1 };
}
