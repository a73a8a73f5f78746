// The batched writer of LLM call records: records wait briefly and are written together; a flush
// writes what waits; a failed batch is reported by the next add or flush, never swallowed.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CitDatabase, LlmCallWriter } from '../../../src/db/index.ts';

const record = (id: string) => ({
  id,
  runId: 'run',
  itemId: 'item',
  createdAt: '2026-11-27T00:00:00Z',
});

async function open() {
  const db = new CitDatabase(`writer-${crypto.randomUUID()}`);
  await db.open();
  return db;
}

describe('LlmCallWriter', () => {
  it('writes queued records in one batch after the delay, and all of them on flush', async () => {
    const db = await open();
    const writer = new LlmCallWriter(db, 30);
    writer.add(record('a'));
    writer.add(record('b'));
    expect(await db.llmCalls.count()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await db.llmCalls.count()).toBe(2);
    writer.add(record('c'));
    await writer.flush();
    expect((await db.llmCalls.toArray()).map((r) => r.id).sort()).toEqual(['a', 'b', 'c']);
  });

  it('reports a batch that could not be written', async () => {
    const db = await open();
    const writer = new LlmCallWriter(db, 10_000);
    writer.add(record('a'));
    db.close(); // every later transaction fails
    await expect(writer.flush()).rejects.toThrow();
    // Reported once; the writer goes on afterwards.
    expect(() => writer.add(record('b'))).not.toThrow();
  });
});
