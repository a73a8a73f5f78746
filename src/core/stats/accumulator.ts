// Builds a dataset's statistics from its records, one record at a time, so storage can stream
// them (10k charts never sit in memory at once; images are never read). Order: runs first; each
// Q&A after its chart; items after every chart; recorded calls at any time; then finish().
import type { ItemCall } from '../cit/item-state.ts';
import {
  ITEM_STAGES,
  type ChartRecord,
  type ItemRecord,
  type ItemStage,
  type QaKind,
  type QaRecord,
  type RunRecord,
} from '../dataset/records.ts';
import { CallLedger, addToTotals, callGroup, emptyTotals, isQaSide } from './call-ledger.ts';
import { CoverageCounter } from './coverage.ts';
import { priceAtGpt4o } from './paper.ts';
import { DifficultyCounter } from './difficulty.ts';
import { ReasonCounter, reasonKey } from './reasons.ts';
import { RepairTracker } from './repair-tracker.ts';
import type {
  CallTotals,
  ChartCounts,
  DatasetStats,
  PerKept,
  RejectionGroup,
  VerificationCounts,
} from './types.ts';

/** How far a chart got: its Q&A count only once it finished, and as kept only when kept. */
type ChartState = 'in-progress' | 'finished' | 'kept';

/** A recorded llmCalls row, read defensively (its shape belongs to src/llm). */
export type RecordedCall = Readonly<Record<string, unknown>>;

function emptyVerification(): VerificationCounts {
  return { total: 0, verified: 0, mismatch: 0, unverifiable: 0, unchecked: 0 };
}

function countVerification(counts: VerificationCounts, qa: QaRecord): void {
  counts.total += 1;
  counts[qa.verification?.status ?? 'unchecked'] += 1;
}

