// The ReachQA paper's reported figures (METHOD.md §2–3), shown beside a dataset's own numbers.

/** Cost per kept item at GPT-4o prices: ≈ $304 for 3,249 charts and 19,963 Q&A. */
export const PAPER_COST = { perKeptChartUsd: 0.094, perKeptQaUsd: 0.015, totalUsd: 304 } as const;

/** GPT-4o list prices (USD per million tokens) used to price a dataset's tokens as the paper did. */
export const GPT4O_PRICE = { inputPerMTok: 2.5, outputPerMTok: 10 } as const;

/** Average prompt / completion tokens per call (per chart for the Q&A kinds). */
export const PAPER_TOKENS = {
  'self-instruct': { prompt: 3500, completion: 1000, per: 'call' },
  evol: { prompt: 2000, completion: 1000, per: 'call' },
  repair: { prompt: 500, completion: 500, per: 'call' },
  'qa-reasoning': { prompt: 7000, completion: 1700, per: 'chart' },
  'qa-recognition': { prompt: 5600, completion: 1100, per: 'chart' },
} as const;

/** Both Q&A kinds together, per chart. */
export const PAPER_QA_TOKENS_PER_CHART = {
  prompt: PAPER_TOKENS['qa-reasoning'].prompt + PAPER_TOKENS['qa-recognition'].prompt,
  completion: PAPER_TOKENS['qa-reasoning'].completion + PAPER_TOKENS['qa-recognition'].completion,
} as const;

/** Share of all scripts: repaired into rendering, and never rendering. */
export const PAPER_REPAIR = { rescuedShare: 0.15, brokenShare: 0.05 } as const;

/** Stacked area came out ~10× more often than rose or bubble charts. */
export const PAPER_IMBALANCE_RATIO = 10;

/** Dollars for tokens at GPT-4o prices. */
export function priceAtGpt4o(promptTokens: number, completionTokens: number): number {
  return (
    (promptTokens * GPT4O_PRICE.inputPerMTok + completionTokens * GPT4O_PRICE.outputPerMTok) / 1e6
  );
}
