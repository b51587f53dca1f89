import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { largeEnough, MIN_CELL_FAMILIES, suppressLinked, suppressOverlapping, suppressPartition } from "./disclosure.ts";

describe("small-number suppression", () => {
  test("the threshold is five families", () => {
    assert.equal(MIN_CELL_FAMILIES, 5);
    assert.equal(largeEnough(4), false);
    assert.equal(largeEnough(5), true);
  });

  test("partition: cells under five are hidden", () => {
    assert.deepEqual(suppressPartition([12, 8, 6]).hidden, [false, false, false]);
    assert.deepEqual(suppressPartition([12, 3, 4]).hidden, [false, true, true], "3 + 4 = 7 hidden together: total − shown gives 7 families");
  });

  test("partition: one small cell alone would follow from the total, so the next smallest goes too", () => {
    assert.deepEqual(suppressPartition([12, 3, 6, 9]).hidden, [false, true, true, false]);
    // Two small cells that together still make fewer than five.
    assert.deepEqual(suppressPartition([10, 1, 2, 7]).hidden, [false, true, true, true]);
  });

  test("partition: when nothing is left to hide, the total is", () => {
    assert.deepEqual(suppressPartition([3]), { hidden: [true], marginHidden: true });
    assert.deepEqual(suppressPartition([2, 1]), { hidden: [true, true], marginHidden: true });
    assert.deepEqual(suppressPartition([]), { hidden: [], marginHidden: false });
    assert.deepEqual(suppressPartition([0, 7]), { hidden: [false, false], marginHidden: false }, "an empty cell reveals nobody");
  });

  test("linked: a cell is judged on every count it exposes, until each is none or at least five", () => {
    // Cell 0 (8 families, 2 of them with costs outside a trajectory) is hidden: it exposes 2 on the second count.
    // Hiding cell 1 (6 families, 0 outside) leaves that at 2; hiding cell 2 too makes it 11.
    const cells = [{ sensitive: [8, 2] }, { sensitive: [6, 0] }, { sensitive: [20, 9] }];
    assert.deepEqual(suppressLinked(cells, [true, false, false]), { hidden: [true, true, true], marginHidden: false });
    assert.deepEqual(suppressLinked([{ sensitive: [8, 5] }, { sensitive: [6, 0] }], [true, false]), { hidden: [true, false], marginHidden: false });
    assert.deepEqual(suppressLinked([{ sensitive: [8, 2] }], [true]), { hidden: [true], marginHidden: true });
  });

  test("overlapping: a funding source used by fewer than five families is hidden, and a second one with it", () => {
    const f = (...ids: number[]) => new Set(ids.map((i) => `f${i}`));
    const sets = [f(1, 2, 3, 4, 5, 6, 7), f(1, 2, 3), f(1, 2, 3, 4, 5, 6)];
    // {1,2,3} alone exposes 3 families: the smallest shown ({1..6}) is hidden too; together they cover 6.
    assert.deepEqual(suppressOverlapping(sets), [false, true, true]);
    // Overlap counts once: two small sources of the same three families still expose three.
    const same = [f(1, 2, 3, 4, 5, 6, 7, 8), f(1, 2, 3), f(2, 3), f(1, 2, 3, 4, 5, 6, 7)];
    assert.deepEqual(suppressOverlapping(same), [false, true, true, true]);
    assert.deepEqual(suppressOverlapping([f(1, 2, 3, 4, 5), f(6, 7, 8, 9, 10)]), [false, false]);
    assert.deepEqual(suppressOverlapping([f(1, 2)]), [true], "all hidden: the row's own threshold protects it");
  });
});
