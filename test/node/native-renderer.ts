// A Renderer over Debian's CPython + matplotlib (workers/python/py/native_server.py), for Node
// tests that need real rendering and real answer programs without a browser.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { Renderer } from '../../src/pipeline/index.ts';
import type { AnswerResult, RenderResult, RuntimeInfo } from '../../src/python/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PYTHON = '/usr/bin/python3';
export const hasMatplotlib =
  spawnSync(PYTHON, ['-c', 'import matplotlib, numpy'], { stdio: 'ignore' }).status === 0;
if (!hasMatplotlib) console.warn(`skipping: ${PYTHON} with matplotlib is not available`);

/** A Renderer over one native_server.py process (one request at a time). */
export function startNativeRenderer(): Renderer & {
  close(): void;
  runtimeInfo(): Promise<RuntimeInfo>;
} {
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
  const booted = call<RuntimeInfo>({ op: 'boot', config: { distribution: 'native' } });
  return {
    async render(code, options) {
      await booted;
      const options_ = { ...options, timeoutMs: 20_000, maxPixels: 4_000_000 };
      const result = await call<RenderResult & { png?: string | Uint8Array }>({
        op: 'render',
        code,
        options: options_,
      });
      // render.py leaves the runtime to its host (the worker adds it; so does this adapter).
      result.runtime ??= await booted;
      if (result.ok)
        result.png = new Uint8Array(Buffer.from(result.png as unknown as string, 'base64'));
      return result;
    },
    runAnswerProgram: (renderId, program) =>
      call<AnswerResult>({ op: 'answer', renderId, program, timeoutMs: 10_000 }),
    runtimeInfo: () => booted,
    close: () => child.kill(),
  };
}
