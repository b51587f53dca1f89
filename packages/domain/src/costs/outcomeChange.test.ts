import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { ratio } from "../outcomes/ratio.ts";
import { weightedSelfReliance } from "../outcomes/selfReliance.ts";
import { baselineAndLatest, bigMean, FractionSum, outcomeChange, ratioDifference, selfReliancePair, type MeasurementFact } from "./outcomeChange.ts";

const m = (round: number, srNum: number | null, srDen: number | null, problemCount: number, measuredOn: string | null = null): MeasurementFact => ({ round, srNum, srDen, problemCount, measuredOn });

describe("outcomeChange", () => {
  test("between the nulmeting and the latest later meting: SR one decimal each, the change exact to two decimals", () => {
    // 77/33 = 2.333… → 2.3; 95/29 = 3.275… → 3.3; change 902/957 = 0.9425… → 0.94 (not 3.3 − 2.3 = 1.0).
    const facts = [m(1, 80, 30, 6, "2025-03-01"), m(0, 77, 33, 7, "2024-09-01"), m(2, 95, 29, 5, "2025-09-01")];
    assert.deepEqual(outcomeChange("ploeg-9", facts), {
      instrumentKey: "ploeg-9",
      fromRound: 0,
      toRound: 2,
      fromOn: "2024-09-01",
      toOn: "2025-09-01",
      selfReliance: { from: 2.3, to: 3.3, change: 0.94 },
      problemDomains: { from: 7, to: 5, change: -2 },
    });
  });

  test("a decline is negative; halves round away from zero", () => {
    assert.equal(outcomeChange("x", [m(0, 95, 29, 5), m(1, 77, 33, 7)])?.selfReliance?.change, -0.94);
    assert.equal(outcomeChange("x", [m(0, 1, 1, 9), m(1, 17, 8, 8)])?.selfReliance?.change, 1.13, "1.125 → 1.13");
    assert.equal(outcomeChange("x", [m(0, 17, 8, 8), m(1, 1, 1, 9)])?.selfReliance?.change, -1.13, "−1.125 → −1.13");
    assert.equal(outcomeChange("x", [m(0, 17, 8, 8), m(1, 1, 1, 9)])?.problemDomains.change, 1, "more problem domains is a positive change");
  });

  test("from real scores: the same SR the measurement shows", () => {
    const before = weightedSelfReliance([2, 2, 3, 1, 3, 4, 2, 3, 2]);
    const after = weightedSelfReliance([3, 4, 3, 2, 3, 4, 3, 3, 3]);
    assert.ok(before && after);
    const change = outcomeChange("ploeg-9", [m(0, before.num, before.den, 8), m(1, after.num, after.den, 6)]);
    // Before: Σw = 32, Σs·w = 72 → 2.25 (shown 2.3, half-up); after: Σw = 26, Σs·w = 78 → 3.0; change exactly 0.75.
    assert.deepEqual(before, { num: 72, den: 32 });
    assert.deepEqual(change?.selfReliance, { from: 2.3, to: 3.0, change: 0.75 });
  });

  test("no nulmeting, or nothing after it: no change", () => {
    assert.equal(outcomeChange("x", []), null);
    assert.equal(outcomeChange("x", [m(0, 1, 1, 9)]), null);
    assert.equal(outcomeChange("x", [m(1, 1, 1, 9), m(2, 2, 1, 8)]), null);
    assert.equal(baselineAndLatest([m(1, 1, 1, 9)]), null);
  });

  test("an instrument without weighted SR: only the problem domains", () => {
    const c = outcomeChange("zrm", [m(0, null, null, 6), m(1, null, null, 4)]);
    assert.equal(c?.selfReliance, null);
    assert.deepEqual(c?.problemDomains, { from: 6, to: 4, change: -2 });
    assert.equal(selfReliancePair([m(0, null, null, 6), m(1, 3, 1, 4)]), null);
    assert.deepEqual(selfReliancePair([m(0, 2, 1, 6), m(1, 3, 1, 4)]), { from: ratio(2, 1), to: ratio(3, 1) });
  });
});

describe("exact sums and means of SR changes", () => {
  test("ratioDifference", () => {
    assert.deepEqual(ratioDifference(ratio(95, 29), ratio(77, 33)), { num: 902, den: 957 });
  });

  test("FractionSum: Σ to − Σ from over families, divided once", () => {
    const s = new FractionSum();
    s.add(ratio(17, 8));
    s.add(ratio(1, 1), -1);
    s.add(ratio(3, 1));
    s.add(ratio(2, 1), -1);
    // (1.125 + 1) / 2 = 1.0625 → 1.06
    assert.equal(bigMean(s.total(), 2, 2), 1.06);
    assert.equal(bigMean(s.total(), 0, 2), null);
  });

  test("bigMean rounds half away from zero", () => {
    assert.equal(bigMean({ num: -17n, den: 16n }, 1, 2), -1.06);
    assert.equal(bigMean({ num: -1n, den: 200n }, 1, 2), -0.01);
    assert.equal(bigMean({ num: 1n, den: 200n }, 1, 2), 0.01);
    assert.equal(bigMean({ num: -1n, den: 300n }, 1, 2), 0, "−0.0033 is 0, not −0");
    assert.equal(Object.is(bigMean({ num: -1n, den: 300n }, 1, 2), -0), false);
    assert.equal(bigMean({ num: 7n, den: 1n }, 2, 0), 4, "3.5 → 4");
  });

  test("property: the exact mean matches a mean of the exact changes within rounding", () => {
    const sr = fc.tuple(fc.integer({ min: 9, max: 45 }), fc.integer({ min: 1, max: 5 })).map(([den, level]) => ratio(Math.min(den * level, den * 5), den));
    fc.assert(
      fc.property(fc.array(fc.tuple(sr, sr), { minLength: 1, maxLength: 40 }), (pairs) => {
        const s = new FractionSum();
        let approx = 0;
        for (const [from, to] of pairs) {
          s.add(to);
          s.add(from, -1);
          approx += to.num / to.den - from.num / from.den;
        }
        const mean = bigMean(s.total(), pairs.length, 2);
        assert.ok(mean !== null && Math.abs(mean - approx / pairs.length) <= 0.005 + 1e-9, `${mean} vs ${approx / pairs.length}`);
      }),
    );
  });
});
