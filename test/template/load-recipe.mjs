// Bundles the template recipe (TypeScript) with rolldown so plain Node scripts can import it.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Imports src/core/template and compareAnswer, bundled into `workDir`. */
export async function loadRecipe(workDir) {
  const entry = join(workDir, 'entry.ts');
  writeFileSync(
    entry,
    [
      `export * from ${JSON.stringify(join(root, 'src/core/template/index.ts'))};`,
      `export { compareAnswer } from ${JSON.stringify(join(root, 'src/core/answer-compare.ts'))};`,
    ].join('\n'),
  );
  const bundle = join(workDir, 'template.mjs');
  await build({
    input: entry,
    output: { file: bundle, format: 'esm' },
    write: true,
    logLevel: 'warn',
  });
  return import(pathToFileURL(bundle).href);
}

/** `count` charts round-robin over every chart type, seeds from `firstSeed`. */
export function generateCharts(recipe, count, firstSeed) {
  const types = recipe.TEMPLATE_CHART_TYPES;
  return Array.from({ length: count }, (_, i) => {
    const seed = firstSeed + i;
    const chart = recipe.generateTemplateChart(seed, {
      chartTypes: [types[i % types.length]],
      questionsPerKind: 4,
    });
    return { id: `${seed}:${chart.spec.minor}`, chart };
  });
}

/** Compares every answer the runtime computed with the recipe's; prints a report, returns ok. */
export function reportResults(recipe, charts, results, label) {
  let scriptFailures = 0,
    verified = 0,
    mismatches = 0,
    unverifiable = 0,
    questions = 0;
  const perTemplate = new Map();
  const warnings = new Set();
  results.forEach((result, i) => {
    const { chart } = charts[i];
    result.warnings.forEach((w) => warnings.add(w));
    if (!result.ok) {
      scriptFailures++;
      console.log(`SCRIPT FAILED ${result.id}\n${result.error}`);
    }
    chart.questions.forEach((q, j) => {
      questions++;
      const got = result.answers[j];
      const verdict = got?.ok
        ? recipe.compareAnswer(q.answer, got.value)
        : { status: 'unverifiable', reason: got?.error ?? 'no answer' };
      const tally = perTemplate.get(q.templateId) ?? { verified: 0, other: 0 };
      if (verdict.status === 'verified') {
        verified++;
        tally.verified++;
      } else tally.other++;
      if (verdict.status === 'mismatch') mismatches++;
      if (verdict.status === 'unverifiable') unverifiable++;
      if (verdict.status !== 'verified') {
        console.log(
          `${verdict.status.toUpperCase()} ${result.id} ${q.templateId}: ${verdict.reason}\n  Q: ${q.question}\n  program: ${q.program.replace(/\n/g, ' | ')}`,
        );
      }
      perTemplate.set(q.templateId, tally);
    });
  });
  const typesSeen = new Set(charts.map(({ chart }) => chart.spec.minor));
  console.log(
    `[${label}] charts: ${charts.length} over ${typesSeen.size} minor types; scripts failed: ${scriptFailures}`,
  );
  console.log(
    `[${label}] questions: ${questions} from ${perTemplate.size} templates; verified ${verified}, mismatch ${mismatches}, unverifiable ${unverifiable}`,
  );
  console.log(
    `[${label}] per template: ${[...perTemplate.entries()]
      .sort()
      .map(([id, t]) => `${id}=${t.verified}${t.other ? `/${t.other} bad` : ''}`)
      .join(' ')}`,
  );
  if (warnings.size > 0)
    console.log(`[${label}] python warnings (${warnings.size}):\n  ${[...warnings].join('\n  ')}`);
  return scriptFailures === 0 && mismatches === 0 && unverifiable === 0;
}

/** A wrong version of a typed answer (for checking that the cross-check can fail at all). */
export function corruptAnswer(answer) {
  switch (answer.type) {
    case 'number':
      return { ...answer, value: answer.value + 1 + 10 * (answer.tolerance?.absolute ?? 0) };
    case 'year':
      return { ...answer, value: answer.value + 1 };
    case 'category':
      return { ...answer, value: `${answer.value} x` };
    case 'boolean':
      return { ...answer, value: !answer.value };
    case 'list':
      return { ...answer, value: [...answer.value.slice(1), answer.value[0]] };
    default:
      throw new Error(`unknown answer type ${answer.type}`);
  }
}
