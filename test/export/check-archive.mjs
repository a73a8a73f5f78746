// Native check of the export: renders ~20 real charts with Debian's matplotlib, streams an
// archive of them to disk through the app's exporter, then validates it with `unzip -t` and
// with Python's zipfile/json/PIL (check_archive.py). Run: node test/export/check-archive.mjs
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { runnerImport } from 'vite';

const PYTHON = '/usr/bin/python3';
const COUNT = 20;
const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

async function load(path) {
  const { module } = await runnerImport(join(root, path), {
    root,
    configFile: false,
    logLevel: 'error',
  });
  return module;
}

const work = mkdtempSync(join(tmpdir(), 'cit-archive-'));
try {
  run(PYTHON, [join(here, 'render_charts.py'), join(work, 'png'), String(COUNT)]);
  const { exportDataset } = await load('src/core/export/export-dataset.ts');
  const { DEFAULT_EXPORT_OPTIONS } = await load('src/core/export/options.ts');
  const synthetic = await load('test/unit/export/synthetic-dataset.ts');
  const { importArchive } = await load('src/core/import/import-archive.ts');

  const source = {
    dataset: synthetic.dataset,
    recipes: [synthetic.recipe],
    runs: [synthetic.run],
    async *items() {
      for (let index = 0; index < COUNT; index += 1) {
        const png = new Uint8Array(readFileSync(join(work, 'png', `c${index}.png`)));
        const ihdr = new DataView(png.buffer, png.byteOffset, png.byteLength);
        const width = ihdr.getUint32(16);
        const height = ihdr.getUint32(20);
        yield {
          chart: synthetic.makeChart(index),
          image: {
            id: `img${index}`,
            png,
            sha256: '',
            phash: null,
            width,
            height,
            bytes: png.length,
          },
          qa: synthetic.makeQa(index),
        };
      }
    },
  };
  const options = { ...DEFAULT_EXPORT_OPTIONS, includeRejected: true, appVersion: 'check' };
  const path = join(work, 'dataset.zip');
  const sink = createWriteStream(path);
  for await (const chunk of exportDataset(source, options)) {
    // Honour the file's backpressure, as a WritableStream would.
    if (!sink.write(chunk)) await new Promise((resolve) => sink.once('drain', resolve));
  }
  await new Promise((resolve, reject) => sink.end((error) => (error ? reject(error) : resolve())));

  console.log(run('unzip', ['-tq', path]).trim());
  console.log(run(PYTHON, [join(here, 'check_archive.py'), path]).trim());
  const imported = await importArchive(new Uint8Array(readFileSync(path)));
  if (!imported.ok) throw new Error(`re-import refused: ${imported.problem.message}`);
  console.log(`re-import: ${imported.charts.length} charts, ${imported.qa.length} Q&A`);

  // The checker must be able to fail: drop one Q&A line so the manifest count is wrong.
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  const qa = new TextDecoder().decode(files['qa.jsonl']).split('\n');
  files['qa.jsonl'] = new TextEncoder().encode(qa.slice(1).join('\n'));
  const tampered = join(work, 'tampered.zip');
  writeFileSync(tampered, zipSync(files));
  const refused = spawnSync(PYTHON, [join(here, 'check_archive.py'), tampered], {
    encoding: 'utf8',
  });
  if (refused.status === 0) throw new Error('check_archive.py accepted a tampered archive');
  console.log(`tampered archive: ${refused.stdout.trim()}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
