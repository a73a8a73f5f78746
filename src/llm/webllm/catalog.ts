// The WebLLM models CIT offers, read from web-llm's prebuilt list. Download sizes are estimates:
// the list carries VRAM needs but no byte counts (q4 weights ≈ 0.58 GB per billion parameters).
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import type { ModelRecord } from '@mlc-ai/web-llm';

export type ModelFamily = 'Qwen2.5-Coder' | 'Qwen3' | 'Llama-3.2' | 'Phi-3.5-vision';

export interface CatalogEntry {
  id: string;
  family: ModelFamily;
  /** Billions of parameters. */
  paramsB: number;
  /** Estimated download in GB (q4 ≈ 0.58 GB per billion parameters). */
  sizeGb: number;
  /** WebLLM's own `vram_required_MB` (4k context). */
  vramMb: number;
  /** WebLLM marks it runnable with a 128 MB storage-buffer binding limit. */
  lowResource: boolean;
  vision: boolean;
  /** Weights in f16: needs the `shader-f16` feature. */
  f16: boolean;
}

/** GB of q4 weights per billion parameters (measured pages report 0.55–0.6). */
export const GB_PER_BILLION_Q4 = 0.58;

const FAMILIES: { family: ModelFamily; paramsB: number; id: (quant: string) => string }[] = [
  ...[0.5, 1.5, 3, 7].map((b) => ({
    family: 'Qwen2.5-Coder' as const,
    paramsB: b,
    id: (q: string) => `Qwen2.5-Coder-${b}B-Instruct-${q}-MLC`,
  })),
  ...[0.6, 1.7, 4, 8].map((b) => ({
    family: 'Qwen3' as const,
    paramsB: b,
    id: (q: string) => `Qwen3-${b}B-${q}-MLC`,
  })),
  ...[1, 3].map((b) => ({
    family: 'Llama-3.2' as const,
    paramsB: b,
    id: (q: string) => `Llama-3.2-${b}B-Instruct-${q}-MLC`,
  })),
  { family: 'Phi-3.5-vision', paramsB: 4.2, id: (q: string) => `Phi-3.5-vision-instruct-${q}-MLC` },
];

/**
 * The offered models in the variant this GPU can run: q4f16 with `shader-f16`, else q4f32
 * (q4f16 kernels fail to compile without the feature). Records missing from `modelList` are skipped.
 */
export function listCatalog(
  hasF16: boolean,
  modelList: readonly ModelRecord[] = prebuiltAppConfig.model_list,
): CatalogEntry[] {
  const quant = hasF16 ? 'q4f16_1' : 'q4f32_1';
  const byId = new Map(modelList.map((record) => [record.model_id, record]));
  const entries: CatalogEntry[] = [];
  for (const { family, paramsB, id } of FAMILIES) {
    const record = byId.get(id(quant));
    if (!record) continue;
    entries.push({
      id: record.model_id,
      family,
      paramsB,
      sizeGb: Math.round(paramsB * GB_PER_BILLION_Q4 * 10) / 10,
      vramMb: Math.round(record.vram_required_MB ?? 0),
      lowResource: record.low_resource_required === true,
      vision: family === 'Phi-3.5-vision',
      f16: hasF16,
    });
  }
  return entries;
}

/** Code-writer sizes from best to smallest acceptable (0.5B is for smoke tests only). */
export const CODE_DEFAULT_ORDER: readonly number[] = [7, 3, 1.5];
/** 7B only when the VRAM budget is at least this. */
export const SEVEN_B_BUDGET_MB = 6144;
