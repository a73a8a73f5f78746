// Page side of the bytecode cache: validation of a harvest and the rule of whom to believe.
import { describe, expect, it } from 'vitest';
import { checkBytecode } from '../../../src/python/bytecode-checks.ts';
import { deriveBytecodeKey, PoolBytecode } from '../../../src/python/pool-bytecode.ts';
import type { BytecodeStore } from '../../../src/python/pool-bytecode.ts';
import type { Slot } from '../../../src/python/pool-jobs.ts';
import type { RuntimeInfo } from '../../../workers/python/api.ts';
import type { Bytecode, WorkerReply } from '../../../workers/python/protocol.ts';

const PREFIX = '/lib/python3.8/';
const MAGIC = '550d0d0a';

/** A pyc with the 3.8 magic, unchecked-hash flags, a hash and a body. */
function pyc(size = 32, flags = 1): Uint8Array {
  const bytes = new Uint8Array(size).fill(7);
  bytes.set([0x55, 0x0d, 0x0d, 0x0a, flags, 0, 0, 0]);
  return bytes;
}

function harvest(files: Record<string, Uint8Array> = {}): Bytecode {
  return {
    prefix: PREFIX,
    magic: MAGIC,
    files: {
      [`${PREFIX}__pycache__/abc.cpython-38.pyc`]: pyc(),
      [`${PREFIX}site-packages/numpy/__pycache__/__init__.cpython-38.pyc`]: pyc(64),
      ...files,
    },
  };
}

const INFO = { distribution: 'offline-0.17' } as RuntimeInfo;
const booted = (bytecode: Bytecode | null, use: 'fed' | 'harvested' | 'none' = 'none') =>
  ({ type: 'booted', info: INFO, bytecode, bytecodeUse: use }) as Extract<
    WorkerReply,
    { type: 'booted' }
  >;

function slot(state: Slot['state'], bytecode: Slot['bytecode']): Slot {
  return { id: 1, state, job: null, lastUsed: 0, bootTimer: null, bytecode };
}

/** A store in memory that records what it saved. */
function memoryStore(initial: Bytecode | null = null) {
  const saved: Bytecode[] = [];
  const store: BytecodeStore = {
    load: async () => initial,
    save: async (_key, bytecode) => void saved.push(bytecode),
  };
  return { store, saved };
}

