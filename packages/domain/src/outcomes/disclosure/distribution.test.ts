import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { suppressDistribution } from "./distribution.ts";

describe("suppressDistribution (one figure)", () => {
  test("improved / same / declined = 30 / 12 / 3: declined hidden and same too, so declined ≠ 45 − 30 − 12", () => {
    assert.deepEqual(suppressDistribution({ improved: 30, same: 12, declined: 3 }, { threshold: 5 }), {
      counts: { improved: 30, same: null, declined: null },
      total: 45,
    });
  });
  test("two small cells adding up to 5 or more protect each other: {0: 7, 1: 2, 2: 3, 3: 9}", () => {
    // Hidden 1 and 2 (sum 5 ≥ 5): enough, nothing else hidden.
    assert.deepEqual(suppressDistribution({ "0": 7, "1": 2, "2": 3, "3": 9 }, { threshold: 5 }).counts, { "0": 7, "1": null, "2": null, "3": 9 });
  });
  test("two small cells adding up to less than 5 take the smallest other cell along: {0: 1, 1: 2, 2: 8, 3: 6}", () => {
    // Hidden 0 and 1 (sum 3 < 5) → also the smallest other non-zero cell, 3 (6): sum 9.
    assert.deepEqual(suppressDistribution({ "0": 1, "1": 2, "2": 8, "3": 6 }, { threshold: 5 }).counts, { "0": null, "1": null, "2": 8, "3": null });
  });
  test("ties among the other cells go to the first in order", () => {
    assert.deepEqual(suppressDistribution({ a: 4, b: 6, c: 6 }, { threshold: 5 }).counts, { a: null, b: null, c: 6 });
  });
  test("a figure about fewer than 5 families is hidden whole, zeros included", () => {
    assert.deepEqual(suppressDistribution({ improved: 3, same: 0, declined: 0 }, { threshold: 5 }), {
      counts: { improved: null, same: null, declined: null },
      total: null,
    });
  });
  test("zeros are shown and an all-zero figure is shown as is", () => {
    assert.deepEqual(suppressDistribution({ a: 0, b: 9, c: 0 }, { threshold: 5 }), { counts: { a: 0, b: 9, c: 0 }, total: 9 });
    assert.deepEqual(suppressDistribution({ a: 0, b: 0 }, { threshold: 5 }), { counts: { a: 0, b: 0 }, total: 0 });
  });
  test("without a published total, small cells are hidden and nothing else", () => {
    assert.deepEqual(suppressDistribution({ a: 30, b: 12, c: 3 }, { threshold: 5, totalShown: false }), { counts: { a: 30, b: 12, c: null }, total: null });
  });
  test("refuses negative or fractional counts and a bad threshold", () => {
    assert.throws(() => suppressDistribution({ a: -1 }, { threshold: 5 }), RangeError);
    assert.throws(() => suppressDistribution({ a: 1.5 }, { threshold: 5 }), RangeError);
    assert.throws(() => suppressDistribution({ a: 1 }, { threshold: 0 }), RangeError);
  });
  test("random figures: no hidden cell follows from the total, nothing small is shown (fast-check, fixed seed)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 8 }), (values) => {
        const counts = Object.fromEntries(values.map((v, i) => [`k${i}`, v]));
        const total = values.reduce((a, b) => a + b, 0);
        const r = suppressDistribution(counts, { threshold: 5 });
        const shown = Object.values(r.counts);
        values.forEach((v, i) => {
          const c = shown[i];
          if (c !== null) assert.equal(c, v);
          if (v > 0 && v < 5) assert.equal(c, null);
        });
        if (total > 0 && total < 5) return assert.ok(shown.every((c) => c === null) && r.total === null);
        assert.equal(r.total, total);
        const hidden = values.filter((_, i) => shown[i] === null);
        if (hidden.length > 0) {
          assert.ok(hidden.length >= 2, "a single hidden cell is total − shown");
          assert.ok(hidden.reduce((a, b) => a + b, 0) >= 5, "hidden cells must add up to 5 or more");
        }
      }),
      { seed: 8080, numRuns: 500 },
    );
  });
});
