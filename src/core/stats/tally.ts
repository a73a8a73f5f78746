// Streaming counts of whole numbers (value → how often), summarised as a Distribution whose bins
// follow a 1-2-5 scale: single values 0–9, then 10–19, 20–49, 50–99, 100–199… so a count of
// series (1–6) and a count of points (10–5,000) both read well as a small bar plot.
import type { Distribution } from './types.ts';

/** Counts how often each value occurs; memory grows with distinct values, not with records. */
export class Tally {
  readonly #counts = new Map<number, number>();
  #total = 0;
  #sum = 0;

  add(value: number): void {
    if (!Number.isFinite(value)) return;
    const whole = Math.max(0, Math.round(value));
    this.#counts.set(whole, (this.#counts.get(whole) ?? 0) + 1);
    this.#total += 1;
    this.#sum += whole;
  }

  get count(): number {
    return this.#total;
  }

  /** Mean, median, max and the 1-2-5 bins from the smallest to the largest value seen. */
  describe(): Distribution {
    if (this.#total === 0) return { count: 0, mean: null, median: null, max: null, bins: [] };
    const values = [...this.#counts.keys()].sort((a, b) => a - b);
    const min = values[0]!;
    const max = values[values.length - 1]!;
    const bins = binEdges(max)
      .filter((bin) => bin.to >= min)
      .map((bin) => ({ ...bin, count: 0 }));
    for (const [value, count] of this.#counts) {
      const bin = bins.find((b) => value >= b.from && value <= b.to);
      if (bin) bin.count += count;
    }
    return {
      count: this.#total,
      mean: this.#sum / this.#total,
      median: this.#median(values),
      max,
      bins,
    };
  }

  /** The middle value (the mean of the two middle ones for an even count). */
  #median(sortedValues: number[]): number {
    const lower = Math.floor((this.#total - 1) / 2);
    const upper = Math.floor(this.#total / 2);
    let seen = 0;
    let lowerValue: number | null = null;
    for (const value of sortedValues) {
      seen += this.#counts.get(value) ?? 0;
      if (lowerValue === null && seen > lower) lowerValue = value;
      if (seen > upper) return (lowerValue! + value) / 2;
    }
    return lowerValue ?? 0;
  }
}

/** Bins 0…9 one by one, then [10,19], [20,49], [50,99], [100,199]… up to the one holding max. */
export function binEdges(max: number): { label: string; from: number; to: number }[] {
  const bins: { label: string; from: number; to: number }[] = [];
  for (let value = 0; value <= Math.min(9, max); value += 1) {
    bins.push({ label: String(value), from: value, to: value });
  }
  let from = 10;
  const steps = [2, 2.5, 2]; // 10 → 20 → 50 → 100 → 200 → 500 → 1000 …
  for (let step = 0; from <= max; step += 1) {
    const next = Math.round(from * steps[step % steps.length]!);
    bins.push({
      label: `${from.toLocaleString('en-US')}–${(next - 1).toLocaleString('en-US')}`,
      from,
      to: next - 1,
    });
    from = next;
  }
  return bins;
}
