// The working state of one CIT item (one candidate chart), stored on its ItemRecord and rewritten
// in the same transaction as each stage's output, so a closed tab resumes exactly where it
// stopped (METHOD.md §3, "a per-item state machine").
import type { MinorChartType } from '../chart-types.ts';
import type { QaKind } from '../dataset/records.ts';
import type { TypedAnswer } from '../answer-compare.ts';
import type { EvolDirection } from './recipe.ts';

/** A conversation turn as sent to and received from the LLM (text only; images are not kept). */
export interface StoredTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** One LLM call an item made, for provenance (the full record is in the llmCalls table). */
export interface ItemCall {
  /** What the call was for, e.g. "self-instruct.plan", "repair", "qa.answer". */
  task: string;
  /** llmCalls row id, when the call was recorded. */
  callId: string | null;
  promptHash: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
}

/** One try to draw the script: the first render and each repair round. */
export interface RenderTry {
  round: number; // 0: the written script; 1..N: repairs
  code: string;
  /** Null when it rendered. */
  error: { kind: string; message: string; line: number | null } | null;
}

/** A question written by the qa-writer, before and after its answer. */
export interface DraftQuestion {
  kind: QaKind;
  question: string;
  /** Filled by the answer call. */
  answer: {
    analysis: string;
    steps: string[];
    answer: TypedAnswer;
    program: string;
  } | null;
  /** Why it was dropped before answering (duplicate question...), or null. */
  dropped: string | null;
  /** Answer calls made for this question (2 when a mismatch was regenerated once). */
  answerCalls: number;
}

export interface CitItemState {
  origin: 'self-instruct' | 'evol';
  /** Target minor type (chosen by quota at planning; an evolved chart keeps its parent's). */
  minor: MinorChartType;
  topics: string[];
  /** Seed the renders use (recorded on the chart). */
  renderSeed: number;
  /** Seed-pool ids of the demo scripts shown (Self-Instruct). */
  demoIds: string[];
  /** Evol-Instruct: the chart evolved and the direction taken. */
  parentChartId: string | null;
  direction: EvolDirection | null;
  /** The code-writer conversation (plan + write), with replies. */
  conversation: StoredTurn[];
  /** The script as last written or repaired. */
  code: string | null;
  tries: RenderTry[];
  calls: ItemCall[];
  /** Questions per kind, once written. */
  questions: DraftQuestion[] | null;
  /** Why the item was rejected (gate, raters, dedup), when it was. */
  rejection: { stage: string; reasons: string[] } | null;
}
