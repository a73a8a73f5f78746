import { describe, expect, it } from 'vitest';
import { EVOL_DIRECTIONS } from '../../../../../src/core/cit/recipe.ts';
import { PLOTTING_NOTES } from '../../../../../src/core/cit/prompts/plotting-notes.ts';
import {
  selfInstructPlan,
  selfInstructWrite,
} from '../../../../../src/core/cit/prompts/self-instruct.ts';
import { DIRECTION_TEXT, evolPlan, evolWrite } from '../../../../../src/core/cit/prompts/evol.ts';
import { repairPrompt, trimTraceback } from '../../../../../src/core/cit/prompts/repair.ts';
import { messageText, readTask, taskLine } from '../../../../../src/core/cit/prompts/task.ts';
import { allText, lastUserLine, OFFLINE_RUNTIME } from './helpers.ts';

const DEMOS = [
  {
    title: 'Coffee prices',
    code: 'import matplotlib.pyplot as plt\nplt.plot([1, 2], [3, 4])\nplt.show()',
  },
  { title: 'Hospital waits', code: "import matplotlib.pyplot as plt\nplt.bar(['A', 'B'], [5, 6])" },
  { title: 'Wind rose', code: 'import numpy as np\nprint(np.pi)' },
];
const LINES = { min: 10, max: 150 };

