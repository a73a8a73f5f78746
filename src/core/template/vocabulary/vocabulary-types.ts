// The shape of a topic vocabulary: what the template recipe needs to dress generated numbers as
// a plausible chart about that topic.

/** One dataset's worth of words and numbers for a topic. */
export interface VocabularyDataset {
  /** What is measured, lower case, e.g. "monthly revenue". */
  subject: string;
  /** Axis label for the value, e.g. "Revenue". */
  valueLabel: string;
  /** Unit of the value, e.g. "million USD" ("%" for shares). */
  unit: string;
  /** Plausible [min, max] of a value. */
  range: [number, number];
  /** Decimals a chart shows for this value (0 or 1). */
  decimals: 0 | 1;
  /** Singular noun for a category, e.g. "region". */
  categoryNoun: string;
  /** At least 8 category names. */
  categories: string[];
  /** Singular noun for a series, e.g. "product line". */
  seriesNoun: string;
  /** At least 4 series names. */
  series: string[];
  /** Title patterns; {subject}, {start} and {end} are filled in. */
  titles: string[];
}

/** All datasets of one topic. */
export interface TopicVocabulary {
  topicId: string;
  datasets: VocabularyDataset[];
}

/**
 * Builds a dataset from a compact description: lists are "|"-separated so a topic fits in a few
 * lines of source.
 */
export function defineDataset(
  subject: string,
  valueLabel: string,
  unit: string,
  range: [number, number],
  decimals: 0 | 1,
  categoryNoun: string,
  categories: string,
  seriesNoun: string,
  series: string,
  titles: string,
): VocabularyDataset {
  const split = (text: string): string[] => text.split('|').map((part) => part.trim());
  return {
    subject,
    valueLabel,
    unit,
    range,
    decimals,
    categoryNoun,
    categories: split(categories),
    seriesNoun,
    series: split(series),
    titles: split(titles),
  };
}

/** Whether sums of this dataset's values mean something (counts and amounts, not rates or scores). */
export function isAdditive(dataset: VocabularyDataset): boolean {
  if (dataset.unit === '%' || /\bper\b|out of/.test(dataset.unit)) return false;
  return !/^(average|median)|score|rating|rate|time|height|strength|price|half-life|duration|accuracy|yield|cost/.test(
    dataset.subject,
  );
}
