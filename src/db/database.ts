// The Dexie database `cit-studio`: typed tables over the record shapes of src/core/dataset.
import { Dexie, type Table } from 'dexie';
import type {
  ChartRecord,
  DatasetRecord,
  ImageRecord,
  ItemRecord,
  QaRecord,
  RecipeRecord,
  RunRecord,
} from '../core/dataset/records.ts';
import type { VerificationStatus } from '../core/answer-compare.ts';
import type { MinorChartType } from '../core/chart-types.ts';
import type { BrowseRow } from './browse-rows.ts';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema.ts';

export const DATABASE_NAME = 'cit-studio';

/** Provenance of one LLM call (filled by the CIT pipeline). */
export interface LlmCallRecord {
  id: string;
  runId: string | null;
  itemId: string | null;
  createdAt: string;
  [field: string]: unknown;
}

export type QaVerificationStatus = VerificationStatus | 'unchecked';

/**
 * A Q&A as stored: `verification.status` is copied to a flat indexed field so the browse page
 * can query Q&A by result. Reads strip it again (the record shape of core stays exact).
 */
export interface StoredQaRecord extends QaRecord {
  verificationStatus: QaVerificationStatus;
}

export function toStoredQa(qa: QaRecord): StoredQaRecord {
  return { ...qa, verificationStatus: qa.verification?.status ?? 'unchecked' };
}

export function toQaRecord(stored: StoredQaRecord): QaRecord {
  const qa: QaRecord & Partial<StoredQaRecord> = { ...stored };
  delete qa.verificationStatus;
  return qa;
}

/** An imported seed script of the CIT pool, checked by rendering before it joined. */
export interface SeedRecord {
  id: string;
  /** File name or "pasted". */
  name: string;
  code: string;
  title: string;
  minor: MinorChartType;
  /** Lines of code, for the pool's list. */
  lines: number;
  createdAt: string;
}

/** One app setting. */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/** An encrypted secret (API key); never exported. See secrets.ts. */
export interface SecretRecord {
  id: string;
  /** What the secret is for, e.g. "OpenRouter key" (never the secret itself). */
  label: string;
  ciphertext: ArrayBuffer;
  iv: Uint8Array;
  /** 'device': the browser's non-extractable key; 'passphrase': PBKDF2 from the person's passphrase. */
  protection: 'device' | 'passphrase';
  /** PBKDF2 salt, for passphrase protection. */
  salt: Uint8Array | null;
  createdAt: string;
}

export class CitDatabase extends Dexie {
  datasets!: Table<DatasetRecord, string>;
  recipes!: Table<RecipeRecord, string>;
  runs!: Table<RunRecord, string>;
  items!: Table<ItemRecord, string>;
  charts!: Table<ChartRecord, string>;
  chartRows!: Table<BrowseRow, string>;
  images!: Table<ImageRecord, string>;
  qa!: Table<StoredQaRecord, string>;
  llmCalls!: Table<LlmCallRecord, string>;
  settings!: Table<SettingRecord, string>;
  secrets!: Table<SecretRecord, string>;
  seeds!: Table<SeedRecord, string>;

  /** `upToVersion` opens an older schema: only the migration tests use it. */
  constructor(name = DATABASE_NAME, upToVersion = LATEST_SCHEMA_VERSION) {
    super(name);
    for (const step of SCHEMA_VERSIONS) {
      if (step.version > upToVersion) break;
      const declared = this.version(step.version).stores(step.stores);
      if (step.upgrade) declared.upgrade(step.upgrade);
    }
  }
}

/** Opens (creating or upgrading) the app database. */
export async function openDatabase(name = DATABASE_NAME): Promise<CitDatabase> {
  const db = new CitDatabase(name);
  await db.open();
  return db;
}
