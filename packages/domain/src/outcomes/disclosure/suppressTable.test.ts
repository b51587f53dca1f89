import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { feasibleRanges, type FeasibleRange } from "./exactLp.ts";
import { isReleased, releasedCount, suppressByLinesOnly, suppressTable, type SuppressionResult } from "./suppressTable.ts";
import { TABLE_ALL, indexTable, type CountTable } from "./table.ts";

const THRESHOLD = 5;

/** A table from rows of counts: first dimension down, second across. */
function grid(rowKey: string, rows: string[], colKey: string, cols: string[], counts: number[][]): CountTable {
  return {
    dimensions: [
      { key: rowKey, values: rows },
      { key: colKey, values: cols },
    ],
    cells: rows.flatMap((r, i) => cols.map((c, j) => ({ key: [r, c], count: (counts[i] as number[])[j] as number }))),
  };
}

/**
 * The attack: every line of the table is an equation (margin − Σ inner = 0); released cells are
 * known numbers, suppressed cells unknowns ≥ 0. Returns each suppressed cell's feasible range.
 */
function attack(table: CountTable, result: SuppressionResult, cells: readonly number[]): Map<number, FeasibleRange> {
  const t = indexTable(table);
  const unknowns = result.cells.flatMap((c, i) => (c.count === null ? [i] : []));
  const position = new Map(unknowns.map((cell, i) => [cell, i]));
  const a: number[][] = [];
  const b: number[] = [];
  for (const line of t.lines) {
    const row = new Array<number>(unknowns.length).fill(0);
    let rhs = 0;
    let involved = false;
    const term = (cell: number, coefficient: number): void => {
      const p = position.get(cell);
      if (p === undefined) rhs -= coefficient * (result.cells[cell]?.count as number);
      else {
        row[p] = (row[p] as number) + coefficient;
        involved = true;
      }
    };
    term(line.margin, 1);
    for (const cell of line.inner) term(cell, -1);
    if (involved) {
      a.push(row);
      b.push(rhs);
    }
  }
  const ranges = feasibleRanges(a, b, cells.map((c) => position.get(c) as number));
  assert.ok(ranges, "the true table is a solution, so the system is feasible");
  return new Map(cells.map((c) => [c, ranges.get(position.get(c) as number) as FeasibleRange]));
}

function isPoint(r: FeasibleRange): boolean {
  return r.max !== null && r.max.num * r.min.den === r.min.num * r.max.den;
}

/** Suppressed cells whose true count is 1 … 4 (the sensitive ones). */
function sensitiveSuppressed(table: CountTable, result: SuppressionResult): number[] {
  const t = indexTable(table);
  return result.cells.flatMap((c, i) => (c.count === null && (t.counts[i] as number) > 0 && (t.counts[i] as number) < THRESHOLD ? [i] : []));
}

