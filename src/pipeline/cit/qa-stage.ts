// gated → questioned → verified (METHOD.md §2 S6–S7 and §3): per kind, one call writes N questions
// (near-duplicates dropped); per question, one call writes the analysis, the steps, the typed final
// answer and an answer program; the program runs in the sandbox against the script's namespace and
// the typed comparison marks the Q&A verified, mismatch or unverifiable. The recipe decides what a
// mismatch costs (drop, keep flagged, regenerate once). The answers of a kind are committed together.
import type { CitItemState, DraftQuestion, ItemCall } from '../../core/cit/item-state.ts';
import { summarizeFacts } from '../../core/cit/parse/facts-summary.ts';
import { parseAnswer, parseQaVote, parseQuestions } from '../../core/cit/parse/qa-replies.ts';
import {
  ANSWER_SCHEMA,
  answerPrompt,
  QA_RATING_SCHEMA,
  qaRatingPrompt,
  QUESTIONS_SCHEMA,
  questionsPrompt,
} from '../../core/cit/prompts/index.ts';
import { formatAnswer } from '../../core/export/answer-text.ts';
import type { ChartRecord, ItemRecord, QaKind, QaRecord } from '../../core/dataset/records.ts';
import { runOnChart } from '../item-stages.ts';
import { countProgramSteps, judgeAnswer, qaId } from '../template-stages.ts';
import { ask, attemptOf, chartOf, citOf, type CitContext } from './context.ts';
import { pngDataUrl } from './gate-stage.ts';

const KINDS: readonly QaKind[] = ['recognition', 'reasoning'];

export async function questionStage(
  context: CitContext,
  item: ItemRecord,
): Promise<{ stage: 'questioned'; cit: CitItemState }> {
  const started = context.item.clock.now();
  const cit = citOf(item);
  const chart = await chartOf(context, item);
  const factsSummary = summarizeFacts(chart.facts);
  const calls: ItemCall[] = [...cit.calls];
  const questions: DraftQuestion[] = [];
  context.state.resetQuestions(chart.id);
  for (const kind of KINDS) {
    const count = context.settings.questionsPerKind[kind];
    if (count <= 0) continue;
    const messages = questionsPrompt({
      code: chart.code,
      kind,
      count,
      minor: chart.minor,
      factsSummary,
    });
    const reply = await ask(context, item, 'qa-writer', messages, `qa.questions.${kind}`, calls, {
      responseFormat: { name: 'questions', schema: QUESTIONS_SCHEMA },
    });
    const parsed = parseQuestions(reply, count);
    if (!parsed.ok) {
      await context.deps.store.saveItemState({
        itemId: item.id,
        stage: 'gated',
        cit: { ...cit, calls },
      });
      throw new Error(`The ${kind} questions were not usable: ${parsed.reason}`);
    }
    for (const question of parsed.questions) {
      const duplicate = context.state.duplicateQuestion(chart.id, question);
      if (!duplicate) context.state.admitQuestion(chart.id, question);
      questions.push({ kind, question, answer: null, dropped: duplicate, answerCalls: 0 });
    }
  }
  const dropped = questions.filter((question) => question.dropped).length;
  if (dropped > 0)
    context.item.progress.log(
      'warn',
      `Item ${item.index}: ${dropped} near-duplicate question(s) dropped.`,
    );
  const next: CitItemState = { ...cit, calls, questions };
  await context.deps.store.saveItemState({
    itemId: item.id,
    stage: 'gated',
    cit: next,
    to: 'questioned',
    attempt: attemptOf(context, 'questioned', started),
  });
  return { stage: 'questioned', cit: next };
}

/** Runs the answer program against the chart's namespace and compares it with the answer. */
async function verify(
  context: CitContext,
  item: ItemRecord,
  chart: ChartRecord,
  answered: NonNullable<DraftQuestion['answer']>,
): Promise<NonNullable<QaRecord['verification']>> {
  const redraw = async () => {
    const result = await context.item.deps.renderer.render(
      chart.code,
      { dpi: chart.dpi, seed: chart.provenance.seed },
      context.item.signal,
    );
    if (!result.ok) throw new Error(`re-render for verification failed: ${result.error.message}`);
    context.item.renderIds.set(item.id, result.renderId);
    return result.renderId;
  };
  const result = await runOnChart(context.item, item, answered.program, redraw);
  return judgeAnswer(answered, result, new Date(context.item.clock.now()).toISOString());
}

async function vote(
  context: CitContext,
  item: ItemRecord,
  imageDataUrl: string,
  question: string,
  answerText: string,
  calls: ItemCall[],
): Promise<NonNullable<QaRecord['votes']>> {
  const votes: NonNullable<QaRecord['votes']> = [];
  for (let rater = 0; rater < context.settings.qaRating.raters; rater += 1) {
    const reply = await ask(
      context,
      item,
      'qa-rater',
      qaRatingPrompt({ imageDataUrl, question, answer: answerText }),
      'rate.qa',
      calls,
      { responseFormat: { name: 'qa_vote', schema: QA_RATING_SCHEMA }, seed: item.seed + rater },
    );
    const parsed = parseQaVote(reply);
    // Unlike the paper, an unreadable vote is not an approval: it is left out and said so.
    if (parsed.ok)
      votes.push({ vote: parsed.vote, reason: parsed.reason, model: calls.at(-1)?.model ?? '' });
    else
      context.item.progress.log(
        'warn',
        `Item ${item.index}: unreadable Q&A vote (${parsed.reason}).`,
      );
  }
  return votes;
}

