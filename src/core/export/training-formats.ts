// Rows of the training formats, one function per format, and the incremental JSON-array writer
// the LLaVA and ShareGPT files are streamed through.
import type { ChartRecord, QaRecord } from '../dataset/records.ts';
import { formatAnswer, trainingQuery, trainingResponse } from './answer-text.ts';
import { toCanonicalJson } from './canonical-json.ts';
import type { ExportOptions } from './options.ts';

/** LLaVA conversation: one per Q&A. */
export function toLlavaRow(qa: QaRecord, imagePath: string, options: ExportOptions): unknown {
  return {
    id: qa.id,
    image: imagePath,
    conversations: [
      { from: 'human', value: `<image>\n${trainingQuery(qa, options)}` },
      { from: 'gpt', value: trainingResponse(qa, options) },
    ],
  };
}

/** ShareGPT (LLaMA-Factory multimodal) row: one per Q&A. */
export function toShareGptRow(qa: QaRecord, imagePath: string, options: ExportOptions): unknown {
  return {
    messages: [
      { role: 'user', content: `<image>${trainingQuery(qa, options)}` },
      { role: 'assistant', content: trainingResponse(qa, options) },
    ],
    images: [imagePath],
  };
}

/** The dataset_info.json LLaMA-Factory reads next to sharegpt.json. */
export function toLlamaFactoryInfo(options: ExportOptions, fileName: string): unknown {
  return {
    [options.llamaFactoryName]: {
      file_name: fileName,
      formatting: 'sharegpt',
      columns: { messages: 'messages', images: 'images' },
      tags: {
        role_tag: 'role',
        content_tag: 'content',
        user_tag: 'user',
        assistant_tag: 'assistant',
      },
    },
  };
}

/**
 * Hugging Face imagefolder row: one per image (the loader keys metadata by file_name, so one
 * image cannot have several rows), with the Q&A as parallel lists.
 */
export function toImageFolderRow(
  chart: ChartRecord,
  qa: readonly QaRecord[],
  imagePath: string,
  options: ExportOptions,
): unknown {
  return {
    file_name: imagePath,
    chart_id: chart.id,
    title: chart.title,
    major: chart.major,
    minor: chart.minor,
    level: chart.level,
    topics: chart.topics,
    qa_ids: qa.map((item) => item.id),
    kinds: qa.map((item) => item.kind),
    questions: qa.map((item) => trainingQuery(item, options)),
    answers: qa.map((item) => formatAnswer(item.answer)),
    responses: qa.map((item) => trainingResponse(item, options)),
    verification: qa.map((item) => item.verification?.status ?? null),
    ...(options.includeCode ? { code: chart.code } : {}),
  };
}

/** `[`, rows joined by `,`, `]`, one row per line, without holding the rows. */
export async function* streamJsonArray(rows: AsyncIterable<unknown>): AsyncGenerator<string> {
  let first = true;
  for await (const row of rows) {
    yield `${first ? '[\n' : ',\n'}${toCanonicalJson(row)}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

/** One JSON document per line. */
export async function* streamJsonLines(rows: AsyncIterable<unknown>): AsyncGenerator<string> {
  for await (const row of rows) yield `${toCanonicalJson(row)}\n`;
}
