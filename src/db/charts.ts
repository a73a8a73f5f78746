// The browse page and the inspector: paged, filtered chart lists, edits of one chart, and a
// person's restore (or renewed rejection) of what the pipeline set aside.
import type {
  ChartRecord,
  ImageRecord,
  QaRecord,
  Rejection,
  ReviewStatus,
} from '../core/dataset/records.ts';
import {
  buildBrowseRow,
  compileFilter,
  compileSort,
  type BrowseRow,
  type ChartFilter,
  type ChartSort,
} from './browse-rows.ts';
import { toQaRecord, toStoredQa, type CitDatabase, type QaVerificationStatus } from './database.ts';
import { readCachedRows } from './row-cache.ts';
import { guardQuota } from './storage-errors.ts';

export { isRejectedRow, rowOrigin } from './browse-rows.ts';
export type { ChartOrigin, ShowFilter } from './browse-rows.ts';

/** The dataset's rows (cached between changes, see row-cache.ts), filtered in memory. */
async function readRows(
  db: CitDatabase,
  datasetId: string,
  filter: ChartFilter,
): Promise<BrowseRow[]> {
  return (await readCachedRows(db, datasetId)).filter(compileFilter(filter));
}

export interface ChartPage {
  /** Matching charts in the whole dataset. */
  total: number;
  rows: BrowseRow[];
}

/** One page of the filtered, sorted chart list (kept charts unless `filter.show` says else). */
export async function listChartsPage(
  db: CitDatabase,
  datasetId: string,
  filter: ChartFilter,
  sort: ChartSort,
  offset: number,
  limit: number,
): Promise<ChartPage> {
  const rows = await readRows(db, datasetId, filter);
  rows.sort(compileSort(sort));
  return { total: rows.length, rows: rows.slice(offset, offset + limit) };
}

/** Charts matching the filter; with no filter, the charts in the dataset (not the rejected). */
export async function countCharts(
  db: CitDatabase,
  datasetId: string,
  filter: ChartFilter = {},
): Promise<number> {
  return (await readRows(db, datasetId, filter)).length;
}

export interface ChartWithQa {
  chart: ChartRecord;
  image: ImageRecord | undefined;
  qa: QaRecord[];
}

export async function getChartWithQa(
  db: CitDatabase,
  chartId: string,
): Promise<ChartWithQa | null> {
  return db.transaction('r', [db.charts, db.images, db.qa], async () => {
    const chart = await db.charts.get(chartId);
    if (!chart) return null;
    const [image, qa] = await Promise.all([
      db.images.get(chart.imageId),
      db.qa.where('chartId').equals(chartId).toArray(),
    ]);
    return { chart, image, qa: qa.map(toQaRecord) };
  });
}

/** Rewrites the browse row of a visible chart (charts of an unfinished item have none). */
async function refreshRow(db: CitDatabase, chartId: string): Promise<void> {
  if (!(await db.chartRows.get(chartId))) return;
  const chart = await db.charts.get(chartId);
  if (!chart) return;
  const qa = await db.qa.where('chartId').equals(chartId).toArray();
  await db.chartRows.put(buildBrowseRow(chart, qa));
}

/** What a re-render of edited code produced. */
export interface ChartRevision {
  code: string;
  image: ImageRecord;
  facts: unknown;
  findings: ChartRecord['findings'];
  complexity: ChartRecord['complexity'];
  width: number;
  height: number;
  dpi: number;
  title?: string;
}

/**
 * Replaces a chart's code and image; the previous code and image stay in `history` for undo.
 * The Q&A verifications no longer describe the new code, so they are reset to unchecked.
 */
