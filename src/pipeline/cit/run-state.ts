// What a CIT run keeps in memory about its dataset: quota counts (kept and in-flight per type,
// topics, levels), the seed pool for demos, the charts that can be evolved, and the dedup indexes
// (MinHash of code, perceptual hash of images, questions per chart). Built from the store when a
// run starts or resumes; every admitted chart joins at once, so two lanes cannot both keep twins.
import type { MinorChartType } from '../../core/chart-types.ts';
import type { CitItemState } from '../../core/cit/item-state.ts';
import type { QuotaCounts } from '../../core/cit/quota.ts';
import type { CitRecipeSettings } from '../../core/cit/recipe.ts';
import { codeSignature, MinHashIndex } from '../../core/dedup/minhash.ts';
import { PhashIndex } from '../../core/dedup/phash.ts';
import { findDuplicateQuestion } from '../../core/dedup/rouge-l.ts';
import type { ChartRecord, ItemRecord } from '../../core/dataset/records.ts';
import type { PoolChart, PoolSeed } from './types.ts';

const normalizeAnswer = (answer: string) => answer.trim().toLowerCase().replace(/\s+/g, ' ');

/** Code similarity above which two charts count as related (their Q&A are compared). */
const RELATED_CODE = 0.5;

interface Candidate {
  id: string;
  code: string;
  minor: MinorChartType;
  origin: PoolChart['origin'];
  topics: string[];
  level: 'easy' | 'hard';
}

export class CitRunState {
  readonly #settings: CitRecipeSettings;
  readonly #seeds: PoolSeed[];
  readonly #kept = new Map<string, Candidate>();
  readonly #keptByType = new Map<MinorChartType, number>();
  readonly #topics = new Map<string, number>();
  #easy = 0;
  #hard = 0;
  /** Items of this run with a chosen type, not yet finished. */
  readonly #inFlight = new Map<string, { minor: MinorChartType; evol: boolean }>();
  /** Parents already taken by an item (one evolution per chart per run). */
  readonly #evolved = new Set<string>();
  readonly #code = new MinHashIndex();
  readonly #images = new PhashIndex();
  /** Questions kept so far per chart (the within-chart check). */
  readonly #questions = new Map<string, string[]>();
  /** Kept Q&A per chart, question and answer text (the check across related charts). */
  readonly #qa = new Map<string, { question: string; answer: string }[]>();
  readonly #parents = new Map<string, string | null>();
  /** Charts of items in flight, so later stages do not read them back from the store. */
  readonly #charts = new Map<string, ChartRecord>();

