// The runner's store over the Dexie database.
import {
  commitDoneItem,
  commitRenderedItem,
  commitVerifiedItem,
  failItem,
  getItem,
  getItemChart,
  getRun,
  listRunItems,
  listUnfinishedRuns,
  recordItemAttempt,
  setRunStatus,
  startRun,
  type CitDatabase,
} from '../db/index.ts';
import type { RunStore } from './runner-types.ts';

export function createDbRunStore(db: CitDatabase): RunStore {
  return {
    startRun: (input) => startRun(db, input),
    getRun: (runId) => getRun(db, runId),
    listUnfinishedRuns: () => listUnfinishedRuns(db),
    setRunStatus: (runId, status, reason, runtime) =>
      setRunStatus(db, runId, status, reason, runtime),
    listRunItems: (runId) => listRunItems(db, runId),
    getItem: (itemId) => getItem(db, itemId),
    recordItemAttempt: (itemId, attempt) => recordItemAttempt(db, itemId, attempt),
    commitRenderedItem: (input) => commitRenderedItem(db, input),
    commitVerifiedItem: (input) => commitVerifiedItem(db, input),
    commitDoneItem: (input) => commitDoneItem(db, input),
    failItem: (input) => failItem(db, input),
    getItemChart: (chartId) => getItemChart(db, chartId),
  };
}
