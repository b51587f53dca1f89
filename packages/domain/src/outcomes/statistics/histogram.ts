/**
 * A histogram of paired differences (later meting − earlier meting, so a positive difference is
 * an improvement), counted per integer number of units. This is the additive summary the paired
 * statistics are computed from: the database produces one per group
 * (`SELECT later - earlier AS diff, count(*) … GROUP BY diff`), the server adds the groups up
 * (mergeHistograms), and no family's own difference ever has to reach JavaScript. Score
 * differences are whole numbers −4 … 4 (unit 1); self-reliance differences are tenths −40 … 40
 * (unit 0.1).
 */
export interface DifferenceHistogram {
  /** Difference in units → number of pairs. A Map, or a plain record such as { "-1": 12, "0": 40 }. */
  counts: ReadonlyMap<number, number> | Readonly<Record<string, number>>;
  /** The value of one unit: 1, 0.1, 0.01 … (a power of ten, so sums stay whole numbers). */
  unit: number;
}

/** A histogram checked and sorted: distinct whole-unit differences ascending, positive counts. */
export interface NormalizedHistogram {
  /** [difference in units, count], ascending by difference, no zero counts. */
  entries: [number, number][];
  /** Decimal places of one unit: 0 for unit 1, 1 for unit 0.1. */
  decimals: number;
}

const MAX_DECIMALS = 9;

/** The number of decimals of a unit that is a power of ten (1 → 0, 0.1 → 1); anything else is refused. */
export function decimalsOfUnit(unit: number): number {
  for (let d = 0; d <= MAX_DECIMALS; d++) {
    if (unit === Number(`1e-${d}`)) return d;
  }
  throw new RangeError(`a histogram unit must be 1, 0.1, 0.01 … 1e-${MAX_DECIMALS}, got ${unit}`);
}

export function normalizeHistogram(histogram: DifferenceHistogram): NormalizedHistogram {
  const decimals = decimalsOfUnit(histogram.unit);
  const raw: [number, number][] =
    histogram.counts instanceof Map
      ? [...(histogram.counts as ReadonlyMap<number, number>).entries()]
      : Object.entries(histogram.counts as Readonly<Record<string, number>>).map(([k, v]): [number, number] => [k.trim() === "" ? Number.NaN : Number(k), v]);
  const merged = new Map<number, number>();
  for (const [diff, count] of raw) {
    if (!Number.isSafeInteger(diff)) throw new RangeError(`histogram differences must be whole units, got ${diff}`);
    if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`histogram counts must be whole numbers ≥ 0, got ${count} for ${diff}`);
    if (count === 0) continue;
    // −0 and 0 are the same difference.
    const key = diff === 0 ? 0 : diff;
    merged.set(key, (merged.get(key) ?? 0) + count);
  }
  const entries = [...merged.entries()].sort((a, b) => a[0] - b[0]);
  return { entries, decimals };
}

/** Adds histograms of the same unit (e.g. the per-team histograms into the organisation's). */
export function mergeHistograms(histograms: readonly DifferenceHistogram[]): DifferenceHistogram {
  if (histograms.length === 0) throw new RangeError("mergeHistograms needs at least one histogram");
  const decimals = decimalsOfUnit((histograms[0] as DifferenceHistogram).unit);
  const counts = new Map<number, number>();
  for (const h of histograms) {
    const n = normalizeHistogram(h);
    if (n.decimals !== decimals) throw new RangeError(`cannot merge histograms with units ${(histograms[0] as DifferenceHistogram).unit} and ${h.unit}`);
    for (const [diff, count] of n.entries) counts.set(diff, (counts.get(diff) ?? 0) + count);
  }
  return { counts, unit: (histograms[0] as DifferenceHistogram).unit };
}

/**
 * The histogram of arbitrary decimal differences (published examples such as 0.952): the fewest
 * decimals (0 … 9) at which every difference is a whole number of units, up to the binary
 * rounding of its decimal literal (1e-7 of a unit). 1.83 − 0.878 = 0.9520000000000001 thus
 * counts as 952 thousandths, and two differences that print the same are tied, as they are on
 * paper. Differences with more than 9 decimals are rounded to 9.
 */
export function histogramFromDifferences(differences: readonly number[]): DifferenceHistogram {
  for (const d of differences) if (!Number.isFinite(d)) throw new RangeError(`differences must be finite numbers, got ${d}`);
  let decimals = MAX_DECIMALS;
  for (let k = 0; k <= MAX_DECIMALS; k++) {
    const scale = 10 ** k;
    if (differences.every((d) => Math.abs(d * scale - Math.round(d * scale)) <= 1e-7)) {
      decimals = k;
      break;
    }
  }
  const scale = 10 ** decimals;
  const counts = new Map<number, number>();
  for (const d of differences) {
    const units = Math.round(d * scale);
    if (!Number.isSafeInteger(units)) throw new RangeError(`difference ${d} is too large for ${decimals} decimals`);
    const key = units === 0 ? 0 : units;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { counts, unit: Number(`1e-${decimals}`) };
}
