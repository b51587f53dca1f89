import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { addDays, addMonths, dayNumber, daysBetween, fromDayNumber, isIsoDay, isLeapYear, isoWeekday, parseIsoDay } from "./calendar.ts";

describe("calendar dates", () => {
  test("parses only real dates as YYYY-MM-DD", () => {
    assert.deepEqual(parseIsoDay("2024-02-29"), { year: 2024, month: 2, day: 29 });
    for (const bad of ["2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-1-05", "24-01-05", "2024-01-05T00:00", ""]) {
      assert.equal(isIsoDay(bad), false, bad);
    }
    assert.equal(isIsoDay("2000-02-29"), true);
  });

  test("leap years: every 4, not every 100, every 400", () => {
    assert.deepEqual([1900, 2000, 2023, 2024, 2100].map(isLeapYear), [false, true, false, true, false]);
  });

  test("adds days across month, leap-day and year ends", () => {
    assert.equal(addDays("2024-02-15", 14), "2024-02-29");
    assert.equal(addDays("2023-02-15", 14), "2023-03-01");
    assert.equal(addDays("2024-12-25", 14), "2025-01-08");
    assert.equal(addDays("2024-12-31", 1), "2025-01-01");
    assert.equal(addDays("2025-01-01", -1), "2024-12-31");
    assert.equal(addDays("2024-03-30", 1), "2024-03-31"); // the night clocks change in the Netherlands
  });

  test("counts days between dates", () => {
    assert.equal(daysBetween("2024-01-01", "2025-01-01"), 366);
    assert.equal(daysBetween("2023-01-01", "2024-01-01"), 365);
    assert.equal(daysBetween("2024-03-10", "2024-03-01"), -9);
    assert.equal(dayNumber("1970-01-01"), 0);
    assert.equal(fromDayNumber(-1), "1969-12-31");
    assert.equal(addDays("0050-03-01", -1), "0050-02-28");
  });

  test("adds calendar months, clamping to the month's last day", () => {
    assert.equal(addMonths("2024-01-15", 6), "2024-07-15");
    assert.equal(addMonths("2024-08-31", 6), "2025-02-28");
    assert.equal(addMonths("2023-08-31", 6), "2024-02-29");
    assert.equal(addMonths("2024-07-01", 6), "2025-01-01");
    assert.equal(addMonths("2024-12-31", 2), "2025-02-28");
    assert.equal(addMonths("2024-03-31", -1), "2024-02-29");
  });

  test("ISO weekdays: Monday 1 … Sunday 7", () => {
    assert.equal(isoWeekday("2024-01-01"), 1);
    assert.equal(isoWeekday("2023-01-01"), 7);
    assert.equal(isoWeekday("1970-01-01"), 4);
  });

  test("day numbers round-trip and agree with addDays", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), fc.integer({ min: -1000, max: 1000 }), (n, k) => {
        const d = fromDayNumber(n);
        assert.equal(isIsoDay(d), true);
        assert.equal(dayNumber(d), n);
        assert.equal(daysBetween(d, addDays(d, k)), k);
      }),
    );
  });
});
