import type { CorpusEntry } from '../types';
import { sumSeries } from './values';

const LISTENING = {
  music: [9.8, 9.6, 9.9, 10.2, 10.6, 11.1, 11.8, 12.0, 10.9, 10.4, 10.1, 12.6],
  podcasts: [2.9, 3.0, 3.1, 3.1, 3.2, 3.0, 2.7, 2.6, 3.3, 3.5, 3.6, 3.2],
  audiobooks: [0.6, 0.7, 0.7, 0.8, 0.8, 0.9, 1.1, 1.2, 0.9, 1.0, 1.0, 1.3],
  liveRadio: [0.9, 0.9, 0.8, 0.8, 0.7, 0.7, 0.6, 0.6, 0.7, 0.8, 0.8, 0.9],
};

const WASTE = {
  landfill: [148, 141, 133, 121, 110, 101, 92, 84, 75],
  incineration: [62, 64, 66, 69, 71, 72, 73, 72, 71],
  recycling: [58, 63, 69, 75, 82, 86, 92, 97, 103],
  composting: [14, 16, 19, 22, 25, 29, 32, 35, 39],
};
const WASTE_TOTAL = sumSeries(
  WASTE.landfill,
  WASTE.incineration,
  WASTE.recycling,
  WASTE.composting,
);
const RECYCLING_RATE = sumSeries(WASTE.recycling, WASTE.composting).map(
  (recycled, year) => Math.round((recycled / (WASTE_TOTAL[year] ?? 1)) * 1000) / 10,
);

/** Area charts: plain and stacked. */
export const AREA_ENTRIES: readonly CorpusEntry[] = [
  {
    id: 'area-plain-website-traffic',
    title: 'Recipe Blog Traffic Around a Viral Video',
    major: 'area',
    minor: 'area-plain',
    topic: 'social-media-web',
    subplots: 1,
    features: ['make_interp_spline', 'fill_between', 'annotate'],
    expect: {
      axes: 1,
      title: 'Recipe Blog Traffic Around a Viral Video',
      series: [
        {
          axes: 0,
          kind: 'line',
          count: 14,
          y: [12.4, 12.9, 13.1, 12.7, 14.0, 38.6, 71.2, 64.5, 47.8, 36.1, 29.4, 25.8, 23.9, 22.7],
        },
        { axes: 0, kind: 'line', label: 'Pre-video baseline (13k)', y: [13, 13] },
        { axes: 0, kind: 'area', count: 300 },
      ],
      legend: ['Daily unique visitors', 'Pre-video baseline (13k)'],
      texts: ['Peak: 71.2k visitors', 'Video posted'],
    },
  },
  {
    id: 'area-stacked-streaming-hours',
    title: 'Weekly Listening Hours per Subscriber by Content Type, 2023',
    major: 'area',
    minor: 'area-stacked',
    topic: 'music-performance',
    subplots: 1,
    features: ['stackplot'],
    expect: {
      axes: 1,
      title: 'Weekly Listening Hours per Subscriber by Content Type, 2023',
      series: [
        { axes: 0, kind: 'area', label: 'Music', count: 12 },
        { axes: 0, kind: 'area', label: 'Podcasts', count: 12 },
        { axes: 0, kind: 'area', label: 'Audiobooks', count: 12 },
        { axes: 0, kind: 'area', label: 'Live radio', count: 12 },
        {
          axes: 0,
          kind: 'line',
          count: 12,
          y: sumSeries(
            LISTENING.music,
            LISTENING.podcasts,
            LISTENING.audiobooks,
            LISTENING.liveRadio,
          ),
        },
      ],
      legend: ['Music', 'Podcasts', 'Audiobooks', 'Live radio'],
      texts: ['Holiday peak', '18.0 h'],
    },
  },
  {
    id: 'area-stacked-municipal-waste',
    title: 'Municipal Waste by Treatment and Recycling Rate, 2015-2023',
    major: 'area',
    minor: 'area-stacked',
    topic: 'environment-sustainability',
    subplots: 1,
    features: ['stackplot', 'twinx'],
    expect: {
      axes: 2,
      title: 'Municipal Waste by Treatment and Recycling Rate, 2015-2023',
      series: [
        { axes: 0, kind: 'area', label: 'Landfill', count: 9 },
        { axes: 0, kind: 'area', label: 'Incineration', count: 9 },
        { axes: 0, kind: 'area', label: 'Recycling', count: 9 },
        { axes: 0, kind: 'area', label: 'Composting', count: 9 },
        { axes: 1, kind: 'line', label: 'Recycling rate (%)', count: 9, y: RECYCLING_RATE },
      ],
      legend: ['Landfill', 'Incineration', 'Recycling', 'Composting', 'Recycling rate (%)'],
      texts: ['Recycled or composted (%)', '2023'],
    },
  },
];
