/**
 * The median (the middle value, or the mean of the two middle ones) and nearest-rank percentiles:
 * the p-th percentile is the smallest value with at least p% of the values at or below it. Both are
 * what docs/metrics.md states; null for no values.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
