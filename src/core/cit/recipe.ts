// The CIT recipe (METHOD.md §2–3): every knob of a Code-as-Intermediary Translation run, as plain
// JSON that is saved, exported, imported and frozen into each run. `defaultCitRecipe()` reproduces
// the paper's settings; `parseCitRecipe` checks a recipe that came from a file or a person.
import { z } from 'zod';
import { MINOR_CHART_TYPES, type MinorChartType } from '../chart-types.ts';
import { TOPICS } from '../topics.ts';

/** The LLM roles of a CIT run (the same ids as the Settings page's role assignments). */
export type CitRole = 'code-writer' | 'qa-writer' | 'chart-rater' | 'qa-rater';
export const CIT_ROLES: readonly CitRole[] = [
  'code-writer',
  'qa-writer',
  'chart-rater',
  'qa-rater',
];

/** The 4 Evol-Instruct directions of the paper. */
export type EvolDirection =
  'more-data' | 'more-visual-elements' | 'overlay-chart-type' | 'add-subplot';
export const EVOL_DIRECTIONS: readonly EvolDirection[] = [
  'more-data',
  'more-visual-elements',
  'overlay-chart-type',
  'add-subplot',
];

/** What happens to a Q&A whose written answer disagrees with its answer program. */
export type MismatchPolicy = 'drop' | 'keep-flagged' | 'regenerate-once';

/** Layout finding kinds the quality gate counts (FigureFacts findings). */
export type GateFindingKind =
  'overlapping-text' | 'text-off-canvas' | 'empty-axes' | 'blank-image' | 'tiny-text';
export const GATE_FINDING_KINDS: readonly GateFindingKind[] = [
  'overlapping-text',
  'text-off-canvas',
  'empty-axes',
  'blank-image',
  'tiny-text',
];

/** Which model serves a role, and how it samples. */
export interface RoleSettings {
  /** Provider id from Settings; null: whatever Settings assigns to the role when the run starts. */
  providerId: string | null;
  /** Model id; null: the assigned provider's model. */
  model: string | null;
  temperature: number;
  topP: number;
  maxTokens: number;
}

export interface CitRecipeSettings {
  kind: 'cit';
  /** Candidate charts to attempt (each is one Self-Instruct or one Evol-Instruct item). */
  count: number;
  /** Master seed: demo sampling, topics, directions and render seeds derive from it. */
  seed: number;
  /** Share of items that evolve an already kept chart ("hard"); the rest are Self-Instruct. */
  evolShare: number;
  /** Target mix of minor chart types as weights (empty: all 32, equally). */
  chartTypes: Partial<Record<MinorChartType, number>>;
  /** Topic ids to draw from (empty: all 38). */
  topics: string[];
  /** Topics given to the LLM per chart (paper: 2). */
  topicsPerChart: number;
  /** Demo scripts sampled from the seed pool per Self-Instruct prompt (paper: 3). */
  demosPerPrompt: number;
  /** Weights of the Evol-Instruct directions (all 0: uniform). */
  directions: Record<EvolDirection, number>;
  /** A reply is kept only with exactly one code block of this many lines (paper: 10–150). */
  codeLines: { min: number; max: number };
  /** Repair rounds after a failed render (paper: 2). */
  repairRounds: number;
  /** Render resolution (paper: 200). */
  dpi: number;
  /** Quality gate: the most findings of each kind a kept chart may have (null: not checked). */
  gates: Record<GateFindingKind, number | null>;
  /** Optional vision raters scoring charts 1–5; kept if the mean ≥ threshold (paper: 3.75). */
  chartRating: { enabled: boolean; raters: number; threshold: number };
  /** Questions per chart and kind (paper: 4 and 4). */
  questionsPerKind: { recognition: number; reasoning: number };
  mismatchPolicy: MismatchPolicy;
  /** Optional vision raters voting yes/no on each Q&A; dropped at `maxNo` "no" votes (paper: 2). */
  qaRating: { enabled: boolean; raters: number; maxNo: number };
  /** Near-duplicate thresholds across the dataset. */
  dedup: {
    /** MinHash estimate of the Jaccard similarity of code shingles above which code is a duplicate. */
    codeJaccard: number;
    /** Hamming distance of 64-bit perceptual hashes at or below which images are duplicates. */
    imageHamming: number;
    /** ROUGE-L F1 above which two questions are duplicates (paper: 0.7). */
    questionRougeL: number;
  };
  /** Models and sampling per role (paper: GPT-4o, T=1.0, top_p 0.95, 8k output tokens). */
  roles: Record<CitRole, RoleSettings>;
  /** This run's spending cap in US dollars (null: only the global cap from Settings). */
  budgetUsd: number | null;
}

function paperRole(): RoleSettings {
  return { providerId: null, model: null, temperature: 1, topP: 0.95, maxTokens: 8192 };
}

