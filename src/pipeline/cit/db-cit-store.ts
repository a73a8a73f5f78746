// The CIT stages' store over the Dexie database.
import {
  commitCitAnswers,
  commitCitGate,
  commitCitRendered,
  commitCitVerified,
  getImageRecord,
  listPoolCharts,
  listSeedScripts,
  saveCitItemState,
  type CitDatabase,
} from '../../db/index.ts';
import type { CitStore } from './types.ts';

export function createDbCitStore(db: CitDatabase): CitStore {
  return {
    saveItemState: (input) => saveCitItemState(db, input),
    commitRendered: (input) => commitCitRendered(db, input),
    commitGate: (input) => commitCitGate(db, input),
    commitAnswers: (input) => commitCitAnswers(db, input),
    commitVerified: (input) => commitCitVerified(db, input),
    listPoolCharts: (datasetId) => listPoolCharts(db, datasetId),
    getImage: (imageId) => getImageRecord(db, imageId),
    listSeeds: async () =>
      (await listSeedScripts(db)).map(({ id, title, code, minor }) => ({
        id: `seed:${id}`,
        title,
        code,
        minor,
      })),
  };
}