export async function updateChartCode(
  db: CitDatabase,
  chartId: string,
  revision: ChartRevision,
  now = new Date(),
): Promise<ChartRecord> {
  const at = now.toISOString();
  return guardQuota(() =>
    db.transaction('rw', [db.charts, db.images, db.qa, db.chartRows], async () => {
      const chart = await db.charts.get(chartId);
      if (!chart) throw new Error(`no chart ${chartId}`);
      await db.images.add(revision.image);
      const next: ChartRecord = {
        ...chart,
        code: revision.code,
        title: revision.title ?? chart.title,
        imageId: revision.image.id,
        facts: revision.facts,
        findings: revision.findings,
        complexity: revision.complexity,
        width: revision.width,
        height: revision.height,
        dpi: revision.dpi,
        history: [...chart.history, { code: chart.code, imageId: chart.imageId, at }],
        updatedAt: at,
      };
      await db.charts.put(next);
      await db.qa
        .where('chartId')
        .equals(chartId)
        .modify({ verification: null, verificationStatus: 'unchecked', updatedAt: at });
      await refreshRow(db, chartId);
      return next;
    }),
  );
}

/** Undoes the last code edit: the newest history entry becomes current again. */
export async function undoChartCode(db: CitDatabase, chartId: string): Promise<ChartRecord | null> {
  return guardQuota(() =>
    db.transaction('rw', [db.charts, db.images, db.qa, db.chartRows], async () => {
      const chart = await db.charts.get(chartId);
      const last = chart?.history[chart.history.length - 1];
      if (!chart || !last) return null;
      const at = new Date().toISOString();
      const image = await db.images.get(last.imageId);
      await db.images.delete(chart.imageId);
      const next: ChartRecord = {
        ...chart,
        code: last.code,
        imageId: last.imageId,
        width: image?.width ?? chart.width,
        height: image?.height ?? chart.height,
        history: chart.history.slice(0, -1),
        updatedAt: at,
      };
      await db.charts.put(next);
      await db.qa
        .where('chartId')
        .equals(chartId)
        .modify({ verification: null, verificationStatus: 'unchecked', updatedAt: at });
      await refreshRow(db, chartId);
      return next;
    }),
  );
}

export async function setChartReview(
  db: CitDatabase,
  chartId: string,
  review: ReviewStatus,
): Promise<void> {
  await guardQuota(() =>
    db.transaction('rw', [db.charts, db.qa, db.chartRows], async () => {
      await db.charts.update(chartId, { review, updatedAt: new Date().toISOString() });
      await refreshRow(db, chartId);
    }),
  );
}

export type QaPatch = Partial<
  Pick<QaRecord, 'question' | 'steps' | 'answer' | 'program' | 'review' | 'verification'>
>;

/** Edits one Q&A; its chart's browse row follows (search tokens, verification counts). */
export async function updateQa(db: CitDatabase, qaId: string, patch: QaPatch): Promise<QaRecord> {
  return guardQuota(() =>
    db.transaction('rw', [db.charts, db.qa, db.chartRows], async () => {
      const qa = await db.qa.get(qaId);
      if (!qa) throw new Error(`no Q&A ${qaId}`);
      const next: QaRecord = { ...toQaRecord(qa), ...patch, updatedAt: new Date().toISOString() };
      await db.qa.put(toStoredQa(next));
      await refreshRow(db, qa.chartId);
      return next;
    }),
  );
}

/** Q&A of a dataset with a given verification result (index [datasetId+verificationStatus]). */
export async function listQaByVerification(
  db: CitDatabase,
  datasetId: string,
  status: QaVerificationStatus,
): Promise<QaRecord[]> {
  const stored = await db.qa
    .where('[datasetId+verificationStatus]')
    .equals([datasetId, status])
    .toArray();
  return stored.map(toQaRecord);
}

/** The small picture of an image for the grid: its thumbnail, else the full PNG; null if gone. */
export async function getImagePreview(db: CitDatabase, imageId: string): Promise<Blob | null> {
  const image = await db.images.get(imageId);
  if (!image) return null;
  return image.thumbnail ?? image.png;
}

/** Writes the browse row of a chart whose item finished, kept or rejected. */
async function writeRow(db: CitDatabase, chart: ChartRecord): Promise<void> {
  const qa = await db.qa.where('chartId').equals(chart.id).toArray();
  await db.chartRows.put(buildBrowseRow(chart, qa));
}