describe('checkBytecode', () => {
  it('accepts a harvest and gives each file its own buffer', () => {
    const shared = new Uint8Array(100);
    shared.set(pyc(40), 10);
    const checked = checkBytecode(
      harvest({ [`${PREFIX}__pycache__/v.pyc`]: shared.subarray(10, 50) }),
    );
    if (!checked.ok) throw new Error(checked.reason);
    const copy = checked.bytecode.files[`${PREFIX}__pycache__/v.pyc`];
    expect(copy?.buffer.byteLength).toBe(40);
    expect(copy?.[0]).toBe(0x55);
  });

  it.each([
    [
      'outside the library folder',
      { '/home/pyodide/cit/__pycache__/cit_render.cpython-38.pyc': pyc() },
    ],
    ['climbing out with ..', { [`${PREFIX}__pycache__/../../../etc/__pycache__/x.pyc`]: pyc() }],
    ['not in __pycache__', { [`${PREFIX}abc.pyc`]: pyc() }],
    ['not a .pyc', { [`${PREFIX}__pycache__/abc.py`]: pyc() }],
    ['a double slash', { [`${PREFIX}__pycache__//abc.pyc`]: pyc() }],
    ['a wrong magic number', { [`${PREFIX}__pycache__/m.pyc`]: pyc().fill(0x42, 0, 1) }],
    ['timestamp flags', { [`${PREFIX}__pycache__/f.pyc`]: pyc(32, 0) }],
    ['checked-hash flags', { [`${PREFIX}__pycache__/f.pyc`]: pyc(32, 3) }],
    ['a truncated header', { [`${PREFIX}__pycache__/t.pyc`]: pyc().subarray(0, 12) }],
    ['a non-bytes file', { [`${PREFIX}__pycache__/s.pyc`]: 'text' as unknown as Uint8Array }],
  ])('refuses a file %s', (_name, files) => {
    expect(checkBytecode(harvest(files)).ok).toBe(false);
  });

  it('refuses a bad library folder or magic number, and empty harvests', () => {
    expect(checkBytecode({ ...harvest(), prefix: '/lib/../etc/' }).ok).toBe(false);
    expect(checkBytecode({ ...harvest(), prefix: 'lib/python3.8/' }).ok).toBe(false);
    expect(checkBytecode({ ...harvest(), magic: '550d0d0b' }).ok).toBe(false);
    expect(checkBytecode({ ...harvest(), magic: '560d0d0a' }).ok).toBe(false); // files say 55
    expect(checkBytecode({ prefix: PREFIX, magic: MAGIC, files: {} }).ok).toBe(false);
    expect(checkBytecode(null).ok).toBe(false);
  });

  it('caps the file count and the total size', () => {
    const many = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [`${PREFIX}__pycache__/m${i}.pyc`, pyc()]),
    );
    expect(checkBytecode(harvest(many), { maxFiles: 10, maxBytes: 1e6 })).toMatchObject({
      ok: false,
      reason: 'too many files',
    });
    expect(checkBytecode(harvest(), { maxFiles: 10, maxBytes: 90 })).toMatchObject({
      ok: false,
      reason: 'too large',
    });
    expect(checkBytecode(harvest(), { maxFiles: 10, maxBytes: 96 }).ok).toBe(true);
  });
});

