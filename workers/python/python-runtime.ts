// The worker body: boots Pyodide, installs the render module and runs scripts. It knows nothing
// of postMessage (sandbox.worker.ts wires it), so tests drive it directly on Pyodide in Node.
import type {
  AnswerResult,
  RenderError,
  RenderErrorKind,
  RenderOptions,
  RenderResult,
  RuntimeInfo,
} from './api.ts';
import { collectHarvest, prepareBytecode } from './bytecode.ts';
import type { BootBytecode, BootProgress, Bytecode, RuntimeSource } from './protocol.ts';
import { isPyProxy } from './pyodide-types.ts';
import type { PyodideLike, PyodideLoader, PyProxyLike } from './pyodide-types.ts';

/** Where the Python modules live in the Pyodide file system. */
export const MODULE_DIR = '/home/pyodide/cit';
/** Packages loaded at boot; everything else is loaded when a script imports it. */
const BOOT_PACKAGES = ['numpy', 'matplotlib'];
/** Packages a script may pull in on demand (cit_render.analyze names them). */
const LOADABLE = ['scipy', 'networkx'];

/** A render or answer together with whether the runtime survived it. */
export interface Outcome<T> {
  result: T;
  /** True when a JS-level failure (wasm abort, heap exhaustion) left the runtime unusable. */
  broken: boolean;
}

type PyModule = PyProxyLike & Record<string, unknown>;

interface Analysis {
  ok: boolean;
  packages?: string[];
  error?: RenderError;
}

export class PythonRuntime {
  #pyodide: PyodideLike | null = null;
  #module: PyModule | null = null;
  #info: RuntimeInfo | null = null;
  readonly #loadedPackages = new Set<string>(BOOT_PACKAGES);
  #harvest: Bytecode | null = null;
  /** How the boot used bytecode (see WorkerReply 'booted'). */
  bytecodeUse: 'fed' | 'harvested' | 'none' = 'none';

  /** `modules` maps file names (e.g. "cit_render.py") to their Python source. */
  constructor(
    private readonly loadPyodide: PyodideLoader,
    private readonly modules: Record<string, string>,
  ) {}

