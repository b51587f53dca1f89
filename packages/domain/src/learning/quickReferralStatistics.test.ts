import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { monthMinus, monthsFromTo, quickReferralStatistics } from "./quickReferralStatistics.ts";

describe("quick referral counts per month, channel and status", () => {
  test("months from–to, across a year end; none when reversed", () => {
    assert.deepEqual(monthsFromTo("2025-11", "2026-02"), ["2025-11", "2025-12", "2026-01", "2026-02"]);
    assert.deepEqual(monthsFromTo("2026-03", "2026-03"), ["2026-03"]);
    assert.deepEqual(monthsFromTo("2026-04", "2026-03"), []);
    assert.equal(monthMinus("2026-02", 3), "2025-11");
    assert.equal(monthMinus("2026-01", 12), "2025-01");
    assert.throws(() => monthsFromTo("2026-13", "2026-12"), RangeError);
  });

  test("every cell of the period is there: 0 shown, 1–4 hidden, 5 and more shown", () => {
    const stats = quickReferralStatistics(
      [
        { month: "2026-01", channel: "klantwijzer", status: "sent", count: 5 },
        { month: "2026-01", channel: "klantwijzer", status: "completed", count: 4 },
        { month: "2026-01", channel: "welzijn_op_recept", status: "picked_up", count: 1 },
        { month: "2026-02", channel: "other", status: "declined", count: 12 },
      ],
      "2026-01",
      "2026-02",
    );
    assert.equal(stats.minimumCount, 5);
    assert.equal(stats.cells.length, 2 * 3 * 4);
    const cell = (month: string, channel: string, status: string) => stats.cells.find((c) => c.month === month && c.channel === channel && c.status === status)?.count;
    assert.equal(cell("2026-01", "klantwijzer", "sent"), 5);
    assert.equal(cell("2026-01", "klantwijzer", "completed"), null);
    assert.equal(cell("2026-01", "welzijn_op_recept", "picked_up"), null);
    assert.equal(cell("2026-01", "other", "sent"), 0);
    assert.equal(cell("2026-02", "other", "declined"), 12);
  });

  test("no shown number is under the minimum, whatever the input", () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const rows = [1, 2, 3, 4, 5, 6].map((i) => ({ month: "2026-05", channel: ["klantwijzer", "welzijn_op_recept", "other"][i % 3] ?? "other", status: ["sent", "picked_up", "completed", "declined"][(seed + i) % 4] ?? "sent", count: (seed * i) % 9 }));
      for (const c of quickReferralStatistics(rows, "2026-05", "2026-05").cells) assert.ok(c.count === null || c.count === 0 || c.count >= 5, JSON.stringify(c));
    }
  });

  test("rows outside the period or with unknown values are left out; rows of one cell add up", () => {
    const stats = quickReferralStatistics(
      [
        { month: "2025-12", channel: "klantwijzer", status: "sent", count: 30 },
        { month: "2026-01", channel: "poli", status: "sent", count: 30 },
        { month: "2026-01", channel: "klantwijzer", status: "archived", count: 30 },
        { month: "2026-01", channel: "klantwijzer", status: "sent", count: 3 },
        { month: "2026-01", channel: "klantwijzer", status: "sent", count: 3 },
      ],
      "2026-01",
      "2026-01",
    );
    assert.deepEqual(stats.cells.filter((c) => c.count !== 0), [{ month: "2026-01", channel: "klantwijzer", status: "sent", count: 6 }]);
  });
});
