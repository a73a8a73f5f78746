// Compiled library modules for the worker's boot. Pyodide 0.17 ships numpy and matplotlib as .py
// sources and never writes bytecode, so every worker compiles them again (~0.8 s of its boot).
// The first worker of a session writes its .pyc files while it boots and hands them back; later
// workers get them written into their file system before importing. They are PEP 552
// "unchecked hash-based" pycs: a new worker's sources have new mtimes, which would otherwise
// invalidate timestamp-based pycs, and the library sources never change within one runtime.
import type { BootBytecode, Bytecode } from './protocol.ts';
import type { PyodideLike } from './pyodide-types.ts';

/** The Emscripten file system calls used here (both distributions expose them). */
interface EmscriptenFs {
  mkdirTree(path: string): void;
  writeFile(path: string, data: Uint8Array): void;
  readFile(path: string): Uint8Array;
}

/** Where the runtime's library lives and the magic number of its pycs. */
export interface RuntimeLayout {
  /** The library folder, normalized, ending in "/" (e.g. "/lib/python3.8/"). */
  prefix: string;
  /** importlib.util.MAGIC_NUMBER as hex (8 digits). */
  magic: string;
}

/** PEP 552 flags: bit 0 = hash-based, bit 1 = check_source. 1 = hash-based, never checked. */
const UNCHECKED_HASH_FLAGS = 1;

function fileSystemOf(pyodide: PyodideLike): EmscriptenFs {
  const runtime = pyodide as unknown as { FS?: EmscriptenFs; _module?: { FS?: EmscriptenFs } };
  const fs = runtime.FS ?? runtime._module?.FS; // official: pyodide.FS; 0.17: pyodide._module.FS
  if (!fs) throw new Error('the runtime does not expose its file system');
  return fs;
}

/** The library folder from sysconfig (not a hard-coded path) and the runtime's pyc magic. */
export function readRuntimeLayout(pyodide: PyodideLike): RuntimeLayout {
  const json = pyodide.runPython(
    [
      'import importlib.util as _cit_iu, json as _cit_json, os as _cit_os, sysconfig as _cit_sc',
      '_cit_layout = _cit_json.dumps({',
      // normpath keeps a leading "//" (POSIX allows it), and Pyodide's sysconfig gives one.
      '    "prefix": "/" + _cit_os.path.normpath(_cit_sc.get_paths()["stdlib"]).strip("/") + "/",',
      '    "magic": _cit_iu.MAGIC_NUMBER.hex(),',
      '})',
      'del _cit_iu, _cit_json, _cit_os, _cit_sc',
      '_cit_layout',
    ].join('\n'),
  );
  if (typeof json !== 'string') throw new Error('could not read the runtime layout');
  return JSON.parse(json) as RuntimeLayout;
}

/** Why a set of pycs does not fit this runtime, or null when every file does. */
export function findBytecodeMismatch(bytecode: Bytecode, layout: RuntimeLayout): string | null {
  if (bytecode.prefix !== layout.prefix) return `library folder ${bytecode.prefix}`;
  if (bytecode.magic !== layout.magic) return `magic number ${bytecode.magic}`;
  for (const [path, bytes] of Object.entries(bytecode.files)) {
    const isInside =
      path.startsWith(layout.prefix) &&
      path.endsWith('.pyc') &&
      path.includes('/__pycache__/') &&
      !path.split('/').some((part) => part === '..' || part === '.');
    if (!isInside) return `path ${path}`;
    if (!(bytes instanceof Uint8Array) || bytes.length < 16) return `size of ${path}`;
    const header = Array.from(bytes.subarray(0, 4), (byte) => byte.toString(16).padStart(2, '0'));
    if (header.join('') !== layout.magic || bytes[4] !== UNCHECKED_HASH_FLAGS)
      return `header of ${path}`;
  }
  return null;
}

/**
 * Writes the pycs before anything imports their modules. Nothing is written when one file does
 * not fit (the boot then compiles from source as usual); returns the count written, or why not.
 */
export function writeBytecode(
  pyodide: PyodideLike,
  bytecode: Bytecode,
  layout: RuntimeLayout = readRuntimeLayout(pyodide),
): { written: number } | { rejected: string } {
  const mismatch = findBytecodeMismatch(bytecode, layout);
  if (mismatch) return { rejected: mismatch };
  const fs = fileSystemOf(pyodide);
  const made = new Set<string>();
  let written = 0;
  for (const [path, bytes] of Object.entries(bytecode.files)) {
    const folder = path.slice(0, path.lastIndexOf('/'));
    if (!made.has(folder)) fs.mkdirTree(folder);
    made.add(folder);
    fs.writeFile(path, bytes);
    written += 1;
  }
  pyodide.runPython('import importlib\nimportlib.invalidate_caches()');
  return { written };
}

