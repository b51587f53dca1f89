import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { feasibleRanges } from "./exactLp.ts";

const f = (num: number, den = 1) => ({ num: BigInt(num), den: BigInt(den) });

describe("exact LP ranges (the attacker's tool in the disclosure tests)", () => {
  test("x + y = 5: x ranges over [0, 5]", () => {
    assert.deepEqual(feasibleRanges([[1, 1]], [5], [0, 1])?.get(0), { min: f(0), max: f(5) });
  });
  test("x + y = 5 and x − y = 1 pin x = 3 and y = 2", () => {
    const r = feasibleRanges([[1, 1], [1, -1]], [5, 1], [0, 1]);
    assert.deepEqual(r?.get(0), { min: f(3), max: f(3) });
    assert.deepEqual(r?.get(1), { min: f(2), max: f(2) });
  });
  test("x − y = 2: x ≥ 2 without an upper bound", () => {
    assert.deepEqual(feasibleRanges([[1, -1]], [2], [0])?.get(0), { min: f(2), max: null });
  });
  test("no non-negative solution: x + y = −1", () => {
    assert.equal(feasibleRanges([[1, 1]], [-1], [0]), null);
  });
  test("redundant equations are dropped: x + y = 4, 2x + 2y = 8, x + z = 3 → x ∈ [0, 3], y ∈ [1, 4]", () => {
    const r = feasibleRanges([[1, 1, 0], [2, 2, 0], [1, 0, 1]], [4, 8, 3], [0, 1, 2]);
    assert.deepEqual(r?.get(0), { min: f(0), max: f(3) });
    assert.deepEqual(r?.get(1), { min: f(1), max: f(4) });
    assert.deepEqual(r?.get(2), { min: f(0), max: f(3) });
  });
  test("fractional vertices stay exact: 2x + 2y + z = 3 → x ∈ [0, 3/2]", () => {
    assert.deepEqual(feasibleRanges([[2, 2, 1]], [3], [0])?.get(0), { min: f(0), max: f(3, 2) });
  });
  test("a negative right-hand side is flipped: −x − y = −6, x − z = 1 → x ∈ [1, 6]", () => {
    assert.deepEqual(feasibleRanges([[-1, -1, 0], [1, 0, -1]], [-6, 1], [0])?.get(0), { min: f(1), max: f(6) });
  });
});
