// Step-by-step answers must never mention the code (METHOD.md §2, S6: students only see the
// figure). This finds the first step that does, and what gave it away.

// Words that name the script only when a determiner points at it ("the code", "this script"):
// a chart may well be about postal codes, government programs or the Python language.
const POINTER = '(?:the|this|that|given|provided|above|following|source|python)';

const CODE_MENTIONS: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /```/, what: 'a code fence' },
  { pattern: new RegExp(`\\b${POINTER}\\s+code\\b`, 'i'), what: '"the code"' },
  { pattern: /\bcode\s+(?:above|below|snippet)\b/i, what: '"the code"' },
  { pattern: new RegExp(`\\b${POINTER}\\s+script\\b`, 'i'), what: '"the script"' },
  { pattern: /\bpython\s+program\b/i, what: '"the script"' },
  {
    // "variable costs" and "variable-rate loans" are business words, not code
    pattern:
      /\b(?:the|a|this|that|each)\s+variables?\b(?![-\s]+(?:rates?|costs?|pay|renewables?|speed|stars?|expenses?|income|interest))/i,
    what: '"variable"',
  },
  { pattern: /\bvariables?\s+(?:named|called)\b/i, what: '"variable"' },
  {
    pattern: /\b(?:plt|ax|axes|np|fig|facts|matplotlib|numpy|pyplot|nx)\.[A-Za-z_]/,
    what: 'a Python call',
  },
  { pattern: /\b[A-Za-z_][A-Za-z0-9_]*\[\s*(?:\d|['"])/, what: 'an indexed variable' },
  { pattern: /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/i, what: 'a snake_case name' },
];

/** Why a list of steps mentions the code, or null when it does not. */
export function findCodeMention(steps: readonly string[]): string | null {
  for (const [index, step] of steps.entries()) {
    for (const { pattern, what } of CODE_MENTIONS) {
      const match = pattern.exec(step);
      if (match) {
        return `step ${index + 1} mentions the code (${what}: "${excerpt(step, match.index)}"); steps must read everything from the figure`;
      }
    }
  }
  return null;
}

function excerpt(text: string, at: number): string {
  const start = Math.max(0, at - 20);
  const end = Math.min(text.length, at + 30);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
