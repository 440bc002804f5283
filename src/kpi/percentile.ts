// Nearest-rank percentiles, as the spec defines median and p90: always a value that occurred.
// The rank is computed as (p × n) / 100 so integer inputs never meet a float like 0.9 × 30 = 27.000000000000004.

/** The p-th percentile (0 < p ≤ 100) of ascending `sorted` by nearest rank, or null when empty. */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[rank - 1]!;
}
