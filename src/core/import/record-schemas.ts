// zod schemas of the records an archive carries (records.ts). Objects are strict: an unknown
// field means a different schema, and silently dropping it would break lossless round trips.
// The type checks at the bottom fail to compile when records.ts changes without these.
import { z } from 'zod';
import { citRecipeSchema, EVOL_DIRECTIONS, type EvolDirection } from '../cit/recipe.ts';
import type { TypedAnswer } from '../answer-compare.ts';
import { MAJOR_CHART_TYPES, findMinorChartType } from '../chart-types.ts';
import type { MajorChartType, MinorChartType } from '../chart-types.ts';
import type {
  ChartRecord,
  DatasetRecord,
  QaRecord,
  RecipeRecord,
  RunRecord,
} from '../dataset/records.ts';

const MAJOR_IDS = new Set<string>(MAJOR_CHART_TYPES.map((type) => type.id));

/** Ids become file names and database keys: bounded, printable, no path separators. */
const id = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (value) => ![...value].some((char) => char < ' ' || char === '/' || char === '\\'),
    'an id must not contain slashes or control characters',
  );
const text = z.string().max(1_000_000);
const timestamp = z.string().max(64);
const count = z.number().int().nonnegative();
const finite = z.number().refine(Number.isFinite, 'must be a finite number');

const tolerance = z.strictObject({ absolute: finite.optional(), relative: finite.optional() });

export const typedAnswerSchema: z.ZodType<TypedAnswer> = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('number'),
    value: finite,
    unit: z.string().optional(),
    tolerance: tolerance.optional(),
  }),
  z.strictObject({ type: z.literal('year'), value: finite }),
  z.strictObject({ type: z.literal('category'), value: z.string() }),
  z.strictObject({ type: z.literal('boolean'), value: z.boolean() }),
  z.strictObject({
    type: z.literal('list'),
    value: z.array(z.union([z.string(), finite])),
    ordered: z.boolean(),
    tolerance: tolerance.optional(),
  }),
]);

const runtimeStamp = z.strictObject({
  distribution: z.string(),
  pyodide: z.string().nullable(),
  python: z.string(),
  numpy: z.string(),
  matplotlib: z.string(),
});

const review = z.enum(['unreviewed', 'accepted', 'rejected']);
const errorData = z.strictObject({ kind: z.string(), message: z.string() });

export const datasetRecordSchema = z.strictObject({
  id,
  name: text,
  createdAt: timestamp,
  updatedAt: timestamp,
  description: text,
});

const templateSettings = z.strictObject({
  kind: z.literal('template'),
  count,
  seed: finite,
  chartTypes: z.partialRecord(
    z.custom<MinorChartType>((v) => typeof v === 'string' && !!findMinorChartType(v)),
    finite,
  ),
  topics: z.array(z.string()),
  questionsPerKind: z.strictObject({ recognition: count, reasoning: count }),
  dpi: finite,
});

const recipeSettings = z.union([templateSettings, citRecipeSchema]);

export const recipeRecordSchema = z.strictObject({
  id,
  name: text,
  createdAt: timestamp,
  settings: recipeSettings,
});

export const runRecordSchema = z.strictObject({
  id,
  datasetId: id,
  recipeId: id,
  settings: recipeSettings,
  status: z.enum(['running', 'paused', 'cancelled', 'completed', 'failed']),
  statusReason: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  planned: count,
  runtime: runtimeStamp.nullable(),
});

const rejection = z.strictObject({
  stage: z.string(),
  reasons: z.array(z.string()),
  at: timestamp,
});

const itemCall = z.strictObject({
  task: z.string(),
  callId: z.string().nullable(),
  promptHash: z.string(),
  model: z.string(),
  promptTokens: count,
  completionTokens: count,
  costUsd: finite.nullable(),
});

