// The pipeline benchmark's report (test/bench/pipeline.mjs): figures of a CIT run (throughput,
// tokens and cost per kept chart and Q&A), per-call averages beside the paper's (METHOD.md §2),
// stage timings, and where the render pool's time goes against render-only.

// The paper's GPT-4o averages per call (METHOD.md §2); Q&A figures are per chart and kind.
export const PAPER = {
  'self-instruct': { in: 3500, out: 1000 },
  evol: { in: 2000, out: 1000 },
  repair: { in: 500, out: 500 },
  recognition: { in: 5600, out: 1100 },
  reasoning: { in: 7000, out: 1700 },
  usdPerChart: 0.094,
  usdPerQa: 0.015,
};
// Q&A-side tasks: qa.questions, qa.answer and rate.qa, with or without a kind suffix (".reasoning").
const isQaTask = (task) => /^(qa|rate\.qa)(\.|$)/.test(task);

export const fixed = (value, digits = 1) =>
  Number.isFinite(value) ? Number(value.toFixed(digits)) : null;
export const perMinute = (count, ms) => (count * 60_000) / ms;
export const log = (message) =>
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Prompt/completion tokens and cost of some ItemCalls. */
function sumCalls(calls) {
  return calls.reduce(
    (sum, call) => ({
      calls: sum.calls + 1,
      promptTokens: sum.promptTokens + call.promptTokens,
      completionTokens: sum.completionTokens + call.completionTokens,
      usd: sum.usd + (call.costUsd ?? 0),
    }),
    { calls: 0, promptTokens: 0, completionTokens: 0, usd: 0 },
  );
}

/** Per-call (or per-pair, per-chart) averages of the run beside the paper's, from the tally. */
function paperComparison(tally) {
  const get = (key) => tally[key] ?? { calls: 0, promptTokens: 0, completionTokens: 0 };
  const averaged = (label, keys, per, paper) => {
    const count = get(per).calls;
    const sum = (field) => keys.reduce((total, key) => total + get(key)[field], 0);
    return {
      label,
      count,
      in: count ? sum('promptTokens') / count : null,
      out: count ? sum('completionTokens') / count : null,
      paper,
    };
  };
  return [
    averaged(
      'Self-Instruct (plan + write)',
      ['self-instruct.plan', 'self-instruct.write'],
      'self-instruct.write',
      PAPER['self-instruct'],
    ),
    averaged('Evol (plan + write)', ['evol.plan', 'evol.write'], 'evol.write', PAPER.evol),
    averaged('repair (per call)', ['repair'], 'repair', PAPER.repair),
    ...['recognition', 'reasoning'].map((kind) =>
      averaged(
        `${kind} Q&A (per chart)`,
        [`qa.questions:${kind}`, `qa.answer:${kind}`],
        `qa.questions:${kind}`,
        PAPER[kind],
      ),
    ),
  ];
}

/** The figures of one run, against the render-only time of its scripts. */
export function figuresOf(run, items) {
  const minutes = run.runMs / 60_000;
  const chartSide = sumCalls(run.calls.filter((call) => !isQaTask(call.task)));
  const qaSide = sumCalls(run.calls.filter((call) => isQaTask(call.task)));
  const keptCharts = run.charts.kept;
  const keptQa = run.qa.kept;
  return {
    chartsPerMin: keptCharts / minutes,
    qaPerMin: keptQa / minutes,
    itemsPerMin: items / minutes,
    /** Charts drawn and stored, kept or rejected: the same work as render-only's. */
    renderedPerMin: run.charts.stored / minutes,
    chartSide,
    qaSide,
    promptPerChart: chartSide.promptTokens / keptCharts,
    completionPerChart: chartSide.completionTokens / keptCharts,
    promptPerQa: qaSide.promptTokens / keptQa,
    completionPerQa: qaSide.completionTokens / keptQa,
    // The paper's $/chart and $/Q&A are both the whole bill divided (≈$304 / 3,249 and / 19,963).
    usdPerChart: run.llmCalls.costUsd / keptCharts,
    usdPerQa: run.llmCalls.costUsd / keptQa,
  };
}

const padRow = (cells, widths) =>
  cells.map((cell, at) => String(cell ?? '-').padStart(widths[at] ?? 10)).join(' ');

