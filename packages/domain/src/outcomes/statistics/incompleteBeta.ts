import { logBeta } from "./gamma.ts";

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;

/**
 * The regularized incomplete beta function I_x(a, b), with y = 1 − x passed separately when the
 * caller knows it more precisely than 1 − x (the t distribution computes y = t²/(ν + t²) directly).
 * Continued fraction (Lentz) on whichever side converges fast, so the returned value is accurate
 * in the relative sense when it is small; the complement is returned alongside for the same reason.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number, y: number = 1 - x): { value: number; complement: number } {
  if (!(a > 0) || !(b > 0)) throw new RangeError(`incomplete beta needs a, b > 0, got ${a}, ${b}`);
  if (!(x >= 0 && x <= 1) || !(y >= 0 && y <= 1)) throw new RangeError(`incomplete beta needs 0 ≤ x ≤ 1, got ${x}`);
  if (x === 0) return { value: 0, complement: 1 };
  if (y === 0) return { value: 1, complement: 0 };
  // x^a · y^b / B(a, b), in logarithms (a can be 50,000, so ln x near 0 goes through log1p).
  const logX = x > 0.5 ? Math.log1p(-y) : Math.log(x);
  const logY = y > 0.5 ? Math.log1p(-x) : Math.log(y);
  const logFront = a * logX + b * logY - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    const value = (Math.exp(logFront) * continuedFraction(x, a, b)) / a;
    return { value, complement: 1 - value };
  }
  const complement = (Math.exp(logFront) * continuedFraction(y, b, a)) / b;
  return { value: 1 - complement, complement };
}

/** The continued fraction of I_x(a, b) (Numerical Recipes' betacf). */
function continuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    // Even step: m(b − m)x / ((a + 2m − 1)(a + 2m)).
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // Odd step: −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1)).
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) return h;
  }
  throw new Error(`incomplete beta continued fraction did not converge for x=${x}, a=${a}, b=${b}`);
}
