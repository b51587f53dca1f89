import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { roundHalfUp } from "../ratio.ts";
import { histogramFromDifferences, mergeHistograms, normalizeHistogram } from "./histogram.ts";
import { normalUpperTail } from "./normal.ts";
import { pairedComparison, pairedComparisonFromDifferences } from "./pairedComparison.ts";
import { signedRankCounts } from "./signedRank.ts";
import { studentTQuantile } from "./studentT.ts";

function close(actual: number | null | undefined, expected: number, tolerance: number, what: string): void {
  assert.ok(typeof actual === "number", `${what}: got ${actual}`);
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: got ${actual}, expected ${expected}`);
}

/** R's `sleep` data set (Cushny & Peebles), extra hours of sleep under drug 1 and drug 2. */
const SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
/** Hollander & Wolfe (1973), p. 29: depression scale before (y) and after (x) tranquilizer therapy; R's ?wilcox.test example. */
const HW_X = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
const HW_Y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];

describe("published reference examples", () => {
  test("R t.test(extra ~ group, data = sleep, paired = TRUE): mean −1.58, t = −4.0621, df = 9, p = 0.002833, CI −2.4598858 … −0.7001142", () => {
    const r = pairedComparisonFromDifferences(SLEEP_1.map((x, i) => x - (SLEEP_2[i] as number)));
    assert.equal(r.n, 10);
    close(r.meanChange, -1.58, 1e-15, "mean");
    assert.deepEqual(r.meanChangeExact, { num: -158, den: 100 });
    close(r.tTest?.t, -4.0621, 5e-5, "t");
    assert.equal(r.tTest?.df, 9);
    close(r.tTest?.p, 0.002833, 5e-7, "p");
    close(r.ci95?.lower, -2.4598858, 5e-8, "lower");
    close(r.ci95?.upper, -0.7001142, 5e-8, "upper");
    // scipy.stats.ttest_rel gives t = −4.062127683382037, p = 0.002832890197384273.
    close(r.tTest?.t, -4.062127683382037, 1e-12, "t (scipy)");
    close(r.tTest?.p, 0.002832890197384273, 1e-12, "p (scipy)");
    assert.deepEqual([r.improved, r.same, r.declined], [0, 1, 9]);
  });

  test("R wilcox.test on the sleep pairs: V = 0, p = 0.009091 (normal approximation: a zero and a tie)", () => {
    const r = pairedComparisonFromDifferences(SLEEP_1.map((x, i) => x - (SLEEP_2[i] as number)));
    const w = r.wilcoxon;
    assert.ok(w);
    assert.equal(w.v, 0);
    assert.equal(w.n, 9, "the zero difference is dropped");
    assert.equal(w.method, "normal");
    assert.equal(w.ties, true, "−1.3 occurs twice");
    close(w.p, 0.009091, 5e-7, "p");
    // By hand: ranks of |d| 0.8 1.0 1.2 1.3 1.3 1.4 1.8 2.4 4.6 are 1 2 3 4.5 4.5 6 7 8 9; V = 0;
    // V − 9·10/4 = −22.5, +½ continuity → −22; σ² = 9·10·19/24 − (2³ − 2)/48 = 71.25 − 0.125 = 71.125;
    // z = −22/√71.125 = −2.6086243336065097 (mpmath), p = 2Φ(z) = 0.0090906980159250620 (mpmath; scipy agrees).
    close(w.z, -2.6086243336065097, 1e-14, "z");
    close(w.p, 0.009090698015925062, 1e-15, "p (mpmath)");
  });

  test("Hollander & Wolfe depression data: V = 40, exact one-sided p = 0.01953, two-sided 0.03906", () => {
    const r = pairedComparisonFromDifferences(HW_X.map((x, i) => x - (HW_Y[i] as number)));
    const w = r.wilcoxon;
    assert.ok(w);
    assert.equal(w.v, 40);
    assert.equal(w.method, "exact");
    assert.equal(w.z, null);
    // Exact: P(V ≥ 40) for n = 9 = P(V ≤ 5) = (1 + 1 + 1 + 2 + 2 + 3)/2⁹ = 10/512 = 0.01953125.
    assert.equal(w.p, 20 / 512);
    close(w.p / 2, 0.01953, 5e-6, "one-sided");
  });
});

describe("hand-computed score histograms", () => {
  test("ties and zeros: {−1: 2, 0: 3, +1: 4, +2: 1}", () => {
    const r = pairedComparison({ counts: { "-1": 2, "0": 3, "1": 4, "2": 1 }, unit: 1 });
    // n = 10; Σd = −2 + 0 + 4 + 2 = 4 → mean 0.4; Σd² = 2 + 0 + 4 + 4 = 10;
    // s² = (10·10 − 4²)/(10·9) = 84/90; sd = 0.9660917830792959; se = sd/√10 = 0.30550504633038933;
    // t = 0.4/se = 1.3093073414159542; half-width = t(0.975, 9)·se = 2.2621571627982·0.305505 = 0.6911004288272876.
    assert.deepEqual([r.n, r.improved, r.same, r.declined], [10, 5, 3, 2]);
    assert.deepEqual([r.shareImproved, r.shareSame, r.shareDeclined], [0.5, 0.3, 0.2]);
    assert.equal(r.sumUnits, 4);
    assert.equal(r.meanChange, 0.4);
    close(r.sd, Math.sqrt(84 / 90), 1e-15, "sd");
    close(r.ci95?.lower, 0.4 - 0.6911004288272876, 1e-14, "lower");
    close(r.ci95?.upper, 0.4 + 0.6911004288272876, 1e-14, "upper");
    close(r.tTest?.t, 1.3093073414159542, 1e-14, "t");
    close(r.tTest?.p, 0.22286835013352033, 1e-14, "p (scipy ttest_1samp)");
    // Wilcoxon: the 3 zeros are dropped, n = 7. |d| = 1 six times (ranks 1–6, average 3.5), |d| = 2
    // once (rank 7). V = 4·3.5 + 7 = 21; V − 7·8/4 = 7, −½ → 6.5; σ² = 7·8·15/24 − (6³ − 6)/48 =
    // 35 − 4.375 = 30.625; z = 6.5/√30.625 = 1.1745602737768266; p = 0.24017068461069478 (mpmath).
    const w = r.wilcoxon;
    assert.ok(w);
    assert.deepEqual([w.n, w.v, w.method, w.ties], [7, 21, "normal", true]);
    close(w.z, 1.1745602737768266, 1e-14, "z");
    close(w.p, 0.24017068461069478, 1e-14, "p");
  });

  test("no ties, no zeros, small n → exact: {+1, −2, +3, +4}", () => {
    const r = pairedComparison({ counts: new Map([[1, 1], [-2, 1], [3, 1], [4, 1]]), unit: 1 });
    // Ranks 1 2 3 4, positive ones 1 + 3 + 4 = 8 > 4·5/4 = 5, so p = 2·P(V ≥ 8). The rank sums of
    // the 16 sign patterns of {1,2,3,4}: 0..10 with counts 1 1 1 2 2 2 2 2 1 1 1; P(V ≥ 8) = 3/16.
    assert.deepEqual(signedRankCounts(4), [1, 1, 1, 2, 2, 2, 2, 2, 1, 1, 1]);
    const w = r.wilcoxon;
    assert.ok(w);
    assert.deepEqual([w.n, w.v, w.method, w.p], [4, 8, "exact", 6 / 16]);
    // Mean 6/4 = 1.5; s² = (4·30 − 36)/12 = 7; CI = 1.5 ± t(0.975, 3)·√7/2.
    assert.equal(r.meanChange, 1.5);
    close(r.sd, Math.sqrt(7), 1e-15, "sd");
    close(r.ci95?.upper, 1.5 + studentTQuantile(0.975, 3) * (Math.sqrt(7) / 2), 1e-14, "upper");
  });

  test("V exactly at its mean gives p = 1 (exact and normal)", () => {
    // {+1, −2, −3, +4}: V = 1 + 4 = 5 = 4·5/4; exact P(V ≤ 5) = 9/16 → min(1, 18/16) = 1.
    assert.equal(pairedComparison({ counts: { "1": 1, "-2": 1, "-3": 1, "4": 1 }, unit: 1 }).wilcoxon?.p, 1);
    // {+1 ×2, −1 ×2}: tied, V = 2·2.5 = 5 = 4·5/4, no correction, z = 0.
    const w = pairedComparison({ counts: { "1": 2, "-1": 2 }, unit: 1 }).wilcoxon;
    assert.deepEqual([w?.method, w?.z, w?.p], ["normal", 0, 1]);
  });

  test("self-reliance in tenths: {−0.3, +0.5, +0.5, +1.2}", () => {
    const r = pairedComparison({ counts: { "-3": 1, "5": 2, "12": 1 }, unit: 0.1 });
    // Σ = −3 + 10 + 12 = 19 tenths over 4 pairs: mean 19/40 = 0.475, rounds half-up to 0.5.
    assert.equal(r.sumUnits, 19);
    assert.deepEqual(r.meanChangeExact, { num: 19, den: 40 });
    assert.equal(r.meanChange, 0.475);
    assert.equal(roundHalfUp(r.meanChangeExact ?? { num: 0, den: 1 }, 1), 0.5);
    // s² in tenths² = (4·(9 + 50 + 144) − 19²)/12 = (812 − 361)/12 = 451/12; sd = √(451/12)/10.
    close(r.sd, Math.sqrt(451 / 12) / 10, 1e-15, "sd");
    // Ranks of 3, 5, 5, 12: 1, 2.5, 2.5, 4; V = 2.5 + 2.5 + 4 = 9 (tie → normal).
    assert.equal(r.wilcoxon?.v, 9);
    assert.equal(r.wilcoxon?.method, "normal");
  });

  test("100,000 families from a histogram: exact sums, mean, variance and z", () => {
    const r = pairedComparison({ counts: { "-2": 5000, "-1": 10000, "0": 40000, "1": 30000, "2": 15000 }, unit: 1 });
    // Σd = −10,000 − 10,000 + 30,000 + 30,000 = 40,000 → mean 0.4;
    // Σd² = 20,000 + 10,000 + 30,000 + 60,000 = 120,000; s² = (10⁵·120,000 − 40,000²)/(10⁵·99,999) = 10.4e9/9.9999e9.
    assert.equal(r.n, 100_000);
    assert.equal(r.sumUnits, 40_000);
    assert.equal(r.meanChange, 0.4);
    assert.deepEqual(r.meanChangeExact, { num: 40_000, den: 100_000 });
    close(r.sd, Math.sqrt(10.4e9 / 9.9999e9), 1e-15, "sd");
    close(r.ci95?.lower, 0.4 - studentTQuantile(0.975, 99_999) * Math.sqrt(10.4e9 / 9.9999e9 / 1e5), 1e-14, "lower");
    // Wilcoxon over 60,000 non-zero pairs: |d| = 1 → ranks 1…40,000 (average 20,000.5), 30,000 of them
    // positive; |d| = 2 → ranks 40,001…60,000 (average 50,000.5), 15,000 positive.
    // V = 30,000·20,000.5 + 15,000·50,000.5 = 600,015,000 + 750,007,500 = 1,350,022,500.
    // V − 60,000·60,001/4 = 450,007,500, −½ → 450,007,499.5;
    // σ² = 60,000·60,001·120,001/24 − ((40,000³ − 40,000) + (20,000³ − 20,000))/48 = 16,500,450,003,750;
    // z = 110.78267745550939808 (mpmath).
    const w = r.wilcoxon;
    assert.ok(w);
    assert.deepEqual([w.n, w.v, w.method], [60_000, 1_350_022_500, "normal"]);
    close(w.z, 450_007_499.5 / Math.sqrt(16_500_450_003_750), 1e-13, "z");
    close(w.z, 110.78267745550939808, 1e-12, "z (mpmath)");
    assert.equal(w.p, 2 * normalUpperTail(w.z ?? 0));
  });
});

describe("edge cases are explicit", () => {
  test("no pairs", () => {
    const r = pairedComparison({ counts: {}, unit: 1 });
    assert.deepEqual([r.n, r.meanChange, r.ci95, r.missingInterval, r.tTest, r.wilcoxon, r.shareImproved], [0, null, null, "no-pairs", null, null, null]);
  });
  test("one pair: a mean, no spread", () => {
    const r = pairedComparison({ counts: { "2": 1 }, unit: 1 });
    assert.deepEqual([r.n, r.meanChange, r.sd, r.ci95, r.missingInterval, r.tTest], [1, 2, null, null, "one-pair", null]);
    // R: one non-zero difference, no zeros or ties → exact, V = 1, p = min(1, 2·½) = 1.
    assert.deepEqual([r.wilcoxon?.method, r.wilcoxon?.v, r.wilcoxon?.p], ["exact", 1, 1]);
  });
  test("every family changed by the same amount: no interval (R refuses: 'data are essentially constant')", () => {
    const r = pairedComparison({ counts: { "1": 12 }, unit: 1 });
    assert.deepEqual([r.meanChange, r.sd, r.ci95, r.missingInterval, r.tTest], [1, 0, null, "no-variation", null]);
    // The signed-rank test still speaks: 12 tied positive ranks, V = 78, normal approximation.
    assert.equal(r.wilcoxon?.v, 78);
    assert.equal(r.wilcoxon?.method, "normal");
    assert.ok((r.wilcoxon?.p ?? 1) < 0.001);
  });
  test("all differences zero: no Wilcoxon test (R gives NaN)", () => {
    const r = pairedComparison({ counts: { "0": 7 }, unit: 1 });
    assert.deepEqual([r.same, r.shareSame, r.meanChange, r.missingInterval, r.wilcoxon], [7, 1, 0, "no-variation", null]);
  });
  test("n ≥ 50 without ties uses the normal approximation (R's default exact = n < 50)", () => {
    const diffs = Array.from({ length: 50 }, (_, i) => (i % 3 === 0 ? -(i + 1) : i + 1));
    assert.equal(pairedComparisonFromDifferences(diffs).wilcoxon?.method, "normal");
    assert.equal(pairedComparisonFromDifferences(diffs.slice(1)).wilcoxon?.method, "exact");
  });
  test("a zero difference forces the normal approximation even without ties (R: exact && !TIES && !ZEROES)", () => {
    assert.equal(pairedComparisonFromDifferences([0, 1, -2, 3]).wilcoxon?.method, "normal");
  });
  test("refuses bad histograms", () => {
    assert.throws(() => pairedComparison({ counts: { "1.5": 2 }, unit: 1 }), RangeError);
    assert.throws(() => pairedComparison({ counts: { "1": -2 }, unit: 1 }), RangeError);
    assert.throws(() => pairedComparison({ counts: { "1": 2.5 }, unit: 1 }), RangeError);
    assert.throws(() => pairedComparison({ counts: { "": 2 }, unit: 1 }), RangeError);
    assert.throws(() => pairedComparison({ counts: { "1": 2 }, unit: 0.25 }), RangeError);
    assert.throws(() => pairedComparisonFromDifferences([1, Number.NaN]), RangeError);
  });
});

describe("histograms", () => {
  test("merging per-group histograms equals the histogram of all differences", () => {
    const merged = mergeHistograms([
      { counts: { "-1": 2, "0": 1 }, unit: 0.1 },
      { counts: new Map([[0, 4], [3, 1]]), unit: 0.1 },
    ]);
    assert.deepEqual(normalizeHistogram(merged), { entries: [[-1, 2], [0, 5], [3, 1]], decimals: 1 });
    assert.throws(() => mergeHistograms([{ counts: {}, unit: 1 }, { counts: {}, unit: 0.1 }]), RangeError);
  });
  test("decimal differences are counted in the fewest decimals that hold them", () => {
    assert.deepEqual(normalizeHistogram(histogramFromDifferences([0.952, -0.147, 0.01, 0.952])), { entries: [[-147, 1], [10, 1], [952, 2]], decimals: 3 });
    assert.deepEqual(normalizeHistogram(histogramFromDifferences([2, -1, 0, -0])), { entries: [[-1, 1], [0, 2], [2, 1]], decimals: 0 });
    // 1.83 − 0.878 = 0.9520000000000001 in binary; it is 952 thousandths.
    assert.deepEqual(normalizeHistogram(histogramFromDifferences([1.83 - 0.878])), { entries: [[952, 1]], decimals: 3 });
  });
});

/** Independent reference on the raw list: sort, average ranks by scanning, R's formulas. */
function naiveWilcoxon(diffs: readonly number[]): { v: number; n: number; p: number; method: string } | null {
  const nonZero = diffs.filter((d) => d !== 0);
  const n = nonZero.length;
  if (n === 0) return null;
  const sorted = nonZero.map((d) => ({ d, a: Math.abs(d) })).sort((x, y) => x.a - y.a);
  const ranks: number[] = [];
  let ties = false;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && (sorted[j + 1] as { a: number }).a === (sorted[i] as { a: number }).a) j++;
    if (j > i) ties = true;
    for (let k = i; k <= j; k++) ranks[k] = (i + 1 + j + 1) / 2;
    i = j + 1;
  }
  let v = 0;
  sorted.forEach((s, i) => {
    if (s.d > 0) v += ranks[i] as number;
  });
  if (n < 50 && !ties && n === diffs.length) {
    // Enumerate all 2ⁿ sign patterns (n is small here).
    let atMost = 0;
    let atLeast = 0;
    for (let mask = 0; mask < 2 ** n; mask++) {
      let s = 0;
      for (let k = 0; k < n; k++) if (mask & (1 << k)) s += k + 1;
      if (s <= v) atMost++;
      if (s >= v) atLeast++;
    }
    const tail = v > (n * (n + 1)) / 4 ? atLeast : atMost;
    return { v, n, p: Math.min(1, (2 * tail) / 2 ** n), method: "exact" };
  }
  const counts = new Map<number, number>();
  for (const r of ranks) counts.set(r, (counts.get(r) ?? 0) + 1);
  let tieSum = 0;
  for (const t of counts.values()) tieSum += t ** 3 - t;
  let z = v - (n * (n + 1)) / 4;
  z -= Math.sign(z) * 0.5;
  z /= Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieSum / 48);
  return { v, n, p: 2 * Math.min(normalUpperTail(z), normalUpperTail(-z)), method: "normal" };
}

describe("properties (fast-check, fixed seed)", () => {
  const diffsArb = fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 0, maxLength: 60 });
  const distinctArb = fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 14 }).chain((mags) =>
    fc.tuple(...mags.map((m) => fc.boolean().map((neg) => (neg ? -m : m)))),
  );

  test("histogram path and list path agree on integer differences", () => {
    fc.assert(
      fc.property(diffsArb, (diffs) => {
        const counts: Record<string, number> = {};
        for (const d of diffs) counts[String(d)] = (counts[String(d)] ?? 0) + 1;
        assert.deepEqual(pairedComparison({ counts, unit: 1 }), pairedComparisonFromDifferences(diffs));
      }),
      { seed: 20250505, numRuns: 300 },
    );
  });

  test("signed-rank test agrees with a naive reference (ties, zeros and the exact branch)", () => {
    fc.assert(
      fc.property(fc.oneof(diffsArb, distinctArb), (diffs) => {
        const got = pairedComparisonFromDifferences(diffs).wilcoxon;
        const want = naiveWilcoxon(diffs);
        if (want === null) return assert.equal(got, null);
        assert.ok(got);
        assert.deepEqual([got.v, got.n, got.method], [want.v, want.n, want.method]);
        assert.ok(Math.abs(got.p - want.p) <= 1e-12 * Math.max(1e-300, want.p) + 1e-300, `p ${got.p} vs ${want.p}`);
      }),
      { seed: 4242, numRuns: 400 },
    );
  });

  test("mean and CI agree with floating-point formulas on the raw list; the CI contains the mean", () => {
    fc.assert(
      fc.property(diffsArb.filter((d) => d.length >= 2), (diffs) => {
        const r = pairedComparisonFromDifferences(diffs);
        const n = diffs.length;
        const mean = diffs.reduce((a, b) => a + b, 0) / n;
        const sd = Math.sqrt(diffs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
        close(r.meanChange, mean, 1e-12, "mean");
        close(r.sd, sd, 1e-12, "sd");
        if (sd === 0) return assert.equal(r.ci95, null);
        const half = (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
        close(r.ci95?.lower, mean - half, 1e-12, "lower");
        close(r.ci95?.upper, mean + half, 1e-12, "upper");
        assert.equal(r.improved + r.same + r.declined, n);
      }),
      { seed: 77, numRuns: 300 },
    );
  });
});
