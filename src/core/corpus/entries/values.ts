// Small helpers that turn a script's literal data into the numbers its figure facts report.

/** Fractions of the total, as wedge series report them. */
export function shares(values: readonly number[]): number[] {
  const total = values.reduce((sum, value) => sum + value, 0);
  return values.map((value) => value / total);
}

/** Median of an odd-length sample, as a box plot draws it. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) / 2] ?? Number.NaN;
}

/** Each row as a percentage of its column's total (a 100% stacked bar per column). */
export function percentOfColumns(rows: readonly (readonly number[])[]): number[][] {
  const totals = (rows[0] ?? []).map((_, column) =>
    rows.reduce((sum, row) => sum + (row[column] ?? 0), 0),
  );
  return rows.map((row) => row.map((value, column) => (value / (totals[column] ?? 1)) * 100));
}

/** Element-wise sum of equally long series (the top edge of a stack). */
export function sumSeries(...series: readonly (readonly number[])[]): number[] {
  return (series[0] ?? []).map((_, index) =>
    series.reduce((sum, values) => sum + (values[index] ?? 0), 0),
  );
}
