// The Python modules the worker writes into the Pyodide file system, bundled as strings.
// Every workers/python/py/*.py file is included; the placeholder stands in for cit_render.py
// only while that module is absent.
import { PLACEHOLDER_RENDER } from './placeholder-render.ts';

const sources = import.meta.glob<string>('./py/*.py', { query: '?raw', import: 'default', eager: true });

/** File name → Python source, always including cit_render.py. */
export function listPythonModules(): Record<string, string> {
  const modules: Record<string, string> = {};
  for (const [path, source] of Object.entries(sources)) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    // Tests of the modules themselves live next to them and are not part of the runtime.
    if (!name.startsWith('test_')) modules[name] = source;
  }
  modules['cit_render.py'] ??= PLACEHOLDER_RENDER;
  return modules;
}

/** True when the real render module is bundled (false: the placeholder is in use). */
export const hasRenderModule = Object.keys(sources).some((path) => path.endsWith('/cit_render.py'));
