// What a finished CIT run left in the database, read back for the pipeline benchmark
// (pipeline-bench.js): items by stage, kept charts and Q&A, rejections, stage timings from the
// item attempts, and every LLM call with its task (ItemCalls) checked against the llmCalls table.
import { listRunItems } from '../../../src/db/index.ts';

/** Attempts summed by stage: how many, how many failed, and their total duration. */
function stageTimes(items) {
  const byStage = {};
  for (const attempt of items.flatMap((item) => item.attempts)) {
    const entry = (byStage[attempt.stage] ??= { attempts: 0, failed: 0, ms: 0 });
    entry.attempts += 1;
    entry.ms += attempt.durationMs;
    if (!attempt.ok) entry.failed += 1;
  }
  return byStage;
}

/** Every ItemCall of the run (item states, chart provenance, Q&A), once each. */
function itemCalls(items, charts, qa) {
  const seen = new Set();
  const rows = [];
  const add = (calls, kind) => {
    for (const call of calls ?? []) {
      const key = call.callId ?? `${call.promptHash}:${rows.length}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({
        task: call.task,
        kind,
        callId: call.callId,
        promptTokens: call.promptTokens,
        completionTokens: call.completionTokens,
        costUsd: call.costUsd,
      });
    }
  };
  for (const item of items) add(item.cit?.calls, null);
  for (const chart of charts) add(chart.provenance.cit?.calls, null);
  for (const record of qa) add(record.calls, record.kind);
  return rows;
}

/** The run's llmCalls rows: totals, and what no ItemCall accounts for. */
async function llmCallTotals(store, runId, attributed) {
  const totals = { calls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 };
  const unattributed = { calls: 0, promptTokens: 0, completionTokens: 0 };
  await store.llmCalls
    .where('runId')
    .equals(runId)
    .each((record) => {
      const prompt = record.usage?.promptTokens ?? 0;
      const completion = record.usage?.completionTokens ?? 0;
      totals.calls += 1;
      totals.promptTokens += prompt;
      totals.completionTokens += completion;
      totals.costUsd += record.costUsd ?? 0;
      if (attributed.has(record.id)) return;
      unattributed.calls += 1;
      unattributed.promptTokens += prompt;
      unattributed.completionTokens += completion;
    });
  return { ...totals, unattributed };
}

const countBy = (values) =>
  values.reduce((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});

/** What a finished run left in the database, summarised for the benchmark. */
export async function readRun(store, runId, datasetId) {
  const items = await listRunItems(store, runId);
  const charts = await store.charts.where('datasetId').equals(datasetId).toArray();
  const qa = await store.qa.where('datasetId').equals(datasetId).toArray();
  const keptIds = new Set(
    items.filter((item) => item.stage === 'done').map((item) => item.chartId),
  );
  const kept = charts.filter((chart) => keptIds.has(chart.id));
  const keptQa = qa.filter((record) => keptIds.has(record.chartId) && !record.rejection);
  const calls = itemCalls(items, charts, qa);
  const failedItems = items.filter((item) => item.stage === 'failed');
  return {
    stages: countBy(items.map((item) => item.stage)),
    origins: countBy(kept.map((chart) => chart.provenance.cit?.origin ?? 'none')),
    charts: {
      stored: charts.length,
      kept: kept.length,
      repaired: kept.filter((chart) => (chart.provenance.cit?.tries.length ?? 0) > 1).length,
      rejectedBy: countBy(
        charts.flatMap((chart) => (chart.rejection ? [chart.rejection.stage] : [])),
      ),
      rejectionReasons: countBy(
        charts.flatMap((chart) => chart.rejection?.reasons.slice(0, 1) ?? []),
      ),
    },
    qa: {
      stored: qa.length,
      kept: keptQa.length,
      byKind: countBy(keptQa.map((record) => record.kind)),
      verification: countBy(keptQa.map((record) => record.verification?.status ?? 'unchecked')),
      droppedBy: countBy(
        qa.flatMap((record) => (record.rejection ? [record.rejection.stage] : [])),
      ),
      questionsDropped: items
        .flatMap((item) => item.cit?.questions ?? [])
        .filter((question) => question.dropped).length,
    },
    failures: failedItems.map((item) => item.attempts.at(-1)?.error?.message ?? '?').slice(0, 5),
    stageTimes: stageTimes(items),
    calls,
    llmCalls: await llmCallTotals(store, runId, new Set(calls.map((call) => call.callId))),
  };
}
