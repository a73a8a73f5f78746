// rendered → gated or rejected (METHOD.md §2 S5 and §3): layout findings against the recipe's
// thresholds, near-duplicate code and images across the dataset, then the optional vision raters
// (mean score ≥ threshold). Cheap checks first, so a duplicate costs no rating call. A rejected
// chart is kept, hidden, with every reason, and can be restored from Browse.
import type { ItemCall } from '../../core/cit/item-state.ts';
import { parseChartRating } from '../../core/cit/parse/qa-replies.ts';
import { chartRatingPrompt, CHART_RATING_SCHEMA } from '../../core/cit/prompts/index.ts';
import { GATE_FINDING_KINDS } from '../../core/cit/recipe.ts';
import { bytesToBase64 } from '../../core/base64.ts';
import type { ChartRecord, ItemRecord, Rejection } from '../../core/dataset/records.ts';
import { ask, attemptOf, chartOf, citOf, type CitContext } from './context.ts';

/** Reasons a chart fails the layout gates, one per finding kind over its limit. */
export function gateReasons(
  findings: ChartRecord['findings'],
  limits: CitContext['settings']['gates'],
): string[] {
  const reasons: string[] = [];
  for (const kind of GATE_FINDING_KINDS) {
    const limit = limits[kind];
    if (limit === null) continue;
    const found = findings.filter((finding) => finding.kind === kind);
    if (found.length > limit)
      reasons.push(
        `${found.length} × ${kind} (at most ${limit} allowed): ${found[0]?.message ?? ''}`.trim(),
      );
  }
  return reasons;
}

/** PNG bytes as a data URL for a vision model. */
export async function pngDataUrl(png: Blob): Promise<string> {
  return `data:image/png;base64,${bytesToBase64(new Uint8Array(await png.arrayBuffer()))}`;
}

async function rate(
  context: CitContext,
  item: ItemRecord,
  chart: ChartRecord,
  calls: ItemCall[],
): Promise<{ ratings: { score: number; reason: string; model: string }[]; reasons: string[] }> {
  const { raters, threshold } = context.settings.chartRating;
  if (!context.deps.llm.hasVision('chart-rater'))
    return { ratings: [], reasons: ['the chart-rater model cannot see images'] };
  const image = await context.deps.store.getImage(chart.imageId);
  if (!image) throw new Error(`chart ${chart.id} has no image`);
  const imageDataUrl = await pngDataUrl(image.png);
  const ratings: { score: number; reason: string; model: string }[] = [];
  const unusable: string[] = [];
  for (let rater = 0; rater < raters; rater += 1) {
    const messages = chartRatingPrompt({ imageDataUrl, minor: chart.minor });
    const reply = await ask(context, item, 'chart-rater', messages, 'rate.chart', calls, {
      responseFormat: { name: 'chart_rating', schema: CHART_RATING_SCHEMA },
      seed: item.seed + rater,
    });
    const parsed = parseChartRating(reply);
    if (parsed.ok)
      ratings.push({
        score: parsed.score,
        reason: parsed.reason,
        model: calls.at(-1)?.model ?? '',
      });
    else unusable.push(parsed.reason);
  }
  if (ratings.length === 0)
    return { ratings, reasons: [`no rater gave a usable score (${unusable.join('; ')})`] };
  const mean = ratings.reduce((sum, rating) => sum + rating.score, 0) / ratings.length;
  if (mean >= threshold) return { ratings, reasons: [] };
  return {
    ratings,
    reasons: [
      `mean rating ${mean.toFixed(2)} < ${threshold}: ${ratings.map((r) => `${r.score} (${r.reason})`).join('; ')}`,
    ],
  };
}

export async function gateStage(
  context: CitContext,
  item: ItemRecord,
): Promise<{ stage: 'gated' | 'rejected' }> {
  const started = context.item.clock.now();
  let cit = citOf(item);
  const chart = await chartOf(context, item);
  const image = await context.deps.store.getImage(chart.imageId);
  const phash = image?.phash ?? null;
  let rejection: Rejection | null = null;
  const at = () => new Date(context.item.clock.now()).toISOString();
  const layout = gateReasons(chart.findings, context.settings.gates);
  if (layout.length > 0) rejection = { stage: 'gate', reasons: layout, at: at() };
  if (!rejection) {
    // A resumed run indexed this chart already (it was stored before the gate ran): take it out,
    // or the nearest match would be the chart itself and hide a real twin.
    context.state.withdraw(chart.id);
    // Checked and admitted in one turn of the event loop: two lanes cannot both keep twins.
    const duplicate = context.state.duplicateOf(chart.id, chart.code, phash);
    if (duplicate) rejection = { stage: 'dedup', reasons: [duplicate], at: at() };
    else context.state.admit(chart.id, chart.code, phash, cit.parentChartId);
  }
  let ratings: { score: number; reason: string; model: string }[] | null = null;
  if (!rejection && context.settings.chartRating.enabled) {
    const calls = [...cit.calls];
    try {
      const rated = await rate(context, item, chart, calls);
      ratings = rated.ratings;
      if (rated.reasons.length > 0)
        rejection = { stage: 'rater', reasons: rated.reasons, at: at() };
    } catch (error) {
      context.state.withdraw(chart.id);
      throw error;
    }
    cit = { ...cit, calls };
  }
  if (rejection && rejection.stage === 'rater') context.state.withdraw(chart.id);
  cit = {
    ...cit,
    rejection: rejection ? { stage: rejection.stage, reasons: rejection.reasons } : null,
  };
  await context.deps.store.commitGate({
    itemId: item.id,
    chartId: chart.id,
    cit,
    attempt: attemptOf(context, rejection ? 'rejected' : 'gated', started),
    rejection,
    ratings,
  });
  if (rejection)
    context.item.progress.log(
      'warn',
      `Item ${item.index} rejected (${rejection.stage}): ${rejection.reasons.join('; ')}`,
    );
  return { stage: rejection ? 'rejected' : 'gated' };
}
