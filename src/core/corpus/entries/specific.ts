import type { CorpusEntry } from '../types';

const AUCTION_SALES_MUSD = [318, 276, 142, 121, 38, 64, 27];
const AUCTION_LOTS = [412, 968, 305, 540, 720, 466, 610];
const WATERFALL_STEPS = [412.0, -96.5, -148.2, -41.8, -27.4, -38.9, -12.6, -11.2];
const NET_PROFIT = WATERFALL_STEPS.reduce((sum, step) => sum + step, 0);

/** Specific charts: heatmap, rose, funnel, waterfall, histogram, treemap. */
export const SPECIFIC_ENTRIES: readonly CorpusEntry[] = [
  {
    id: 'heatmap-er-admissions',
    title: 'Emergency Room Admissions by Weekday and Time of Day, 2023',
    major: 'specific',
    minor: 'heatmap',
    topic: 'healthcare',
    subplots: 1,
    features: ['imshow', 'colorbar'],
    expect: {
      axes: 2,
      title: 'Emergency Room Admissions by Weekday and Time of Day, 2023',
      series: [{ axes: 0, kind: 'image', count: 42 }],
      texts: ['21', '20-24', 'Sun', 'Average admissions per 4-hour block'],
    },
  },
  {
    id: 'heatmap-indicator-correlation',
    title: 'Correlation of County-Level Indicators, 2022',
    major: 'specific',
    minor: 'heatmap',
    topic: 'mathematics-statistics',
    subplots: 1,
    features: ['pcolormesh', 'colorbar'],
    expect: {
      axes: 2,
      title: 'Correlation of County-Level Indicators, 2022',
      series: [{ axes: 0, kind: 'image', count: 36 }],
      texts: ['0.78', '-0.62', '1.00', 'Broadband access'],
    },
  },
  {
    id: 'heatmap-office-temperature',
    title: 'Office Floor Temperature Map, July 2023 Afternoons',
    major: 'specific',
    minor: 'heatmap',
    topic: 'architecture',
    subplots: 1,
    features: ['contour', 'colorbar'],
    expect: {
      axes: 2,
      title: 'Office Floor Temperature Map, July 2023 Afternoons',
      series: [
        // Filled levels np.arange(24.0, 31.5, 0.5), then the 26 °C comfort-limit line
        {
          axes: 0,
          kind: 'contour',
          count: 15,
          y: Array.from({ length: 15 }, (_, i) => 24 + i / 2),
        },
        { axes: 0, kind: 'contour', count: 1, y: [26] },
        { axes: 0, kind: 'scatter', label: 'Sensor', count: 48 },
      ],
      legend: ['Sensor'],
      texts: ['26 °C limit', 'South glass facade', 'Afternoon air temperature (°C)'],
    },
  },
  {
    id: 'rose-pilgrimage-visits',
    title: 'Monthly Visitors to a Mountain Monastery, 2023',
    major: 'specific',
    minor: 'rose',
    topic: 'religion',
    subplots: 1,
    features: ['polar'],
    expect: {
      axes: 1,
      title: 'Monthly Visitors to a Mountain Monastery, 2023',
      series: [
        {
          axes: 0,
          kind: 'bar',
          label: 'Pilgrims',
          count: 12,
          y: [3.2, 2.9, 6.8, 11.5, 8.4, 6.1, 5.5, 9.7, 7.2, 5.0, 3.1, 7.9],
        },
        {
          axes: 0,
          kind: 'bar',
          label: 'Tourists',
          count: 12,
          y: [1.1, 1.3, 2.4, 4.8, 7.9, 10.6, 13.2, 14.1, 8.5, 4.9, 1.8, 1.5],
        },
      ],
      legend: ['Pilgrims', 'Tourists'],
      texts: ['Jan', '25k'],
    },
  },
  {
    id: 'rose-wind-directions',
    title: 'Wind Rose at the Proposed Hilltop Wind-Farm Site',
    major: 'specific',
    minor: 'rose',
    topic: 'energy-utilities',
    subplots: 1,
    features: ['polar', 'savefig'],
    expect: {
      axes: 1,
      title: 'Wind Rose at the Proposed Hilltop Wind-Farm Site',
      series: [
        {
          axes: 0,
          kind: 'bar',
          label: '< 4 m/s',
          count: 8,
          y: [3.1, 2.4, 2.0, 2.6, 3.3, 4.0, 3.6, 2.9],
        },
        {
          axes: 0,
          kind: 'bar',
          label: '4-8 m/s',
          count: 8,
          y: [4.2, 2.8, 2.1, 3.0, 5.1, 9.4, 8.7, 4.6],
        },
        {
          axes: 0,
          kind: 'bar',
          label: '> 8 m/s',
          count: 8,
          y: [1.8, 0.9, 0.6, 1.1, 2.7, 8.9, 7.6, 2.6],
        },
      ],
      legend: ['< 4 m/s', '4-8 m/s', '> 8 m/s'],
      texts: ['NW', '20%'],
    },
  },
  {
    id: 'funnel-ecommerce-conversion',
    title: 'Online Furniture Store Checkout Funnel, Nov 2023',
    major: 'specific',
    minor: 'funnel',
    topic: 'retail-ecommerce',
    subplots: 1,
    features: [],
    expect: {
      axes: 1,
      // 9,300 of 184,000 visitors purchased
      title: 'Online Furniture Store Checkout Funnel, Nov 2023 (overall conversion 5.1%)',
      series: [
        {
          axes: 0,
          kind: 'bar',
          orientation: 'horizontal',
          count: 6,
          y: [184000, 96500, 28400, 15200, 10900, 9300],
        },
      ],
      texts: ['184,000', '9,300  (85.3% of previous step)', 'Started checkout'],
    },
  },
  {
    id: 'funnel-recruitment-pipeline',
    title: 'Nurse Recruitment Funnel, Spring 2024',
    major: 'specific',
    minor: 'funnel',
    topic: 'human-resources',
    subplots: 1,
    features: ['annotate'],
    expect: {
      axes: 1,
      title: 'Nurse Recruitment Funnel, Spring 2024',
      series: [
        { axes: 0, kind: 'patch', label: 'Applications' },
        { axes: 0, kind: 'patch', label: 'Hired' },
      ],
      texts: ['Applications: 1,240', 'Hired: 58', 'Only 4.7% of applicants'],
    },
  },
  {
    id: 'waterfall-quarterly-profit',
    title: 'Logistics Company: From Revenue to Net Profit, FY2023',
    major: 'specific',
    minor: 'waterfall',
    topic: 'business-finance',
    subplots: 1,
    features: ['annotate'],
    expect: {
      axes: 1,
      title: 'Logistics Company: From Revenue to Net Profit, FY2023',
      series: [
        {
          axes: 0,
          kind: 'bar',
          count: 9,
          y: [...WATERFALL_STEPS.map((step) => Math.abs(step)), NET_PROFIT],
        },
      ],
      texts: ['Net margin 8.6%', '-148.2', '35.4', 'Net profit'],
    },
  },
  {
    id: 'histogram-flight-delays',
    title: 'Distribution of Arrival Delays, Regional Airport, Summer 2023',
    major: 'specific',
    minor: 'histogram',
    topic: 'travel',
    subplots: 1,
    features: ['hist', 'seeded-random'],
    expect: {
      axes: 1,
      title: 'Distribution of Arrival Delays, Regional Airport, Summer 2023',
      // Bins of 10 minutes from -25 to 185
      series: [{ axes: 0, kind: 'bar', count: 21 }],
      legend: ['15-minute punctuality threshold'],
      texts: ['arrived more than 15 min late'],
    },
  },
  {
    id: 'histogram-star-brightness',
    title: 'Brightness of Stars in Two Survey Fields',
    major: 'specific',
    minor: 'histogram',
    topic: 'astronomy-space',
    subplots: 2,
    features: ['hist', 'seeded-random', 'subplots'],
    expect: {
      axes: 2,
      title: 'Brightness of Stars in Two Survey Fields',
      // Half-magnitude bins from 6 to 18.5
      series: [
        { axes: 0, kind: 'bar', count: 25 },
        { axes: 1, kind: 'patch', label: 'Galactic plane field' },
      ],
      legend: ['Galactic plane field', 'Galactic pole field'],
      texts: ['Normalised Distributions (dotted = median)', 'Apparent magnitude (V band)'],
    },
  },
  {
    id: 'treemap-app-store-revenue',
    title: 'App Store Consumer Spending by Category, 2023',
    major: 'specific',
    minor: 'treemap',
    topic: 'computer-science-it',
    subplots: 1,
    features: ['squarify'],
    expect: {
      axes: 1,
      title: 'App Store Consumer Spending by Category, 2023 (total $113.6B)',
      // The squarify stand-in draws the treemap's rectangles as one bar container
      series: [{ axes: 0, kind: 'bar', count: 10 }],
      texts: ['$52.4B (46%)', 'Utilities', '$2.4B'],
    },
  },
  {
    id: 'treemap-art-auction-sales',
    title: 'Auction House Sales by Art Category, 2023',
    major: 'specific',
    minor: 'treemap',
    topic: 'art-design',
    subplots: 2,
    features: ['squarify', 'subplots'],
    expect: {
      axes: 2,
      title: 'Auction House Sales by Art Category, 2023',
      series: [
        { axes: 0, kind: 'bar', count: 7 },
        {
          axes: 1,
          kind: 'bar',
          orientation: 'horizontal',
          count: 7,
          y: AUCTION_SALES_MUSD.map((sales, i) => (sales * 1000) / (AUCTION_LOTS[i] ?? 1)),
        },
      ],
      texts: ['Impressionist\n$318M', '$772k', 'Average Price per Lot'],
    },
  },
];
