// The seed corpus: hand-checked matplotlib scripts (one per file in ./scripts) that cover every
// minor chart type. They seed the CIT pool (METHOD.md §2, S0) and double as render test cases:
// each entry says what the drawn figure must show, taken from the data written in its script.
import { AREA_ENTRIES } from './entries/area';
import { BAR_ENTRIES } from './entries/bar';
import { BAR3D_ENTRIES } from './entries/bar3d';
import { BOX_ENTRIES } from './entries/box';
import { GRAPH_ENTRIES } from './entries/graph';
import { LINE_ENTRIES } from './entries/line';
import { PIE_ENTRIES } from './entries/pie';
import { RADAR_ENTRIES } from './entries/radar';
import { SCATTER_ENTRIES } from './entries/scatter';
import { SPECIFIC_ENTRIES } from './entries/specific';
import type { CorpusEntry } from './types';

export type {
  CorpusEntry,
  CorpusExpectation,
  CorpusFeature,
  ExpectedSeriesKind,
  SeriesExpectation,
} from './types';

/** Every corpus script, grouped in the order of the chart taxonomy. */
export const CORPUS_MANIFEST: readonly CorpusEntry[] = [
  ...LINE_ENTRIES,
  ...PIE_ENTRIES,
  ...BAR_ENTRIES,
  ...BAR3D_ENTRIES,
  ...GRAPH_ENTRIES,
  ...RADAR_ENTRIES,
  ...AREA_ENTRIES,
  ...BOX_ENTRIES,
  ...SCATTER_ENTRIES,
  ...SPECIFIC_ENTRIES,
];
