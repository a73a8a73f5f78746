// Number formatting for the Statistics page: counts with separators, shares, dollars with enough
// digits to tell $0.0042 from $0.004, ratios, and "—" where there is nothing to divide.
const COUNT = new Intl.NumberFormat('en-US');
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const CENTS = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

export const NONE = '—';

export function formatCount(value: number): string {
  return COUNT.format(value);
}

/** A mean or other measured value: one decimal below 100, whole numbers above. */
export function formatMeasure(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NONE;
  return Math.abs(value) >= 100 ? COUNT.format(Math.round(value)) : ONE_DECIMAL.format(value);
}

/** part / whole as a percentage ("12.5%"); "—" when whole is 0. */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return NONE;
  const percent = (100 * part) / whole;
  if (percent > 0 && percent < 0.1) return '<0.1%';
  return `${ONE_DECIMAL.format(percent)}%`;
}

/** Dollars: cents for large sums, three significant digits for small ones ($0.0042). */
export function formatUsd(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NONE;
  if (value === 0) return '$0';
  if (Math.abs(value) >= 1) return `$${CENTS.format(value)}`;
  return `$${Number(value.toPrecision(3)).toString()}`;
}

/** A ratio as "2.5×". */
export function formatRatio(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NONE;
  return `${ONE_DECIMAL.format(value)}×`;
}

/** Tokens, rounded to whole tokens. */
export function formatTokens(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NONE;
  return COUNT.format(Math.round(value));
}

/** "120 ms" or "2.4 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${ONE_DECIMAL.format(ms / 1000)} s`;
}
