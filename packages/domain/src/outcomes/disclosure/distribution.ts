/**
 * Suppression inside one figure: a one-dimensional distribution such as how many families have
 * 0, 1, 2, … problem domains, or how many improved / stayed the same / declined.
 *
 * - A figure about fewer than threshold families (0 < total < threshold) is hidden whole, zeros
 *   included: "0 declined, 0 same" would tell that all of those few families improved.
 * - Otherwise cells of 1 … threshold−1 families are hidden; when the total is shown (by this
 *   figure or elsewhere), at least two cells are hidden and the hidden cells add up to at least
 *   the threshold, hiding the smallest other non-zero cells as needed (first in order on ties),
 *   so no hidden cell follows from total − shown cells.
 * Zero cells are shown. Like suppressTable, this protects the one figure; figures over
 * overlapping groups can still be subtracted from each other.
 */

export interface DistributionOptions {
  /** 5 for the outcome dashboards. */
  threshold: number;
  /** Whether the figure's total is published (here or in another figure). Default true. */
  totalShown?: boolean;
}

export interface SuppressedDistribution<K extends string> {
  counts: Record<K, number | null>;
  /** The total, or null when the figure is hidden whole or the total is not shown. */
  total: number | null;
}

export function suppressDistribution<K extends string>(counts: Readonly<Record<K, number>>, options: DistributionOptions): SuppressedDistribution<K> {
  const { threshold } = options;
  const totalShown = options.totalShown ?? true;
  if (!Number.isSafeInteger(threshold) || threshold < 1) throw new RangeError(`threshold must be a whole number ≥ 1, got ${threshold}`);
  const keys = Object.keys(counts) as K[];
  let total = 0;
  for (const k of keys) {
    const c = counts[k];
    if (!Number.isSafeInteger(c) || c < 0) throw new RangeError(`counts must be whole numbers ≥ 0, got ${c} for ${k}`);
    total += c;
  }
  const out = {} as Record<K, number | null>;
  if (total > 0 && total < threshold) {
    for (const k of keys) out[k] = null;
    return { counts: out, total: null };
  }
  const hidden = new Set<K>(keys.filter((k) => counts[k] > 0 && counts[k] < threshold));
  if (totalShown && hidden.size > 0) {
    const hiddenSum = (): number => [...hidden].reduce((s, k) => s + counts[k], 0);
    while (hidden.size < 2 || hiddenSum() < threshold) {
      let next: K | null = null;
      for (const k of keys) if (!hidden.has(k) && counts[k] > 0 && (next === null || counts[k] < counts[next])) next = k;
      // Unreachable: with every non-zero cell hidden, the hidden sum is the total (≥ threshold)
      // and a single non-zero cell would be the total itself, never hidden.
      if (next === null) throw new Error("distribution suppression ran out of cells");
      hidden.add(next);
    }
  }
  for (const k of keys) out[k] = hidden.has(k) ? null : counts[k];
  return { counts: out, total: totalShown ? total : null };
}
