// A 2,000-chart export streamed through the writer while sampling the heap. Memory figures are
// printed, not asserted (they depend on the garbage collector); the assertions are structural.
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_OPTIONS } from '../../../src/core/export/options.ts';
import { exportDataset } from '../../../src/core/export/export-dataset.ts';
import { makeSource } from './synthetic-dataset.ts';

const CHARTS = 2000;
const MIB = 1024 * 1024;

/** Entry count and directory size from the end-of-central-directory record in the last bytes. */
function readEndRecord(tail: Uint8Array): { entries: number; directoryBytes: number } {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const at = tail.length - 22;
  expect(view.getUint32(at, true)).toBe(0x06054b50);
  return { entries: view.getUint16(at + 10, true), directoryBytes: view.getUint32(at + 12, true) };
}

describe('streaming export', () => {
  it(`writes ${CHARTS} charts without holding the archive`, async () => {
    const options = { ...DEFAULT_EXPORT_OPTIONS, includeRejected: true, appVersion: 'test' };
    const samples: number[] = [];
    let bytes = 0;
    let chunks = 0;
    let tail = new Uint8Array(0);
    const start = process.memoryUsage().heapUsed;
    // 96×96 uncompressed PNGs of ~27 KiB each: ~54 MiB of images in all.
    for await (const chunk of exportDataset(makeSource(CHARTS, 96), options)) {
      bytes += chunk.length;
      chunks += 1;
      const joined = new Uint8Array(tail.length + chunk.length);
      joined.set(tail);
      joined.set(chunk, tail.length);
      tail = joined.slice(Math.max(0, joined.length - 64));
      if (chunks % 500 === 0) samples.push(process.memoryUsage().heapUsed);
    }
    const peak = Math.max(...samples);
    console.info(
      `streamed ${CHARTS} charts: ${(bytes / MIB).toFixed(1)} MiB in ${chunks} chunks; ` +
        `heapUsed start ${(start / MIB).toFixed(1)} MiB, peak sampled ${(peak / MIB).toFixed(1)} MiB, ` +
        `samples ${samples.map((value) => (value / MIB).toFixed(0)).join(' ')} MiB`,
    );
    // images + code per chart, then charts.jsonl, qa.jsonl, llava.json, sharegpt.json,
    // dataset_info.json, metadata.jsonl, recipe.json, manifest.json, README.md.
    const end = readEndRecord(tail);
    expect(end.entries).toBe(2 * CHARTS + 9);
    expect(bytes).toBeGreaterThan(CHARTS * 100);
    expect(chunks).toBeGreaterThan(2 * CHARTS);
  }, 180_000);
});
