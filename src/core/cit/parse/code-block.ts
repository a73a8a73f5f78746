// The post-filter of code-writer replies (METHOD.md §2): a reply is kept only when it holds exactly
// one fenced code block of min–max lines (paper: 10–150).
//
// What counts:
// - Fences are lines of three backticks (```), optionally indented and optionally followed by a
//   language; only ``` fences are recognised (not ~~~), as the prompts ask for them.
// - The block's language must be empty, "python", "python3" or "py".
// - Lines are all the lines of the block, blank ones included, after dropping blank lines at its
//   start and end (a blank line inside a script counts: it is part of what runs).
// - Windows line ends (\r\n) are read as \n; the code returned uses \n.

export type CodeReply = { ok: true; code: string; lines: number } | { ok: false; reason: string };

const OPENING_FENCE = /^\s*```\s*([A-Za-z0-9_+.-]*)\s*$/;
const CLOSING_FENCE = /^\s*```\s*$/;
const PYTHON_LANGUAGES = new Set(['', 'python', 'python3', 'py']);

interface Block {
  language: string;
  lines: string[];
}

type Scan = { ok: true; blocks: Block[] } | { ok: false; reason: string };

function scanBlocks(reply: string): Scan {
  const blocks: Block[] = [];
  let open: Block | null = null;
  for (const line of reply.replace(/\r\n?/g, '\n').split('\n')) {
    if (open) {
      if (CLOSING_FENCE.test(line)) {
        blocks.push(open);
        open = null;
      } else if (OPENING_FENCE.test(line)) {
        return {
          ok: false,
          reason: 'a code block opens inside another one (the first block is not closed)',
        };
      } else {
        open.lines.push(line);
      }
      continue;
    }
    const opening = OPENING_FENCE.exec(line);
    if (opening) open = { language: (opening[1] ?? '').toLowerCase(), lines: [] };
  }
  if (open)
    return { ok: false, reason: 'the code block is not closed (the reply may have been cut off)' };
  return { ok: true, blocks };
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start]?.trim()) start += 1;
  while (end > start && !lines[end - 1]?.trim()) end -= 1;
  return lines.slice(start, end);
}

/** The script of a code-writer reply, or why the reply is refused. */
export function extractSingleCodeBlock(
  reply: string,
  lines: { min: number; max: number },
): CodeReply {
  const scan = scanBlocks(reply);
  if (!scan.ok) return scan;
  if (scan.blocks.length === 0) return { ok: false, reason: 'the reply has no ``` code block' };
  if (scan.blocks.length > 1) {
    return {
      ok: false,
      reason: `the reply has ${scan.blocks.length} code blocks; exactly one is kept`,
    };
  }
  const block = scan.blocks[0] as Block;
  if (!PYTHON_LANGUAGES.has(block.language)) {
    return { ok: false, reason: `the code block is marked "${block.language}", not Python` };
  }
  const code = trimBlankLines(block.lines);
  if (code.length < lines.min) {
    return {
      ok: false,
      reason: `the script has ${code.length} lines, fewer than the ${lines.min} required`,
    };
  }
  if (code.length > lines.max) {
    return {
      ok: false,
      reason: `the script has ${code.length} lines, more than the ${lines.max} allowed`,
    };
  }
  return { ok: true, code: code.join('\n'), lines: code.length };
}
