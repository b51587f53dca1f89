import { ratio, type Ratio } from "../ratio.ts";
import { histogramFromDifferences, normalizeHistogram, type DifferenceHistogram } from "./histogram.ts";
import { signedRankTest, type SignedRankTest } from "./signedRank.ts";
import { studentTQuantile, studentTTwoSidedP } from "./studentT.ts";

export interface PairedTTest {
  t: number;
  df: number;
  /** Two-sided p-value of the paired t test (R's t.test(x, y, paired = TRUE)). */
  p: number;
}

/** Why a paired comparison has no confidence interval. */
export type MissingInterval = "no-pairs" | "one-pair" | "no-variation";

export interface PairedComparison {
  /** Families measured at both metingen (zero differences included). */
  n: number;
  /** Counts of positive (improved), zero (same) and negative (declined) differences. */
  improved: number;
  same: number;
  declined: number;
  /** The same as shares of n; null when n = 0. */
  shareImproved: number | null;
  shareSame: number | null;
  shareDeclined: number | null;
  /** Σ differences in units (exact), so figures can be re-derived or rounded half-up via meanChangeExact. */
  sumUnits: number;
  /** Mean change as an exact fraction of the histogram's values (Σd / n), for roundHalfUp. */
  meanChangeExact: Ratio | null;
  meanChange: number | null;
  /** Sample standard deviation of the differences (n − 1 in the denominator); null when n < 2. */
  sd: number | null;
  /** sd/√n; null when n < 2. */
  standardError: number | null;
  /** mean ± t(0.975, n − 1)·sd/√n; null with the reason in missingInterval. */
  ci95: { lower: number; upper: number } | null;
  missingInterval: MissingInterval | null;
  /** Null when there is no interval (R refuses a t test on constant differences). */
  tTest: PairedTTest | null;
  /** Null when every difference is zero. */
  wilcoxon: SignedRankTest | null;
}

/**
 * Paired statistics of one domain (or of self-reliance) between two metingen, from the additive
 * histogram of differences. All sums are exact (BigInt, converted once at the end), so 100,000
 * families cost as much as the 9 bins of a score histogram and the mean is the correctly rounded
 * quotient of two whole numbers. The confidence interval and t test follow R's
 * t.test(paired = TRUE); the signed-rank test follows R's wilcox.test (see signedRank.ts).
 */
export function pairedComparison(histogram: DifferenceHistogram): PairedComparison {
  const { entries, decimals } = normalizeHistogram(histogram);
  const scale = 10 ** decimals;
  let n = 0;
  let improved = 0;
  let declined = 0;
  let same = 0;
  let sum = 0n;
  let sumSquares = 0n;
  for (const [diff, count] of entries) {
    n += count;
    if (diff > 0) improved += count;
    else if (diff < 0) declined += count;
    else same += count;
    const d = BigInt(diff);
    const c = BigInt(count);
    sum += c * d;
    sumSquares += c * d * d;
  }
  if (!Number.isSafeInteger(n)) throw new RangeError(`too many pairs: ${n}`);
  const sumUnits = Number(sum);
  if (!Number.isSafeInteger(sumUnits)) throw new RangeError(`sum of differences ${sum} is beyond exact arithmetic`);
  const base = { n, improved, same, declined, sumUnits };
  if (n === 0) {
    return { ...base, shareImproved: null, shareSame: null, shareDeclined: null, meanChangeExact: null, meanChange: null, sd: null, standardError: null, ci95: null, missingInterval: "no-pairs", tTest: null, wilcoxon: null };
  }
  const shares = { shareImproved: improved / n, shareSame: same / n, shareDeclined: declined / n };
  const meanChangeExact = ratio(sumUnits, n * scale);
  const meanChange = sumUnits / (n * scale);
  const wilcoxon = signedRankTest({ entries, decimals });
  if (n === 1) {
    return { ...base, ...shares, meanChangeExact, meanChange, sd: null, standardError: null, ci95: null, missingInterval: "one-pair", tTest: null, wilcoxon };
  }
  // Sample variance in units²: (nΣd² − (Σd)²) / (n(n − 1)), exact until the final division.
  const bigN = BigInt(n);
  const varianceNum = bigN * sumSquares - sum * sum;
  const sd = Math.sqrt(Number(varianceNum) / Number(bigN * (bigN - 1n))) / scale;
  const standardError = sd / Math.sqrt(n);
  if (varianceNum === 0n) {
    return { ...base, ...shares, meanChangeExact, meanChange, sd: 0, standardError: 0, ci95: null, missingInterval: "no-variation", tTest: null, wilcoxon };
  }
  const df = n - 1;
  const halfWidth = studentTQuantile(0.975, df) * standardError;
  const t = meanChange / standardError;
  return {
    ...base,
    ...shares,
    meanChangeExact,
    meanChange,
    sd,
    standardError,
    ci95: { lower: meanChange - halfWidth, upper: meanChange + halfWidth },
    missingInterval: null,
    tTest: { t, df, p: studentTTwoSidedP(t, df) },
    wilcoxon,
  };
}

/**
 * The same statistics from the differences themselves (later − earlier), for published examples
 * with decimal data and for small groups; the differences become a histogram first
 * (histogramFromDifferences), so both paths share one engine.
 */
export function pairedComparisonFromDifferences(differences: readonly number[]): PairedComparison {
  return pairedComparison(histogramFromDifferences(differences));
}
