// Types of lock.mjs for the TypeScript tests.
export interface LockEntry {
  name: string;
  version: string;
  file_name: string;
  sha256: string;
  depends: string[];
  imports: string[];
  package_type: string;
  install_dir: string;
  [key: string]: unknown;
}

export interface Lock {
  info: { abi_version?: string; python?: string; version?: string; [key: string]: unknown };
  packages: Record<string, LockEntry>;
  [key: string]: unknown;
}

export const KNOWN_RELEASES: Record<string, { abiVersion: string; python: string }>;
export const DEFAULT_PACKAGES: string[];
export function readLock(lockPath: string): Promise<Lock>;
export function checkVersions(args: {
  lock: Lock;
  pinnedVersion: string;
  installedVersion?: string;
  releases?: Record<string, { abiVersion: string; python: string }>;
}): { kind: 'version'; file: string; message: string }[];
export function computeClosure(
  lock: Lock,
  requested: string[],
): { names: string[]; unknown: string[] };
export function trimLock(lock: Lock, names: string[]): Lock;
