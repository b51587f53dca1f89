import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { logBeta, logGamma, logGammaRatio, regularizedGamma } from "./gamma.ts";
import { regularizedIncompleteBeta } from "./incompleteBeta.ts";
import { normalCdf, normalQuantile, normalUpperTail } from "./normal.ts";
import { studentTCdf, studentTPdf, studentTQuantile, studentTTwoSidedP, studentTUpperTail } from "./studentT.ts";
import { NORMAL_CDF, NORMAL_QUANTILE, T_CDF, T_QUANTILE } from "./distributions.reference.ts";

function assertRelative(actual: number, expected: number, tolerance: number, what: string): void {
  const error = expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
  assert.ok(error <= tolerance, `${what}: got ${actual}, expected ${expected} (relative error ${error})`);
}

/** Printed tables give 6–7 significant digits; the value must round to the printed one. */
function assertTable(actual: number, printed: number, decimals: number, what: string): void {
  assert.equal(Number(actual.toFixed(decimals)), printed, `${what}: ${actual} does not round to ${printed}`);
}

describe("Student t quantiles against printed tables", () => {
  // Two-sided critical values to six decimals, as in standard t tables and R's qt() (qt(0.975, 9) = 2.262157).
  const table: [number, number][] = [
    [1, 12.706205],
    [2, 4.302653],
    [5, 2.570582],
    [9, 2.262157],
    [10, 2.228139],
    [20, 2.085963],
    [30, 2.042272],
    [100, 1.983972],
  ];
  for (const [df, printed] of table) {
    test(`t(0.975, ${df}) = ${printed}`, () => assertTable(studentTQuantile(0.975, df), printed, 6, `df ${df}`));
  }
  test("t(0.975, 1) = 12.7062 at four decimals, t(0.995, 9) = 3.249836, t(0.95, 9) = 1.833113", () => {
    assertTable(studentTQuantile(0.975, 1), 12.7062, 4, "df 1");
    assertTable(studentTQuantile(0.995, 9), 3.249836, 6, "0.995, df 9");
    assertTable(studentTQuantile(0.95, 9), 1.833113, 6, "0.95, df 9");
  });
  test("lower quantiles are the negated upper ones, the median is 0, the ends are infinite", () => {
    // 1 − 0.975 is not exactly the double 0.025, hence relative rather than exact equality.
    assertRelative(studentTQuantile(0.025, 9), -studentTQuantile(0.975, 9), 1e-13, "symmetry");
    assert.equal(studentTQuantile(0.25, 9), -studentTQuantile(0.75, 9));
    assert.equal(studentTQuantile(0.5, 4), 0);
    assert.equal(studentTQuantile(0, 4), -Infinity);
    assert.equal(studentTQuantile(1, 4), Infinity);
  });
  test("normal 0.975 quantile is 1.959964 and t tends to it as df grows", () => {
    assertTable(normalQuantile(0.975), 1.959964, 6, "z");
    assert.equal(studentTQuantile(0.975, Infinity), normalQuantile(0.975));
    assert.ok(studentTQuantile(0.975, 1e7) - normalQuantile(0.975) < 1e-6);
  });
});

describe("distributions against 40-digit references (relative error ≤ 1e-10)", () => {
  test(`Student t CDF (${T_CDF.length} points, df 1 … 99,999)`, () => {
    for (const [t, df, expected] of T_CDF) assertRelative(studentTCdf(t, df), expected, 1e-10, `P(T ≤ ${t}; ${df})`);
  });
  test(`Student t quantiles (${T_QUANTILE.length} points, p 1e-10 … 0.9995)`, () => {
    for (const [p, df, expected] of T_QUANTILE) assertRelative(studentTQuantile(p, df), expected, 1e-10, `t(${p}; ${df})`);
  });
  test(`normal CDF (${NORMAL_CDF.length} points, down to 1e-89)`, () => {
    for (const [z, expected] of NORMAL_CDF) assertRelative(normalCdf(z), expected, 1e-12, `Φ(${z})`);
  });
  test(`normal quantiles (${NORMAL_QUANTILE.length} points, down to p = 1e-300)`, () => {
    for (const [p, expected] of NORMAL_QUANTILE) assertRelative(normalQuantile(p), expected, 1e-12, `Φ⁻¹(${p})`);
  });
});

