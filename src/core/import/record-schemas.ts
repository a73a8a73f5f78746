// zod schemas of the records an archive carries (records.ts). Objects are strict: an unknown
// field means a different schema, and silently dropping it would break lossless round trips.
// The type checks at the bottom fail to compile when records.ts changes without these.
import { z } from 'zod';
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

export const recipeRecordSchema = z.strictObject({
  id,
  name: text,
  createdAt: timestamp,
  settings: templateSettings,
});

export const runRecordSchema = z.strictObject({
  id,
  datasetId: id,
  recipeId: id,
  settings: templateSettings,
  status: z.enum(['running', 'paused', 'cancelled', 'completed', 'failed']),
  statusReason: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  planned: count,
  runtime: runtimeStamp.nullable(),
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
  complexity: z.strictObject({ series: count, points: count, subplots: count, texts: count }),
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
  }),
  history: z.array(z.strictObject({ code: text, imageId: id, at: timestamp })),
  createdAt: timestamp,
  updatedAt: timestamp,
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
