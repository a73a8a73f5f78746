// Names for people of the ids the statistics carry: rejection stages and LLM call groups.
import type { CallGroup, RejectionGroup } from '../../core/stats/index.ts';

const STAGE_NAMES: Record<string, string> = {
  'chart|gate': 'Quality gate (layout findings)',
  'chart|rater': 'Vision raters (image score below the threshold)',
  'chart|dedup': 'Duplicates across the dataset',
  'chart|static': 'Static checks before running',
  'chart|render': 'Render: still broken after repair (last error)',
  'chart|failed': 'Items the runner gave up on (error, stage)',
  'chart|review': 'Rejected in review',
  'qa|mismatch': 'Answer mismatch policy',
  'qa|vote': 'Q&A raters’ votes',
  'qa|dedup': 'Duplicate questions',
  'qa|question': 'Questions dropped before answering',
  'qa|review': 'Rejected in review',
};

/** The stage of a rejection group, for a person. */
export function stageName(group: Pick<RejectionGroup, 'subject' | 'stage'>): string {
  return STAGE_NAMES[`${group.subject}|${group.stage}`] ?? group.stage;
}

export const CALL_GROUP_NAMES: Record<CallGroup, string> = {
  'self-instruct': 'Self-Instruct (plan, write)',
  evol: 'Evol-Instruct (plan, write)',
  repair: 'Repair',
  'chart-rating': 'Chart raters',
  'qa-recognition': 'Recognition Q&A (questions + answers)',
  'qa-reasoning': 'Reasoning Q&A (questions + answers)',
  'qa-unattributed': 'Q&A calls of unknown kind',
  'qa-rating': 'Q&A raters',
  other: 'Other calls',
};