describe("suppressTable: hand-made tables", () => {
  test("organisation 21 = team A 10 + team B 3 + team C 8: B and also C hidden, so B ≠ 21 − 10 − 8", () => {
    const table: CountTable = {
      dimensions: [{ key: "team", values: ["A", "B", "C"] }],
      cells: [
        { key: ["A"], count: 10 },
        { key: ["B"], count: 3 },
        { key: ["C"], count: 8 },
      ],
    };
    const r = suppressTable(table, { threshold: THRESHOLD });
    // B (3) is primary; its line (the teams, margin 21 shown) needs a second hidden cell: the
    // smallest released non-zero one is C (8); hidden sum 11 ≥ 5.
    assert.deepEqual(r.cells, [
      { key: ["A"], count: 10 },
      { key: ["B"], count: null },
      { key: ["C"], count: null },
      { key: [TABLE_ALL], count: 21 },
    ]);
    assert.equal(isReleased(r, [TABLE_ALL]), true);
    assert.equal(isReleased(r, ["B"]), false);
    // B + C = 11 is all an attacker knows: B ranges over 0 … 11.
    const b = attack(table, r, [1]).get(1);
    assert.deepEqual(b, { min: { num: 0n, den: 1n }, max: { num: 11n, den: 1n } });
  });

  test("two filters (team × wijk): team B in wijk 1 (2) cannot be had as 'team B' − 'team B in wijk 2' nor 'wijk 1' − 'team A in wijk 1'", () => {
    //          W1  W2 | all
    //   A      12   9 |  21
    //   B       2   7 |   9
    //   all    14  16 |  30
    const table = grid("team", ["A", "B"], "wijk", ["W1", "W2"], [
      [12, 9],
      [2, 7],
    ]);
    const r = suppressTable(table, { threshold: THRESHOLD });
    // Row B: B·W1 primary → B·W2 (7) hidden too; column W1: A·W1 (12) hidden; column W2 has B·W2
    // hidden → A·W2 (9) hidden. All four inner cells hidden, every margin shown.
    assert.equal(releasedCount(r, ["B", "W1"]), null);
    assert.equal(releasedCount(r, ["B", "W2"]), null);
    assert.equal(releasedCount(r, ["A", "W1"]), null);
    assert.equal(releasedCount(r, ["A", "W2"]), null);
    assert.deepEqual(
      [releasedCount(r, ["A", TABLE_ALL]), releasedCount(r, ["B", TABLE_ALL]), releasedCount(r, [TABLE_ALL, "W1"]), releasedCount(r, [TABLE_ALL, "W2"]), releasedCount(r, [TABLE_ALL, TABLE_ALL])],
      [21, 9, 14, 16, 30],
    );
    // From the margins, B·W1 can be anything from 0 to 9 (A·W1 = 14 − B·W1, B·W2 = 9 − B·W1, A·W2 = 7 + B·W1).
    const cell = r.cells.findIndex((c) => c.key.join() === "B,W1");
    assert.deepEqual(attack(table, r, [cell]).get(cell), { min: { num: 0n, den: 1n }, max: { num: 9n, den: 1n } });
  });

  test("the per-line rule alone can be beaten through a chain of lines; the audit hides more", () => {
    //          W0  W1  W2 | all
    //   T0     15  12  19 |  46
    //   T1      0   0   4 |   4
    //   T2      0   2  17 |  19
    //   all    15  14  40 |  69
    const table = grid("team", ["T0", "T1", "T2"], "wijk", ["W0", "W1", "W2"], [
      [15, 12, 19],
      [0, 0, 4],
      [0, 2, 17],
    ]);
    const linesOnly = suppressByLinesOnly(table, { threshold: THRESHOLD });
    const hidden = (r: SuppressionResult): string[] => r.cells.filter((c) => c.count === null).map((c) => c.key.join("·"));
    assert.deepEqual(hidden(linesOnly), ["T0·W0", "all·W0", "T0·W1", "T2·W1", "all·W1", "T1·W2", "T2·W2", "T1·all", "T2·all"]);
    // The heuristic hides T0·W0 and its margin (column W0 holds nothing else), T0·W1, T2·W1, the
    // W1 margin, T1·W2, T2·W2 and the T1, T2 margins; every line then has two hidden cells or is
    // exhausted. But: T0·W0 = all·W0 (column W0); row T0 gives T0·W0 + T0·W1 = 46 − 19 = 27; the
    // total row gives all·W0 + all·W1 = 69 − 40 = 29; so all·W1 − T0·W1 = 2 = T2·W1 (column W1,
    // T1·W1 = 0). The exact attack agrees:
    const pinnedCell = 2 + 1 * 4; // team T2 (position 2) + wijk W1 (position 1) × stride 4
    assert.deepEqual(linesOnly.cells[pinnedCell]?.key, ["T2", "W1"]);
    assert.equal(linesOnly.cells[pinnedCell]?.count, null);
    assert.deepEqual(attack(table, linesOnly, [pinnedCell]).get(pinnedCell), { min: { num: 2n, den: 1n }, max: { num: 2n, den: 1n } });
    // suppressTable's audit finds the same. Column W1 and row T2 (T2·W1's lines) have no released
    // non-zero cell left, so it takes one from anywhere, detail cells before margins: T0·W2 (19) is
    // the only released non-zero detail cell. After that nothing sensitive is pinned.
    const r = suppressTable(table, { threshold: THRESHOLD });
    assert.deepEqual(hidden(r), ["T0·W0", "all·W0", "T0·W1", "T2·W1", "all·W1", "T0·W2", "T1·W2", "T2·W2", "T1·all", "T2·all"]);
    for (const [cell, range] of attack(table, r, sensitiveSuppressed(table, r))) assert.ok(!isPoint(range), `cell ${cell} is pinned`);
  });

  test("a group under the threshold: everything non-zero hidden, zeros shown", () => {
    const r = suppressTable({ dimensions: [{ key: "team", values: ["A", "B", "C"] }], cells: [{ key: ["A"], count: 1 }, { key: ["B"], count: 2 }] }, { threshold: THRESHOLD });
    assert.deepEqual(r.cells.map((c) => c.count), [null, null, 0, null]);
  });

  test("nothing small, nothing hidden; an empty table is all zeros and all shown", () => {
    const big = suppressTable(grid("team", ["A", "B"], "wijk", ["W1", "W2"], [[5, 6], [7, 0]]), { threshold: THRESHOLD });
    assert.ok(big.cells.every((c) => c.count !== null));
    const empty = suppressTable({ dimensions: [{ key: "team", values: ["A"] }, { key: "jaar", values: ["2024", "2025"] }], cells: [] }, { threshold: THRESHOLD });
    assert.ok(empty.cells.every((c) => c.count === 0));
    assert.equal(empty.cells.length, 2 * 3);
  });

  test("deterministic: the same table in another cell order gives the same result", () => {
    const table = grid("team", ["A", "B", "C"], "wijk", ["W1", "W2", "W3"], [
      [3, 8, 8],
      [9, 4, 12],
      [6, 6, 1],
    ]);
    const once = suppressTable(table, { threshold: THRESHOLD });
    const shuffled = suppressTable({ ...table, cells: [...table.cells].reverse() }, { threshold: THRESHOLD });
    assert.deepEqual(shuffled, once);
    // Ties: A·W2 and A·W3 are both 8; the first in table order is taken first.
    assert.deepEqual(suppressTable(table, { threshold: THRESHOLD }), once);
  });

  test("refuses malformed tables and keys", () => {
    const dims = [{ key: "team", values: ["A", "B"] }];
    assert.throws(() => suppressTable({ dimensions: dims, cells: [{ key: ["A"], count: -1 }] }, { threshold: 5 }), RangeError);
    assert.throws(() => suppressTable({ dimensions: dims, cells: [{ key: ["A"], count: 1.5 }] }, { threshold: 5 }), RangeError);
    assert.throws(() => suppressTable({ dimensions: dims, cells: [{ key: ["X"], count: 1 }] }, { threshold: 5 }), RangeError);
    assert.throws(() => suppressTable({ dimensions: dims, cells: [{ key: [TABLE_ALL], count: 1 }] }, { threshold: 5 }), RangeError);
    assert.throws(() => suppressTable({ dimensions: dims, cells: [{ key: ["A"], count: 1 }, { key: ["A"], count: 2 }] }, { threshold: 5 }), RangeError);
    assert.throws(() => suppressTable({ dimensions: [{ key: "team", values: ["A", TABLE_ALL] }], cells: [] }, { threshold: 5 }), RangeError);
    assert.throws(() => suppressTable({ dimensions: [{ key: "team", values: ["A", "A"] }], cells: [] }, { threshold: 5 }), RangeError);
    assert.throws(() => suppressTable({ dimensions: dims, cells: [] }, { threshold: 0 }), RangeError);
    const r = suppressTable({ dimensions: dims, cells: [] }, { threshold: 5 });
    assert.throws(() => isReleased(r, ["C"]), RangeError);
    assert.throws(() => isReleased(r, ["A", "B"]), RangeError);
  });
});

