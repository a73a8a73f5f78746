// Parsing of the qa-writer's and the raters' replies (METHOD.md §2, S6–S7; §3). Replies are read
// as if a stranger wrote them: JSON is found inside fences or prose, shapes are checked with zod,
// and anything that does not fit is refused with a reason. Unlike the paper, a rater reply that
// cannot be parsed is a failure, never an approval.
import { z } from 'zod';
import { parseNumber, type TypedAnswer } from '../../answer-compare.ts';
import { extractJson, extractJsonObject } from './json-reply.ts';
import { findCodeMention } from './steps-check.ts';
import { toTypedAnswer } from './typed-answer.ts';

type Refusal = { ok: false; reason: string };

const questionItem = z.union([z.string(), z.object({ question: z.string() })]);
const questionsReply = z.union([
  z.object({ questions: z.array(questionItem) }),
  z.array(questionItem),
]);

/** "1. ", "Q2: ", "Question 3) " at the start of a question. */
const NUMBERING = /^(?:(?:q|question)\s*)?\d+\s*[.):-]\s+/i;

function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'reply'}: ${issue.message}`)
    .join('; ');
}

/** The questions of a qa.questions reply: trimmed, de-numbered, without empties or repeats. */
export function parseQuestions(
  reply: string,
  expected: number,
): { ok: true; questions: string[] } | Refusal {
  const found = extractJson(reply);
  if (!found.ok) return found;
  const parsed = questionsReply.safeParse(found.value);
  if (!parsed.success) {
    return { ok: false, reason: `expected {"questions": [...]}: ${issuesText(parsed.error)}` };
  }
  const items = Array.isArray(parsed.data) ? parsed.data : parsed.data.questions;
  const seen = new Set<string>();
  const questions: string[] = [];
  for (const item of items) {
    const text = (typeof item === 'string' ? item : item.question).trim().replace(NUMBERING, '');
    const key = text.toLowerCase().replace(/\s+/g, ' ');
    if (!text || seen.has(key)) continue;
    seen.add(key);
    questions.push(text);
  }
  if (questions.length === 0) return { ok: false, reason: 'the reply holds no questions' };
  return { ok: true, questions: questions.slice(0, Math.max(0, expected)) };
}

const answerReply = z.object({
  analysis: z.string().optional(),
  steps: z.union([z.array(z.string()), z.string()]),
  answer: z.object({
    type: z.string(),
    value: z.unknown(),
    unit: z.string().nullish(),
    ordered: z.boolean().nullish(),
  }),
  program: z.string(),
});

/** A program the model fenced inside its JSON string: keep only the code. */
function unfenceProgram(program: string): string {
  const fenced = /^\s*```[A-Za-z0-9_-]*\s*\n([\s\S]*?)\n\s*```\s*$/.exec(program);
  return (fenced?.[1] ?? program).trim();
}

/** The parts of a qa.answer reply, or why it is refused. */
export function parseAnswer(
  reply: string,
): { ok: true; analysis: string; steps: string[]; answer: TypedAnswer; program: string } | Refusal {
  const found = extractJsonObject(reply);
  if (!found.ok) return found;
  const parsed = answerReply.safeParse(found.value);
  if (!parsed.success)
    return { ok: false, reason: `malformed answer: ${issuesText(parsed.error)}` };
  const data = parsed.data;
  const steps = (typeof data.steps === 'string' ? data.steps.split('\n') : data.steps)
    .map((step) => step.trim())
    .filter(Boolean);
  if (steps.length === 0) return { ok: false, reason: 'the answer has no steps' };
  const mention = findCodeMention(steps);
  if (mention) return { ok: false, reason: mention };
  const typed = toTypedAnswer(data.answer);
  if (!typed.ok) return typed;
  const program = unfenceProgram(data.program);
  if (!program) return { ok: false, reason: 'the answer has no program' };
  return { ok: true, analysis: (data.analysis ?? '').trim(), steps, answer: typed.answer, program };
}

const ratingReply = z.object({
  score: z.union([z.number(), z.string()]),
  reason: z.string().optional(),
});

/** A chart rater's score (1–5) and reason; a score outside 1–5 or no score is refused. */
export function parseChartRating(
  reply: string,
): { ok: true; score: number; reason: string } | Refusal {
  const found = extractJsonObject(reply);
  let score: number | null = null;
  let reason = '';
  if (found.ok) {
    const parsed = ratingReply.safeParse(found.value);
    if (parsed.success) {
      score = parseNumber(parsed.data.score);
      reason = parsed.data.reason?.trim() ?? '';
    }
  }
  if (score === null) {
    // Small vision models often answer "Score: 4 - the legend covers a bar" instead of JSON.
    const loose = /\bscore\b\W{0,5}(\d+(?:\.\d+)?)/i.exec(reply);
    if (!loose) return { ok: false, reason: 'the rating reply holds no score' };
    score = Number(loose[1]);
    reason = reply.trim();
  }
  if (!Number.isFinite(score) || score < 1 || score > 5) {
    return { ok: false, reason: `the score ${String(score)} is outside 1–5` };
  }
  return { ok: true, score, reason };
}

const voteReply = z.object({
  vote: z.union([z.string(), z.boolean()]),
  reason: z.string().optional(),
});

function readVote(value: string | boolean): 'yes' | 'no' | null {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const word = value
    .trim()
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  return word === 'yes' ? 'yes' : word === 'no' ? 'no' : null;
}

/** A Q&A rater's vote; a reply without a clear yes or no is a failure (not an approval). */
export function parseQaVote(
  reply: string,
): { ok: true; vote: 'yes' | 'no'; reason: string } | Refusal {
  const found = extractJsonObject(reply);
  if (found.ok) {
    const parsed = voteReply.safeParse(found.value);
    const vote = parsed.success ? readVote(parsed.data.vote) : null;
    if (parsed.success && vote) return { ok: true, vote, reason: parsed.data.reason?.trim() ?? '' };
  }
  const loose = /^\W*(yes|no)\b/i.exec(reply) ?? /\bvote\b\W{0,5}(yes|no)\b/i.exec(reply);
  if (loose) {
    return { ok: true, vote: (loose[1] ?? '').toLowerCase() as 'yes' | 'no', reason: reply.trim() };
  }
  return {
    ok: false,
    reason:
      'the vote reply holds no clear "yes" or "no" (a reply that cannot be read is not counted as approval)',
  };
}
