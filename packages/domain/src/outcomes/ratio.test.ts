import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { compareRatio, ratio, roundHalfUp, sum } from "./ratio.ts";

/**
 * Independent reference for half-up rounding of a non-negative num/den: schoolbook long division
 * on BigInt, one digit at a time, then look at the first dropped digit (≥ 5 → round up) and carry
 * through the decimal string. Returns the decimal text, e.g. "2.5" or "1.01".
 */
function referenceHalfUp(num: bigint, den: bigint, decimals: number): string {
  assert.ok(num >= 0n && den > 0n);
  const intPart = num / den;
  let rem = num % den;
  const digits: number[] = [];
  for (let i = 0; i <= decimals; i++) {
    rem *= 10n;
    digits.push(Number(rem / den));
    rem %= den;
  }
  const dropped = digits.pop() ?? 0;
  // All kept digits as one integer, e.g. 2.45 at one decimal → 24; then add the carry.
  let kept = intPart;
  for (const d of digits) kept = kept * 10n + BigInt(d);
  if (dropped >= 5) kept += 1n;
  const text = kept.toString().padStart(decimals + 1, "0");
  return decimals === 0 ? text : `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
}

describe("ratio", () => {
  test("keeps safe integers and refuses a non-positive denominator or non-integers", () => {
    assert.deepEqual(ratio(3, 4), { num: 3, den: 4 });
    assert.throws(() => ratio(1, 0), RangeError);
    assert.throws(() => ratio(1, -2), RangeError);
    assert.throws(() => ratio(1.5, 2), RangeError);
    assert.throws(() => ratio(1, 2.5), RangeError);
    assert.throws(() => ratio(Number.MAX_SAFE_INTEGER + 1, 1), RangeError);
    assert.throws(() => ratio(Number.NaN, 1), RangeError);
  });

  test("sum adds all values and is 0 for none", () => {
    assert.equal(sum([]), 0);
    assert.equal(sum([2, 1, 2, 3]), 8);
  });
});

describe("roundHalfUp at the boundaries (exact, not binary floating point)", () => {
  const cases: [num: number, den: number, decimals: number, expected: number][] = [
    [7, 2, 0, 4], // 3.5 → 4 (level); banker's rounding would give 4 too, so also:
    [5, 2, 0, 3], // 2.5 → 3 (banker's rounding would give 2)
    [3, 2, 0, 2], // 1.5 → 2
    [9, 2, 0, 5], // 4.5 → 5
    [69, 29, 0, 2], // 2.379… → 2
    [73, 21, 0, 3], // 3.476… → 3 (although it shows as 3.5 at one decimal)
    [73, 21, 1, 3.5],
    [49, 20, 1, 2.5], // 2.45 → 2.5
    [63, 20, 1, 3.2], // 3.15 → 3.2; (3.15).toFixed(1) === "3.1"
    [58, 40, 1, 1.5], // 1.45 → 1.5; (1.45).toFixed(1) === "1.4"
    [9, 4, 1, 2.3], // 2.25 → 2.3 (banker's: 2.2)
    [201, 200, 2, 1.01], // 1.005 → 1.01; Math.round(1.005 * 100) / 100 === 1
    [17, 8, 2, 2.13], // 2.125 → 2.13 (banker's: 2.12)
    [599, 200, 1, 3], // 2.995 → 3.0
    [1, 3, 2, 0.33],
    [2, 3, 2, 0.67],
    [0, 7, 2, 0],
    [1, 2000000, 6, 0.000001], // 0.0000005 → 0.000001
  ];
  for (const [num, den, decimals, expected] of cases) {
    test(`${num}/${den} at ${decimals} decimals → ${expected}`, () => {
      assert.equal(roundHalfUp(ratio(num, den), decimals), expected);
    });
  }

  test("the naive float methods really do get some of these wrong (so the cases above can catch them)", () => {
    assert.equal((63 / 20).toFixed(1), "3.1");
    assert.equal(Math.round((201 / 200) * 100) / 100, 1);
  });

  test("negative values round half away from zero", () => {
    assert.equal(roundHalfUp(ratio(-7, 2), 0), -4);
    assert.equal(roundHalfUp(ratio(-49, 20), 1), -2.5);
    assert.equal(roundHalfUp(ratio(-69, 29), 1), -2.4);
  });

  test("refuses decimals that are not an integer 0..6", () => {
    for (const d of [-1, 7, 1.5, Number.NaN]) {
      assert.throws(() => roundHalfUp(ratio(1, 3), d), RangeError, `decimals ${d}`);
    }
  });
});

describe("roundHalfUp properties", () => {
  test("equals an independent long-division reference on random non-negative ratios", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 6 }),
        (num, den, decimals) => {
          const expected = Number(referenceHalfUp(BigInt(num), BigInt(den), decimals));
          assert.equal(roundHalfUp(ratio(num, den), decimals), expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test("equals the reference exactly on the half-way points k + 0.5 at every number of decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }), (k, decimals) => {
        // (2k + 1) / (2·10^d) lies exactly half-way between k/10^d and (k+1)/10^d: it must round up.
        const den = 2 * 10 ** decimals;
        const got = roundHalfUp(ratio(2 * k + 1, den), decimals);
        assert.equal(got, Number(referenceHalfUp(BigInt(2 * k + 1), BigInt(den), decimals)));
        assert.equal(got, (k + 1) / 10 ** decimals);
      }),
      { numRuns: 1000 },
    );
  });

  test("is symmetric around zero: round(−x) = −round(x)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 6 }), (num, den, d) => {
        // Compared with ==-semantics for zero: a result of 0 is never shown as "-0".
        const negative = roundHalfUp(ratio(-num, den), d);
        assert.equal(negative === 0 ? 0 : negative, -roundHalfUp(ratio(num, den), d) || 0);
        assert.ok(!Object.is(negative, -0), "rounding never yields -0");
      }),
    );
  });

  test("the result lies within half a unit of the last place of the exact value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 0, max: 4 }), (num, den, d) => {
        const scaled = BigInt(Math.round(roundHalfUp(ratio(num, den), d) * 10 ** d)); // integer count of units
        // |scaled/10^d − num/den| ≤ 1/(2·10^d)  ⇔  |2·scaled·den − 2·num·10^d| ≤ den
        const diff = 2n * scaled * BigInt(den) - 2n * BigInt(num) * 10n ** BigInt(d);
        assert.ok(diff <= BigInt(den) && -diff < BigInt(den), `${num}/${den} at ${d}: ${scaled}`);
      }),
    );
  });
});

describe("compareRatio", () => {
  test("orders like the real quotients (checked with floats on small numbers where they are exact enough)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (a, b, c, d) => {
        const x = a / b;
        const y = c / d;
        // distinct fractions with denominators ≤ 1000 differ by ≥ 1e-6, far above float error here
        const expected = Math.abs(x - y) < 1e-9 ? 0 : x < y ? -1 : 1;
        assert.equal(compareRatio(ratio(a, b), ratio(c, d)), expected);
        assert.equal(compareRatio(ratio(c, d), ratio(a, b)), -expected || 0);
      }),
    );
  });

  test("equal fractions in different terms compare equal", () => {
    assert.equal(compareRatio(ratio(7, 2), ratio(70, 20)), 0);
    assert.equal(compareRatio(ratio(69, 29), ratio(5, 2)), -1);
    assert.equal(compareRatio(ratio(73, 21), ratio(7, 2)), -1);
  });
});
