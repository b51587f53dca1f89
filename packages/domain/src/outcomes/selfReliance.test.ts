import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { compareRatio, ratio } from "./ratio.ts";
import { displaySelfReliance, selfRelianceLevel, unweightedMean, weightedSelfReliance } from "./selfReliance.ts";

const score = fc.integer({ min: 1, max: 5 });
/** One to nine domain scores, as on the ploeg-9 form (partly filled in forms included). */
const scores = fc.array(score, { minLength: 1, maxLength: 9 });

function sr(values: readonly number[]) {
  const r = weightedSelfReliance(values);
  assert.ok(r, "expected a weighted score");
  return r;
}

describe("weightedSelfReliance: SR = Σ s·(6−s) / Σ (6−s)", () => {
  test("hand-computed: scores 2,1,2,3,3,4,3,2,5", () => {
    // weights 6−s: 4,5,4,3,3,2,3,4,1          Σ = 29
    // s·(6−s):     8,5,8,9,9,8,9,8,5          Σ = 69
    // SR = 69/29 = 2.3793… → 2.4, level 2; the plain mean is 25/9 = 2.78 (about four tenths higher)
    const r = sr([2, 1, 2, 3, 3, 4, 3, 2, 5]);
    assert.equal(compareRatio(r, ratio(69, 29)), 0);
    assert.equal(displaySelfReliance(r), 2.4);
    assert.equal(selfRelianceLevel(r), 2);
    assert.equal(compareRatio(unweightedMean([2, 1, 2, 3, 3, 4, 3, 2, 5]) ?? ratio(0, 1), ratio(25, 9)), 0);
  });

  test("hand-computed: SR exactly 1.45 shows as 1.5 (toFixed would say 1.4), level 1", () => {
    // scores 1,1,1,2,1,3,2,2,1: weights 5,5,5,4,5,3,4,4,5 Σ = 40; s·w 5,5,5,8,5,9,8,8,5 Σ = 58
    const r = sr([1, 1, 1, 2, 1, 3, 2, 2, 1]);
    assert.equal(compareRatio(r, ratio(58, 40)), 0);
    assert.equal(displaySelfReliance(r), 1.5);
    assert.equal(selfRelianceLevel(r), 1);
  });

  test("hand-computed: SR exactly 2.5 is level 3 and exactly 3.5 is level 4 (half-up, not half-even)", () => {
    // 3,4,4,3,1,3,3,1,4: weights 3,2,2,3,5,3,3,5,2 Σ = 28; s·w 9,8,8,9,5,9,9,5,8 Σ = 70; 70/28 = 2.5
    const a = sr([3, 4, 4, 3, 1, 3, 3, 1, 4]);
    assert.equal(compareRatio(a, ratio(5, 2)), 0);
    assert.equal(selfRelianceLevel(a), 3);
    // 3,4,4,3,3,4,3,5,5: weights 3,2,2,3,3,2,3,1,1 Σ = 20; s·w 9,8,8,9,9,8,9,5,5 Σ = 70; 70/20 = 3.5
    const b = sr([3, 4, 4, 3, 3, 4, 3, 5, 5]);
    assert.equal(compareRatio(b, ratio(7, 2)), 0);
    assert.equal(selfRelianceLevel(b), 4);
  });

  test("hand-computed: SR 73/21 = 3.476… shows as 3.5 but its level is 3 (the level rounds the exact value)", () => {
    // 4,3,3,4,3,4,4,3,5: weights 2,3,3,2,3,2,2,3,1 Σ = 21; s·w 8,9,9,8,9,8,8,9,5 Σ = 73
    const r = sr([4, 3, 3, 4, 3, 4, 4, 3, 5]);
    assert.equal(displaySelfReliance(r), 3.5);
    assert.equal(selfRelianceLevel(r), 3);
  });

  test("the extremes: all 1 → 1 and all 5 → 5", () => {
    assert.equal(compareRatio(sr(new Array<number>(9).fill(1)), ratio(1, 1)), 0);
    assert.equal(compareRatio(sr(new Array<number>(9).fill(5)), ratio(5, 1)), 0);
    assert.equal(selfRelianceLevel(sr([5])), 5);
  });

  test("is null for no scores and refuses scores off the 1..5 scale or not whole", () => {
    assert.equal(weightedSelfReliance([]), null);
    assert.equal(unweightedMean([]), null);
    for (const bad of [0, 6, 2.5, -1, Number.NaN]) {
      assert.throws(() => weightedSelfReliance([3, bad, 4]), RangeError, `score ${bad}`);
    }
  });
});