const citProvenance = z.strictObject({
  origin: z.enum(['self-instruct', 'evol']),
  direction: z.enum(EVOL_DIRECTIONS as [EvolDirection, ...EvolDirection[]]).nullable(),
  demoIds: z.array(z.string()),
  conversation: z.array(
    z.strictObject({ role: z.enum(['system', 'user', 'assistant']), content: z.string() }),
  ),
  tries: z.array(
    z.strictObject({
      round: count,
      code: z.string(),
      error: z
        .strictObject({ kind: z.string(), message: z.string(), line: finite.nullable() })
        .nullable(),
    }),
  ),
  calls: z.array(itemCall),
  ratings: z
    .array(z.strictObject({ score: finite, reason: z.string(), model: z.string() }))
    .nullable(),
  recipeHash: z.string(),
});

export const chartRecordSchema = z.strictObject({
  id,
  datasetId: id,
  code: text,
  title: text,
  major: z.custom<MajorChartType>((v) => typeof v === 'string' && MAJOR_IDS.has(v), {
    message: 'unknown major chart type',
  }),
  minor: z.custom<MinorChartType>((v) => typeof v === 'string' && !!findMinorChartType(v), {
    message: 'unknown minor chart type',
  }),
  level: z.enum(['easy', 'hard']),
  topics: z.array(z.string()),
  complexity: z.strictObject({
    series: count,
    points: count,
    subplots: count,
    texts: count,
    overlays: count.optional(),
    annotations: count.optional(),
  }),
  findings: z.array(errorData),
  facts: z.unknown(),
  imageId: id,
  width: finite,
  height: finite,
  dpi: finite,
  review,
  provenance: z.strictObject({
    recipe: z.enum(['template', 'cit']),
    runId: id.nullable(),
    itemId: id.nullable(),
    seed: finite,
    templateSpec: z.unknown(),
    parentChartId: id.nullable(),
    runtime: runtimeStamp,
    notes: z.array(z.string()),
    cit: citProvenance.nullable().optional(),
  }),
  history: z.array(z.strictObject({ code: text, imageId: id, at: timestamp })),
  createdAt: timestamp,
  updatedAt: timestamp,
  rejection: rejection.nullable().optional(),
});

export const qaRecordSchema = z.strictObject({
  id,
  chartId: id,
  datasetId: id,
  kind: z.enum(['recognition', 'reasoning']),
  template: z.string().nullable(),
  question: text,
  steps: z.array(text),
  answer: typedAnswerSchema,
  program: text,
  verification: z
    .strictObject({
      status: z.enum(['verified', 'mismatch', 'unverifiable']),
      reason: z.string(),
      computed: z.unknown(),
      at: timestamp,
    })
    .nullable(),
  review,
  programSteps: count,
  createdAt: timestamp,
  updatedAt: timestamp,
  analysis: z.string().nullable().optional(),
  rejection: rejection.nullable().optional(),
  votes: z
    .array(z.strictObject({ vote: z.enum(['yes', 'no']), reason: z.string(), model: z.string() }))
    .nullable()
    .optional(),
  calls: z.array(itemCall).nullable().optional(),
});

// Compile-time: each schema's output and its record type are assignable both ways, so this file
// stops compiling when records.ts changes without it.
type Both<A, B> = { toRecord: (value: A) => B; fromRecord: (value: B) => A };
const identity = <T>(value: T): T => value;
export const schemasMatchRecords: [
  Both<z.infer<typeof datasetRecordSchema>, DatasetRecord>,
  Both<z.infer<typeof recipeRecordSchema>, RecipeRecord>,
  Both<z.infer<typeof runRecordSchema>, RunRecord>,
  Both<z.infer<typeof chartRecordSchema>, ChartRecord>,
  Both<z.infer<typeof qaRecordSchema>, QaRecord>,
] = [
  { toRecord: identity, fromRecord: identity },
  { toRecord: identity, fromRecord: identity },
  { toRecord: identity, fromRecord: identity },
  { toRecord: identity, fromRecord: identity },
  { toRecord: identity, fromRecord: identity },
];
