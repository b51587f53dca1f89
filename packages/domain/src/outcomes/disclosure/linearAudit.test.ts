import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { determinedUnknowns } from "./linearAudit.ts";

describe("determinedUnknowns (exact linear algebra)", () => {
  test("a + b = k alone determines neither; adding a − b = k' determines both", () => {
    assert.deepEqual(determinedUnknowns([[[0, 1], [1, 1]]], 2), [false, false]);
    assert.deepEqual(determinedUnknowns([[[0, 1], [1, 1]], [[0, 1], [1, -1]]], 2), [true, true]);
  });
  test("a 4-cycle of a 2×2 table (rows and columns known) determines nothing", () => {
    // unknowns a b / c d; equations a + b, c + d, a + c, b + d (constants irrelevant)
    const eq = [[[0, 1], [1, 1]], [[2, 1], [3, 1]], [[0, 1], [2, 1]], [[1, 1], [3, 1]]] as [number, number][][];
    assert.deepEqual(determinedUnknowns(eq, 4), [false, false, false, false]);
  });
  test("two 4-cycles joined by one cell: the joining cell (a bridge) is determined, the others not", () => {
    // Rows r1..r4, columns c1..c4; unknown cells r1c1=0 r1c2=1 r2c1=2 r2c2=3 r2c3=4 r3c3=5 r3c4=6 r4c3=7 r4c4=8.
    // rows: r1: 0+1, r2: 2+3+4, r3: 5+6, r4: 7+8; columns: c1: 0+2, c2: 1+3, c3: 4+5+7, c4: 6+8.
    // r1 + r2 − c1 − c2 = cell 4 alone.
    const rows: [number, number][][] = [[[0, 1], [1, 1]], [[2, 1], [3, 1], [4, 1]], [[5, 1], [6, 1]], [[7, 1], [8, 1]]];
    const cols: [number, number][][] = [[[0, 1], [2, 1]], [[1, 1], [3, 1]], [[4, 1], [5, 1], [7, 1]], [[6, 1], [8, 1]]];
    const d = determinedUnknowns([...rows, ...cols], 9);
    assert.deepEqual(d, [false, false, false, false, true, false, false, false, false]);
  });
  test("repeated and cancelling terms, unknowns in no equation, and bad input", () => {
    assert.deepEqual(determinedUnknowns([[[0, 1], [0, 1], [1, 1], [1, -1]]], 3), [true, false, false]);
    assert.throws(() => determinedUnknowns([[[3, 1]]], 3), RangeError);
    assert.throws(() => determinedUnknowns([[[0, 0.5]]], 1), RangeError);
  });
});
