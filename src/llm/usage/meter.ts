// Running token and cost totals (overall, per provider, per model, per run) and the budget cap.
// The cap refuses a call BEFORE it is sent when its worst case (prompt estimate + maxTokens),
// added to what is spent and what calls in flight may still spend, would exceed the budget.
import { type ChatRequest, LlmError } from '../types.ts';
import type { CallRecord } from './call-record.ts';
import { estimateWorstCaseTokens } from './estimate.ts';
import { costUsd, type PriceTable } from './prices.ts';

export interface UsageTotals {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  /** Calls whose usage was estimated, not reported. */
  estimatedCalls: number;
  costUsd: number;
  /** Calls whose model has no price (their cost is not in costUsd). */
  unpricedCalls: number;
}

export interface UsageSummary {
  total: UsageTotals;
  byProvider: Record<string, UsageTotals>;
  byModel: Record<string, UsageTotals>;
  byRun: Record<string, UsageTotals>;
}

/** A worst-case hold on the budget, released when the call ends. */
export interface BudgetHold {
  release(): void;
}

// Cost sums are floats; a call that lands exactly on the cap must still be allowed.
const EPSILON_USD = 1e-9;

function emptyTotals(): UsageTotals {
  return {
    calls: 0,
    promptTokens: 0,
    completionTokens: 0,
    estimatedCalls: 0,
    costUsd: 0,
    unpricedCalls: 0,
  };
}

export class UsageMeter {
  private summary: UsageSummary = { total: emptyTotals(), byProvider: {}, byModel: {}, byRun: {} };
  private heldUsd = 0;

  constructor(
    private prices: PriceTable,
    private budgetUsd: number | null = null,
  ) {}

  setPrices(prices: PriceTable): void {
    this.prices = prices;
  }

  getPrices(): PriceTable {
    return this.prices;
  }

  /** Null removes the cap. */
  setBudget(budgetUsd: number | null): void {
    this.budgetUsd = budgetUsd;
  }

  spentUsd(): number {
    return this.summary.total.costUsd;
  }

  /** What is left under the cap, counting calls in flight at their worst case; null: no cap. */
  remainingUsd(): number | null {
    return this.budgetUsd === null ? null : this.budgetUsd - this.spentUsd() - this.heldUsd;
  }

  costOf(model: string, promptTokens: number, completionTokens: number): number | null {
    return costUsd(this.prices, model, promptTokens, completionTokens);
  }

  /** Reserves the worst case of a call, or throws LlmError('budget') if it could exceed the cap. */
  hold(model: string, request: ChatRequest): BudgetHold {
    const worst = estimateWorstCaseTokens(request);
    const worstUsd = this.costOf(model, worst.prompt, worst.completion) ?? 0;
    const remaining = this.remainingUsd();
    if (remaining !== null && worstUsd > remaining + EPSILON_USD)
      throw new LlmError(
        'budget',
        `Budget reached: this call may cost up to $${worstUsd.toFixed(4)} but only ` +
          `$${Math.max(0, remaining).toFixed(4)} of the $${this.budgetUsd?.toFixed(2)} budget is left.`,
      );
    this.heldUsd += worstUsd;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.heldUsd -= worstUsd;
      },
    };
  }

  /** Adds a finished call (successful or not) to the totals. */
  add(record: CallRecord): void {
    const buckets = [
      this.summary.total,
      (this.summary.byProvider[record.provider] ??= emptyTotals()),
      (this.summary.byModel[record.model] ??= emptyTotals()),
    ];
    if (record.runId !== null) buckets.push((this.summary.byRun[record.runId] ??= emptyTotals()));
    for (const totals of buckets) {
      totals.calls++;
      if (!record.usage) continue;
      totals.promptTokens += record.usage.promptTokens;
      totals.completionTokens += record.usage.completionTokens;
      if (record.usage.estimated) totals.estimatedCalls++;
      if (record.costUsd === null) totals.unpricedCalls++;
      else totals.costUsd += record.costUsd;
    }
  }

  /** A copy: callers may keep it without seeing later changes. */
  totals(): UsageSummary {
    return structuredClone(this.summary);
  }
}