/** Lets Python write pycs while it imports; returns the previous setting for restoreBytecodeWrites. */
export function allowBytecodeWrites(pyodide: PyodideLike): boolean {
  return pyodide.runPython(
    'import sys\n_cit_before = sys.dont_write_bytecode\nsys.dont_write_bytecode = False\n_cit_before',
  ) as boolean;
}

export function restoreBytecodeWrites(pyodide: PyodideLike, dontWrite: boolean): void {
  pyodide.runPython(`import sys\nsys.dont_write_bytecode = ${dontWrite ? 'True' : 'False'}`);
}

/**
 * Collects the pycs Python wrote for the modules imported so far whose source lies under the
 * library folder (never our own cit_* modules, nothing outside it), rewriting each header to an
 * unchecked hash-based one with the real source hash. Must run before any user script: the
 * result is fed to every later worker, so it has to come from a runtime nobody else touched.
 */
export function harvestBytecode(
  pyodide: PyodideLike,
  layout: RuntimeLayout = readRuntimeLayout(pyodide),
): Bytecode | null {
  const json = pyodide.runPython(
    [
      'def _cit_harvest(prefix):',
      '    import importlib.util, json, os, sys',
      '    magic = importlib.util.MAGIC_NUMBER',
      '    paths = []',
      '    for name, module in list(sys.modules.items()):',
      '        source = getattr(module, "__file__", None)',
      '        if name.split(".")[0].startswith("cit_") or not isinstance(source, str):',
      '            continue',
      '        source = os.path.normpath(source)',
      '        if not source.startswith(prefix) or not source.endswith(".py"):',
      '            continue',
      '        try:',
      '            cached = importlib.util.cache_from_source(source)',
      '            with open(cached, "rb") as file:',
      '                data = file.read()',
      '            with open(source, "rb") as file:',
      '                source_bytes = file.read()',
      '        except (OSError, ValueError, NotImplementedError):',
      '            continue',
      '        if len(data) < 16 or data[:4] != magic:',
      '            continue',
      `        flags = (${UNCHECKED_HASH_FLAGS}).to_bytes(4, "little")`,
      '        header = magic + flags + importlib.util.source_hash(source_bytes)',
      '        with open(cached, "wb") as file:',
      '            file.write(header + data[16:])',
      '        paths.append(cached)',
      '    return json.dumps(sorted(set(paths)))',
      `_cit_paths = _cit_harvest(${JSON.stringify(layout.prefix)})`,
      'del _cit_harvest',
      '_cit_paths',
    ].join('\n'),
  );
  if (typeof json !== 'string') throw new Error('the bytecode harvest returned nothing');
  const paths = JSON.parse(json) as string[];
  if (paths.length === 0) return null;
  const fs = fileSystemOf(pyodide);
  // readFile copies out of the file system, so each file owns its buffer and can be transferred.
  const files = Object.fromEntries(paths.map((path) => [path, fs.readFile(path)]));
  return { prefix: layout.prefix, magic: layout.magic, files };
}

/**
 * Before the boot imports: writes the given pycs, or lets Python write its own when a harvest is
 * asked for. `dontWrite` is the setting to restore after the harvest (null: no harvest). Bytecode
 * trouble never fails the boot: the modules then compile from source as before.
 */
export function prepareBytecode(
  pyodide: PyodideLike,
  boot: BootBytecode,
): { isFed: boolean; dontWrite: boolean | null } {
  try {
    if (boot.bytecode) {
      const outcome = writeBytecode(pyodide, boot.bytecode);
      if ('written' in outcome && outcome.written > 0) return { isFed: true, dontWrite: null };
    }
    return { isFed: false, dontWrite: boot.harvest ? allowBytecodeWrites(pyodide) : null };
  } catch {
    return { isFed: false, dontWrite: null };
  }
}

/** After the warm-up render and before any user script: the harvest, or null. */
export function collectHarvest(pyodide: PyodideLike, dontWrite: boolean): Bytecode | null {
  try {
    return harvestBytecode(pyodide);
  } catch {
    return null;
  } finally {
    try {
      restoreBytecodeWrites(pyodide, dontWrite);
    } catch {
      // Left on, on-demand imports write pycs: a little memory, nothing else.
    }
  }
}

/** The buffers of a harvest, to transfer them instead of copying 8 MB. */
export function bytecodeBuffers(bytecode: Bytecode | null | undefined): ArrayBuffer[] {
  if (!bytecode) return [];
  return Object.values(bytecode.files).flatMap((bytes) =>
    bytes instanceof Uint8Array && bytes.byteOffset === 0 && bytes.buffer instanceof ArrayBuffer
      ? [bytes.buffer]
      : [],
  );
}
