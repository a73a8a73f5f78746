// Every corpus script, rendered in Chromium through the app's sandboxed RenderPool on the
// offline 0.17 bundle, must give a non-blank PNG of the size the same script gives natively
// (figsize × dpi) and figure facts that match the data written in the manifest.
// Usage: node test/e2e/corpus-check.mjs [--only TEXT]
import {
  bootPool,
  compareWithExpectations,
  loadCorpus,
  openSandboxPage,
  renderInPage,
  renderNatively,
  startNativeRenderer,
} from './corpus-harness.mjs';

const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : null;
const corpus = loadCorpus().filter((entry) => !only || entry.id.includes(only));
let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
  if (ok) passed += 1;
  else failed += 1;
}

const native = await startNativeRenderer();
const nativeRun = await renderNatively(native, corpus);
native.close();
const nativeById = new Map(nativeRun.results.map((r) => [r.id, r]));

const session = await openSandboxPage();
try {
  await bootPool(session.page, { size: 2, spares: 0, timeoutMs: 30_000 });
  const browserRun = await renderInPage(session.page, corpus);
  const problems = compareWithExpectations(
    browserRun.results
      .filter((r) => r.ok)
      .map((r) => ({ id: r.id, facts: r.facts, expect: corpus.find((e) => e.id === r.id).expect })),
  );
  for (const result of browserRun.results) {
    const nativeResult = nativeById.get(result.id);
    if (!result.ok) {
      check(result.id, false, `${result.error.kind}: ${result.error.message}`);
      continue;
    }
    const issues = [...(problems[result.id] ?? [])];
    if (!nativeResult?.ok) issues.push(`native render failed: ${nativeResult?.error?.message}`);
    else if (nativeResult.width !== result.width || nativeResult.height !== result.height)
      issues.push(
        `size ${result.width}×${result.height}, natively ${nativeResult.width}×${nativeResult.height}`,
      );
    if (result.decoded.width !== result.width || result.decoded.height !== result.height)
      issues.push('decoded PNG size differs from the reported size');
    if (result.decoded.ink < 0.01)
      issues.push(`nearly blank (ink ${result.decoded.ink.toFixed(4)})`);
    check(
      result.id,
      issues.length === 0,
      issues.join('; ') ||
        `${result.width}×${result.height}, ink ${(result.decoded.ink * 100).toFixed(1)}%`,
    );
  }
  const foreign = session.foreignRequests();
  check('no request left 127.0.0.1', foreign.length === 0, foreign.slice(0, 5).join(', '));
} finally {
  await session.close();
}
console.log(`corpus e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
