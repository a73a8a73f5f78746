// Runs the native tests of the Python render engine (workers/python/py) with Debian's system
// python3, which has matplotlib (the first `python3` on PATH may be another interpreter without it).
// A second pass runs the same tests on matplotlib 3.3.3, the offline bundle's version, rebuilt
// for CPython from the bundle's sources (test/python/mpl33_hybrid.py), so the compat layer is
// exercised against the API it exists for. Prints one summary line per pass; exits non-zero on
// any failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const python = process.env.CIT_PYTHON ?? '/usr/bin/python3';
const hybridDir = join(root, 'node_modules', '.cache', 'cit-mpl33-hybrid');

if (!existsSync(python)) {
  console.error(
    `python: ${python} not found; install python3-matplotlib (scripts/install-system-deps.sh)`,
  );
  process.exit(1);
}

/** Runs unittest discovery; resolves to counts parsed from its report. */
function runSuite(label, extraEnv) {
  return new Promise((resolve) => {
    const child = spawn(python, ['-m', 'unittest', 'discover', '-s', 'test/python', '-v'], {
      cwd: root,
      env: { ...process.env, MPLBACKEND: 'Agg', PYTHONDONTWRITEBYTECODE: '1', ...extraEnv },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    // unittest reports on stderr; echo it and keep it to count results.
    let report = '';
    child.stderr.on('data', (chunk) => {
      report += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code) => {
      const count = (pattern) => Number(pattern.exec(report)?.[1] ?? 0);
      const ran = count(/Ran (\d+) tests?/);
      const failed = count(/failures=(\d+)/) + count(/errors=(\d+)/);
      const skipped = count(/skipped=(\d+)/);
      resolve({ label, ran, failed, skipped, ok: code === 0 && ran > 0 });
    });
  });
}

const results = [await runSuite('python', {})];

const built = spawnSync(python, ['test/python/mpl33_hybrid.py', hybridDir], {
  cwd: root,
  encoding: 'utf8',
});
if (built.status === 0) {
  results.push(
    await runSuite('python (matplotlib 3.3.3 of the offline bundle)', {
      PYTHONPATH: built.stdout.trim(),
      CIT_MPL33_HYBRID: '1',
    }),
  );
} else {
  console.log(
    'python (matplotlib 3.3.3): pass skipped, the offline bundle @pyodide/pyodide is not installed',
  );
}

for (const { label, ran, failed, skipped } of results) {
  const passed = ran - failed - skipped;
  console.log(
    `${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
}
process.exit(results.every((result) => result.ok) ? 0 : 1);
