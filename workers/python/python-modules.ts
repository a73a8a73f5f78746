// The Python modules the worker writes into the Pyodide file system, bundled as strings: every
// workers/python/py/*.py file except tests and the native (CPython) server.
const sources = import.meta.glob<string>('./py/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const SKIPPED = /^(test_.*|native_server)\.py$/;

/** File name → Python source; cit_render.py is always among them. */
export function listPythonModules(): Record<string, string> {
  const modules: Record<string, string> = {};
  for (const [path, source] of Object.entries(sources)) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (!SKIPPED.test(name)) modules[name] = source;
  }
  if (!modules['cit_render.py']) throw new Error('workers/python/py/cit_render.py is missing');
  return modules;
}
