// Prices per model in USD per 1M tokens. Plain data so the user can edit it in Settings and it
// can be stored as JSON. Figures are list prices of the providers' pricing pages; they change —
// each entry says where it came from, and the user's table wins.

export interface ModelPrice {
  /** USD per 1M prompt (input) tokens. */
  inputPerMTok: number;
  /** USD per 1M completion (output) tokens. */
  outputPerMTok: number;
  /** Where the figure comes from, or "edit me". */
  source: string;
}

/** Model id (or id prefix, e.g. "gpt-4o" covers "gpt-4o-2024-08-06") → price. */
export type PriceTable = Record<string, ModelPrice>;

const OPENAI = 'openai.com/api/pricing (list price, 2025) — edit me if it changed';
const ANTHROPIC = 'anthropic.com/pricing (list price, 2025) — edit me if it changed';
const LOCAL = 'runs on your own machine: no per-token charge';

export const DEFAULT_PRICES: PriceTable = {
  'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10, source: OPENAI },
  'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6, source: OPENAI },
  'gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8, source: OPENAI },
  'gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6, source: OPENAI },
  'claude-3-5-sonnet': { inputPerMTok: 3, outputPerMTok: 15, source: ANTHROPIC },
  'claude-sonnet-4': { inputPerMTok: 3, outputPerMTok: 15, source: ANTHROPIC },
  'claude-3-5-haiku': { inputPerMTok: 0.8, outputPerMTok: 4, source: ANTHROPIC },
  // WebLLM model ids (e.g. Qwen2.5-Coder-7B-Instruct-q4f16_1-MLC) run on the user's GPU.
  'Qwen2.5-Coder': { inputPerMTok: 0, outputPerMTok: 0, source: LOCAL },
};

/**
 * The price of a model: exact id first, then the longest table key the id starts with, also
 * after dropping a router's vendor prefix ("openai/gpt-4o-mini" → "gpt-4o-mini"). Null: unknown.
 */
export function findPrice(table: PriceTable, model: string): ModelPrice | null {
  for (const id of [model, model.slice(model.lastIndexOf('/') + 1)]) {
    const exact = table[id];
    if (exact) return exact;
    let best: string | null = null;
    for (const key of Object.keys(table))
      if (id.startsWith(key) && (best === null || key.length > best.length)) best = key;
    if (best !== null) return table[best] ?? null;
  }
  return null;
}

/** USD for a number of tokens, or null when the model has no price. */
export function costUsd(
  table: PriceTable,
  model: string,
  promptTokens: number,
  completionTokens: number,
): number | null {
  const price = findPrice(table, model);
  if (!price) return null;
  return (promptTokens * price.inputPerMTok + completionTokens * price.outputPerMTok) / 1_000_000;
}
