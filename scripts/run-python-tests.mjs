// Runs the native tests of the Python render engine (workers/python/py) with Debian's system
// python3, which has matplotlib; the first `python3` on PATH may be another interpreter without it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const python = process.env.CIT_PYTHON ?? '/usr/bin/python3';

if (!existsSync(python)) {
  console.error(`python: ${python} not found; install python3-matplotlib (scripts/install-system-deps.sh)`);
  process.exit(1);
}

const child = spawn(python, ['-m', 'unittest', 'discover', '-s', 'test/python', '-v'], {
  cwd: root,
  env: { ...process.env, MPLBACKEND: 'Agg', PYTHONDONTWRITEBYTECODE: '1' },
  stdio: ['ignore', 'inherit', 'pipe'],
});

// unittest reports on stderr; echo it and keep it to count results.
let report = '';
child.stderr.on('data', (chunk) => {
  report += chunk;
  process.stderr.write(chunk);
});

child.on('close', (code) => {
  const ran = Number(/Ran (\d+) tests?/.exec(report)?.[1] ?? 0);
  const failures = Number(/failures=(\d+)/.exec(report)?.[1] ?? 0);
  const errors = Number(/errors=(\d+)/.exec(report)?.[1] ?? 0);
  const skipped = Number(/skipped=(\d+)/.exec(report)?.[1] ?? 0);
  const failed = failures + errors;
  const passed = ran - failed - skipped;
  console.log(`python: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(code === 0 && ran > 0 ? 0 : 1);
});
