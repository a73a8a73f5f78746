// Every bad archive is refused with the kind of problem that names it.
import { Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importArchive } from '../../../src/core/import/import-archive.ts';
import { DEFAULT_ZIP_LIMITS } from '../../../src/core/import/zip-reader.ts';
import { makePng } from '../export/synthetic-dataset.ts';
import { editLines, exportSynthetic, readText, rewriteArchive } from './archive-helpers.ts';

async function refusalKind(archive: Uint8Array, limits = DEFAULT_ZIP_LIMITS): Promise<string> {
  const result = await importArchive(archive, limits);
  if (result.ok) return 'accepted';
  expect(result.problem.message.length).toBeGreaterThan(0);
  return result.problem.kind;
}

/** A deflated entry of `megabytes` MiB of zeros, built one MiB at a time (~1 KB per MiB out). */
function buildZipBomb(megabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  const file = new ZipDeflate('manifest.json', { level: 9 });
  zip.add(file);
  const zeros = new Uint8Array(1024 * 1024);
  for (let i = 0; i < megabytes; i += 1) file.push(zeros, i === megabytes - 1);
  zip.end();
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Sets the uncompressed size the central directory declares for `name`. */
function patchDeclaredSize(archive: Uint8Array, name: string, size: number): Uint8Array {
  const out = archive.slice();
  const view = new DataView(out.buffer);
  const encodedName = new TextEncoder().encode(name);
  for (let at = out.length - 22; at >= 0; at -= 1) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const found = out.subarray(at + 46, at + 46 + nameLength);
    if (nameLength === encodedName.length && found.every((byte, i) => byte === encodedName[i])) {
      view.setUint32(at + 24, size, true);
      return out;
    }
  }
  throw new Error(`no directory entry ${name}`);
}

