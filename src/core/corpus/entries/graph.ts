import type { CorpusEntry } from '../types';

/** Node/graph charts drawn with networkx: directed and undirected. */
export const GRAPH_ENTRIES: readonly CorpusEntry[] = [
  {
    id: 'graph-directed-supply-chain',
    title: 'Bicycle Supply Chain: Monthly Truckloads Between Sites',
    major: 'graph',
    minor: 'graph-directed',
    topic: 'transportation-logistics',
    subplots: 1,
    features: ['networkx'],
    expect: {
      axes: 1,
      title: 'Bicycle Supply Chain: Monthly Truckloads Between Sites',
      // 10 sites drawn as one scatter; 11 shipments drawn as arrow patches
      series: [
        { axes: 0, kind: 'scatter', count: 10 },
        { axes: 0, kind: 'patch', count: 11 },
      ],
      texts: ['Assembly', 'Steel', '42', '8'],
    },
  },
  {
    id: 'graph-directed-paper-citations',
    title: 'Citation Network of Battery Electrode Papers',
    major: 'graph',
    minor: 'graph-directed',
    topic: 'science-engineering',
    subplots: 1,
    features: ['networkx', 'circular_layout', 'proxy-legend'],
    expect: {
      axes: 1,
      title: 'Citation Network of Battery Electrode Papers (node size = times cited)',
      series: [
        { axes: 0, kind: 'scatter', count: 12 },
        { axes: 0, kind: 'patch', count: 18 },
      ],
      legend: ['Published before 2018', 'Published 2018 or later'],
      texts: ['P1\n2014', 'P12\n2023'],
    },
  },
  {
    id: 'graph-undirected-airline-routes',
    title: 'Regional Airline Network, Summer 2024 Schedule',
    major: 'graph',
    minor: 'graph-undirected',
    topic: 'travel',
    subplots: 2,
    features: ['networkx', 'spring_layout', 'subplots'],
    expect: {
      axes: 2,
      title: 'Regional Airline Network, Summer 2024 Schedule',
      series: [
        { axes: 0, kind: 'collection', count: 14 },
        { axes: 0, kind: 'scatter', count: 10 },
        {
          axes: 1,
          kind: 'bar',
          orientation: 'horizontal',
          count: 10,
          // Weekly flights per airport (sum over its routes), busiest first
          y: [120, 103, 83, 80, 45, 40, 39, 33, 19, 12],
        },
      ],
      texts: ['Madrid', 'Funchal', 'Route Network (edge width = weekly flights)', '120'],
    },
  },
  {
    id: 'graph-undirected-research-collaboration',
    title: 'Co-authorship Network of a Sociology Department, 2019-2023',
    major: 'graph',
    minor: 'graph-undirected',
    topic: 'social-sciences-humanities',
    subplots: 1,
    features: ['networkx', 'circular_layout', 'proxy-legend'],
    expect: {
      axes: 1,
      title: 'Co-authorship Network of a Sociology Department, 2019-2023',
      series: [
        { axes: 0, kind: 'collection', count: 14 },
        { axes: 0, kind: 'scatter', count: 11 },
      ],
      legend: ['Migration', 'Urban studies', 'Family & ageing'],
      texts: ['Alvarez', 'Kato', '7'],
    },
  },
];
