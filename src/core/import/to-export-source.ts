// An imported dataset as an export source: re-exporting it gives the same archive.
import type { ExportItem, ExportSource } from '../export/export-dataset.ts';
import type { QaRecord } from '../dataset/records.ts';
import type { ImportedDataset } from './import-archive.ts';

export function toExportSource(imported: ImportedDataset): ExportSource {
  const qaByChart = new Map<string, QaRecord[]>();
  for (const item of imported.qa) {
    const list = qaByChart.get(item.chartId) ?? [];
    list.push(item);
    qaByChart.set(item.chartId, list);
  }
  const images = new Map(imported.images.map((image) => [image.id, image]));
  return {
    dataset: imported.dataset,
    recipes: imported.recipes,
    runs: imported.runs,
    async *items(): AsyncGenerator<ExportItem> {
      for (const chart of imported.charts) {
        const image = images.get(chart.imageId);
        if (!image) throw new Error(`image ${chart.imageId} of chart ${chart.id} is missing`);
        yield { chart, image, qa: qaByChart.get(chart.id) ?? [] };
      }
    },
  };
}
