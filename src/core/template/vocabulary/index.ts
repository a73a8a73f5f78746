// Every topic's vocabulary, keyed by topic id (ids from src/core/topics.ts).
import type { TopicVocabulary } from './vocabulary-types.ts';
import { SOCIETY_ECONOMY_VOCABULARIES } from './topics-society-economy.ts';
import { INDUSTRY_NATURE_VOCABULARIES } from './topics-industry-nature.ts';
import { CULTURE_MEDIA_VOCABULARIES } from './topics-culture-media.ts';
import { SCIENCE_TECH_VOCABULARIES } from './topics-science-tech.ts';

export type { TopicVocabulary, VocabularyDataset } from './vocabulary-types.ts';
export { isAdditive } from './vocabulary-types.ts';

/** All vocabularies, one per topic. */
export const TOPIC_VOCABULARIES: readonly TopicVocabulary[] = [
  ...SOCIETY_ECONOMY_VOCABULARIES,
  ...INDUSTRY_NATURE_VOCABULARIES,
  ...CULTURE_MEDIA_VOCABULARIES,
  ...SCIENCE_TECH_VOCABULARIES,
];

/** The vocabulary of a topic; undefined for a topic without one. */
export function findVocabulary(topicId: string): TopicVocabulary | undefined {
  return TOPIC_VOCABULARIES.find((vocabulary) => vocabulary.topicId === topicId);
}
