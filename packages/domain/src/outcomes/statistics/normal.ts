import { regularizedGamma } from "./gamma.ts";

const INV_SQRT_TWO_PI = 0.3989422804014326779399461;

/** The standard normal density φ(z). */
export function normalPdf(z: number): number {
  return INV_SQRT_TWO_PI * Math.exp(-0.5 * z * z);
}

/**
 * P(Z > z) for a standard normal Z, through erfc(x) = Q(½, x²): the tail keeps its relative
 * accuracy (about 1e-15) where 1 − Φ(z) would round to zero.
 */
export function normalUpperTail(z: number): number {
  if (Number.isNaN(z)) throw new RangeError("normalUpperTail needs a number");
  if (z === Infinity) return 0;
  if (z === -Infinity) return 1;
  const { p, q } = regularizedGamma(0.5, 0.5 * z * z);
  return z >= 0 ? 0.5 * q : 0.5 + 0.5 * p;
}

/** Φ(z) = P(Z ≤ z). */
export function normalCdf(z: number): number {
  return normalUpperTail(-z);
}

/**
 * Φ⁻¹(p). Starts from Abramowitz & Stegun 26.2.23 (error < 4.5e-4) and refines with Newton's
 * method on the logarithm of the tail, which converges in a few steps even at p = 1e-300.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile needs 0 ≤ p ≤ 1, got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // Near the centre the quantile is small and must be found from P(0 < Z < x) = |p − ½| (exact
  // for ¼ ≤ p ≤ ¾), not from a tail close to ½, or it loses relative accuracy.
  const x = p > 0.25 && p < 0.75 ? positiveQuantileOfCentre(Math.abs(p - 0.5)) : positiveQuantileOfTail(p < 0.5 ? p : 1 - p);
  return p < 0.5 ? -x : x;
}

/** P(0 < Z < x) for x ≥ 0, with full relative accuracy for small x. */
function centre(x: number): number {
  return 0.5 * regularizedGamma(0.5, 0.5 * x * x).p;
}

/** The x > 0 with P(0 < Z < x) = d, for 0 < d < ¼: Newton from the left on a concave function. */
function positiveQuantileOfCentre(d: number): number {
  let x = d / INV_SQRT_TWO_PI;
  for (let i = 0; i < 100; i++) {
    const step = (d - centre(x)) / normalPdf(x);
    x += step;
    if (Math.abs(step) <= 1e-16 * x) return x;
  }
  return x;
}

/** The x > 0 with P(Z > x) = tail, for 0 < tail < ½. */
function positiveQuantileOfTail(tail: number): number {
  const w = Math.sqrt(-2 * Math.log(tail));
  let x = w - (2.515517 + 0.802853 * w + 0.010328 * w * w) / (1 + 1.432788 * w + 0.189269 * w * w + 0.001308 * w * w * w);
  if (!(x > 0)) x = 1e-3;
  const target = Math.log(tail);
  for (let i = 0; i < 100; i++) {
    const upper = normalUpperTail(x);
    // d/dx ln P(Z > x) = −φ(x)/P(Z > x)
    const step = ((Math.log(upper) - target) * upper) / normalPdf(x);
    x += step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, x)) return x;
  }
  return x;
}
