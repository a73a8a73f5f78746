import { describe, expect, it } from 'vitest';
import { extractSingleCodeBlock } from '../../../../../src/core/cit/parse/code-block.ts';

const LIMITS = { min: 10, max: 150 };
const script = (lines: number) =>
  Array.from({ length: lines }, (_, i) => `value_${i} = ${i}`).join('\n');
const reply = (code: string, fence = '```python') =>
  `Here is the script:\n\n${fence}\n${code}\n\`\`\`\n\nIt draws the chart.`;

describe('extractSingleCodeBlock', () => {
  it('keeps 10 and 150 lines and refuses 9 and 151 (the paper filter edges)', () => {
    expect(extractSingleCodeBlock(reply(script(10)), LIMITS)).toEqual({
      ok: true,
      code: script(10),
      lines: 10,
    });
    expect(extractSingleCodeBlock(reply(script(150)), LIMITS)).toMatchObject({
      ok: true,
      lines: 150,
    });
    expect(extractSingleCodeBlock(reply(script(9)), LIMITS)).toEqual({
      ok: false,
      reason: 'the script has 9 lines, fewer than the 10 required',
    });
    expect(extractSingleCodeBlock(reply(script(151)), LIMITS)).toEqual({
      ok: false,
      reason: 'the script has 151 lines, more than the 150 allowed',
    });
  });

  it('refuses a reply with no block or with two blocks', () => {
    expect(extractSingleCodeBlock(script(20), LIMITS)).toEqual({
      ok: false,
      reason: 'the reply has no ``` code block',
    });
    const two = `${reply(script(20))}\n\n${reply(script(20))}`;
    expect(extractSingleCodeBlock(two, LIMITS)).toEqual({
      ok: false,
      reason: 'the reply has 2 code blocks; exactly one is kept',
    });
  });

  it('counts blank lines inside the script but not around it', () => {
    const code = `import math\n\n${script(8)}`; // 10 lines with the blank one
    const result = extractSingleCodeBlock(reply(`\n\n${code}\n   \n`), LIMITS);
    expect(result).toEqual({ ok: true, code, lines: 10 });
  });

  it('reads Windows line ends and returns \\n-separated code', () => {
    const crlf = reply(script(12)).replace(/\n/g, '\r\n');
    expect(extractSingleCodeBlock(crlf, LIMITS)).toEqual({ ok: true, code: script(12), lines: 12 });
  });

  it('accepts bare, py and indented fences; refuses another language', () => {
    expect(extractSingleCodeBlock(reply(script(12), '```'), LIMITS)).toMatchObject({ ok: true });
    expect(extractSingleCodeBlock(reply(script(12), '```py'), LIMITS)).toMatchObject({ ok: true });
    expect(extractSingleCodeBlock(`  \`\`\`Python\n${script(12)}\n  \`\`\``, LIMITS)).toMatchObject(
      { ok: true },
    );
    expect(extractSingleCodeBlock(reply(script(12), '```bash'), LIMITS)).toEqual({
      ok: false,
      reason: 'the code block is marked "bash", not Python',
    });
  });

  it('recognises only ``` fences (not ~~~)', () => {
    expect(extractSingleCodeBlock(`~~~python\n${script(12)}\n~~~`, LIMITS)).toMatchObject({
      ok: false,
      reason: 'the reply has no ``` code block',
    });
  });

  it('refuses a block cut off before its closing fence', () => {
    expect(extractSingleCodeBlock(`\`\`\`python\n${script(30)}`, LIMITS)).toEqual({
      ok: false,
      reason: 'the code block is not closed (the reply may have been cut off)',
    });
    expect(
      extractSingleCodeBlock(
        `\`\`\`python\n${script(12)}\n\`\`\`python\n${script(12)}\n\`\`\``,
        LIMITS,
      ),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/opens inside another/),
    });
  });

  it('ignores inline triple backticks that are not on a line of their own', () => {
    const text = `Use \`\`\`python fences like this:\n${reply(script(11))}`;
    expect(extractSingleCodeBlock(text, LIMITS)).toMatchObject({ ok: true, lines: 11 });
  });
});
