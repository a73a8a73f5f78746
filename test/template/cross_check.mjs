#!/usr/bin/env node
// Native cross-check of the template recipe: generates charts over every chart type, runs each
// script and each answer program under Debian's python3 (matplotlib 3.6, Agg), and compares every
// computed answer with the answer the TypeScript side computed. Exits non-zero on any script
// failure or disagreement.
// Usage: node test/template/cross_check.mjs [charts=64] [first-seed=1] [--renderer] [--corrupt]
// --corrupt swaps every expected answer for a wrong one and succeeds only if every one of them
// is reported as a mismatch (the check must be able to fail).
// --renderer runs everything through the app's render engine (workers/python/py/cit_render.py)
// and also prints the layout findings it reports.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corruptAnswer, generateCharts, loadRecipe, reportResults } from './load-recipe.mjs';

/** Layout findings per chart type (reported, not failed: they measure legibility). */
function reportFindings(charts, results) {
  const byType = new Map();
  results.forEach((result, i) => {
    const type = charts[i].chart.spec.minor;
    const entry = byType.get(type) ?? { charts: 0, withFindings: 0, kinds: new Map() };
    entry.charts++;
    if (result.findings.length > 0) entry.withFindings++;
    for (const finding of result.findings) {
      const kind = finding.split(':')[0];
      entry.kinds.set(kind, (entry.kinds.get(kind) ?? 0) + 1);
    }
    byType.set(type, entry);
  });
  const flagged = [...byType.values()].reduce((a, e) => a + e.withFindings, 0);
  console.log(`layout findings: ${flagged} of ${charts.length} charts have at least one`);
  for (const [type, e] of [...byType.entries()].sort()) {
    if (e.withFindings > 0)
      console.log(
        `  ${type}: ${e.withFindings}/${e.charts} (${[...e.kinds.entries()].map(([k, n]) => `${k} ${n}`).join(', ')})`,
      );
  }
}

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const useRenderer = process.argv.includes('--renderer');
const corrupt = process.argv.includes('--corrupt');
const count = Number(args[0] ?? 64);
const firstSeed = Number(args[1] ?? 1);
const work = mkdtempSync(join(tmpdir(), 'template-cross-check-'));

try {
  const recipe = await loadRecipe(work);
  const charts = generateCharts(recipe, count, firstSeed);
  const input = join(work, 'in.json');
  const output = join(work, 'out.json');
  writeFileSync(
    input,
    JSON.stringify(
      charts.map(({ id, chart }) => ({
        id,
        code: chart.code,
        programs: chart.questions.map((q) => q.program),
      })),
    ),
  );
  const run = spawnSync(
    '/usr/bin/python3',
    [join(here, 'cross_check.py'), input, output, ...(useRenderer ? ['--renderer'] : [])],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) throw new Error(`cross_check.py exited with ${run.status}`);
  const results = JSON.parse(readFileSync(output, 'utf8'));
  if (corrupt) {
    let wrong = 0;
    let missed = 0;
    results.forEach((result, i) =>
      charts[i].chart.questions.forEach((q, j) => {
        wrong++;
        const got = result.answers[j];
        const verdict = recipe.compareAnswer(corruptAnswer(q.answer), got?.value);
        if (verdict.status !== 'mismatch') {
          missed++;
          console.log(
            `NOT CAUGHT ${result.id} ${q.templateId}: ${verdict.status} (${verdict.reason})`,
          );
        }
      }),
    );
    console.log(`[corrupt] ${wrong - missed} of ${wrong} wrong answers reported as mismatches`);
    process.exitCode = missed === 0 && wrong > 0 ? 0 : 1;
  } else {
    const ok = reportResults(
      recipe,
      charts,
      results,
      useRenderer ? 'native, cit_render' : 'native',
    );
    if (useRenderer) reportFindings(charts, results);
    process.exitCode = ok ? 0 : 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