/** A run's outcome, throughput, pool use and stage timings (from the item attempts). */
export function printRun(label, run, figures) {
  const stageOrder = ['drafted', 'rendered', 'gated', 'questioned', 'verified', 'done'];
  log(
    `${label}: ${run.status} in ${fixed(run.runMs / 1000, 1)} s; stages ${JSON.stringify(run.stages)}; kept origins ${JSON.stringify(run.origins)}`,
  );
  log(
    `  charts stored ${run.charts.stored}, kept ${run.charts.kept} (${run.charts.repaired} repaired), rejected by ${JSON.stringify(run.charts.rejectedBy)}`,
  );
  if (Object.keys(run.charts.rejectionReasons).length > 0)
    log(`  rejection reasons: ${JSON.stringify(run.charts.rejectionReasons)}`);
  if (run.failures.length > 0)
    log(`  failed items (first ${run.failures.length}): ${run.failures.join(' | ')}`);
  log(
    `  Q&A kept ${run.qa.kept} ${JSON.stringify(run.qa.byKind)}, verification ${JSON.stringify(run.qa.verification)}, dropped ${JSON.stringify(run.qa.droppedBy)}, near-duplicate questions ${run.qa.questionsDropped}`,
  );
  log(
    `  → ${fixed(figures.chartsPerMin)} charts/min, ${fixed(figures.qaPerMin)} Q&A/min, ${fixed(figures.itemsPerMin)} items/min`,
  );
  const work = run.work;
  log(
    `  pool: ${fixed(run.busyMean, 2)} of ${run.poolSize} workers busy on average, ${fixed(run.queuedMean, 1)} jobs queued; ${work.renders} renders (${work.renderFailures} failed, ${fixed(work.renderPythonMs / Math.max(1, work.renders), 0)} ms in Python, ${fixed(work.renderWallMs / Math.max(1, work.renders), 0)} ms wall each), ${work.answers} answer programs (${work.answerFailures} failed, ${fixed(work.answerWallMs / Math.max(1, work.answers), 0)} ms wall each)`,
  );
  const widths = [12, 9, 7, 12, 12, 14];
  console.log(
    padRow(['stage', 'attempts', 'failed', 'total s', 'mean ms', 'ms/kept chart'], widths),
  );
  for (const stage of stageOrder) {
    const entry = run.stageTimes[stage];
    if (!entry) continue;
    console.log(
      padRow(
        [
          stage,
          entry.attempts,
          entry.failed,
          fixed(entry.ms / 1000, 1),
          fixed(entry.ms / entry.attempts, 0),
          fixed(entry.ms / run.charts.kept, 0),
        ],
        widths,
      ),
    );
  }
}

/** Tokens by task (ItemCalls), per call beside the paper's (task-line tally), per kept item. */
export function printTokens(run, figures) {
  const byTask = {};
  for (const call of run.calls) (byTask[call.task] ??= []).push(call);
  const widths = [26, 6, 10, 10];
  console.log('');
  console.log(padRow(['task (ItemCalls)', 'calls', 'mean in', 'mean out'], widths));
  for (const [task, calls] of Object.entries(byTask).sort()) {
    const sum = sumCalls(calls);
    console.log(
      padRow(
        [
          task,
          sum.calls,
          fixed(sum.promptTokens / sum.calls, 0),
          fixed(sum.completionTokens / sum.calls, 0),
        ],
        widths,
      ),
    );
  }
  const unattributed = run.llmCalls.unattributed;
  log(
    `llmCalls of the run: ${run.llmCalls.calls} (${unattributed.calls} not on any item/chart/Q&A: ${unattributed.promptTokens} prompt tokens), $${fixed(run.llmCalls.costUsd, 4)} at gpt-4o prices (cost meter: $${fixed(run.meterUsd ?? NaN, 4)})`,
  );
  console.log('');
  const paperWidths = [30, 6, 9, 9, 10, 10];
  console.log(
    padRow(['per call, vs paper (GPT-4o)', 'n', 'in', 'out', 'paper in', 'paper out'], paperWidths),
  );
  for (const row of paperComparison(run.tally))
    console.log(
      padRow(
        [row.label, row.count, fixed(row.in, 0), fixed(row.out, 0), row.paper.in, row.paper.out],
        paperWidths,
      ),
    );
  log(
    `tokens per kept chart (chart-side calls): ${fixed(figures.promptPerChart, 0)} in / ${fixed(figures.completionPerChart, 0)} out; per kept Q&A (Q&A-side calls): ${fixed(figures.promptPerQa, 0)} in / ${fixed(figures.completionPerQa, 0)} out`,
  );
}

/**
 * Where the pool's time went, per kept chart: pool time is workers × wall time. Render-only spends
 * it on one render per chart; the run also on renders of rejected charts, answer programs
 * (measured alone, nothing queued), transfers and contention, and leaves some of it idle.
 */
export function printPoolTime(run, renderOnly, cost) {
  const kept = run.charts.kept;
  const poolMs = run.poolSize * run.runMs;
  const busyMs = run.busyMean * run.runMs;
  const programsMs = run.work.answers * cost.programMs;
  const rows = [
    ['render-only: pool ms per chart', (run.poolSize * renderOnly.ms) / renderOnly.ok],
    ['  of which in Python', renderOnly.pythonMs],
    ['run: pool ms per kept chart', poolMs / kept],
    ['  idle', (poolMs - busyMs) / kept],
    [
      `  renders in Python (${fixed(run.work.renders / kept, 2)}/chart)`,
      run.work.renderPythonMs / kept,
    ],
    [`  answer programs (${fixed(run.work.answers / kept, 2)}/chart)`, programsMs / kept],
    ['  rest of busy time', (busyMs - run.work.renderPythonMs - programsMs) / kept],
  ];
  console.log('');
  for (const [label, ms] of rows)
    console.log(`${label.padEnd(36)}${String(fixed(ms, 0)).padStart(8)} ms`);
  log(
    `answer program alone: ${fixed(cost.programMs, 1)} ms (an empty one: ${fixed(cost.emptyMs, 1)} ms round trip; ${cost.programs} measured); page main thread busy ${fixed((100 * run.mainThreadMs) / run.runMs, 0)}% of the run, ${fixed((100 * renderOnly.mainThreadMs) / renderOnly.ms, 0)}% of render-only`,
  );
}