describe("suppressTable: random tables (fast-check, fixed seed)", () => {
  const count = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 6 }));
  const tableArb = fc
    .array(fc.integer({ min: 2, max: 5 }), { minLength: 2, maxLength: 3 })
    .chain((sizes) => {
      const dimensions = sizes.map((m, i) => ({ key: `d${i}`, values: Array.from({ length: m }, (_, v) => `v${v}`) }));
      const keys: string[][] = sizes.reduce<string[][]>((acc, m) => acc.flatMap((k) => Array.from({ length: m }, (_, v) => [...k, `v${v}`])), [[]]);
      return fc.array(count, { minLength: keys.length, maxLength: keys.length }).map((counts): CountTable => ({ dimensions, cells: keys.map((key, i) => ({ key, count: counts[i] as number })) }));
    });

  test("released cells are true, sensitive cells hidden, zeros shown, every line protected", () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const t = indexTable(table);
        const r = suppressTable(table, { threshold: THRESHOLD });
        r.cells.forEach((c, i) => {
          const truth = t.counts[i] as number;
          if (truth > 0 && truth < THRESHOLD) assert.equal(c.count, null, `sensitive cell ${c.key} released`);
          if (truth === 0) assert.equal(c.count, 0, "zero cells are not suppressed");
          if (c.count !== null) assert.equal(c.count, truth);
        });
        for (const line of t.lines) {
          const hidden = line.inner.filter((cell) => r.cells[cell]?.count === null);
          const marginHidden = r.cells[line.margin]?.count === null;
          if (hidden.length === 0 && !marginHidden) continue;
          const hiddenSum = hidden.reduce((s, cell) => s + (t.counts[cell] as number), 0);
          const openNonZero = line.inner.some((cell) => r.cells[cell]?.count !== null && (t.counts[cell] as number) > 0);
          const protectedLine = (hidden.length >= 2 && (marginHidden || hiddenSum >= THRESHOLD)) || (marginHidden && !openNonZero);
          assert.ok(protectedLine, `line along d${line.dimension} at ${r.cells[line.margin]?.key} leaves a hidden cell derivable`);
          // Brute force on the line alone: with the margin shown, a single hidden cell would be
          // margin − released cells.
          if (!marginHidden) assert.notEqual(hidden.length, 1);
        }
      }),
      { seed: 31337, numRuns: 300 },
    );
  });

  test("exact attack over the whole table: no sensitive hidden cell has a single feasible value", () => {
    let attacked = 0;
    fc.assert(
      fc.property(tableArb, (table) => {
        const r = suppressTable(table, { threshold: THRESHOLD });
        const sensitive = sensitiveSuppressed(table, r);
        for (const [cell, range] of attack(table, r, sensitive)) {
          attacked += 1;
          assert.ok(!isPoint(range), `cell ${r.cells[cell]?.key} (true ${indexTable(table).counts[cell]}) is pinned to ${range.min.num}/${range.min.den}`);
        }
      }),
      { seed: 271828, numRuns: 120 },
    );
    assert.ok(attacked > 100, `only ${attacked} sensitive cells were attacked`);
  });
});
