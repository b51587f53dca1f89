import { logBeta } from "./gamma.ts";
import { regularizedIncompleteBeta } from "./incompleteBeta.ts";
import { normalQuantile, normalUpperTail } from "./normal.ts";

function checkDf(df: number): void {
  if (!(df > 0)) throw new RangeError(`Student t needs degrees of freedom > 0, got ${df}`);
}

/**
 * P(T > t) for Student's t with df degrees of freedom: ½·I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, with
 * t²/(ν + t²) computed directly so neither side of the identity loses digits.
 */
export function studentTUpperTail(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) throw new RangeError("studentTUpperTail needs a number");
  if (df === Infinity) return normalUpperTail(t);
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  const { value, complement } = tailBeta(Math.abs(t), df);
  return t >= 0 ? 0.5 * value : 0.5 + 0.5 * complement;
}

/** P(T ≤ t). */
export function studentTCdf(t: number, df: number): number {
  return studentTUpperTail(-t, df);
}

/** P(|T| ≥ |t|), the two-sided p-value of a t statistic. */
export function studentTTwoSidedP(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) throw new RangeError("studentTTwoSidedP needs a number");
  if (df === Infinity) return Math.min(1, 2 * normalUpperTail(Math.abs(t)));
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, tailBeta(Math.abs(t), df).value);
}

function tailBeta(absT: number, df: number): { value: number; complement: number } {
  const t2 = absT * absT;
  const denominator = df + t2;
  return regularizedIncompleteBeta(df / denominator, df / 2, 0.5, t2 / denominator);
}

/** The density of Student's t. */
export function studentTPdf(t: number, df: number): number {
  checkDf(df);
  return Math.exp(-((df + 1) / 2) * Math.log1p((t * t) / df) - 0.5 * Math.log(df) - logBeta(df / 2, 0.5));
}

/**
 * The p-quantile of Student's t. Closed forms for 1 and 2 degrees of freedom; otherwise a
 * Cornish–Fisher start from the normal quantile, refined by Newton's method on the logarithm of
 * the upper tail inside a bracket (bisection when a Newton step would leave it).
 */
export function studentTQuantile(p: number, df: number): number {
  checkDf(df);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`studentTQuantile needs 0 ≤ p ≤ 1, got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df === Infinity) return normalQuantile(p);
  // As for the normal quantile: near the centre solve P(0 < T < x) = |p − ½| instead of a tail near ½.
  const x = p > 0.25 && p < 0.75 ? positiveQuantileOfCentre(Math.abs(p - 0.5), df) : positiveQuantileOfTail(p < 0.5 ? p : 1 - p, df);
  return p < 0.5 ? -x : x;
}

/** The x > 0 with P(0 < T < x) = d, for 0 < d < ¼: Newton from the left (the function is concave). */
function positiveQuantileOfCentre(d: number, df: number): number {
  let x = d / studentTPdf(0, df);
  for (let i = 0; i < 200; i++) {
    const step = (d - 0.5 * tailBeta(x, df).complement) / studentTPdf(x, df);
    x += step;
    if (Math.abs(step) <= 1e-16 * x) return x;
  }
  return x;
}

/** The x > 0 with P(T > x) = tail, for 0 < tail < ½. */
function positiveQuantileOfTail(tail: number, df: number): number {
  if (df === 1) return 1 / Math.tan(Math.PI * tail);
  if (df === 2) return (1 - 2 * tail) * Math.sqrt(2 / (4 * tail * (1 - tail)));
  const z = -normalQuantile(tail);
  const z2 = z * z;
  let x = z + (z * (z2 + 1)) / (4 * df) + (z * (5 * z2 * z2 + 16 * z2 + 3)) / (96 * df * df);
  // Bracket [lo, hi] with P(T > lo) ≥ tail ≥ P(T > hi).
  let lo = 0;
  let hi = Math.max(1, x);
  while (studentTUpperTail(hi, df) > tail) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return Infinity;
  }
  if (!(x > lo && x < hi)) x = (lo + hi) / 2;
  const target = Math.log(tail);
  for (let i = 0; i < 200; i++) {
    const upper = studentTUpperTail(x, df);
    if (upper > tail) lo = x;
    else hi = x;
    const step = ((Math.log(upper) - target) * upper) / studentTPdf(x, df);
    let next = x + step;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(1, x)) return next;
    x = next;
  }
  return x;
}
