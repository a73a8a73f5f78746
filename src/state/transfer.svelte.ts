import {
  checkExportOptions,
  DEFAULT_EXPORT_OPTIONS,
  exportDataset,
  type ExportItem,
  type ExportOptions,
  type ExportSource,
} from '../core/export/index.ts';
import { importArchive } from '../core/import/index.ts';
import {
  getDataset,
  importDatasetRecords,
  iterateDatasetForExport,
  listRecipes,
  listRunsOfDataset,
  type CitDatabase,
} from '../db/index.ts';
import { encodeJpeg } from './thumbnail.ts';

/** Export settings a person picks (the rest come from DEFAULT_EXPORT_OPTIONS). */
export interface ExportChoices {
  formats: ExportOptions['formats'];
  acceptedOnly: boolean;
  verifiedOnly: boolean;
  includeRejected: boolean;
  includeCode: boolean;
  includeSteps: boolean;
  imageFormat: 'png' | 'jpeg';
  jpegQuality: number;
}

/** Where the zip bytes go: a file on disk (streamed) or a Blob download (buffered). */
interface ZipSink {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

/** Progress of an export or import, for the progress bar. */
export interface TransferProgress {
  phase: 'idle' | 'exporting' | 'importing' | 'done' | 'failed' | 'cancelled';
  /** Charts read so far (export: first pass over the images). */
  charts: number;
  totalCharts: number;
  bytes: number;
  message: string | null;
}

const APP_VERSION = '0.1.0';

/** Export and import of datasets. */
export class TransferState {
  choices = $state<ExportChoices>({
    formats: ['native', 'llava', 'sharegpt', 'imagefolder'],
    acceptedOnly: false,
    verifiedOnly: false,
    includeRejected: false,
    includeCode: true,
    includeSteps: true,
    imageFormat: 'png',
    jpegQuality: 90,
  });
  progress = $state.raw<TransferProgress>({
    phase: 'idle',
    charts: 0,
    totalCharts: 0,
    bytes: 0,
    message: null,
  });
  #controller: AbortController | null = null;

  /** The full options for the chosen settings, or a message saying what is wrong. */
  options(): { ok: true; options: ExportOptions } | { ok: false; message: string } {
    const c = this.choices;
    const options: ExportOptions = {
      ...DEFAULT_EXPORT_OPTIONS,
      formats: [...c.formats],
      acceptedOnly: c.acceptedOnly,
      verifiedOnly: c.verifiedOnly,
      includeRejected: c.includeRejected,
      includeCode: c.includeCode,
      includeSteps: c.includeSteps,
      imageFormat:
        c.imageFormat === 'jpeg'
          ? { kind: 'jpeg', quality: c.jpegQuality, encode: encodeJpeg }
          : { kind: 'png' },
      appVersion: APP_VERSION,
    };
    const problem = checkExportOptions(options);
    return problem ? { ok: false, message: problem.message } : { ok: true, options };
  }