describe('PoolBytecode trust rule', () => {
  it('asks the first worker to harvest and feeds its harvest to later workers', () => {
    const { store, saved } = memoryStore();
    const keeper = new PoolBytecode(true, store);
    expect(keeper.bootArgs()).toEqual({ bytecode: null, harvest: true });
    keeper.receiveBooted(slot('booting', 'harvest'), booted(harvest(), 'harvested'));
    expect(keeper.status).toBe('harvested');
    const next = keeper.bootArgs();
    expect(next.harvest).toBe(false);
    expect(Object.keys(next.bytecode?.files ?? {})).toHaveLength(2);
    expect(saved).toHaveLength(0); // no key yet: load() was never called
  });

  it('ignores a harvest from a worker that is no longer booting', () => {
    const keeper = new PoolBytecode(true, null);
    for (const state of ['idle', 'busy'] as const)
      keeper.receiveBooted(slot(state, 'harvest'), booted(harvest()));
    expect(keeper.status).toBe('none');
    expect(keeper.bootArgs()).toEqual({ bytecode: null, harvest: true });
  });

  it('ignores a harvest from a worker not asked to harvest, and takes only one', () => {
    const keeper = new PoolBytecode(true, null);
    keeper.receiveBooted(slot('booting', 'none'), booted(harvest()));
    keeper.receiveBooted(slot('booting', 'fed'), booted(harvest()));
    expect(keeper.status).toBe('none');
    const first = harvest();
    keeper.receiveBooted(slot('booting', 'harvest'), booted(first));
    const other = harvest({ [`${PREFIX}__pycache__/extra.pyc`]: pyc() });
    keeper.receiveBooted(slot('booting', 'harvest'), booted(other));
    expect(Object.keys(keeper.bootArgs().bytecode?.files ?? {})).toHaveLength(2);
  });

  it('refuses an invalid harvest and does not ask again', () => {
    const logs: string[] = [];
    const keeper = new PoolBytecode(true, null, (line) => logs.push(line));
    const bad = harvest({ '/etc/__pycache__/x.pyc': pyc() });
    keeper.receiveBooted(slot('booting', 'harvest'), booted(bad));
    expect(keeper.status).toBe('none');
    expect(keeper.bootArgs()).toEqual({ bytecode: null, harvest: false });
    expect(logs).toHaveLength(1);
  });

  it('does nothing when disabled', () => {
    const keeper = new PoolBytecode(false, null);
    expect(keeper.bootArgs()).toEqual({ bytecode: null, harvest: false });
    keeper.receiveBooted(slot('booting', 'harvest'), booted(harvest()));
    expect(keeper.status).toBe('none');
  });

  it("feeds a stored harvest and reports 'cached' once a fed worker booted with it", async () => {
    const { store } = memoryStore(harvest());
    const keeper = new PoolBytecode(true, store);
    await keeper.load('key');
    expect(keeper.bootArgs().harvest).toBe(false);
    expect(keeper.status).toBe('none');
    keeper.receiveBooted(slot('booting', 'fed'), booted(null, 'fed'));
    expect(keeper.status).toBe('cached');
  });

  it('saves an accepted harvest under the loaded key', async () => {
    const { store, saved } = memoryStore();
    const keeper = new PoolBytecode(true, store);
    await keeper.load('key');
    keeper.receiveBooted(slot('booting', 'harvest'), booted(harvest()));
    await Promise.resolve();
    expect(saved).toHaveLength(1);
  });

  it('ignores an invalid stored harvest and survives a failing store, logging once', async () => {
    const logs: string[] = [];
    const broken: BytecodeStore = {
      load: async () => {
        throw new Error('QuotaExceededError');
      },
      save: async () => {
        throw new Error('blocked');
      },
    };
    const keeper = new PoolBytecode(true, broken, (line) => logs.push(line));
    await keeper.load('key');
    keeper.receiveBooted(slot('booting', 'harvest'), booted(harvest()));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(keeper.status).toBe('harvested');
    expect(logs).toHaveLength(1);
    const stale = new PoolBytecode(
      true,
      memoryStore({ ...harvest(), magic: 'zz' }).store,
      () => {},
    );
    await stale.load('key');
    expect(stale.bootArgs()).toEqual({ bytecode: null, harvest: true });
  });

  it('stops feeding when a fed worker fails to boot', async () => {
    const keeper = new PoolBytecode(true, memoryStore(harvest()).store);
    await keeper.load('key');
    keeper.receiveBootFailure(slot('booting', 'fed'));
    expect(keeper.bootArgs()).toEqual({ bytecode: null, harvest: true });
  });
});

describe('deriveBytecodeKey', () => {
  it('changes with the worker bundle and the runtime index', async () => {
    const files = { 'http://x/pyodide-0.17/packages.json': new Blob(['{"a":1}']) };
    const key = await deriveBytecodeKey('offline-0.17', 'worker v1', files);
    expect(key).toMatch(/^offline-0\.17\|runtime-[0-9a-f]{64}\|worker-[0-9a-f]{64}$/);
    expect(await deriveBytecodeKey('offline-0.17', 'worker v2', files)).not.toBe(key);
    const other = { 'http://x/pyodide-0.17/packages.json': new Blob(['{"a":2}']) };
    expect(await deriveBytecodeKey('offline-0.17', 'worker v1', other)).not.toBe(key);
    // Same index, another build of a package.
    const rebuilt = { ...files, 'http://x/pyodide-0.17/numpy.data': new Blob(['12345']) };
    const rebuiltKey = await deriveBytecodeKey('offline-0.17', 'worker v1', rebuilt);
    expect(rebuiltKey).not.toBe(key);
    const smaller = { ...files, 'http://x/pyodide-0.17/numpy.data': new Blob(['1234']) };
    expect(await deriveBytecodeKey('offline-0.17', 'worker v1', smaller)).not.toBe(rebuiltKey);
    expect(await deriveBytecodeKey('offline-0.17', 'worker v1', { ...files })).toBe(key);
  });
});
