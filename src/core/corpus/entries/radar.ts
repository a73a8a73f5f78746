import type { CorpusEntry } from '../types';

/** Closes a radar polygon the way the scripts do: the first value repeated at the end. */
function closed(values: readonly number[]): number[] {
  return [...values, ...values.slice(0, 1)];
}

/** Radar charts: plain and filled, on polar axes. */
export const RADAR_ENTRIES: readonly CorpusEntry[] = [
  {
    id: 'radar-plain-laptop-comparison',
    title: '14-inch Laptop Review Scores, 2024',
    major: 'radar',
    minor: 'radar-plain',
    topic: 'computer-science-it',
    subplots: 1,
    features: ['polar'],
    expect: {
      axes: 1,
      title: '14-inch Laptop Review Scores, 2024',
      series: [
        {
          axes: 0,
          kind: 'line',
          label: 'Aero 14',
          count: 8,
          y: closed([8.5, 6.0, 9.0, 8.0, 7.5, 9.0, 6.5]),
        },
        {
          axes: 0,
          kind: 'line',
          label: 'Forge Pro 14',
          y: closed([9.5, 9.0, 5.5, 8.5, 8.0, 6.0, 5.0]),
        },
        {
          axes: 0,
          kind: 'line',
          label: 'Nimbus Air',
          y: closed([6.5, 5.0, 8.0, 7.0, 6.5, 9.5, 9.0]),
        },
      ],
      legend: ['Aero 14', 'Forge Pro 14', 'Nimbus Air'],
      texts: ['Battery life', 'Price value'],
    },
  },
  {
    id: 'radar-filled-athlete-skills',
    title: 'Academy Scouting Grades of Two Midfielders',
    major: 'radar',
    minor: 'radar-filled',
    topic: 'sports-entertainment',
    subplots: 1,
    features: ['polar'],
    expect: {
      axes: 1,
      title: 'Academy Scouting Grades of Two Midfielders',
      series: [
        {
          axes: 0,
          kind: 'line',
          label: 'Player A (age 19)',
          count: 8,
          y: closed([88, 76, 64, 71, 90, 85, 58]),
        },
        {
          axes: 0,
          kind: 'line',
          label: 'Player B (age 18)',
          count: 8,
          y: closed([72, 91, 82, 49, 78, 70, 66]),
        },
        { axes: 0, kind: 'patch', count: 2 },
      ],
      legend: ['Player A (age 19)', 'Player B (age 18)'],
      texts: ['Passing', 'Heading'],
    },
  },
  {
    id: 'radar-filled-city-livability',
    title: 'Livability of Three Mid-Sized Cities, 2024 Survey',
    major: 'radar',
    minor: 'radar-filled',
    topic: 'society-community',
    subplots: 2,
    features: ['polar', 'subplots'],
    expect: {
      axes: 2,
      title: 'Livability of Three Mid-Sized Cities, 2024 Survey',
      series: [
        {
          axes: 0,
          kind: 'line',
          label: 'Riverton',
          y: closed([6.2, 8.1, 7.4, 8.8, 7.9, 6.5, 6.8]),
        },
        {
          axes: 0,
          kind: 'line',
          label: 'Hillcrest',
          y: closed([4.8, 7.2, 8.6, 6.1, 8.4, 8.9, 8.2]),
        },
        {
          axes: 0,
          kind: 'line',
          label: 'Lakeside',
          y: closed([7.5, 8.8, 5.2, 9.1, 6.7, 5.4, 5.9]),
        },
        { axes: 1, kind: 'bar', label: '2019', count: 3, y: [7.0, 7.1, 6.6] },
        // Means of the seven dimensions, rounded to 2 decimals by the script
        { axes: 1, kind: 'bar', label: '2024', count: 3, y: [7.39, 7.46, 6.94] },
      ],
      legend: ['Riverton', 'Hillcrest', 'Lakeside'],
      texts: ['Overall Score, 2019 vs 2024', 'Public transport'],
    },
  },
];