  /** Streams the dataset into a zip the person saves; memory stays flat when the browser can stream to disk. */
  async exportToFile(db: CitDatabase, datasetId: string, totalCharts: number): Promise<void> {
    const chosen = this.options();
    if (!chosen.ok) {
      this.progress = { ...this.progress, phase: 'failed', message: chosen.message };
      return;
    }
    const dataset = await getDataset(db, datasetId);
    if (!dataset) return;
    const fileName = `${dataset.name.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '') || 'dataset'}.zip`;
    const sink = await openSink(fileName);
    if (!sink) return; // the person closed the save dialog
    const controller = new AbortController();
    this.#controller = controller;
    let charts = 0;
    let bytes = 0;
    this.progress = { phase: 'exporting', charts: 0, totalCharts, bytes: 0, message: null };
    const source: ExportSource = {
      dataset,
      recipes: await listRecipes(db),
      runs: await listRunsOfDataset(db, datasetId),
      // The exporter reads the charts once per file, images first: count that first pass.
      items: () =>
        this.#items(db, datasetId, () => {
          if (charts >= totalCharts) return;
          charts += 1;
          this.progress = { ...this.progress, charts };
        }),
    };
    try {
      for await (const chunk of exportDataset(source, chosen.options)) {
        if (controller.signal.aborted) throw new DOMException('Export cancelled', 'AbortError');
        bytes += chunk.byteLength;
        await sink.write(chunk);
        this.progress = { ...this.progress, bytes };
      }
      await sink.close();
      this.progress = {
        phase: 'done',
        charts,
        totalCharts,
        bytes,
        message: `Saved ${fileName} (${formatBytes(bytes)}).`,
      };
    } catch (error) {
      await sink.abort();
      const cancelled = error instanceof DOMException && error.name === 'AbortError';
      this.progress = {
        ...this.progress,
        phase: cancelled ? 'cancelled' : 'failed',
        message: cancelled
          ? 'Export cancelled; nothing was saved.'
          : `Export failed: ${error instanceof Error ? error.message : String(error)}`,
      };
    } finally {
      this.#controller = null;
    }
  }

  cancel(): void {
    this.#controller?.abort();
  }

  /** Reads a native archive and adds it as a new dataset, all or nothing. Returns its id. */
  async importFile(db: CitDatabase, file: Blob): Promise<string | null> {
    this.progress = {
      phase: 'importing',
      charts: 0,
      totalCharts: 0,
      bytes: file.size,
      message: 'Checking the archive…',
    };
    const result = await importArchive(file);
    if (!result.ok) {
      this.progress = {
        ...this.progress,
        phase: 'failed',
        message: `Not imported: ${result.problem.message}`,
      };
      return null;
    }
    if (await getDataset(db, result.dataset.id)) {
      this.progress = {
        ...this.progress,
        phase: 'failed',
        message: `Not imported: the dataset “${result.dataset.name}” is already here (same id). Delete it first to replace it.`,
      };
      return null;
    }
    try {
      await importDatasetRecords(db, {
        dataset: result.dataset,
        charts: result.charts,
        qa: result.qa,
        recipes: result.recipes,
        runs: result.runs,
        images: result.images.map((image) => ({
          ...image,
          png: new Blob([image.png as BlobPart], { type: 'image/png' }),
          thumbnail: null,
        })),
      });
    } catch (error) {
      this.progress = {
        ...this.progress,
        phase: 'failed',
        message: `Not imported (nothing was written): ${error instanceof Error ? error.message : String(error)}`,
      };
      return null;
    }
    this.progress = {
      phase: 'done',
      charts: result.charts.length,
      totalCharts: result.charts.length,
      bytes: file.size,
      message: `Imported “${result.dataset.name}”: ${result.charts.length} charts, ${result.qa.length} Q&A.`,
    };
    return result.dataset.id;
  }

  async *#items(
    db: CitDatabase,
    datasetId: string,
    onChart: () => void,
  ): AsyncGenerator<ExportItem> {
    for await (const entry of iterateDatasetForExport(db, datasetId)) {
      if (!entry.image) continue;
      onChart();
      const { thumbnail: _thumbnail, ...image } = entry.image;
      yield { chart: entry.chart, qa: entry.qa, image };
    }
  }
}

function formatBytes(bytes: number): string {
  return bytes > 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} kB`;
}

/** A sink to disk via the File System Access API, else a Blob download built from the chunks. */
async function openSink(fileName: string): Promise<ZipSink | null> {
  const picker = (
    globalThis as { showSaveFilePicker?: (options: unknown) => Promise<FileSystemFileHandle> }
  ).showSaveFilePicker;
  if (picker) {
    try {
      const handle = await picker({
        suggestedName: fileName,
        types: [{ description: 'Zip archive', accept: { 'application/zip': ['.zip'] } }],
      });
      const writable = await handle.createWritable();
      return {
        write: (chunk) => writable.write(chunk as BufferSource),
        close: () => writable.close(),
        abort: () => writable.abort(),
      };
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return null;
      // Picker refused (e.g. not a user gesture any more): fall back to a download.
    }
  }
  const parts: BlobPart[] = [];
  return {
    write: async (chunk) => void parts.push(chunk as BlobPart),
    close: async () => {
      const url = URL.createObjectURL(new Blob(parts, { type: 'application/zip' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    abort: async () => void (parts.length = 0),
  };
}