/** Sets or clears a chart's pipeline rejection; returns the rejection it replaced. */
async function setChartRejection(
  db: CitDatabase,
  chartId: string,
  rejection: Rejection | null,
  now: Date,
): Promise<Rejection | null> {
  return guardQuota(() =>
    db.transaction('rw', [db.charts, db.qa, db.chartRows], async () => {
      const chart = await db.charts.get(chartId);
      if (!chart) throw new Error(`No chart ${chartId} in this dataset.`);
      const previous = chart.rejection ?? null;
      if (previous === null && rejection === null) return null;
      const next: ChartRecord = { ...chart, rejection, updatedAt: now.toISOString() };
      await db.charts.put(next);
      await writeRow(db, next);
      return previous;
    }),
  );
}

/**
 * Puts a chart the pipeline rejected back into the dataset (listed, counted, exported for
 * training). Returns the rejection it lifted, so "Reject again" can put it back; null when the
 * chart was not rejected (nothing is written then).
 */
export function restoreChart(
  db: CitDatabase,
  chartId: string,
  now = new Date(),
): Promise<Rejection | null> {
  return setChartRejection(db, chartId, null, now);
}

/** Sets a chart aside as the pipeline does (hidden, kept with its reasons); undoes a restore. */
export async function rejectChart(
  db: CitDatabase,
  chartId: string,
  rejection: Rejection,
  now = new Date(),
): Promise<void> {
  await setChartRejection(db, chartId, rejection, now);
}

/** Sets or clears a Q&A's pipeline rejection; returns the rejection it replaced. */
async function setQaRejection(
  db: CitDatabase,
  qaId: string,
  rejection: Rejection | null,
  now: Date,
): Promise<Rejection | null> {
  return guardQuota(() =>
    db.transaction('rw', [db.charts, db.qa, db.chartRows], async () => {
      const stored = await db.qa.get(qaId);
      if (!stored) throw new Error(`No Q&A ${qaId} in this dataset.`);
      const previous = stored.rejection ?? null;
      if (previous === null && rejection === null) return null;
      await db.qa.put({ ...stored, rejection, updatedAt: now.toISOString() });
      await refreshRow(db, stored.chartId);
      return previous;
    }),
  );
}

/**
 * Puts a Q&A the pipeline dropped back with its chart. Returns the rejection it lifted (for
 * "Drop again"), or null when the Q&A was not dropped.
 */
export function restoreQa(
  db: CitDatabase,
  qaId: string,
  now = new Date(),
): Promise<Rejection | null> {
  return setQaRejection(db, qaId, null, now);
}

/** Drops a Q&A as the pipeline does (hidden from training exports, restorable). */
export async function dropQa(
  db: CitDatabase,
  qaId: string,
  rejection: Rejection,
  now = new Date(),
): Promise<void> {
  await setQaRejection(db, qaId, rejection, now);
}

/** The chart an evolved chart came from and the charts evolved from it (rejected ones too). */
export interface RelatedCharts {
  /** Null when the chart has no parent or the parent has no row (deleted, unfinished). */
  parent: BrowseRow | null;
  /** Oldest first. */
  children: BrowseRow[];
}

/** Parent and evolved children of a chart, from the cached browse rows (no chart reads). */
export async function listRelatedCharts(
  db: CitDatabase,
  chart: Pick<ChartRecord, 'id' | 'datasetId' | 'provenance'>,
): Promise<RelatedCharts> {
  const rows = await readCachedRows(db, chart.datasetId);
  const parentId = chart.provenance.parentChartId;
  const parent = parentId ? (rows.find((row) => row.chartId === parentId) ?? null) : null;
  const children = rows
    .filter((row) => row.parentChartId === chart.id)
    .sort(compileSort({ key: 'createdAt' }));
  return { parent, children };
}

export { rebuildBrowseRows } from './schema.ts';
