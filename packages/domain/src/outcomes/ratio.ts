/**
 * Exact arithmetic for outcome figures. Every figure the field reports is a quotient of integer
 * sums; keeping numerator and denominator apart until the last step means 3.45 rounds to 3.5,
 * never to 3.4 because of a binary floating-point artefact.
 */
export interface Ratio {
  readonly num: number;
  readonly den: number;
}

export function ratio(num: number, den: number): Ratio {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) {
    throw new RangeError(`ratio needs safe integers, got ${num}/${den}`);
  }
  if (den <= 0) throw new RangeError(`ratio needs a positive denominator, got ${den}`);
  return { num, den };
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/**
 * Rounds half away from zero ("half-up" as taught in Dutch schools) to `decimals` places.
 * Integer-only: floor((2·num·10^d + den) / (2·den)) for non-negative values.
 */
export function roundHalfUp(r: Ratio, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new RangeError(`decimals must be an integer 0..6, got ${decimals}`);
  }
  const scale = 10 ** decimals;
  const negative = r.num < 0;
  const value = floorDiv(2 * Math.abs(r.num) * scale + r.den, 2 * r.den, Math.abs(r.num), scale, r.den) / scale;
  return negative && value !== 0 ? -value : value;
}

/**
 * ⌊a / b⌋ for non-negative integers. Plain numbers while a stays exactly representable (the
 * report rounds tens of thousands of values, and BigInt is slow); BigInt beyond that.
 */
function floorDiv(a: number, b: number, num: number, scale: number, den: number): number {
  if (a <= Number.MAX_SAFE_INTEGER / 2) {
    let q = Math.trunc(a / b);
    if (q * b > a) q -= 1;
    else if ((q + 1) * b <= a) q += 1;
    return q;
  }
  const big = (2n * BigInt(num) * BigInt(scale) + BigInt(den)) / (2n * BigInt(den));
  return Number(big);
}

/** Compares a/b with c/d exactly. */
export function compareRatio(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const left = BigInt(a.num) * BigInt(b.den);
  const right = BigInt(b.num) * BigInt(a.den);
  return left < right ? -1 : left > right ? 1 : 0;
}