export async function answerStage(
  context: CitContext,
  item: ItemRecord,
): Promise<{ stage: 'verified' | 'questioned' }> {
  const started = context.item.clock.now();
  let cit = citOf(item);
  const chart = await chartOf(context, item);
  const factsSummary = summarizeFacts(chart.facts);
  const policy = context.settings.mismatchPolicy;
  let imageDataUrl: string | null = null;
  const drafts = cit.questions ?? [];
  // Answers are committed a kind at a time (with the item's state), so a closed tab loses at most
  // the answers of one kind in flight, and a chart costs two writes instead of one per question.
  let pending: QaRecord[] = [];
  let unsaved = false;
  const flush = async () => {
    if (!unsaved) return;
    await context.deps.store.commitAnswers({ itemId: item.id, cit, qa: pending });
    pending = [];
    unsaved = false;
  };
  try {
    for (let index = 0; index < drafts.length; index += 1) {
      if (index > 0 && drafts[index]?.kind !== drafts[index - 1]?.kind) await flush();
      if (context.item.shouldStop()) {
        await flush();
        return { stage: 'questioned' };
      }
      const draft = drafts[index] as DraftQuestion;
      if (draft.answer || draft.dropped) continue;
      const calls: ItemCall[] = [];
      const messages = answerPrompt({
        code: chart.code,
        kind: draft.kind,
        question: draft.question,
        questionIndex: index,
        factsSummary,
      });
      let answered: NonNullable<DraftQuestion['answer']> | null = null;
      let verification: NonNullable<QaRecord['verification']> | null = null;
      let unusable = '';
      let answerCalls = draft.answerCalls;
      // At most two calls per question: the second one when the first reply was unusable, or when
      // its answer did not verify and the recipe says "regenerate once".
      while (answerCalls < 2) {
        const reply = await ask(
          context,
          item,
          'qa-writer',
          messages,
          `qa.answer.${draft.kind}`,
          calls,
          {
            responseFormat: { name: 'answer', schema: ANSWER_SCHEMA },
          },
        );
        answerCalls += 1;
        const parsed = parseAnswer(reply);
        if (!parsed.ok) {
          unusable = parsed.reason;
          continue;
        }
        answered = {
          analysis: parsed.analysis,
          steps: parsed.steps,
          answer: parsed.answer,
          program: parsed.program,
        };
        verification = await verify(context, item, chart, answered);
        if (verification.status === 'mismatch' && policy === 'regenerate-once' && answerCalls < 2) {
          context.item.progress.log(
            'warn',
            `Item ${item.index}: answer ${index + 1} did not verify (${verification.reason}); asking again.`,
          );
          continue;
        }
        break;
      }
      const at = new Date(context.item.clock.now()).toISOString();
      const nextDraft: DraftQuestion = {
        ...draft,
        answerCalls,
        answer: answered,
        dropped: answered ? null : `no usable answer: ${unusable}`,
      };
      drafts[index] = nextDraft;
      cit = { ...cit, questions: [...drafts] };
      if (!answered || !verification) {
        unsaved = true;
        continue;
      }
      context.item.progress.countVerification(verification.status);
      let rejection: QaRecord['rejection'] = null;
      const answerText = formatAnswer(answered.answer);
      if (verification.status === 'mismatch' && policy === 'drop')
        rejection = { stage: 'mismatch', reasons: [verification.reason], at };
      const duplicate = rejection
        ? null
        : context.state.duplicateQa(chart.id, chart.code, draft.question, answerText);
      if (duplicate) rejection = { stage: 'dedup', reasons: [duplicate], at };
      let votes: QaRecord['votes'] = null;
      if (
        !rejection &&
        context.settings.qaRating.enabled &&
        context.deps.llm.hasVision('qa-rater')
      ) {
        if (!imageDataUrl) {
          const image = await context.deps.store.getImage(chart.imageId);
          imageDataUrl = image ? await pngDataUrl(image.png) : null;
        }
        if (imageDataUrl) {
          votes = await vote(
            context,
            item,
            imageDataUrl,
            draft.question,
            formatAnswer(answered.answer),
            calls,
          );
          const no = votes.filter((entry) => entry.vote === 'no').length;
          if (no >= context.settings.qaRating.maxNo)
            rejection = {
              stage: 'vote',
              reasons: [
                `${no} of ${votes.length} raters voted no: ${votes
                  .filter((v) => v.vote === 'no')
                  .map((v) => v.reason)
                  .join('; ')}`,
              ],
              at,
            };
        }
      }
      const qa: QaRecord = {
        id: qaId(chart.id, index),
        chartId: chart.id,
        datasetId: chart.datasetId,
        kind: draft.kind,
        template: null,
        question: draft.question,
        steps: answered.steps,
        answer: answered.answer,
        program: answered.program,
        verification,
        review: 'unreviewed',
        programSteps: countProgramSteps(answered.program),
        createdAt: at,
        updatedAt: at,
        analysis: answered.analysis,
        rejection,
        votes,
        calls,
      };
      pending.push(qa);
      unsaved = true;
      if (!rejection) context.state.admitQa(chart.id, draft.question, answerText);
    }
  } catch (error) {
    // Answers already paid for are kept when the run pauses (budget, key) or the stage fails.
    if (!context.item.signal.aborted) await flush().catch(() => undefined);
    throw error;
  }
  await flush();
  await context.deps.store.commitVerified({
    itemId: item.id,
    attempt: attemptOf(context, 'verified', started),
  });
  context.item.renderIds.delete(item.id);
  return { stage: 'verified' };
}
