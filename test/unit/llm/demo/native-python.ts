// Debian's CPython + matplotlib running the app's render code (workers/python/py/native_server.py),
// one JSON request per line: renders scripts and runs answer programs in their namespaces.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { AnswerResult, RenderResult } from '../../../../src/python/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const PYTHON = '/usr/bin/python3';

export const hasNativePython =
  spawnSync(PYTHON, ['-c', 'import matplotlib, numpy'], { stdio: 'ignore' }).status === 0;

export interface NativePython {
  render(code: string): Promise<RenderResult>;
  answer(renderId: string, program: string): Promise<AnswerResult>;
  close(): void;
}

export function startNativePython(): NativePython {
  const child = spawn(PYTHON, [path.join(ROOT, 'workers/python/py/native_server.py')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting = new Map<
    number,
    (reply: { ok: boolean; result?: unknown; message?: string }) => void
  >();
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const reply = JSON.parse(line) as {
      id: number;
      ok: boolean;
      result?: unknown;
      message?: string;
    };
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  let nextId = 0;
  const call = <T>(request: Record<string, unknown>): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = (nextId += 1);
      waiting.set(id, (reply) =>
        reply.ok ? resolve(reply.result as T) : reject(new Error(reply.message)),
      );
      child.stdin.write(JSON.stringify({ id, ...request }) + '\n');
    });
  const booted = call({ op: 'boot', config: { distribution: 'native' } });
  return {
    async render(code) {
      await booted;
      return call<RenderResult>({
        op: 'render',
        code,
        options: { dpi: 50, seed: 0, timeoutMs: 20_000, maxPixels: 4_000_000 },
      });
    },
    answer: (renderId, program) =>
      call<AnswerResult>({ op: 'answer', renderId, program, timeoutMs: 10_000 }),
    close: () => void child.kill(),
  };
}
