// Measured difficulty of kept charts (series, points, subplots, overlays, annotations from the
// figure facts) and kept Q&A (answer-program steps), as distributions (issue item 12).
import type { ChartRecord, QaKind, QaRecord } from '../dataset/records.ts';
import { Tally } from './tally.ts';
import type { DifficultyStats } from './types.ts';

type Level = 'easy' | 'hard';

export class DifficultyCounter {
  readonly #series = new Tally();
  readonly #points = new Tally();
  readonly #subplots = new Tally();
  readonly #overlays = new Tally();
  readonly #annotations = new Tally();
  readonly #steps: Record<QaKind, Tally> = { recognition: new Tally(), reasoning: new Tally() };
  readonly #sums: Record<
    Level,
    { charts: number; series: number; points: number; subplots: number }
  > = {
    easy: { charts: 0, series: 0, points: 0, subplots: 0 },
    hard: { charts: 0, series: 0, points: 0, subplots: 0 },
  };

  addChart(chart: ChartRecord): void {
    const { series, points, subplots, overlays, annotations } = chart.complexity;
    this.#series.add(series);
    this.#points.add(points);
    this.#subplots.add(subplots);
    // Charts made before these were measured have no value: they are left out, not counted as 0.
    if (overlays !== undefined) this.#overlays.add(overlays);
    if (annotations !== undefined) this.#annotations.add(annotations);
    const sums = this.#sums[chart.level];
    sums.charts += 1;
    sums.series += finiteOrZero(series);
    sums.points += finiteOrZero(points);
    sums.subplots += finiteOrZero(subplots);
  }

  addQa(qa: QaRecord): void {
    this.#steps[qa.kind].add(qa.programSteps);
  }

  summarize(): DifficultyStats {
    const mean = (level: Level) => {
      const sums = this.#sums[level];
      const n = Math.max(1, sums.charts);
      return {
        charts: sums.charts,
        series: sums.series / n,
        points: sums.points / n,
        subplots: sums.subplots / n,
      };
    };
    return {
      charts: {
        series: this.#series.describe(),
        points: this.#points.describe(),
        subplots: this.#subplots.describe(),
        overlays: this.#overlays.describe(),
        annotations: this.#annotations.describe(),
      },
      meanByLevel: { easy: mean('easy'), hard: mean('hard') },
      programSteps: {
        recognition: this.#steps.recognition.describe(),
        reasoning: this.#steps.reasoning.describe(),
      },
    };
  }
}

function finiteOrZero(value: number): number {
  return Number.isFinite(value) ? value : 0;
}
