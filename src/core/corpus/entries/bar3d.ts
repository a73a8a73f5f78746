import type { CorpusEntry } from '../types';

/** 3D bar charts: plain, stacked, percentage. Each bar3d call is one series; z holds heights. */
export const BAR3D_ENTRIES: readonly CorpusEntry[] = [
  {
    id: 'bar3d-plain-factory-output',
    title: 'Appliance Factory Output by Assembly Line, 2023',
    major: 'bar3d',
    minor: 'bar3d-plain',
    topic: 'manufacturing',
    subplots: 1,
    features: ['bar3d', 'axes3d', 'proxy-legend'],
    expect: {
      axes: 1,
      title: 'Appliance Factory Output by Assembly Line, 2023',
      series: [
        { axes: 0, kind: 'bar3d', count: 4, z: [42, 47, 51, 55] },
        { axes: 0, kind: 'bar3d', count: 4, z: [28, 31, 30, 36] },
        { axes: 0, kind: 'bar3d', count: 4, z: [19, 22, 27, 25] },
      ],
      legend: ['Line A (washers)', 'Line B (dryers)', 'Line C (fridges)'],
      texts: ['Units produced (thousands)', 'Q4'],
    },
  },
  {
    id: 'bar3d-stacked-irrigation-water',
    title: 'Irrigation Water Drawn by Basin and Source, 2021-2023',
    major: 'bar3d',
    minor: 'bar3d-stacked',
    topic: 'environment-sustainability',
    subplots: 1,
    features: ['bar3d', 'axes3d', 'proxy-legend', 'mathtext'],
    expect: {
      axes: 1,
      title: 'Irrigation Water Drawn by Basin and Source, 2021-2023',
      // One bar3d call per segment: North 2021 surface, Delta 2021 surface,
      // Central 2023 groundwater, Delta 2023 recycled
      series: [
        { axes: 0, kind: 'bar3d', count: 1, z: [120] },
        { axes: 0, kind: 'bar3d', count: 1, z: [340] },
        { axes: 0, kind: 'bar3d', count: 1, z: [104] },
        { axes: 0, kind: 'bar3d', count: 1, z: [44] },
      ],
      legend: ['Surface water', 'Groundwater', 'Recycled water'],
      texts: ['Delta Basin', 'Water drawn'],
    },
  },
  {
    id: 'bar3d-percentage-sales-channels',
    title: 'Home-Goods Retailer Revenue Mix by Region, 2023',
    major: 'bar3d',
    minor: 'bar3d-percentage',
    topic: 'retail-ecommerce',
    subplots: 1,
    features: ['bar3d', 'axes3d', 'proxy-legend'],
    expect: {
      axes: 1,
      title: 'Home-Goods Retailer Revenue Mix by Region, 2023 (100% = regional revenue)',
      // Store shares of each region's revenue: West 38/80, Midwest 41/70, South 52/90, Northeast 33/80
      series: [
        { axes: 0, kind: 'bar3d', count: 1, z: [(38 / 80) * 100] },
        { axes: 0, kind: 'bar3d', count: 1, z: [(41 / 70) * 100] },
        { axes: 0, kind: 'bar3d', count: 1, z: [(52 / 90) * 100] },
        { axes: 0, kind: 'bar3d', count: 1, z: [(33 / 80) * 100] },
      ],
      legend: ['Stores', 'Website', 'Mobile app', 'Marketplaces'],
      texts: ['Northeast', 'Share of regional revenue (%)'],
    },
  },
];