describe("weightedSelfReliance properties", () => {
  test("SR always lies in [1, 5]", () => {
    fc.assert(
      fc.property(scores, (values) => {
        const r = sr(values);
        assert.ok(compareRatio(r, ratio(1, 1)) >= 0, `${r.num}/${r.den} < 1`);
        assert.ok(compareRatio(r, ratio(5, 1)) <= 0, `${r.num}/${r.den} > 5`);
      }),
      { numRuns: 1000 },
    );
  });

  test("SR ≤ the unweighted mean, with equality exactly when all scores are equal", () => {
    fc.assert(
      fc.property(scores, (values) => {
        const mean = unweightedMean(values);
        assert.ok(mean);
        const cmp = compareRatio(sr(values), mean);
        const allEqual = values.every((v) => v === values[0]);
        assert.ok(cmp <= 0, `SR above the mean for ${values.join(",")}`);
        assert.equal(cmp === 0, allEqual, `equality for ${values.join(",")}`);
      }),
      { numRuns: 1000 },
    );
  });

  test("SR equals an independent computation of Σ s·(6−s) / Σ (6−s)", () => {
    fc.assert(
      fc.property(scores, (values) => {
        let num = 0;
        let den = 0;
        for (const s of values) {
          num += s * (6 - s);
          den += 6 - s;
        }
        assert.equal(compareRatio(sr(values), ratio(num, den)), 0);
      }),
    );
  });

  test("SR does not depend on the order of the domains", () => {
    fc.assert(
      fc.property(scores.chain((v) => fc.tuple(fc.constant(v), fc.shuffledSubarray(v, { minLength: v.length, maxLength: v.length }))), ([a, b]) => {
        assert.equal(compareRatio(sr(a), sr(b)), 0);
      }),
    );
  });

  test("the level is a whole number 1..5 within half a point of SR, rounding exact halves up", () => {
    fc.assert(
      fc.property(scores, (values) => {
        const r = sr(values);
        const level = selfRelianceLevel(r);
        assert.ok(Number.isInteger(level) && level >= 1 && level <= 5, `level ${level}`);
        // level − ½ ≤ SR < level + ½, i.e. (2·level − 1)·den ≤ 2·num < (2·level + 1)·den
        assert.ok((2 * level - 1) * r.den <= 2 * r.num, `level ${level} too high for ${r.num}/${r.den}`);
        assert.ok(2 * r.num < (2 * level + 1) * r.den, `level ${level} too low for ${r.num}/${r.den}`);
      }),
      { numRuns: 1000 },
    );
  });

  test("the shown SR has one decimal and lies within 0.05 of the exact SR (halves up)", () => {
    fc.assert(
      fc.property(scores, (values) => {
        const r = sr(values);
        const tenths = Math.round(displaySelfReliance(r) * 10);
        assert.equal(displaySelfReliance(r), tenths / 10);
        // tenths/10 − 0.05 ≤ num/den < tenths/10 + 0.05  ⇔  (2·tenths − 1)·den ≤ 20·num < (2·tenths + 1)·den
        assert.ok((2 * tenths - 1) * r.den <= 20 * r.num && 20 * r.num < (2 * tenths + 1) * r.den, `${r.num}/${r.den} → ${tenths / 10}`);
      }),
      { numRuns: 1000 },
    );
  });
});