describe('Self-Instruct prompts', () => {
  const plan = selfInstructPlan({
    demos: DEMOS,
    minor: 'bar-stacked',
    topics: ['Healthcare', 'Music & performance'],
    runtime: OFFLINE_RUNTIME,
  });
  const write = selfInstructWrite({
    minor: 'bar-stacked',
    runtime: OFFLINE_RUNTIME,
    codeLines: LINES,
  });

  it('plans with a system message, the demos, the target type and the topics', () => {
    expect(plan.map((message) => message.role)).toEqual(['system', 'user']);
    const text = allText(plan);
    for (const demo of DEMOS) {
      expect(text).toContain(demo.title);
      expect(text).toContain(demo.code);
    }
    expect(text).toContain('Stacked bar (bar-stacked)');
    expect(text).toContain('"Healthcare"');
    expect(text).toContain('"Music & performance"');
    expect(text).toMatch(/Title[\s\S]*Backstory[\s\S]*Data/);
    expect(text).toContain('matplotlib 3.3.3');
  });

  it('ends each turn with its task line', () => {
    expect(lastUserLine(plan)).toBe(
      taskLine({
        task: 'self-instruct.plan',
        minor: 'bar-stacked',
        topics: ['Healthcare', 'Music & performance'],
      }),
    );
    expect(readTask([...plan, { role: 'assistant', content: 'plan' }, write])).toEqual({
      task: 'self-instruct.write',
      minor: 'bar-stacked',
    });
    expect(lastUserLine([write])).toBe(
      taskLine({ task: 'self-instruct.write', minor: 'bar-stacked' }),
    );
  });

  it('writes with the runtime, the notes of the target type only and the line limits', () => {
    const text = messageText(write);
    expect(write.role).toBe('user');
    expect(text).toContain('Python 3.8.2');
    expect(text).toContain('numpy 1.17.5');
    expect(text).toContain('squarify');
    for (const note of PLOTTING_NOTES['bar-stacked']) expect(text).toContain(note);
    expect(text).not.toContain(PLOTTING_NOTES['pie-donut'][0]);
    expect(text).toContain('10–150 lines');
    expect(text).toMatch(/exactly one ```python code block/);
  });
});

describe('Evol-Instruct prompts', () => {
  const code = 'import matplotlib.pyplot as plt\nax = plt.gca()\nax.pie([1, 2, 3])\nplt.show()';

  it('has a distinct text for each of the 4 directions', () => {
    const texts = EVOL_DIRECTIONS.map((direction) => DIRECTION_TEXT[direction]);
    expect(new Set(texts).size).toBe(4);
    expect(DIRECTION_TEXT['add-subplot']).toMatch(/subplot/i);
    expect(DIRECTION_TEXT['overlay-chart-type']).toMatch(/twinx/);
  });

  it('plans on the parent script along one direction', () => {
    for (const direction of EVOL_DIRECTIONS) {
      const plan = evolPlan({ code, minor: 'pie-donut', direction, runtime: OFFLINE_RUNTIME });
      const text = allText(plan);
      expect(plan[0]?.role).toBe('system');
      expect(text).toContain(code);
      expect(text).toContain(DIRECTION_TEXT[direction]);
      for (const other of EVOL_DIRECTIONS.filter((d) => d !== direction)) {
        expect(text).not.toContain(DIRECTION_TEXT[other]);
      }
      expect(text).toContain('Donut (pie-donut)');
      expect(readTask(plan)).toEqual({ task: 'evol.plan', minor: 'pie-donut', direction });
    }
  });

  it('writes with the runtime, the notes, the direction and the line limits', () => {
    const write = evolWrite({
      minor: 'pie-donut',
      direction: 'more-data',
      runtime: OFFLINE_RUNTIME,
      codeLines: { min: 12, max: 90 },
    });
    const text = messageText(write);
    expect(text).toContain('matplotlib 3.3.3');
    for (const note of PLOTTING_NOTES['pie-donut']) expect(text).toContain(note);
    expect(text).toContain(DIRECTION_TEXT['more-data']);
    expect(text).toContain('12–90 lines');
    expect(lastUserLine([write])).toBe(
      taskLine({ task: 'evol.write', minor: 'pie-donut', direction: 'more-data' }),
    );
  });
});

describe('repair prompt', () => {
  const code = [
    'import matplotlib.pyplot as plt',
    'values = [1, 2, 3]',
    "plt.bar(['a', 'b'], values)",
    'plt.show()',
  ].join('\n');
  const traceback = [
    'Traceback (most recent call last):',
    ...Array.from({ length: 30 }, (_, i) => `  frame ${i}`),
    'ValueError: shape mismatch: objects cannot be broadcast to a single shape',
  ].join('\n');
  const prompt = repairPrompt({
    code,
    error: { kind: 'runtime', message: 'ValueError: shape mismatch', line: 3, traceback },
    minor: 'bar-plain',
    runtime: OFFLINE_RUNTIME,
    round: 2,
  });
  const text = allText(prompt);

  it('sends the code, the error, its line and the end of the traceback', () => {
    expect(text).toContain(code);
    expect(text).toContain('Error (runtime) at line 3: ValueError: shape mismatch');
    expect(text).toContain("Line 3: plt.bar(['a', 'b'], values)");
    expect(text).toContain('ValueError: shape mismatch: objects cannot be broadcast');
    expect(text).toContain('frame 29');
    expect(text).not.toContain('frame 5\n');
    expect(text).toContain('repair round 2');
  });

  it('states the runtime and the notes of the type, and asks for ONE complete script', () => {
    expect(text).toContain('Python 3.8.2');
    for (const note of PLOTTING_NOTES['bar-plain']) expect(text).toContain(note);
    expect(text).toMatch(/explain the cause[\s\S]*ONE complete, fixed script/);
    expect(lastUserLine(prompt)).toBe(taskLine({ task: 'repair', minor: 'bar-plain' }));
  });

  it('gives a hint fitting the error kind, and copes with no line or traceback', () => {
    const missing = allText(
      repairPrompt({
        code: 'import seaborn',
        error: {
          kind: 'missing-package',
          message: 'No module named seaborn',
          line: null,
          traceback: null,
        },
        minor: 'heatmap',
        runtime: OFFLINE_RUNTIME,
        round: 1,
      }),
    );
    expect(missing).toContain('Error (missing-package): No module named seaborn');
    expect(missing).toMatch(/only the importable packages/);
    expect(missing).not.toContain('Traceback');
  });

  it('keeps a long traceback within its budget', () => {
    const long = trimTraceback(`${'x'.repeat(5000)}\nlast line`);
    expect(long.length).toBeLessThanOrEqual(1201);
    expect(long.endsWith('last line')).toBe(true);
  });
});