export class StatsAccumulator {
  readonly #datasetId: string;
  readonly #chartState = new Map<string, ChartState>();
  readonly #charts: ChartCounts = {
    total: 0,
    kept: 0,
    keptByLevel: { easy: 0, hard: 0 },
    rejectedByPipeline: 0,
    rejectedInReview: 0,
    inProgress: 0,
    accepted: 0,
  };
  readonly #runs = { total: 0, template: 0, cit: 0 };
  readonly #items = {
    total: 0,
    byStage: Object.fromEntries(ITEM_STAGES.map((stage) => [stage, 0])) as Record<
      ItemStage,
      number
    >,
  };
  readonly #keptQa: Record<QaKind, number> = { recognition: 0, reasoning: 0 };
  readonly #answered = { recognition: emptyVerification(), reasoning: emptyVerification() };
  readonly #keptVerification = { recognition: emptyVerification(), reasoning: emptyVerification() };
  #regenerated = 0;
  readonly #coverage = new CoverageCounter();
  readonly #difficulty = new DifficultyCounter();
  readonly #repair = new RepairTracker();
  readonly #ledger = new CallLedger();
  /** Q&A calls found on charts and items, counted after the Q&A (which know the kind). */
  readonly #deferredQaCalls: { call: ItemCall; chartId: string | null }[] = [];
  readonly #recorded: CallTotals & { failedCalls: number } = { ...emptyTotals(), failedCalls: 0 };
  /** `${subject}|${stage}` → reasons, and how many records were set aside there. */
  readonly #rejections = new Map<string, ReasonCounter>();
  readonly #recordsPerGroup = new Map<string, number>();

  constructor(datasetId: string) {
    this.#datasetId = datasetId;
  }

  addRun(run: RunRecord): void {
    this.#runs.total += 1;
    if (run.settings.kind === 'cit') this.#runs.cit += 1;
    else this.#runs.template += 1;
  }

  /** `isFinished`: the chart's browse row exists (it is done, or rejected by the pipeline). */
  addChart(chart: ChartRecord, isFinished: boolean): void {
    this.#charts.total += 1;
    let state: ChartState = isFinished ? 'finished' : 'in-progress';
    if (chart.rejection) {
      this.#charts.rejectedByPipeline += 1;
      this.#reject('chart', chart.rejection.stage, chart.rejection.reasons);
    } else if (!isFinished) {
      this.#charts.inProgress += 1;
    } else if (chart.review === 'rejected') {
      this.#charts.rejectedInReview += 1;
      this.#reject('chart', 'review', ['rejected by a person']);
    } else {
      state = 'kept';
      this.#charts.kept += 1;
      this.#charts.keptByLevel[chart.level] += 1;
      if (chart.review === 'accepted') this.#charts.accepted += 1;
      this.#coverage.add(chart);
      this.#difficulty.addChart(chart);
    }
    this.#chartState.set(chart.id, state);
    const cit = chart.provenance.cit;
    if (!cit) return;
    for (const call of cit.calls) this.#addCall(call, chart.id);
    // An item, when it exists, replaces this record: it also knows the scripts that failed.
    this.#repair.record(chart.provenance.itemId ?? chart.id, cit.tries, true);
  }

  addItem(item: ItemRecord): void {
    this.#items.total += 1;
    this.#items.byStage[item.stage] += 1;
    const cit = item.cit;
    const hasGivenUp = item.stage === 'failed' || item.stage === 'rejected';
    if (cit) {
      for (const call of cit.calls) this.#addCall(call, item.chartId);
      this.#repair.record(item.id, cit.tries, hasGivenUp);
      for (const question of cit.questions ?? []) {
        if (question.dropped) this.#reject('qa', 'question', [question.dropped]);
        if (question.answerCalls >= 2) this.#regenerated += 1;
      }
      const hasChart = item.chartId !== null && this.#chartState.has(item.chartId);
      // A chart record carries its own rejection; this is a script rejected before it had one.
      if (item.stage === 'rejected' && !hasChart && cit.rejection) {
        this.#reject('chart', cit.rejection.stage, cit.rejection.reasons);
      }
    }
    if (item.stage !== 'failed') return;
    // A script whose every render failed is counted by the repair tracker (stage 'render').
    const tries = cit?.tries ?? [];
    if (tries.length > 0 && tries.every((attempt) => attempt.error !== null)) return;
    const last = [...item.attempts].reverse().find((attempt) => !attempt.ok);
    const kind = last?.error?.kind ?? 'unknown';
    this.#reject('chart', 'failed', [last ? `${kind}, stage ${last.stage}` : kind]);
  }

  addQa(qa: QaRecord): void {
    for (const call of qa.calls ?? []) this.#ledger.add(call, qa.kind, qa.chartId);
    const state = this.#chartState.get(qa.chartId) ?? 'in-progress';
    if (state === 'in-progress') return;
    countVerification(this.#answered[qa.kind], qa);
    if (qa.rejection) {
      this.#reject('qa', qa.rejection.stage, qa.rejection.reasons);
      return;
    }
    if (state !== 'kept') return;
    if (qa.review === 'rejected') {
      this.#reject('qa', 'review', ['rejected by a person']);
      return;
    }
    this.#keptQa[qa.kind] += 1;
    countVerification(this.#keptVerification[qa.kind], qa);
    this.#difficulty.addQa(qa);
  }

  /** A row of the llmCalls table made for one of this dataset's runs. */
  addRecordedCall(record: RecordedCall): void {
    const usage = isObject(record['usage']) ? record['usage'] : {};
    const cost = typeof record['costUsd'] === 'number' ? record['costUsd'] : null;
    addToTotals(
      this.#recorded,
      toNumber(usage['promptTokens']),
      toNumber(usage['completionTokens']),
      cost,
    );
    if (record['error']) this.#recorded.failedCalls += 1;
  }

  finish(): DatasetStats {
    for (const { call, chartId } of this.#deferredQaCalls.splice(0)) {
      this.#ledger.add(call, null, chartId);
    }
    const { stats: repair, brokenByKind } = this.#repair.summarize();
    const rejections = this.#rejectionGroups();
    if (brokenByKind.length > 0) {
      const total = brokenByKind.reduce((sum, reason) => sum + reason.count, 0);
      rejections.push({ subject: 'chart', stage: 'render', total, reasons: brokenByKind });
    }
    rejections.sort((a, b) => b.total - a.total || a.stage.localeCompare(b.stage));
    return {
      datasetId: this.#datasetId,
      charts: this.#charts,
      keptQa: this.#keptQa,
      items: this.#items,
      runs: this.#runs,
      coverage: this.#coverage.summarize(),
      verification: {
        answered: this.#answered,
        kept: this.#keptVerification,
        regeneratedAfterMismatch: this.#regenerated,
      },
      rejections,
      repair,
      cost: {
        isLlmUsed: this.#ledger.callCount > 0 || this.#recorded.calls > 0,
        chartSide: this.#ledger.chartSide,
        qaSide: this.#ledger.qaSide,
        groups: this.#ledger.groups(),
        qaPerChart: this.#ledger.qaPerChart(),
        perKeptChart: perKept(this.#ledger.chartSide, this.#charts.kept),
        perKeptQa: perKept(this.#ledger.qaSide, this.#keptQa.recognition + this.#keptQa.reasoning),
        recorded: this.#recorded,
      },
      difficulty: this.#difficulty.summarize(),
    };
  }

  #addCall(call: ItemCall, chartId: string | null): void {
    if (isQaSide(callGroup(call.task, null))) this.#deferredQaCalls.push({ call, chartId });
    else this.#ledger.add(call, null, chartId);
  }

  #reject(subject: 'chart' | 'qa', stage: string, reasons: readonly string[]): void {
    const key = `${subject}|${stage}`;
    let counter = this.#rejections.get(key);
    if (!counter) this.#rejections.set(key, (counter = new ReasonCounter()));
    // A record with several reasons counts once per reason: the group total counts records.
    for (const reason of reasons.length > 0 ? reasons : ['']) counter.add(reasonKey(stage, reason));
    this.#recordsPerGroup.set(key, (this.#recordsPerGroup.get(key) ?? 0) + 1);
  }

  #rejectionGroups(): RejectionGroup[] {
    return [...this.#rejections].map(([key, counter]) => {
      const [subject, stage] = key.split('|') as ['chart' | 'qa', string];
      return {
        subject,
        stage,
        total: this.#recordsPerGroup.get(key) ?? 0,
        reasons: counter.sorted(),
      };
    });
  }
}

function perKept(totals: CallTotals, kept: number): PerKept {
  if (kept === 0) {
    return {
      usd: null,
      usdAtGpt4o: null,
      promptTokens: null,
      completionTokens: null,
      isLowerBound: false,
    };
  }
  return {
    usd: totals.usd / kept,
    usdAtGpt4o: priceAtGpt4o(totals.promptTokens, totals.completionTokens) / kept,
    promptTokens: totals.promptTokens / kept,
    completionTokens: totals.completionTokens / kept,
    isLowerBound: totals.unknownCostCalls > 0,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toNumber(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
