#!/usr/bin/env node
// npm run vendor:pyodide — brings the official Pyodide wheels of numpy, matplotlib and their
// dependencies into vendor/pyodide/ (verified against node_modules/pyodide/pyodide-lock.json),
// so the app can serve them from its own origin. See src/python/runtime-source/README.md.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_PACKAGES } from './vendor-pyodide/lock.mjs';
import { cdnBaseUrl, checkVendor, vendorPyodide } from './vendor-pyodide/vendor.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `usage: npm run vendor:pyodide -- [options]
  --check               verify vendor/pyodide/ against the lock; download nothing
  --with a,b            add packages to the default set (${DEFAULT_PACKAGES.join(' ')}), e.g. --with scipy,networkx
  --packages a,b        replace the default package set
  --base-url URL        where the wheels are downloaded from (env PYODIDE_WHEEL_BASE_URL;
                        default: the official CDN for the pinned version)
  --from-dir DIR        copy the wheels from an unpacked release tarball instead of downloading
  --out DIR             vendor folder (default vendor/pyodide)
  --lock FILE           lock file (default node_modules/pyodide/pyodide-lock.json)`;

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function splitList(value) {
  return (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

async function main() {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      with: { type: 'string' },
      packages: { type: 'string' },
      'base-url': { type: 'string' },
      'from-dir': { type: 'string' },
      out: { type: 'string' },
      lock: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const pinnedVersion = readJson(join(ROOT, 'package.json')).dependencies?.pyodide;
  const installedPath = join(ROOT, 'node_modules/pyodide/package.json');
  const installedVersion = readJson(installedPath).version;
  const base = values.packages !== undefined ? splitList(values.packages) : DEFAULT_PACKAGES;
  const packages = [...new Set([...base, ...splitList(values.with)])];
  const common = {
    lockPath: resolve(values.lock ?? join(ROOT, 'node_modules/pyodide/pyodide-lock.json')),
    pinnedVersion,
    installedVersion,
    outDir: resolve(values.out ?? join(ROOT, 'vendor/pyodide')),
  };

  if (values.check) {
    const result = await checkVendor({
      ...common,
      packages: values.packages || values.with ? packages : undefined,
    });
    for (const problem of result.problems) console.error(`✗ ${problem.message}`);
    if (result.ok)
      console.log(
        `✓ ${common.outDir}: ${result.checked.length} wheels match the lock of Pyodide ${pinnedVersion}`,
      );
    return result.ok ? 0 : 1;
  }

  const baseUrl =
    values['base-url'] ?? process.env.PYODIDE_WHEEL_BASE_URL ?? cdnBaseUrl(pinnedVersion);
  const fromDir = values['from-dir'] ? resolve(values['from-dir']) : undefined;
  console.log(`Vendoring Pyodide ${pinnedVersion} wheels for: ${packages.join(', ')}`);
  console.log(`  from ${fromDir ?? baseUrl}\n  into ${common.outDir}`);
  const result = await vendorPyodide({
    ...common,
    packages,
    baseUrl,
    fromDir,
    log: (line) => console.log(line),
  });
  if (!result.ok) {
    console.error(`\n✗ vendoring failed (${result.problems.length} problem(s)):`);
    for (const problem of result.problems)
      console.error(`  - [${problem.kind}] ${problem.message}`);
    if (result.hint) console.error(`\n${result.hint}`);
    return 1;
  }
  const total = result.manifest.files.reduce((sum, file) => sum + file.size, 0);
  console.log(
    `✓ ${result.manifest.files.length} wheels (${(total / 1e6).toFixed(1)} MB): ` +
      `${result.fetched.length} fetched, ${result.reused.length} already present and verified`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(2);
  },
);
