// Answer programs run later in the script's namespace: every script variable a program reads
// must be defined at the top level of that chart's script, and no program may mention the
// answer it is checked against.
import { describe, expect, it } from 'vitest';
import { generateTemplateChart, TEMPLATE_CHART_TYPES } from '../../../src/core/template/index.ts';

const SCRIPT_NAMES = [
  'categories',
  'series',
  'errors',
  'start_value',
  'changes',
  'colors',
  'groups',
  'samples',
  'bin_edges',
  'points',
  'nodes',
  'edges',
];

describe('answer programs', () => {
  it('read only variables their chart script defines', () => {
    let checked = 0;
    for (let i = 0; i < 320; i++) {
      const minor = TEMPLATE_CHART_TYPES[i % TEMPLATE_CHART_TYPES.length]!;
      const chart = generateTemplateChart(i + 1, { chartTypes: [minor], questionsPerKind: 4 });
      for (const q of chart.questions) {
        // Names the program assigns itself are local, not script variables.
        const local = new Set(
          [...q.program.matchAll(/^(\w+)(?:, (\w+))? = /gm)].flatMap((m) => [m[1], m[2]]),
        );
        for (const name of SCRIPT_NAMES) {
          if (local.has(name) || !new RegExp(`\\b${name}\\b`).test(q.program)) continue;
          expect(chart.code, `${minor} ${q.templateId} reads ${name}`).toMatch(
            new RegExp(`^${name} = `, 'm'),
          );
          checked++;
        }
        expect(q.program).toMatch(/^answer = /m);
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('never write code words into the worked answer', () => {
    for (let seed = 1; seed <= 300; seed++) {
      for (const q of generateTemplateChart(seed, { questionsPerKind: 4 }).questions) {
        const text = [q.question, ...q.steps].join(' ');
        // ("Python" alone may be a category: a programming language in a developer survey.)
        expect(text, q.templateId).not.toMatch(
          /\b(script|variable|array|dict|np\.|series\[|categories\[)/i,
        );
      }
    }
  });
});