  /** Loads Pyodide, numpy and matplotlib, installs the modules and boots cit_render (with warm-up). */
  async boot(
    source: RuntimeSource,
    onProgress: (progress: BootProgress) => void,
    bytecode: BootBytecode = { bytecode: null, harvest: false },
  ): Promise<RuntimeInfo> {
    onProgress({ stage: 'runtime', fraction: 0 });
    const pyodide = await this.loadPyodide();
    this.#pyodide = pyodide;
    onProgress({ stage: 'packages', fraction: 0.35 });
    await pyodide.loadPackage(BOOT_PACKAGES);
    // The official runtime ships compiled modules: only 0.17 writes or harvests pycs.
    const isLegacy = source.distribution === 'offline-0.17';
    const prepared = isLegacy ? prepareBytecode(pyodide, bytecode) : null;
    if (prepared?.isFed) this.bytecodeUse = 'fed';
    onProgress({ stage: 'modules', fraction: 0.55 });
    this.#installModules(pyodide);
    // 0.17's pyimport reads the global namespace rather than importing, so import by hand.
    pyodide.runPython('import cit_render');
    const module = pyodide.globals.get('cit_render') as PyModule;
    this.#module = module;
    // cit_render.boot installs the compat layer and renders a warm-up chart, so the first real
    // render does not pay for matplotlib's lazy imports.
    onProgress({ stage: 'warm-up', fraction: 0.7 });
    const config = {
      distribution: source.distribution,
      pyodide: pyodide.version,
      loadable: LOADABLE,
      versions: readPackageVersions(pyodide, LOADABLE),
    };
    const info = JSON.parse(this.#callText('boot', JSON.stringify(config))) as RuntimeInfo;
    info.note = info.note ?? source.note;
    this.#info = info;
    if (prepared && prepared.dontWrite !== null) {
      this.#harvest = collectHarvest(pyodide, prepared.dontWrite);
      if (this.#harvest) this.bytecodeUse = 'harvested';
    }
    onProgress({ stage: 'ready', fraction: 1 });
    return info;
  }

  /** The boot's harvest, once: its buffers are transferred to the page. */
  takeHarvest(): Bytecode | null {
    const harvest = this.#harvest;
    this.#harvest = null;
    return harvest;
  }

  /** Versions and capabilities of the booted runtime. */
  runtimeInfo(): RuntimeInfo {
    if (!this.#info) throw new Error('runtime not booted');
    return this.#info;
  }

  /** Runs a script and captures its figure; expected failures come back as data. */
  async render(code: string, options: RenderOptions): Promise<Outcome<RenderResult>> {
    const started = performance.now();
    const fail = (error: RenderError, broken = false): Outcome<RenderResult> => ({
      result: {
        ok: false,
        error,
        stdout: '',
        stderr: '',
        durationMs: performance.now() - started,
        runtime: this.#info,
      },
      broken,
    });
    try {
      const analysis = JSON.parse(this.#callText('analyze', code)) as Analysis;
      if (!analysis.ok && analysis.error) return fail(analysis.error);
      const missing = (analysis.packages ?? []).filter((name) => !this.#loadedPackages.has(name));
      if (missing.length > 0) {
        try {
          await this.#requirePyodide().loadPackage(missing);
          missing.forEach((name) => this.#loadedPackages.add(name));
        } catch (error) {
          const message = `could not load ${missing.join(', ')}: ${String(error)}`;
          return fail(describeError('missing-package', message, missing[0] ?? null));
        }
      }
      return { result: this.#renderChecked(code, options), broken: false };
    } catch (error) {
      // Python-level failures are data from cit_render; reaching here means the wasm side failed.
      const message = error instanceof Error ? error.message : String(error);
      const isMemory = /memory|allocation|RangeError/i.test(message) || error instanceof RangeError;
      const firstLine = message.split('\n')[0] ?? message;
      return fail(describeError(isMemory ? 'memory' : 'crashed', firstLine), true);
    }
  }

  /** Runs an answer program in the namespace a render left behind. */
  runAnswerProgram(renderId: string, program: string): Outcome<AnswerResult> {
    try {
      const json = this.#callText('run_answer_program', renderId, program);
      const result = JSON.parse(json) as AnswerResult;
      return { result: { ...result, stdout: clipOutput(result.stdout) }, broken: false };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        result: { ok: false, error: describeError('crashed', message), stdout: '' },
        broken: true,
      };
    }
  }

  #renderChecked(code: string, options: RenderOptions): RenderResult {
    const reply = this.#call('render', code, JSON.stringify(options));
    const [metaJson, png] = readMetaAndPng(reply);
    const meta = JSON.parse(metaJson) as Record<string, unknown>;
    meta['stdout'] = clipOutput(meta['stdout']);
    meta['stderr'] = clipOutput(meta['stderr']);
    const runtime = this.#info;
    if (meta['ok'] === true) {
      if (!png || !runtime) throw new Error('render succeeded without a PNG');
      return {
        ...(meta as Omit<Extract<RenderResult, { ok: true }>, 'png' | 'runtime'>),
        png,
        runtime,
      };
    }
    return { ...(meta as Omit<Extract<RenderResult, { ok: false }>, 'runtime'>), runtime };
  }

  /** Writes the modules with Python itself: 0.17 does not expose the file system to JS. */
  #installModules(pyodide: PyodideLike): void {
    const files = Object.entries(this.modules)
      .map(([name, source]) => `    (${JSON.stringify(name)}, ${JSON.stringify(source)}),`)
      .join('\n');
    // A JSON string literal is a valid Python string literal (same escapes), so no quoting games.
    pyodide.runPython(
      [
        'import importlib, os, sys',
        `_cit_dir = ${JSON.stringify(MODULE_DIR)}`,
        'os.makedirs(_cit_dir, exist_ok=True)',
        'for _cit_name, _cit_source in [',
        files,
        ']:',
        '    with open(os.path.join(_cit_dir, _cit_name), "w", encoding="utf-8") as _cit_file:',
        '        _cit_file.write(_cit_source)',
        'if _cit_dir not in sys.path:',
        '    sys.path.insert(0, _cit_dir)',
        'importlib.invalidate_caches()',
        'del _cit_dir, _cit_name, _cit_source, _cit_file',
      ].join('\n'),
    );
  }

  #requirePyodide(): PyodideLike {
    if (!this.#pyodide) throw new Error('runtime not booted');
    return this.#pyodide;
  }

  /** Calls a function of cit_render; every proxy it creates is destroyed except the result. */
  #call(name: string, ...args: unknown[]): unknown {
    if (!this.#module) throw new Error('runtime not booted');
    const fn = this.#module[name];
    if (typeof fn !== 'function') throw new Error(`cit_render.${name} is missing`);
    try {
      return (fn as (...a: unknown[]) => unknown)(...args);
    } finally {
      if (isPyProxy(fn)) fn.destroy();
    }
  }

  #callText(name: string, ...args: unknown[]): string {
    const value = this.#call(name, ...args);
    if (typeof value === 'string') return value;
    if (isPyProxy(value)) value.destroy();
    throw new Error(`cit_render.${name} did not return a string`);
  }
}

/** Output kept per stream: a script printing in a loop must not flood the page. */
export const MAX_OUTPUT_CHARS = 100_000;

function clipOutput(text: unknown): string {
  const value = typeof text === 'string' ? text : '';
  if (value.length <= MAX_OUTPUT_CHARS) return value;
  return `${value.slice(0, MAX_OUTPUT_CHARS)}\n… (${value.length - MAX_OUTPUT_CHARS} more characters cut)`;
}

/** An error of the contract made by the glue (no traceback or line: Python never saw it). */
function describeError(
  kind: RenderErrorKind,
  message: string,
  name: string | null = null,
): RenderError {
  return { kind, message, traceback: null, line: null, name };
}

/** Versions of on-demand packages from the runtime's package index (they are not imported yet). */
function readPackageVersions(pyodide: PyodideLike, names: string[]): Record<string, string> {
  const runtime = pyodide as unknown as {
    _module?: { packages?: { versions?: Record<string, string> } }; // 0.17: packages.json
    lockfile?: { packages?: Record<string, { version?: string }> }; // official: pyodide-lock.json
  };
  const versions: Record<string, string> = {};
  for (const name of names) {
    const version =
      runtime._module?.packages?.versions?.[name] ?? runtime.lockfile?.packages?.[name]?.version;
    if (typeof version === 'string') versions[name] = version;
  }
  return versions;
}

/** Reads `[meta_json, png_bytes | None]`, copying the PNG out of the wasm heap, and frees the proxy. */
function readMetaAndPng(reply: unknown): [string, Uint8Array | null] {
  if (!isPyProxy(reply)) throw new Error('cit_render.render did not return a list');
  try {
    const items = reply.toJs() as unknown[];
    const [meta, png] = items;
    if (typeof meta !== 'string') throw new Error('cit_render.render: meta is not a string');
    return [meta, copyBytes(png)];
  } finally {
    reply.destroy();
  }
}

function copyBytes(value: unknown): Uint8Array | null {
  if (value === null || value === undefined) return null;
  if (isPyProxy(value)) {
    try {
      return copyBytes(value.toJs());
    } finally {
      value.destroy();
    }
  }
  // A view on the wasm heap would change under us (and cannot be transferred): always copy.
  if (value instanceof Uint8Array) return value.slice();
  if (ArrayBuffer.isView(value))
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
  if (Array.isArray(value)) return Uint8Array.from(value as number[]);
  throw new Error('cit_render.render: png is not bytes');
}
