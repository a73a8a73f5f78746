// Training text: the concise final answer as words, and the response a model learns from
// (worked steps, then the final answer).
import type { TypedAnswer } from '../answer-compare.ts';
import type { QaRecord } from '../dataset/records.ts';
import type { ExportOptions } from './options.ts';

function formatNumber(value: number): string {
  // Round away float noise (0.30000000000000004) without inventing precision.
  return String(Number(value.toPrecision(12)));
}

/** "12.5 million USD", "34%", "2019", "Route A", "Yes", "A, B, C". */
export function formatAnswer(answer: TypedAnswer): string {
  switch (answer.type) {
    case 'number': {
      const number = formatNumber(answer.value);
      if (!answer.unit) return number;
      return answer.unit === '%' ? `${number}%` : `${number} ${answer.unit}`;
    }
    case 'year':
      return String(answer.value);
    case 'category':
      return answer.value;
    case 'boolean':
      return answer.value ? 'Yes' : 'No';
    case 'list':
      return answer.value
        .map((item) => (typeof item === 'number' ? formatNumber(item) : item))
        .join(', ');
  }
}

/** The question as a model sees it. */
export function trainingQuery(qa: QaRecord, options: ExportOptions): string {
  return qa.question + options.questionSuffix;
}

/** The response a model learns: worked steps, then "Answer: ..." (or the answer alone). */
export function trainingResponse(qa: QaRecord, options: ExportOptions): string {
  const final = formatAnswer(qa.answer);
  if (!options.includeSteps || qa.steps.length === 0) return final;
  return `${qa.steps.join('\n')}\nAnswer: ${final}`;
}
