// Coverage of the kept charts: chart type × topic × level counts and the imbalance ratio across
// types (the paper's types came out ~10× imbalanced, METHOD.md §3).
import { MINOR_CHART_TYPES, type MinorChartType } from '../chart-types.ts';
import type { ChartRecord } from '../dataset/records.ts';
import { TOPICS } from '../topics.ts';
import type { CoverageStats, LevelCounts } from './types.ts';

const KNOWN_TOPICS: ReadonlySet<string> = new Set(TOPICS.map((topic) => topic.id));
const KNOWN_MINOR: ReadonlySet<string> = new Set(MINOR_CHART_TYPES.map((type) => type.id));

export class CoverageCounter {
  readonly #byType = Object.fromEntries(
    MINOR_CHART_TYPES.map((type) => [type.id, { easy: 0, hard: 0 }]),
  ) as Record<MinorChartType, LevelCounts>;
  readonly #byTopic: Record<string, LevelCounts> = {};
  readonly #typeTopic: Partial<Record<MinorChartType, Record<string, number>>> = {};
  readonly #unknownTopics = new Set<string>();

  /** Counts a kept chart (under each of its distinct topics). */
  add(chart: ChartRecord): void {
    // A chart from an archive of a later build may carry a type this build does not know.
    if (!KNOWN_MINOR.has(chart.minor)) return;
    this.#byType[chart.minor][chart.level] += 1;
    const row = (this.#typeTopic[chart.minor] ??= {});
    for (const topic of new Set(chart.topics)) {
      if (!KNOWN_TOPICS.has(topic)) this.#unknownTopics.add(topic);
      const counts = (this.#byTopic[topic] ??= { easy: 0, hard: 0 });
      counts[chart.level] += 1;
      row[topic] = (row[topic] ?? 0) + 1;
    }
  }

  summarize(): CoverageStats {
    const present = MINOR_CHART_TYPES.map((type) => {
      const counts = this.#byType[type.id];
      return { minor: type.id, count: counts.easy + counts.hard };
    }).filter((entry) => entry.count > 0);
    let imbalance: CoverageStats['imbalance'] = null;
    if (present.length >= 2) {
      // Ties go to the paper's order, so the answer is stable.
      const most = present.reduce((a, b) => (b.count > a.count ? b : a));
      const least = present.reduce((a, b) => (b.count < a.count ? b : a));
      imbalance = { ratio: most.count / least.count, most, least };
    }
    return {
      byType: this.#byType,
      byTopic: this.#byTopic,
      typeTopic: this.#typeTopic,
      unknownTopics: [...this.#unknownTopics].sort(),
      imbalance,
      typesPresent: present.length,
    };
  }
}
