import type { CorpusEntry } from '../types';
import { median } from './values';

const CASE_DURATIONS = [
  [21, 28, 30, 35, 38, 41, 44, 47, 52, 55, 60, 63, 70, 84, 120],
  [14, 18, 20, 22, 25, 27, 29, 31, 33, 36, 38, 41, 45, 49, 95],
  [60, 85, 92, 104, 118, 126, 133, 140, 152, 168, 181, 195, 210, 240, 310],
  [95, 120, 138, 150, 166, 172, 185, 198, 214, 230, 251, 268, 290, 333, 420],
  [70, 88, 97, 110, 121, 129, 137, 146, 158, 165, 177, 190, 205, 228, 365],
  [120, 145, 160, 178, 190, 204, 219, 235, 248, 262, 280, 301, 330, 372, 455],
];

/** Box charts: vertical and horizontal. Box series report their medians as y. */
export const BOX_ENTRIES: readonly CorpusEntry[] = [
  {
    id: 'box-vertical-exam-scores',
    title: 'Final Maths Exam Scores by Teaching Method',
    major: 'box',
    minor: 'box-vertical',
    topic: 'education',
    subplots: 2,
    features: ['boxplot', 'violinplot', 'subplots', 'seeded-random'],
    expect: {
      axes: 2,
      title: 'Final Maths Exam Scores by Teaching Method',
      // Scores are seeded draws, so only the structure is fixed by the script's text
      series: [{ axes: 0, kind: 'box', count: 4, orientation: 'vertical' }],
      texts: ['Box Plot (triangle = mean)', 'Violin Plot', 'Pass mark', 'Peer tutoring'],
    },
  },
  {
    id: 'box-horizontal-court-case-durations',
    title: 'District Court Case Durations by Case Type, 2023 Sample',
    major: 'box',
    minor: 'box-horizontal',
    topic: 'law',
    subplots: 1,
    features: ['boxplot'],
    expect: {
      axes: 1,
      title: 'District Court Case Durations by Case Type, 2023 Sample',
      series: [
        {
          axes: 0,
          kind: 'box',
          count: 6,
          orientation: 'horizontal',
          y: CASE_DURATIONS.map(median),
        },
      ],
      texts: ['Small claims', 'Property', 'Days from filing to judgment'],
    },
  },
];
