// The ways an archive is refused: expected outcomes, returned as data.

export type ImportProblemKind =
  | 'not-a-zip'
  | 'truncated'
  | 'unsupported-zip' // Zip64, multi-disk, encryption, a compression method other than deflate
  | 'corrupt-entry' // CRC or inflate error, sizes that disagree, overlapping entries
  | 'unsafe-path'
  | 'entry-too-large'
  | 'archive-too-large'
  | 'zip-bomb'
  | 'missing-entry'
  | 'unknown-format'
  | 'newer-version'
  | 'bad-schema'
  | 'duplicate-id'
  | 'missing-chart'
  | 'not-png'
  | 'sha-mismatch';

export interface ImportProblem {
  kind: ImportProblemKind;
  message: string;
}

/** Thrown inside the importer to leave early; caught at its edge and returned as data. */
export class ImportRefusal extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.message);
  }
}

export function refuse(kind: ImportProblemKind, message: string): never {
  throw new ImportRefusal({ kind, message });
}
