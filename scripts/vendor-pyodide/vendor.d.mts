// Types of vendor.mjs for the TypeScript tests that call it in-process.
export interface VendorProblem {
  kind: 'version' | 'unknown-package' | 'missing' | 'mismatch' | 'unreachable' | 'manifest';
  /** The file (or package, or source) the problem is about. */
  file: string;
  message: string;
}

export interface VendorManifest {
  pyodideVersion: string;
  python: string;
  abiVersion: string;
  packages: string[];
  lockFile: string;
  lockSha256: string;
  source: string;
  createdAt: string;
  files: { name: string; package: string; version: string; sha256: string; size: number }[];
}

export interface VendorOptions {
  lockPath: string;
  pinnedVersion: string;
  installedVersion?: string;
  outDir: string;
  packages?: string[];
  baseUrl?: string;
  fromDir?: string;
  fetchImpl?: typeof fetch;
  concurrency?: number;
  timeoutMs?: number;
  now?: Date;
  log?: (line: string) => void;
}

export interface VendorResult {
  ok: boolean;
  problems: VendorProblem[];
  fetched: string[];
  reused: string[];
  manifest: VendorManifest | null;
  hint: string | null;
}

export interface CheckResult {
  ok: boolean;
  problems: VendorProblem[];
  checked: string[];
}

export const MANIFEST_NAME: string;
export const LOCK_NAME: string;
export function cdnBaseUrl(version: string): string;
export function unreachableHint(version: string): string;
export function vendorPyodide(options: VendorOptions): Promise<VendorResult>;
export function checkVendor(
  options: Omit<VendorOptions, 'baseUrl' | 'fromDir' | 'fetchImpl'>,
): Promise<CheckResult>;