  constructor(
    settings: CitRecipeSettings,
    charts: PoolChart[],
    seeds: PoolSeed[],
    items: ItemRecord[],
  ) {
    this.#settings = settings;
    this.#seeds = seeds;
    for (const chart of charts) {
      if (chart.rejected) continue;
      this.#admitIndexes(chart.id, chart.code, chart.phash);
      this.#questions.set(
        chart.id,
        chart.qa.map((entry) => entry.question),
      );
      this.#qa.set(chart.id, [...chart.qa]);
      this.#parents.set(chart.id, chart.parentChartId);
      if (chart.parentChartId) this.#evolved.add(chart.parentChartId);
      if (chart.kept) this.#keep(chart);
    }
    for (const item of items) {
      if (!item.cit) continue;
      if (item.cit.parentChartId) this.#evolved.add(item.cit.parentChartId);
      if (!['done', 'failed', 'rejected'].includes(item.stage))
        this.#inFlight.set(item.id, { minor: item.cit.minor, evol: item.cit.origin === 'evol' });
    }
  }

  #keep(chart: Pick<PoolChart, 'id' | 'code' | 'minor' | 'origin' | 'level' | 'topics'>): void {
    this.#kept.set(chart.id, chart);
    this.#keptByType.set(chart.minor, (this.#keptByType.get(chart.minor) ?? 0) + 1);
    for (const topic of chart.topics) this.#topics.set(topic, (this.#topics.get(topic) ?? 0) + 1);
    if (chart.level === 'hard') this.#hard += 1;
    else this.#easy += 1;
  }

  #admitIndexes(id: string, code: string, phash: string | null): void {
    this.#code.add(id, codeSignature(code));
    if (phash) this.#images.add(id, phash);
  }

  counts(): QuotaCounts {
    const inFlight: Partial<Record<MinorChartType, number>> = {};
    let hardInFlight = 0;
    for (const { minor, evol } of this.#inFlight.values()) {
      inFlight[minor] = (inFlight[minor] ?? 0) + 1;
      if (evol) hardInFlight += 1;
    }
    return {
      kept: Object.fromEntries(this.#keptByType) as Partial<Record<MinorChartType, number>>,
      inFlight,
      topics: Object.fromEntries(this.#topics),
      easy: this.#easy + this.#inFlight.size - hardInFlight,
      hard: this.#hard + hardInFlight,
    };
  }

  /** Kept Self-Instruct (or template/seed-like) charts not yet evolved: candidates for Evol. */
  parents(): Candidate[] {
    return [...this.#kept.values()].filter(
      (chart) => chart.origin !== 'evol' && !this.#evolved.has(chart.id),
    );
  }

  cacheChart(chart: ChartRecord): void {
    this.#charts.set(chart.id, chart);
  }

  cachedChart(chartId: string): ChartRecord | undefined {
    return this.#charts.get(chartId);
  }

  forgetChart(chartId: string): void {
    this.#charts.delete(chartId);
  }

  /** Marks the item as working on a type (and a parent, for Evol). */
  claim(itemId: string, cit: CitItemState): void {
    this.#inFlight.set(itemId, { minor: cit.minor, evol: cit.origin === 'evol' });
    if (cit.parentChartId) this.#evolved.add(cit.parentChartId);
  }

  /** The item finished (done, failed or rejected). */
  release(itemId: string): void {
    this.#inFlight.delete(itemId);
  }

  /** The demo pool: built-in and imported seeds plus the dataset's kept charts. */
  demoPool(): PoolSeed[] {
    const kept = [...this.#kept.values()].map((chart) => ({
      id: `chart:${chart.id}`,
      title: '',
      code: chart.code,
      minor: chart.minor,
    }));
    return [...this.#seeds, ...kept];
  }

  keptChart(id: string): Candidate | undefined {
    return this.#kept.get(id);
  }

  /** Why this chart duplicates one already in the dataset, or null. */
  duplicateOf(chartId: string, code: string, phash: string | null): string | null {
    const { codeJaccard, imageHamming } = this.#settings.dedup;
    const codeMatch = this.#code.nearest(codeSignature(code));
    if (codeMatch && codeMatch.id !== chartId && codeMatch.similarity >= codeJaccard)
      return `near-duplicate code of chart ${codeMatch.id} (MinHash Jaccard ${codeMatch.similarity.toFixed(2)} ≥ ${codeJaccard})`;
    if (phash) {
      const imageMatch = this.#images.nearest(phash, imageHamming);
      if (imageMatch && imageMatch.id !== chartId)
        return `near-duplicate image of chart ${imageMatch.id} (perceptual hash distance ${imageMatch.distance} ≤ ${imageHamming})`;
    }
    return null;
  }

  /** The chart passed its gates: later charts are compared with it. */
  admit(chartId: string, code: string, phash: string | null, parentChartId: string | null): void {
    this.#admitIndexes(chartId, code, phash);
    this.#parents.set(chartId, parentChartId);
    if (!this.#questions.has(chartId)) this.#questions.set(chartId, []);
  }

  /** Why a question duplicates one already kept on the same chart (ROUGE-L), or null. */
  duplicateQuestion(chartId: string, question: string): string | null {
    const threshold = this.#settings.dedup.questionRougeL;
    const own = this.#questions.get(chartId) ?? [];
    const match = findDuplicateQuestion(question, own, threshold);
    if (!match) return null;
    return `near-duplicate of question "${own[match.index]}" on the same chart (ROUGE-L ${match.score.toFixed(2)} > ${threshold})`;
  }

  /**
   * Why an answered Q&A duplicates one of a related chart (its parent, its evolved children, the
   * chart with the nearest code when similar ≥ 0.5), or null: the question near-duplicate by
   * ROUGE-L AND the same final answer. The same question with another answer about an evolved
   * chart teaches something new and is kept; questions about unrelated charts are not compared
   * ("What is the value of X in 2020?" is a fine question about every line chart).
   */
  duplicateQa(chartId: string, code: string, question: string, answer: string): string | null {
    const threshold = this.#settings.dedup.questionRougeL;
    for (const related of this.#related(chartId, code)) {
      const entries = (this.#qa.get(related) ?? []).filter(
        (entry) => normalizeAnswer(entry.answer) === normalizeAnswer(answer),
      );
      const match = findDuplicateQuestion(
        question,
        entries.map((entry) => entry.question),
        threshold,
      );
      if (match)
        return `near-duplicate of Q&A "${entries[match.index]?.question}" → ${answer} on related chart ${related} (ROUGE-L ${match.score.toFixed(2)} > ${threshold}, same answer)`;
    }
    return null;
  }

  /** An answered Q&A was kept (later Q&A of related charts are compared with it). */
  admitQa(chartId: string, question: string, answer: string): void {
    const list = this.#qa.get(chartId) ?? [];
    list.push({ question, answer });
    this.#qa.set(chartId, list);
  }

  #related(chartId: string, code: string): string[] {
    const related = new Set<string>();
    const parent = this.#parents.get(chartId);
    if (parent) related.add(parent);
    for (const [child, childParent] of this.#parents)
      if (childParent === chartId) related.add(child);
    const nearest = this.#code.nearest(codeSignature(code));
    if (nearest && nearest.id !== chartId && nearest.similarity >= RELATED_CODE)
      related.add(nearest.id);
    related.delete(chartId);
    return [...related];
  }

  /** Takes back an admission (the chart was rejected by a later check). */
  withdraw(chartId: string): void {
    this.#code.remove(chartId);
    this.#images.remove(chartId);
    this.#parents.delete(chartId);
    this.#questions.delete(chartId);
    this.#qa.delete(chartId);
  }

  /** Forgets a chart's questions (its question stage starts over). */
  resetQuestions(chartId: string): void {
    this.#questions.set(chartId, []);
  }

  /** A question was kept (later questions are compared with it). */
  admitQuestion(chartId: string, question: string): void {
    const list = this.#questions.get(chartId) ?? [];
    list.push(question);
    this.#questions.set(chartId, list);
  }

  /** The chart is done and kept: it counts for the quota, can be evolved and shown as a demo. */
  markKept(chart: Pick<PoolChart, 'id' | 'code' | 'minor' | 'origin' | 'level' | 'topics'>): void {
    this.#keep(chart);
  }
}
