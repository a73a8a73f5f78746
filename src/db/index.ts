// Storage of CIT Studio (Dexie over IndexedDB): the database and its repository functions.
export { CitDatabase, DATABASE_NAME, openDatabase } from './database.ts';
export type {
  LlmCallRecord,
  QaVerificationStatus,
  SecretRecord,
  SettingRecord,
  StoredQaRecord,
} from './database.ts';
export { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema.ts';
export type { SchemaVersion } from './schema.ts';
export * from './datasets.ts';
export * from './runs.ts';
export * from './cit-items.ts';
export { LlmCallWriter } from './llm-call-writer.ts';
export * from './charts.ts';
export * from './transfer.ts';
export * from './storage-errors.ts';
export * from './storage-estimate.ts';
export { buildBrowseRow, tokenize } from './browse-rows.ts';
export type {
  BrowseRow,
  ChartFilter,
  ChartSort,
  ChartSortKey,
  VerificationFilter,
} from './browse-rows.ts';
export * from './secrets.ts';
export * from './seeds.ts';
export * from './stats.ts';
