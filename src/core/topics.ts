// The 38 topics of the CIT method (METHOD.md §1). They are only hints for the LLM when it plans a
// chart's backstory, so ids must stay stable but nothing depends on their wording.

/** A topic with a stable id and its display name. */
export interface Topic {
  id: string;
  name: string;
}

/** The 38 topics in the paper's order. */
export const TOPICS: readonly Topic[] = [
  { id: 'business-finance', name: 'Business & finance' },
  { id: 'healthcare', name: 'Healthcare' },
  { id: 'science-engineering', name: 'Science & engineering' },
  { id: 'social-media-web', name: 'Social media & web' },
  { id: 'government-policy', name: 'Government & policy' },
  { id: 'education', name: 'Education' },
  { id: 'environment-sustainability', name: 'Environment & sustainability' },
  { id: 'retail-ecommerce', name: 'Retail & e-commerce' },
  { id: 'human-resources', name: 'Human resources' },
  { id: 'agriculture-food-production', name: 'Agriculture & food production' },
  { id: 'energy-utilities', name: 'Energy & utilities' },
  { id: 'transportation-logistics', name: 'Transportation & logistics' },
  { id: 'real-estate', name: 'Real estate' },
  { id: 'manufacturing', name: 'Manufacturing' },
  { id: 'sports-entertainment', name: 'Sports & entertainment' },
  { id: 'social-sciences-humanities', name: 'Social sciences & humanities' },
  { id: 'law', name: 'Law' },
  { id: 'food-beverage', name: 'Food & beverage' },
  { id: 'history-culture', name: 'History & culture' },
  { id: 'society-community', name: 'Society & community' },
  { id: 'art-design', name: 'Art & design' },
  { id: 'travel', name: 'Travel' },
  { id: 'religion', name: 'Religion' },
  { id: 'language-communication', name: 'Language & communication' },
  { id: 'fashion', name: 'Fashion' },
  { id: 'music-performance', name: 'Music & performance' },
  { id: 'film', name: 'Film' },
  { id: 'literature', name: 'Literature' },
  { id: 'architecture', name: 'Architecture' },
  { id: 'mathematics-statistics', name: 'Mathematics & statistics' },
  { id: 'physics-chemistry', name: 'Physics & chemistry' },
  { id: 'biology', name: 'Biology' },
  { id: 'astronomy-space', name: 'Astronomy & space' },
  { id: 'computer-science-it', name: 'Computer science & IT' },
  { id: 'marketing-advertising', name: 'Marketing & advertising' },
  { id: 'futurism-innovation', name: 'Futurism & innovation' },
  { id: 'books-publishing', name: 'Books & publishing' },
  { id: 'ai-robotics', name: 'AI & robotics' },
];

/** Finds a topic by id; undefined for an unknown id. */
export function findTopic(id: string): Topic | undefined {
  return TOPICS.find((topic) => topic.id === id);
}
