// planned → drafted: choose what to draw (quota: type, topics, Self-Instruct or Evol, demos or the
// parent), commit that choice, then hold the two-turn conversation with the code-writer and keep
// the reply only if it has exactly one code block of the allowed length (METHOD.md §2, S1/S2).
import type { CitItemState, ItemCall, StoredTurn } from '../../core/cit/item-state.ts';
import {
  evolPlan,
  evolWrite,
  selfInstructPlan,
  selfInstructWrite,
} from '../../core/cit/prompts/index.ts';
import { messageText, type PromptMessage } from '../../core/cit/prompts/task.ts';
import { extractSingleCodeBlock } from '../../core/cit/parse/code-block.ts';
import {
  chooseDirection,
  chooseMinorType,
  chooseOrigin,
  chooseTopics,
  seededRandom,
  type QuotaTargets,
} from '../../core/cit/quota.ts';
import type { ItemRecord } from '../../core/dataset/records.ts';
import { TOPICS } from '../../core/topics.ts';
import { ask, attemptOf, type CitContext } from './context.ts';
import type { PoolSeed } from './types.ts';

const topicName = (id: string) => TOPICS.find((topic) => topic.id === id)?.name ?? id;

function toTurns(messages: readonly PromptMessage[]): StoredTurn[] {
  return messages.map((message) => ({ role: message.role, content: messageText(message) }));
}

/** `count` distinct demos: one of the target type first when the pool has one, then any. */
export function pickDemos(
  pool: readonly PoolSeed[],
  minor: string,
  count: number,
  random: () => number,
): PoolSeed[] {
  const left = [...pool];
  const picked: PoolSeed[] = [];
  const take = (candidates: PoolSeed[]) => {
    const choice = candidates[Math.floor(random() * candidates.length)];
    if (!choice) return;
    picked.push(choice);
    left.splice(left.indexOf(choice), 1);
  };
  take(left.filter((seed) => seed.minor === minor));
  while (picked.length < count && left.length > 0) take(left);
  return picked.slice(0, count);
}

/** Chooses the item's target and commits it (stage stays 'planned'). */
async function planItem(context: CitContext, item: ItemRecord): Promise<CitItemState> {
  const { settings, state } = context;
  const random = seededRandom(item.seed);
  const targets: QuotaTargets = {
    chartTypes: settings.chartTypes,
    topics: settings.topics,
    evolShare: settings.evolShare,
  };
  const counts = state.counts();
  const parents = state.parents();
  const origin = chooseOrigin(targets, counts, parents.length, random);
  let cit: CitItemState;
  const base = {
    renderSeed: item.seed % 2 ** 31,
    conversation: [],
    code: null,
    tries: [],
    calls: [],
    questions: null,
    rejection: null,
  };
  if (origin === 'evol') {
    // The parent furthest below quota: its type gets the extra chart.
    const parent = parents[Math.floor(random() * parents.length)];
    if (!parent) throw new Error('no chart to evolve');
    cit = {
      ...base,
      origin,
      minor: parent.minor,
      topics: parent.topics,
      demoIds: [],
      parentChartId: parent.id,
      direction: chooseDirection(settings.directions, random),
    };
  } else {
    const minor = chooseMinorType(targets, counts, random);
    const demos = pickDemos(state.demoPool(), minor, settings.demosPerPrompt, random);
    cit = {
      ...base,
      origin,
      minor,
      topics: chooseTopics(targets, counts, settings.topicsPerChart, random),
      demoIds: demos.map((demo) => demo.id),
      parentChartId: null,
      direction: null,
    };
  }
  await context.deps.store.saveItemState({ itemId: item.id, stage: 'planned', cit });
  state.claim(item.id, cit);
  return cit;
}

export async function writeStage(
  context: CitContext,
  item: ItemRecord,
): Promise<{ stage: 'drafted'; cit: CitItemState }> {
  const started = context.item.clock.now();
  const cit = item.cit ?? (await planItem(context, item));
  const runtime = await context.runtime();
  const { codeLines } = context.settings;
  const calls: ItemCall[] = [...cit.calls];
  let planMessages: PromptMessage[];
  let writeMessage: PromptMessage;
  let planTask: string;
  let writeTask: string;
  if (cit.origin === 'evol') {
    const parent = cit.parentChartId ? context.state.keptChart(cit.parentChartId) : undefined;
    if (!parent || !cit.direction) throw new Error(`the chart to evolve is gone from the dataset`);
    planMessages = evolPlan({
      code: parent.code,
      minor: cit.minor,
      direction: cit.direction,
      runtime,
    });
    writeMessage = evolWrite({ minor: cit.minor, direction: cit.direction, runtime, codeLines });
    planTask = 'evol.plan';
    writeTask = 'evol.write';
  } else {
    const pool = new Map(context.state.demoPool().map((seed) => [seed.id, seed]));
    const demos = cit.demoIds.flatMap((id) => {
      const seed = pool.get(id);
      return seed ? [{ title: seed.title, code: seed.code }] : [];
    });
    planMessages = selfInstructPlan({
      demos,
      minor: cit.minor,
      topics: cit.topics.map(topicName),
      runtime,
    });
    writeMessage = selfInstructWrite({ minor: cit.minor, runtime, codeLines });
    planTask = 'self-instruct.plan';
    writeTask = 'self-instruct.write';
  }
  const save = (next: CitItemState) =>
    context.deps.store.saveItemState({ itemId: item.id, stage: 'planned', cit: next });
  try {
    const plan = await ask(context, item, 'code-writer', planMessages, planTask, calls);
    const conversation: PromptMessage[] = [
      ...planMessages,
      { role: 'assistant', content: plan },
      writeMessage,
    ];
    const reply = await ask(context, item, 'code-writer', conversation, writeTask, calls);
    const turns = toTurns([...conversation, { role: 'assistant', content: reply }]);
    const block = extractSingleCodeBlock(reply, codeLines);
    if (!block.ok) {
      await save({ ...cit, calls, conversation: turns });
      throw new Error(`The code-writer's reply was not kept: ${block.reason}`);
    }
    const next: CitItemState = { ...cit, calls, conversation: turns, code: block.code };
    await context.deps.store.saveItemState({
      itemId: item.id,
      stage: 'planned',
      cit: next,
      to: 'drafted',
      attempt: attemptOf(context, 'drafted', started),
    });
    return { stage: 'drafted', cit: next };
  } catch (error) {
    // Calls already paid for stay on the item even when the stage fails.
    if (
      calls.length > cit.calls.length &&
      !(error instanceof Error && /not kept/.test(error.message))
    )
      await save({ ...cit, calls }).catch(() => undefined);
    throw error;
  }
}
