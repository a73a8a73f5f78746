// Types of runtime-files.mjs for the TypeScript tests.
import type { Lock } from './lock.mjs';

export const OFFICIAL_LOCK_PATH: string;
export const OFFLINE_017_DIR: string;
export const OPTIONAL_PACKAGES: string[];
export function deriveOfficialFiles(lock: Lock): {
  wheels: string[];
  optional: Record<string, string[]>;
};
export function deriveOffline017Files(packagesJson: { dependencies: Record<string, string[]> }): {
  packages: string[];
  optional: Record<string, string[]>;
};
