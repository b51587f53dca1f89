import type { NormalizedHistogram } from "./histogram.ts";
import { normalUpperTail } from "./normal.ts";

export interface SignedRankTest {
  /** Pairs with a non-zero difference (zeros are dropped, as R does). */
  n: number;
  /** Sum of the ranks of the positive differences (R's V). */
  v: number;
  /** Whether some non-zero differences share a rank (tied absolute values). */
  ties: boolean;
  /** "exact": the exact null distribution; "normal": normal approximation with tie and continuity correction. */
  method: "exact" | "normal";
  /** The corrected z statistic of the normal approximation; null when exact. */
  z: number | null;
  /** Two-sided p-value. */
  p: number;
}

/** Below this many non-zero differences R's wilcox.test computes the exact p-value by default. */
const EXACT_BELOW = 50;

/**
 * The Wilcoxon signed-rank test exactly as R's `wilcox.test(x, y, paired = TRUE)` does it with
 * its defaults (mu = 0, exact = NULL, correct = TRUE): zero differences are dropped; the absolute
 * differences get average ranks; the exact distribution is used when fewer than 50 differences
 * remain AND there are neither ties nor dropped zeros (R's `exact && !TIES && !ZEROES`); otherwise
 * z = (V − n(n+1)/4 − sign·½) / √(n(n+1)(2n+1)/24 − Σ(t³ − t)/48) and p = 2·P(Z > |z|).
 * Works on the histogram, so a tie group is one histogram bin and the work does not grow with the
 * number of families. Null when every difference is zero (R gives NaN there).
 */
export function signedRankTest(histogram: NormalizedHistogram): SignedRankTest | null {
  // Per absolute difference: how many positive and how many negative pairs.
  const byMagnitude = new Map<number, { positive: number; negative: number }>();
  let zeros = 0;
  for (const [diff, count] of histogram.entries) {
    if (diff === 0) {
      zeros += count;
      continue;
    }
    const m = byMagnitude.get(Math.abs(diff)) ?? { positive: 0, negative: 0 };
    if (diff > 0) m.positive += count;
    else m.negative += count;
    byMagnitude.set(Math.abs(diff), m);
  }
  const groups = [...byMagnitude.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
  // Twice the rank sums stay whole numbers (an average rank is a half-integer at worst); BigInt
  // because Σ(t³ − t) overflows doubles' exact range beyond about 200,000 tied pairs.
  let ranked = 0n;
  let twiceV = 0n;
  let tieSum = 0n;
  let ties = false;
  for (const g of groups) {
    const t = BigInt(g.positive + g.negative);
    // The group takes ranks ranked+1 … ranked+t, average (2·ranked + t + 1)/2.
    twiceV += BigInt(g.positive) * (2n * ranked + t + 1n);
    tieSum += t * t * t - t;
    if (t > 1n) ties = true;
    ranked += t;
  }
  const n = Number(ranked);
  if (n === 0) return null;
  const v = Number(twiceV) / 2;
  if (n < EXACT_BELOW && !ties && zeros === 0) {
    return { n, v, ties, method: "exact", z: null, p: exactTwoSidedP(v, n) };
  }
  const bigN = ranked;
  // In quarters: 4·(V − n(n+1)/4) = 2·(2V) − n(n+1); the continuity correction ½ is 2 quarters.
  const centred = 2n * twiceV - bigN * (bigN + 1n);
  const corrected = centred > 0n ? centred - 2n : centred < 0n ? centred + 2n : 0n;
  // 48·σ² = 2n(n+1)(2n+1) − Σ(t³ − t)
  const variance48 = 2n * bigN * (bigN + 1n) * (2n * bigN + 1n) - tieSum;
  const z = Number(corrected) / 4 / Math.sqrt(Number(variance48) / 48);
  return { n, v, ties, method: "normal", z, p: Math.min(1, 2 * normalUpperTail(Math.abs(z))) };
}

const distributions = new Map<number, number[]>();

/**
 * How many of the 2ⁿ sign patterns give each rank sum 0 … n(n+1)/2 (the null distribution of V
 * without ties). For n < 50 every count is below 2⁴⁹, so doubles hold them exactly.
 */
export function signedRankCounts(n: number): readonly number[] {
  if (!Number.isInteger(n) || n < 0 || n >= EXACT_BELOW) throw new RangeError(`exact signed-rank counts are for 0 ≤ n < ${EXACT_BELOW}, got ${n}`);
  const cached = distributions.get(n);
  if (cached) return cached;
  const max = (n * (n + 1)) / 2;
  const counts = new Array<number>(max + 1).fill(0);
  counts[0] = 1;
  for (let k = 1; k <= n; k++) {
    const top = (k * (k + 1)) / 2;
    for (let s = top; s >= k; s--) counts[s] = (counts[s] as number) + (counts[s - k] as number);
  }
  distributions.set(n, counts);
  return counts;
}

/** R: p = P(V ≥ v) if v > n(n+1)/4, else P(V ≤ v); two-sided min(2p, 1). */
function exactTwoSidedP(v: number, n: number): number {
  const counts = signedRankCounts(n);
  let tail = 0;
  if (v > (n * (n + 1)) / 4) for (let s = v; s < counts.length; s++) tail += counts[s] as number;
  else for (let s = 0; s <= v; s++) tail += counts[s] as number;
  return Math.min(1, (2 * tail) / 2 ** n);
}
