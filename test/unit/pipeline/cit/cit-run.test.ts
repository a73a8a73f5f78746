// The CIT pipeline on the job runner with a scripted LLM and a scripted renderer over a real Dexie
// database (fake-indexeddb): prompts, the code-block filter, repair, Evol linking, dedup, the
// mismatch policies, the budget pause and resuming after a stop.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readTask } from '../../../../src/core/cit/prompts/task.ts';
import { messageText } from '../../../../src/core/cit/prompts/task.ts';
import { PLOTTING_NOTES } from '../../../../src/core/cit/prompts/plotting-notes.ts';
import { getRun, listRunItems } from '../../../../src/db/index.ts';
import { toQaRecord } from '../../../../src/db/database.ts';
import { fence, recipe, script, ScriptRenderer, scriptedLlm, setup } from './cit-fakes.ts';

const userText = (request: { messages: { role: string; content: unknown }[] }) =>
  request.messages
    .filter((message) => message.role === 'user')
    .map((message) => messageText(message as never))
    .join('\n');

describe('CIT run', () => {
  it('writes, draws, questions, answers and verifies every chart, with full provenance', async () => {
    const llm = scriptedLlm();
    const { db, runner, run } = await setup(llm);
    const started = await run(recipe({ count: 3 }));
    await runner.whenIdle();
    const items = await listRunItems(db, started.id);
    expect(items.map((item) => item.stage)).toEqual(['done', 'done', 'done']);
    const charts = await db.charts.toArray();
    expect(charts).toHaveLength(3);
    for (const chart of charts) {
      expect(chart.provenance.recipe).toBe('cit');
      expect(chart.provenance.cit?.origin).toBe('self-instruct');
      expect(chart.provenance.cit?.demoIds).toHaveLength(3);
      // plan + write turns: system?, user, assistant, user, assistant
      expect(chart.provenance.cit?.conversation.filter((t) => t.role === 'assistant')).toHaveLength(
        2,
      );
      expect(chart.provenance.cit?.calls.map((c) => c.task)).toEqual([
        'self-instruct.plan',
        'self-instruct.write',
      ]);
      expect(chart.provenance.cit?.recipeHash).toMatch(/^[0-9a-f]{64}$/);
      const qa = (await db.qa.where('chartId').equals(chart.id).toArray()).map(toQaRecord);
      expect(qa.map((q) => q.kind).sort()).toEqual(['reasoning', 'recognition', 'recognition']);
      expect(qa.every((q) => q.verification?.status === 'verified')).toBe(true);
      expect(qa.every((q) => q.calls?.length === 1 && q.analysis === 'Read the bar.')).toBe(true);
    }
    // The write turn continues the plan conversation; the plan prompt carries demos, notes, versions.
    const plan = llm.requests.find((r) => readTask(r.messages)?.task === 'self-instruct.plan')!;
    const info = readTask(plan.messages)!;
    const text = userText(plan);
    expect(text).toContain('3.6.3');
    expect(info.topics).toHaveLength(2);
    const write = llm.requests.find((r) => readTask(r.messages)?.task === 'self-instruct.write')!;
    // Turn 2 writes the script following the target type's plotting notes.
    const writeInfo = readTask(write.messages)!;
    expect(userText(write)).toContain(PLOTTING_NOTES[writeInfo.minor!][0]!.slice(0, 40));
    expect(write.messages.length).toBe(plan.messages.length + 2);
    expect(write.temperature).toBe(1);
    expect(write.topP).toBe(0.95);
    const stored = await getRun(db, started.id);
    expect(stored?.status).toBe('completed');
    expect(runner.snapshot.cost?.calls).toBe(llm.requests.length);
    expect(runner.snapshot.cost?.usd).toBeGreaterThan(0);
  });

  it('keeps a reply only with exactly one code block of 10–150 lines', async () => {
    const replies = [
      'No code at all, sorry.',
      `${fence(script('a'))}\n${fence(script('b'))}`,
      fence(script('short', 9)),
    ];
    const llm = scriptedLlm({ write: (_info, n) => replies[n - 1] ?? fence(script('ok', 10)) });
    const { db, runner, run } = await setup(llm);
    const started = await run(recipe({ count: 1 }));
    await runner.whenIdle();
    const [item] = await listRunItems(db, started.id);
    // Three refused replies use up the item's three tries.
    expect(item?.stage).toBe('failed');
    const reasons = item!.attempts.filter((a) => !a.ok).map((a) => a.error?.message ?? '');
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toMatch(/not kept/);
    expect(reasons[2]).toMatch(/9 lines|lines/);
    // Paid calls are kept on the item even though it failed.
    expect(item?.cit?.calls.length).toBe(6);
    expect(await db.charts.count()).toBe(0);
  });

  it('repairs a broken script with the error, and records every try', async () => {
    const broken = script('broken').replace('plt.title', 'BROKEN\nplt.title');
    const llm = scriptedLlm({ write: () => fence(broken) });
    const { db, runner, run } = await setup(llm);
    await run(recipe({ count: 1 }));
    await runner.whenIdle();
    const [chart] = await db.charts.toArray();
    expect(chart?.provenance.cit?.tries.map((t) => t.error?.kind ?? 'ok')).toEqual([
      'runtime',
      'ok',
    ]);
    expect(chart?.code).not.toContain('BROKEN');
    const repair = llm.requests.find((r) => readTask(r.messages)?.task === 'repair')!;
    expect(userText(repair)).toContain("NameError: name 'BROKEN' is not defined");
    expect(userText(repair)).toContain('BROKEN');
  });

  it('fails the item when the repair rounds run out', async () => {
    const broken = (n: number) =>
      fence(script(`broken-${n}`).replace('plt.title', 'BROKEN\nplt.title'));
    const llm = scriptedLlm({ write: () => broken(0), repair: (_info, n) => broken(n) });
    const { db, runner, run } = await setup(llm);
    const started = await run(recipe({ count: 1, repairRounds: 2 }));
    await runner.whenIdle();
    const [item] = await listRunItems(db, started.id);
    expect(item?.stage).toBe('failed');
    expect(llm.counts.get('repair')).toBe(2);
    expect(item?.cit?.tries).toHaveLength(3);
    expect(item?.attempts.at(-1)?.error?.message).toMatch(/after 2 repair round/);
  });

  it('evolves kept charts and links each evolved chart to its parent', async () => {
    const llm = scriptedLlm();
    const { db, runner, run } = await setup(llm);
    await run(recipe({ count: 6, evolShare: 0.5 }));
    await runner.whenIdle();
    const charts = await db.charts.toArray();
    const evolved = charts.filter((chart) => chart.provenance.cit?.origin === 'evol');
    expect(evolved.length).toBeGreaterThanOrEqual(2);
    const ids = new Set(charts.map((chart) => chart.id));
    for (const chart of evolved) {
      expect(chart.level).toBe('hard');
      expect(ids.has(chart.provenance.parentChartId ?? '')).toBe(true);
      const parent = charts.find((c) => c.id === chart.provenance.parentChartId)!;
      expect(parent.provenance.cit?.origin).toBe('self-instruct');
      expect(chart.minor).toBe(parent.minor);
      expect(chart.provenance.cit?.direction).toMatch(/more-data|more-visual|overlay|add-subplot/);
      expect(chart.provenance.cit?.calls.map((c) => c.task)).toEqual(['evol.plan', 'evol.write']);
    }
    // One evolution per parent.
    const parents = evolved.map((chart) => chart.provenance.parentChartId);
    expect(new Set(parents).size).toBe(parents.length);
  });

  it('drops a chart whose code or image duplicates one already kept', async () => {
    const same = fence(script('twin'));
    const llm = scriptedLlm({ write: (_info, n) => (n <= 2 ? same : fence(script(`other-${n}`))) });
    const { db, runner, run } = await setup(llm);
    const started = await run(recipe({ count: 3 }));
    await runner.whenIdle();
    const items = await listRunItems(db, started.id);
    expect(items.map((item) => item.stage)).toEqual(['done', 'rejected', 'done']);
    const rejected = await db.charts.get(items[1]!.chartId!);
    expect(rejected?.rejection?.stage).toBe('dedup');
    expect(rejected?.rejection?.reasons[0]).toMatch(/near-duplicate code/);
    // Kept hidden: it has a browse row (Browse can show and restore it) but no Q&A were asked.
    expect(await db.chartRows.get(rejected!.id)).toBeTruthy();
    expect(await db.qa.where('chartId').equals(rejected!.id).count()).toBe(0);
  });

  it('drops near-duplicate questions within a chart (ROUGE-L > 0.7)', async () => {
    const llm = scriptedLlm({
      questions: (info) =>
        JSON.stringify({
          questions:
            info.kind === 'recognition'
              ? ['What is the value of sales in 2020?', 'What is the value of the sales in 2020?']
              : ['By how much did costs grow from 2019 to 2021?'],
        }),
    });
    const { db, runner, run } = await setup(llm);
    const started = await run(recipe({ count: 1 }));
    await runner.whenIdle();
    const [item] = await listRunItems(db, started.id);
    expect(item?.cit?.questions?.map((q) => q.dropped !== null)).toEqual([false, true, false]);
    expect(await db.qa.count()).toBe(2);
    expect(llm.counts.get('qa.answer')).toBe(2);
  });

  const wrongOnce = (_info: unknown, n: number) =>
    JSON.stringify({
      analysis: 'Read it.',
      steps: ['Read the bar height.'],
      answer: { type: 'number', value: n === 1 ? 7 : 5 },
      program: 'answer = 5',
    });

  it('regenerates a mismatched answer once (default policy)', async () => {
    const llm = scriptedLlm({ answer: wrongOnce });
    const { db, runner, run } = await setup(llm);
    await run(recipe({ count: 1, questionsPerKind: { recognition: 1, reasoning: 0 } }));
    await runner.whenIdle();
    const [qa] = (await db.qa.toArray()).map(toQaRecord);
    expect(llm.counts.get('qa.answer')).toBe(2);
    expect(qa?.verification?.status).toBe('verified');
    expect(qa?.calls).toHaveLength(2);
  });

  it('drops or flags a mismatch as the recipe says', async () => {
    for (const policy of ['drop', 'keep-flagged'] as const) {
      const llm = scriptedLlm({ answer: wrongOnce });
      const { db, runner, run } = await setup(llm);
      await run(
        recipe({
          count: 1,
          mismatchPolicy: policy,
          questionsPerKind: { recognition: 1, reasoning: 0 },
        }),
      );
      await runner.whenIdle();
      const [qa] = (await db.qa.toArray()).map(toQaRecord);
      expect(llm.counts.get('qa.answer')).toBe(1);
      expect(qa?.verification?.status).toBe('mismatch');
      expect(qa?.rejection?.stage ?? null).toBe(policy === 'drop' ? 'mismatch' : null);
      expect(runner.snapshot.mismatches).toBe(1);
    }
  });

  it('rejects a chart the vision raters score below the threshold, keeping the scores', async () => {
    const llm = scriptedLlm({
      rateChart: (n) =>
        JSON.stringify({ score: n <= 2 ? 3 : 5, reason: n <= 2 ? 'labels overlap' : 'clear' }),
    });
    const { db, runner, run } = await setup(llm);
    const started = await run(
      recipe({ count: 2, chartRating: { enabled: true, raters: 2, threshold: 3.75 } }),
    );
    await runner.whenIdle();
    const items = await listRunItems(db, started.id);
    expect(items.map((item) => item.stage)).toEqual(['rejected', 'done']);
    const rejected = await db.charts.get(items[0]!.chartId!);
    expect(rejected?.rejection?.stage).toBe('rater');
    expect(rejected?.rejection?.reasons[0]).toMatch(/mean rating 3\.00 < 3\.75/);
    expect(rejected?.provenance.cit?.ratings?.map((r) => r.score)).toEqual([3, 3]);
    const image = llm.requests.find((r) => readTask(r.messages)?.task === 'rate.chart')!;
    const parts = image.messages.flatMap((m) => (Array.isArray(m.content) ? m.content : []));
    expect(
      parts.some(
        (part) => part.type === 'image' && part.dataUrl.startsWith('data:image/png;base64,'),
      ),
    ).toBe(true);
  });

  it('pauses at the budget cap with the reason, and keeps what was done', async () => {
    const llm = scriptedLlm();
    const { db, runner, run } = await setup(llm, { budgetUsd: 0.1 });
    const started = await run(recipe({ count: 5 }));
    await runner.whenIdle();
    const stored = await getRun(db, started.id);
    expect(stored?.status).toBe('paused');
    expect(stored?.statusReason).toMatch(/Budget/);
    const items = await listRunItems(db, started.id);
    expect(items.some((item) => item.stage !== 'done')).toBe(true);
  });

  it('resumes a run a closed tab left mid-stage, exactly where each item stopped', async () => {
    const llm = scriptedLlm();
    const hanging = new ScriptRenderer();
    hanging.hangAfterAnswers = 7; // mid-way through the answers of the third chart
    const env = await setup(llm, { renderer: hanging, concurrency: 2 });
    const started = await env.run(recipe({ count: 5 }));
    await waitFor(async () => hanging.answers >= 7 && llm.requests.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = await listRunItems(env.db, started.id);
    expect(before.some((item) => item.stage === 'questioned')).toBe(true);
    expect((await getRun(env.db, started.id))?.status).toBe('running');
    // The tab is gone (its calls never return); a new tab opens the same database.
    const second = env.makeRunner(new ScriptRenderer());
    expect((await second.resumeUnfinished())?.id).toBe(started.id);
    await second.whenIdle();
    const items = await listRunItems(env.db, started.id);
    expect(items.map((item) => item.stage)).toEqual(['done', 'done', 'done', 'done', 'done']);
    const qa = (await env.db.qa.toArray()).map(toQaRecord);
    expect(qa).toHaveLength(15);
    expect(new Set(qa.map((q) => q.id)).size).toBe(15);
    // Each chart keeps its own questions: no question is paired with another chart's answer.
    for (const chart of await env.db.charts.toArray()) {
      const own = qa.filter((q) => q.chartId === chart.id);
      expect(own).toHaveLength(3);
    }
    // Nothing committed was asked again: one write per item, one answer per question, plus the
    // answers of the kind each of the 2 items in flight had not committed yet (≤ 2 each).
    expect(llm.counts.get('self-instruct.write')).toBe(5);
    expect(llm.counts.get('qa.answer')).toBeGreaterThanOrEqual(15);
    expect(llm.counts.get('qa.answer')).toBeLessThanOrEqual(15 + 2 * 2);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