describe('import refuses', () => {
  it('a file that is not a zip, and an empty one', async () => {
    expect(await refusalKind(new TextEncoder().encode('just some text, not an archive'))).toBe(
      'not-a-zip',
    );
    expect(await refusalKind(new Uint8Array(0))).toBe('not-a-zip');
  });

  it('a truncated zip', async () => {
    const archive = await exportSynthetic(3);
    expect(await refusalKind(archive.subarray(0, archive.length - 10))).toBe('truncated');
    expect(await refusalKind(archive.subarray(0, Math.floor(archive.length / 2)))).toBe(
      'truncated',
    );
  });

  it.each([
    '../evil.txt',
    'images/../../evil.txt',
    '/etc/passwd',
    'C:/evil.txt',
    'images\\evil.txt',
  ])('an entry path escaping its folder: %s', async (path) => {
    const archive = await exportSynthetic(1);
    expect(await refusalKind(rewriteArchive(archive, { [path]: 'evil' }))).toBe('unsafe-path');
  });

  it('a zip bomb: a 200 MB entry of zeros, refused from its declared ratio', async () => {
    const bomb = buildZipBomb(200);
    console.info(`zip bomb: 200 MiB declared in ${bomb.length} bytes of archive`);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusalKind(bomb)).toBe('zip-bomb');
  });

  it('an entry that inflates past the size it declares', async () => {
    const archive = zipSync({ 'manifest.json': new Uint8Array(200_000).fill(32) });
    expect(await refusalKind(patchDeclaredSize(archive, 'manifest.json', 1000))).toBe('zip-bomb');
  });

  it('oversized entries and archives, by the limits given', async () => {
    const archive = await exportSynthetic(3);
    const small = { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 500 };
    expect(await refusalKind(archive, small)).toBe('entry-too-large');
    const total = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 5000 };
    expect(await refusalKind(archive, total)).toBe('archive-too-large');
    const few = { ...DEFAULT_ZIP_LIMITS, maxEntries: 3 };
    expect(await refusalKind(archive, few)).toBe('archive-too-large');
  });

  it('an entry whose bytes fail their CRC', async () => {
    const archive = await exportSynthetic(1);
    const corrupt = archive.slice();
    // images/c0.png is the first entry and stored as is: flip a byte of its IDAT.
    const at = 30 + 'images/c0.png'.length + 60;
    corrupt[at] = (corrupt[at] as number) ^ 0xff;
    expect(await refusalKind(corrupt)).toBe('corrupt-entry');
  });

  it('a missing manifest, another format, or a newer schema', async () => {
    const archive = await exportSynthetic(2);
    expect(await refusalKind(rewriteArchive(archive, { 'manifest.json': null }))).toBe(
      'missing-entry',
    );
    const manifest = JSON.parse(readText(archive, 'manifest.json'));
    const other = JSON.stringify({ ...manifest, format: 'something-else' });
    expect(await refusalKind(rewriteArchive(archive, { 'manifest.json': other }))).toBe(
      'unknown-format',
    );
    const newer = JSON.stringify({ ...manifest, schemaVersion: 99 });
    expect(await refusalKind(rewriteArchive(archive, { 'manifest.json': newer }))).toBe(
      'newer-version',
    );
    expect(await refusalKind(rewriteArchive(archive, { 'manifest.json': '{"format":' }))).toBe(
      'bad-schema',
    );
  });

  it('records of the wrong schema', async () => {
    const archive = await exportSynthetic(2);
    const charts = readText(archive, 'charts.jsonl');
    const badLevel = editLines(charts, (row) => ({ ...row, level: 'medium' }));
    expect(await refusalKind(rewriteArchive(archive, { 'charts.jsonl': badLevel }))).toBe(
      'bad-schema',
    );
    const extraField = editLines(charts, (row) => ({ ...row, surprise: true }));
    expect(await refusalKind(rewriteArchive(archive, { 'charts.jsonl': extraField }))).toBe(
      'bad-schema',
    );
    const slashId = editLines(charts, (row, i) => (i === 0 ? { ...row, id: '../c0' } : row));
    expect(await refusalKind(rewriteArchive(archive, { 'charts.jsonl': slashId }))).toBe(
      'bad-schema',
    );
    const qa = readText(archive, 'qa.jsonl');
    const badAnswer = editLines(qa, (row) => ({ ...row, answer: { type: 'number', value: 'x' } }));
    expect(await refusalKind(rewriteArchive(archive, { 'qa.jsonl': badAnswer }))).toBe(
      'bad-schema',
    );
  });

  it('duplicate ids', async () => {
    const archive = await exportSynthetic(2);
    const qa = readText(archive, 'qa.jsonl');
    const doubled = `${qa}${qa.split('\n')[0]}\n`;
    expect(await refusalKind(rewriteArchive(archive, { 'qa.jsonl': doubled }))).toBe(
      'duplicate-id',
    );
    const charts = readText(archive, 'charts.jsonl');
    const sameId = editLines(charts, (row) => ({ ...row, id: 'c0' }));
    expect(await refusalKind(rewriteArchive(archive, { 'charts.jsonl': sameId }))).toBe(
      'duplicate-id',
    );
  });

  it('a question about a chart that is not in the archive', async () => {
    const archive = await exportSynthetic(2);
    const qa = editLines(readText(archive, 'qa.jsonl'), (row, i) =>
      i === 1 ? { ...row, chartId: 'nowhere' } : row,
    );
    expect(await refusalKind(rewriteArchive(archive, { 'qa.jsonl': qa }))).toBe('missing-chart');
  });

  it('a JPEG named .png', async () => {
    const archive = await exportSynthetic(2);
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
    expect(await refusalKind(rewriteArchive(archive, { 'images/c1.png': jpeg }))).toBe('not-png');
  });

  it('an image whose sha256 differs from the manifest', async () => {
    const archive = await exportSynthetic(2);
    const other = makePng(4, 4, 99);
    expect(await refusalKind(rewriteArchive(archive, { 'images/c1.png': other }))).toBe(
      'sha-mismatch',
    );
  });

  it('a manifest that miscounts or misses an image', async () => {
    const archive = await exportSynthetic(2);
    const manifest = JSON.parse(readText(archive, 'manifest.json'));
    const miscounted = JSON.stringify({ ...manifest, counts: { ...manifest.counts, qa: 5 } });
    expect(await refusalKind(rewriteArchive(archive, { 'manifest.json': miscounted }))).toBe(
      'bad-schema',
    );
    expect(await refusalKind(rewriteArchive(archive, { 'images/c0.png': null }))).toBe(
      'missing-entry',
    );
  });
});
