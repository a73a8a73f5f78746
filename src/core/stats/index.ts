// Dataset statistics (issue item 13): pure aggregation over streamed records, and the paper's
// figures to compare with. src/db/stats.ts feeds it from storage.
export { StatsAccumulator, type RecordedCall } from './accumulator.ts';
export { callGroup } from './call-ledger.ts';
export { reasonKey } from './reasons.ts';
export { repairOutcome } from './repair-tracker.ts';
export { Tally, binEdges } from './tally.ts';
export * from './paper.ts';
export type * from './types.ts';
