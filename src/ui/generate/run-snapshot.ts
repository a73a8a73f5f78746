// The run snapshot as the Generate page reads it: RunSnapshot plus the optional labelled counts
// per stage the pipeline may publish (e.g. "repaired", "evolved").
import type { RunSnapshot } from '../../pipeline/index.ts';

export type StagedRunSnapshot = RunSnapshot & {
  perStage?: { label: string; count: number }[];
};
