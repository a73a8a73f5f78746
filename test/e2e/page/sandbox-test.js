// Test hook of the e2e suite (built only with CIT_E2E=1, never part of the production UI).
import { RenderPool } from '../../../src/python/index.ts';
import { SandboxFrame } from '../../../src/python/sandbox-frame.ts';
import { clearBytecode, loadBytecode, saveBytecode } from '../../../src/db/bytecode-cache.ts';

const appBase = new URL('../../../', location.href).href;

/** Runs a plain JS worker inside a sandbox iframe (same CSP as the pool's) and collects its posts. */
async function runProbe(workerSource, waitMs) {
  const hostSource = await (await fetch(new URL('sandbox/sandbox-host.js', appBase))).text();
  const posts = [];
  const frame = new SandboxFrame({
    hostSource,
    workerSource,
    files: {},
    source: {
      distribution: 'offline-0.17',
      indexURL: appBase,
      lockFileURL: null,
      packageBaseUrl: null,
      note: null,
    },
    heartbeatMs: 1000,
    silenceMs: 60000,
    onReply: (reply) => {
      if (reply.type === 'from-worker') posts.push(reply.message);
    },
    onDead: () => undefined,
  });
  await frame.start();
  frame.send({ type: 'spawn', workerId: 1 });
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  frame.dispose();
  return posts;
}

window.__citSandbox = {
  appBase,
  /** `bytecodeCache: false` leaves out the persistent bytecode store (as if storage were blocked). */
  createPool({ bytecodeCache = true, ...options } = {}) {
    const progress = [];
    const pool = new RenderPool({
      baseUrl: appBase,
      preferOffline: true,
      ...(bytecodeCache ? { bytecodeStore: { load: loadBytecode, save: saveBytecode } } : {}),
      ...options,
      onProgress: (event) => {
        progress.push(event);
        options.onProgress?.(event);
      },
    });
    return { pool, progress };
  },
  runProbe,
  clearBytecode,
  loadBytecode,
};