describe("distribution identities", () => {
  test("t CDF and quantile are inverse to each other", () => {
    for (const df of [1, 2, 3, 7.5, 9, 40, 1000, 99_999]) {
      for (const p of [1e-8, 0.01, 0.2, 0.45, 0.55, 0.8, 0.99, 1 - 1e-8]) {
        assertRelative(studentTCdf(studentTQuantile(p, df), df), p, 1e-9, `cdf(quantile(${p}; ${df}))`);
      }
    }
  });
  test("upper tail + CDF = 1, two-sided p = 2 × tail, symmetric in t", () => {
    for (const df of [1, 4, 30, 500]) {
      for (const t of [0, 0.3, 1.5, 3, 12]) {
        assert.ok(Math.abs(studentTUpperTail(t, df) + studentTCdf(t, df) - 1) < 1e-15);
        assertRelative(studentTTwoSidedP(t, df), 2 * studentTUpperTail(t, df), 1e-14, `p(${t}; ${df})`);
        assert.equal(studentTTwoSidedP(-t, df), studentTTwoSidedP(t, df));
      }
    }
    assert.equal(studentTTwoSidedP(0, 5), 1);
    assert.equal(studentTTwoSidedP(Infinity, 5), 0);
  });
  test("closed forms: df 1 is Cauchy, df 2 is t/√(2 + t²)", () => {
    for (const t of [-7, -1, 0.25, 3, 40]) {
      assertRelative(studentTCdf(t, 1), 0.5 + Math.atan(t) / Math.PI, 1e-14, `Cauchy ${t}`);
      assertRelative(studentTCdf(t, 2), 0.5 + t / (2 * Math.sqrt(2 + t * t)), 1e-14, `df 2 at ${t}`);
    }
  });
  test("the t density integrates to the CDF (Simpson's rule on [0, 2])", () => {
    const df = 6;
    const steps = 2000;
    const h = 2 / steps;
    let s = studentTPdf(0, df) + studentTPdf(2, df);
    for (let i = 1; i < steps; i++) s += (i % 2 === 1 ? 4 : 2) * studentTPdf(i * h, df);
    assertRelative((s * h) / 3, studentTCdf(2, df) - 0.5, 1e-12, "∫ pdf");
  });
  test("normal tail matches the CDF and the quantile inverts it", () => {
    for (const z of [-6, -1, 0, 0.7, 5]) assert.equal(normalUpperTail(z), normalCdf(-z));
    for (const p of [1e-12, 0.3, 0.5, 0.9]) assertRelative(normalCdf(normalQuantile(p)), p, 1e-13, `Φ(Φ⁻¹(${p}))`);
  });
  test("refuses impossible arguments", () => {
    assert.throws(() => studentTCdf(1, 0), RangeError);
    assert.throws(() => studentTCdf(Number.NaN, 3), RangeError);
    assert.throws(() => studentTQuantile(1.5, 3), RangeError);
    assert.throws(() => normalQuantile(-0.1), RangeError);
    assert.throws(() => normalCdf(Number.NaN), RangeError);
  });
});

describe("gamma and beta functions", () => {
  test("log-gamma at known points (Γ(n) = (n−1)!, Γ(½) = √π, Γ(3/2) = √π/2)", () => {
    assertRelative(logGamma(5), Math.log(24), 1e-15, "Γ(5)");
    assertRelative(logGamma(11), Math.log(3628800), 1e-15, "Γ(11)");
    assertRelative(logGamma(21), Math.log(2432902008176640000), 1e-15, "Γ(21)");
    assertRelative(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-15, "Γ(½)");
    assertRelative(logGamma(1.5), Math.log(Math.sqrt(Math.PI) / 2), 1e-14, "Γ(3/2)");
    // mpmath: loggamma(0.1) = 2.252712651734205959…, loggamma(50000) = 490984.4232715718217…
    assertRelative(logGamma(0.1), 2.252712651734206, 1e-15, "Γ(0.1)");
    assertRelative(logGamma(50_000), 490984.42327157182, 1e-15, "Γ(50000)");
  });
  test("log-gamma ratio keeps its digits at large arguments (mpmath: lnΓ(49999.5) − lnΓ(50000) = −5.409881642155141180…)", () => {
    assertRelative(logGammaRatio(49_999.5, 0.5), -5.40988164215514118, 1e-14, "ratio");
    assertRelative(logGammaRatio(12, 3), logGamma(12) - logGamma(15), 1e-14, "moderate");
    assertRelative(logBeta(2, 3), Math.log(1 / 12), 1e-14, "B(2,3) = 1/12");
  });
  test("incomplete beta: I_x(1, 1) = x, I_x(2, 2) = 3x² − 2x³, I_x(a, b) = 1 − I_{1−x}(b, a)", () => {
    for (const x of [0.1, 0.5, 0.93]) {
      assertRelative(regularizedIncompleteBeta(x, 1, 1).value, x, 1e-14, `I(1,1) at ${x}`);
      assertRelative(regularizedIncompleteBeta(x, 2, 2).value, 3 * x * x - 2 * x ** 3, 1e-14, `I(2,2) at ${x}`);
      const a = regularizedIncompleteBeta(x, 3.5, 0.5).value;
      const b = regularizedIncompleteBeta(1 - x, 0.5, 3.5).value;
      assert.ok(Math.abs(a + b - 1) < 1e-14);
    }
    assert.deepEqual(regularizedIncompleteBeta(0, 2, 3), { value: 0, complement: 1 });
    assert.deepEqual(regularizedIncompleteBeta(1, 2, 3), { value: 1, complement: 0 });
  });
  test("incomplete gamma: P(1, x) = 1 − e^(−x) on both sides of the series/fraction switch", () => {
    for (const x of [0.3, 1.9, 2.1, 30]) {
      const { p, q } = regularizedGamma(1, x);
      assertRelative(q, Math.exp(-x), 1e-14, `Q(1, ${x})`);
      assert.ok(Math.abs(p + q - 1) < 1e-15);
    }
  });
});
