/// <reference types="vite/client" />
// The corpus as data: manifest entries joined with their scripts' code. The scripts are bundled
// as raw text by Vite (and vitest), so the app needs no fetch to read them.
import { CORPUS_MANIFEST } from './manifest';
import type { CorpusEntry } from './types';

/** A corpus entry with the Python code of its script. */
export interface CorpusScript extends CorpusEntry {
  code: string;
}

const SCRIPT_FILES = import.meta.glob<string>('./scripts/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Script code by id, read from file names like `./scripts/<id>.py`. */
export function indexScriptFiles(files: Record<string, string>): Map<string, string> {
  const byId = new Map<string, string>();
  for (const [path, code] of Object.entries(files)) {
    const match = /\/([^/]+)\.py$/.exec(path);
    if (match?.[1] === undefined) throw new Error(`Unexpected corpus file path: ${path}`);
    byId.set(match[1], code);
  }
  return byId;
}

/**
 * Joins entries with their code. A manifest entry without a file, a file without an entry, or
 * a duplicated id is a packaging mistake, so it throws.
 */
export function joinCorpus(
  entries: readonly CorpusEntry[],
  codeById: ReadonlyMap<string, string>,
): CorpusScript[] {
  const seen = new Set<string>();
  const joined = entries.map((entry) => {
    if (seen.has(entry.id)) throw new Error(`Corpus id listed twice: ${entry.id}`);
    seen.add(entry.id);
    const code = codeById.get(entry.id);
    if (code === undefined) throw new Error(`Corpus entry without a script: ${entry.id}`);
    return { ...entry, code };
  });
  const orphans = [...codeById.keys()].filter((id) => !seen.has(id));
  if (orphans.length > 0) {
    throw new Error(`Corpus scripts without a manifest entry: ${orphans.join(', ')}`);
  }
  return joined;
}

// Joined once at module load, so a mismatch fails the first import rather than a later call
const CORPUS: readonly CorpusScript[] = joinCorpus(CORPUS_MANIFEST, indexScriptFiles(SCRIPT_FILES));

/** Every corpus script with its manifest entry, in manifest order. */
export function listCorpus(): CorpusScript[] {
  return [...CORPUS];
}

/** One corpus script by id, or undefined. */
export function findCorpusScript(id: string): CorpusScript | undefined {
  return CORPUS.find((script) => script.id === id);
}
