// Sums the LLM calls recorded on items, charts and Q&A into chart-side and Q&A-side totals and the
// paper's call groups. One call can be recorded in two places (an item's state and the chart made
// from it), so each call is counted once, by its llmCalls id or, without one, by its content.
import type { ItemCall } from '../cit/item-state.ts';
import type { QaKind } from '../dataset/records.ts';
import type { CallGroup, CallGroupStats, CallTotals } from './types.ts';

/** The paper's group of a call, from its task ("self-instruct.write", "qa.answer"…). */
export function callGroup(task: string, kind: QaKind | null): CallGroup {
  if (task.startsWith('self-instruct')) return 'self-instruct';
  if (task.startsWith('evol')) return 'evol';
  if (task.startsWith('repair')) return 'repair';
  if (task.startsWith('rate.chart')) return 'chart-rating';
  if (task.startsWith('rate.qa')) return 'qa-rating';
  if (task.startsWith('qa')) {
    // The kind comes from the Q&A the call is stored on, or from the task ("qa.questions.reasoning").
    const qaKind = kind ?? (['recognition', 'reasoning'] as const).find((k) => task.includes(k));
    if (qaKind === 'recognition') return 'qa-recognition';
    if (qaKind === 'reasoning') return 'qa-reasoning';
    return 'qa-unattributed';
  }
  return 'other';
}

const QA_SIDE: ReadonlySet<CallGroup> = new Set([
  'qa-recognition',
  'qa-reasoning',
  'qa-unattributed',
  'qa-rating',
]);
/** Groups the paper counts per chart (questions + answers of a kind), not per call. */
const PER_CHART: ReadonlySet<CallGroup> = new Set([
  'qa-recognition',
  'qa-reasoning',
  'qa-unattributed',
]);
const GROUP_ORDER: readonly CallGroup[] = [
  'self-instruct',
  'evol',
  'repair',
  'chart-rating',
  'qa-recognition',
  'qa-reasoning',
  'qa-unattributed',
  'qa-rating',
  'other',
];

export function isQaSide(group: CallGroup): boolean {
  return QA_SIDE.has(group);
}

export function emptyTotals(): CallTotals {
  return { calls: 0, promptTokens: 0, completionTokens: 0, usd: 0, unknownCostCalls: 0 };
}

/** Adds one call's usage to totals (a missing or non-finite cost counts as unknown). */
export function addToTotals(
  totals: CallTotals,
  promptTokens: number,
  completionTokens: number,
  costUsd: number | null,
): void {
  totals.calls += 1;
  totals.promptTokens += finiteOrZero(promptTokens);
  totals.completionTokens += finiteOrZero(completionTokens);
  if (typeof costUsd === 'number' && Number.isFinite(costUsd)) totals.usd += costUsd;
  else totals.unknownCostCalls += 1;
}

function finiteOrZero(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

function callKey(call: ItemCall): string {
  if (call.callId) return `id:${call.callId}`;
  return `content:${call.task}|${call.promptHash}|${call.model}|${call.promptTokens}|${call.completionTokens}`;
}

export class CallLedger {
  readonly #seen = new Set<string>();
  readonly #groups = new Map<CallGroup, CallTotals>();
  /** Charts with calls of a per-chart group, so tokens can be averaged per chart. */
  readonly #chartsOfGroup = new Map<CallGroup, Set<string>>();
  readonly #chartsWithQaCalls = new Set<string>();
  readonly chartSide = emptyTotals();
  readonly qaSide = emptyTotals();

  /**
   * Counts a call unless it was counted already. `kind` is the Q&A kind when the call sits on a
   * Q&A record; `chartId` is the chart the call served, when known.
   */
  add(call: ItemCall, kind: QaKind | null, chartId: string | null): boolean {
    const key = callKey(call);
    if (this.#seen.has(key)) return false;
    this.#seen.add(key);
    const group = callGroup(call.task, kind);
    let totals = this.#groups.get(group);
    if (!totals) this.#groups.set(group, (totals = emptyTotals()));
    addToTotals(totals, call.promptTokens, call.completionTokens, call.costUsd);
    const side = isQaSide(group) ? this.qaSide : this.chartSide;
    addToTotals(side, call.promptTokens, call.completionTokens, call.costUsd);
    if (PER_CHART.has(group) && chartId !== null) {
      let charts = this.#chartsOfGroup.get(group);
      if (!charts) this.#chartsOfGroup.set(group, (charts = new Set()));
      charts.add(chartId);
      this.#chartsWithQaCalls.add(chartId);
    }
    return true;
  }

  get callCount(): number {
    return this.chartSide.calls + this.qaSide.calls;
  }

  /** Per group, in the paper's order; units are calls, or charts for the Q&A-writing groups. */
  groups(): CallGroupStats[] {
    return GROUP_ORDER.flatMap((group) => {
      const totals = this.#groups.get(group);
      if (!totals) return [];
      const perChart = PER_CHART.has(group);
      const units = perChart ? (this.#chartsOfGroup.get(group)?.size ?? 0) : totals.calls;
      return [
        { group, per: perChart ? 'chart' : 'call', units, ...totals } satisfies CallGroupStats,
      ];
    });
  }

  /** Question and answer calls of both kinds, per chart that had any. */
  qaPerChart(): { charts: number; promptTokens: number; completionTokens: number } {
    let promptTokens = 0;
    let completionTokens = 0;
    for (const group of PER_CHART) {
      const totals = this.#groups.get(group);
      promptTokens += totals?.promptTokens ?? 0;
      completionTokens += totals?.completionTokens ?? 0;
    }
    return { charts: this.#chartsWithQaCalls.size, promptTokens, completionTokens };
  }
}