/** The paper's settings (METHOD.md §2), at a size a browser tab finishes in one sitting. */
export function defaultCitRecipe(): CitRecipeSettings {
  return {
    kind: 'cit',
    count: 20,
    seed: 1,
    evolShare: 0.5,
    chartTypes: {},
    topics: [],
    topicsPerChart: 2,
    demosPerPrompt: 3,
    directions: {
      'more-data': 1,
      'more-visual-elements': 1,
      'overlay-chart-type': 1,
      'add-subplot': 1,
    },
    codeLines: { min: 10, max: 150 },
    repairRounds: 2,
    dpi: 200,
    gates: {
      'overlapping-text': 0,
      'text-off-canvas': 0,
      'empty-axes': 0,
      'blank-image': 0,
      'tiny-text': null,
    },
    chartRating: { enabled: false, raters: 1, threshold: 3.75 },
    questionsPerKind: { recognition: 4, reasoning: 4 },
    mismatchPolicy: 'regenerate-once',
    qaRating: { enabled: false, raters: 1, maxNo: 2 },
    dedup: { codeJaccard: 0.85, imageHamming: 4, questionRougeL: 0.7 },
    roles: {
      'code-writer': paperRole(),
      'qa-writer': paperRole(),
      'chart-rater': { ...paperRole(), maxTokens: 1024 },
      'qa-rater': { ...paperRole(), maxTokens: 512 },
    },
    budgetUsd: null,
  };
}

const MINOR_IDS = MINOR_CHART_TYPES.map((type) => type.id) as [MinorChartType, ...MinorChartType[]];
const TOPIC_IDS = new Set(TOPICS.map((topic) => topic.id));
const unit = z.number().min(0).max(1);
const wholeNumber = (min: number, max: number) => z.number().int().min(min).max(max);
const weight = z.number().min(0).max(1000);

const roleSchema = z.strictObject({
  providerId: z.string().min(1).max(200).nullable(),
  model: z.string().min(1).max(200).nullable(),
  temperature: z.number().min(0).max(2),
  topP: z.number().gt(0).max(1),
  maxTokens: wholeNumber(16, 200_000),
});

/** The zod schema of a CIT recipe (strict: an unknown key is a typo, not a setting). */
export const citRecipeSchema = z
  .strictObject({
    kind: z.literal('cit'),
    count: wholeNumber(1, 20_000),
    seed: wholeNumber(0, 2 ** 31 - 1),
    evolShare: unit,
    chartTypes: z.partialRecord(z.enum(MINOR_IDS), weight),
    topics: z.array(z.string().refine((id) => TOPIC_IDS.has(id), 'unknown topic id')),
    topicsPerChart: wholeNumber(1, 5),
    demosPerPrompt: wholeNumber(0, 8),
    directions: z.strictObject({
      'more-data': weight,
      'more-visual-elements': weight,
      'overlay-chart-type': weight,
      'add-subplot': weight,
    }),
    codeLines: z.strictObject({ min: wholeNumber(1, 10_000), max: wholeNumber(1, 10_000) }),
    repairRounds: wholeNumber(0, 10),
    dpi: wholeNumber(50, 300),
    gates: z.strictObject({
      'overlapping-text': wholeNumber(0, 1000).nullable(),
      'text-off-canvas': wholeNumber(0, 1000).nullable(),
      'empty-axes': wholeNumber(0, 1000).nullable(),
      'blank-image': wholeNumber(0, 1000).nullable(),
      'tiny-text': wholeNumber(0, 1000).nullable(),
    }),
    chartRating: z.strictObject({
      enabled: z.boolean(),
      raters: wholeNumber(1, 5),
      threshold: z.number().min(1).max(5),
    }),
    questionsPerKind: z.strictObject({
      recognition: wholeNumber(0, 12),
      reasoning: wholeNumber(0, 12),
    }),
    mismatchPolicy: z.enum(['drop', 'keep-flagged', 'regenerate-once']),
    qaRating: z.strictObject({
      enabled: z.boolean(),
      raters: wholeNumber(1, 5),
      maxNo: wholeNumber(1, 5),
    }),
    dedup: z.strictObject({
      codeJaccard: unit,
      imageHamming: wholeNumber(0, 64),
      questionRougeL: unit,
    }),
    roles: z.strictObject({
      'code-writer': roleSchema,
      'qa-writer': roleSchema,
      'chart-rater': roleSchema,
      'qa-rater': roleSchema,
    }),
    budgetUsd: z.number().min(0).max(1_000_000).nullable(),
  })
  .refine((r) => r.codeLines.min <= r.codeLines.max, {
    message: 'codeLines.min must not exceed codeLines.max',
    path: ['codeLines'],
  })
  .refine((r) => r.questionsPerKind.recognition + r.questionsPerKind.reasoning > 0, {
    message: 'ask at least one question per chart',
    path: ['questionsPerKind'],
  });

export type CitRecipeProblem = { path: string; message: string };

/**
 * Checks a recipe from a file or a form. A partial recipe is completed from the defaults first
 * (so a recipe saved by an older build, or written by hand with a few keys, still loads).
 */
export function parseCitRecipe(
  value: unknown,
): { ok: true; recipe: CitRecipeSettings } | { ok: false; problems: CitRecipeProblem[] } {
  const merged = mergeDefaults(defaultCitRecipe(), value);
  const parsed = citRecipeSchema.safeParse(merged);
  if (parsed.success) return { ok: true, recipe: parsed.data as CitRecipeSettings };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(recipe)',
      message: issue.message,
    })),
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Deep-merges `value` over `base` for plain objects; arrays and scalars replace. */
function mergeDefaults(base: unknown, value: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(value)) return value === undefined ? base : value;
  const out: Record<string, unknown> = { ...base };
  for (const [key, entry] of Object.entries(value)) {
    // chartTypes is a sparse map: the file's keys replace the default's (empty) map whole.
    out[key] = key === 'chartTypes' ? entry : mergeDefaults(base[key], entry);
  }
  return out;
}
