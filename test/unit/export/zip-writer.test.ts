// The streaming zip writer: readable output, safe paths, and a producer held back by its consumer.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { collectBytes, writeZip } from '../../../src/core/export/zip-writer.ts';
import type { ZipEntry } from '../../../src/core/export/zip-writer.ts';
import { findUnsafePathReason, toFileName } from '../../../src/core/export/zip-paths.ts';

async function* entriesOf(list: ZipEntry[]): AsyncGenerator<ZipEntry> {
  yield* list;
}

describe('writeZip', () => {
  it('writes strings, bytes, Blobs and async pieces that unzip to the same content', async () => {
    const big = new Uint8Array(300_000).map((_, i) => (i * 7) & 255);
    async function* pieces(): AsyncGenerator<string | Uint8Array> {
      yield 'hello ';
      yield new TextEncoder().encode('world');
    }
    const zip = await collectBytes(
      writeZip(
        entriesOf([
          { path: 'a.txt', data: 'héllo' },
          { path: 'images/b.png', data: big },
          { path: 'c.json', data: new Blob(['{"x":1}']) },
          { path: 'd/e.txt', data: pieces() },
        ]),
      ),
    );
    const files = unzipSync(zip);
    expect(new TextDecoder().decode(files['a.txt'])).toBe('héllo');
    expect(files['images/b.png']).toEqual(big);
    expect(new TextDecoder().decode(files['c.json'])).toBe('{"x":1}');
    expect(new TextDecoder().decode(files['d/e.txt'])).toBe('hello world');
  });

  it('stores PNGs as they are and deflates text', async () => {
    const text = 'abc'.repeat(10_000);
    const zip = await collectBytes(
      writeZip(
        entriesOf([
          { path: 'x.png', data: text },
          { path: 'x.txt', data: text },
        ]),
      ),
    );
    // Stored PNG: its bytes appear verbatim; deflated text makes the archive far smaller than both.
    expect(zip.length).toBeGreaterThan(30_000);
    expect(zip.length).toBeLessThan(31_000);
  });

  it.each(['../x', 'a/../../x', '/abs', 'C:/x', 'a\\b', '', 'a//b', './a', 'a\u0001b'])(
    'refuses the unsafe path %j',
    async (path) => {
      expect(findUnsafePathReason(path)).not.toBeNull();
      await expect(collectBytes(writeZip(entriesOf([{ path, data: 'x' }])))).rejects.toThrow(
        /unsafe archive path/,
      );
    },
  );

  it('refuses a duplicate path and turns any id into a safe file name', async () => {
    await expect(
      collectBytes(
        writeZip(
          entriesOf([
            { path: 'a', data: '1' },
            { path: 'a', data: '2' },
          ]),
        ),
      ),
    ).rejects.toThrow(/duplicate/);
    for (const id of ['../up', '.hidden', 'a/b\\c', '..', '']) {
      expect(findUnsafePathReason(`images/${toFileName(id)}.png`)).toBeNull();
    }
    expect(toFileName('chart-01_x.y')).toBe('chart-01_x.y');
  });

  it('pulls entries only as fast as the consumer takes chunks', async () => {
    let pulled = 0;
    async function* entries(): AsyncGenerator<ZipEntry> {
      for (let i = 0; i < 100; i += 1) {
        pulled += 1;
        yield { path: `images/${i}.png`, data: new Uint8Array(1000).fill(i) };
      }
    }
    const chunks = writeZip(entries());
    await chunks.next();
    await chunks.next();
    expect(pulled).toBeLessThanOrEqual(2);
    let taken = 2;
    for await (const chunk of chunks) {
      expect(chunk).toBeInstanceOf(Uint8Array);
      taken += 1;
    }
    expect(pulled).toBe(100);
    expect(taken).toBeGreaterThan(100);
  });
});
