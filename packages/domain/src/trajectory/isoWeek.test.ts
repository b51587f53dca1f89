import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { addDays, fromDayNumber } from "./calendar.ts";
import { addIsoWeeks, compareIsoWeeks, formatIsoWeek, isValidIsoWeek, isoWeekEnd, isoWeekOf, isoWeekStart, isoWeeksBetween, parseIsoWeek, weeksInIsoYear } from "./isoWeek.ts";

describe("ISO weeks", () => {
  test("year ends: days that belong to the neighbouring ISO year", () => {
    assert.deepEqual(isoWeekOf("2021-01-03"), { year: 2020, week: 53 });
    assert.deepEqual(isoWeekOf("2021-01-04"), { year: 2021, week: 1 });
    assert.deepEqual(isoWeekOf("2020-12-31"), { year: 2020, week: 53 });
    assert.deepEqual(isoWeekOf("2024-12-30"), { year: 2025, week: 1 });
    assert.deepEqual(isoWeekOf("2027-01-01"), { year: 2026, week: 53 });
    assert.deepEqual(isoWeekOf("2022-01-02"), { year: 2021, week: 52 });
    assert.deepEqual(isoWeekOf("2019-12-30"), { year: 2020, week: 1 });
  });

  test("53-week years start on a Thursday, or are leap years starting on a Wednesday (1992)", () => {
    for (const y of [2004, 2009, 2015, 2020, 2026, 2032]) assert.equal(weeksInIsoYear(y), 53, String(y));
    for (const y of [2019, 2021, 2023, 2024, 2025]) assert.equal(weeksInIsoYear(y), 52, String(y));
    // 1992 is a leap year that starts on a Wednesday: 53 weeks.
    assert.equal(weeksInIsoYear(1992), 53);
  });

  test("week 53 only exists in long years", () => {
    assert.equal(isValidIsoWeek({ year: 2020, week: 53 }), true);
    assert.equal(isValidIsoWeek({ year: 2021, week: 53 }), false);
    assert.equal(isValidIsoWeek({ year: 2021, week: 0 }), false);
    assert.equal(parseIsoWeek("2020-W53")?.week, 53);
    assert.equal(parseIsoWeek("2021-W53"), null);
    assert.deepEqual(parseIsoWeek("2026W05"), { year: 2026, week: 5 });
    assert.equal(formatIsoWeek({ year: 2026, week: 5 }), "2026-W05");
  });

  test("start and end of a week", () => {
    assert.equal(isoWeekStart({ year: 2020, week: 53 }), "2020-12-28");
    assert.equal(isoWeekEnd({ year: 2020, week: 53 }), "2021-01-03");
    assert.equal(isoWeekStart({ year: 2025, week: 1 }), "2024-12-30");
    assert.equal(isoWeekStart({ year: 2026, week: 1 }), "2025-12-29");
  });

  test("adds weeks across a 53-week year", () => {
    assert.deepEqual(addIsoWeeks({ year: 2020, week: 52 }, 1), { year: 2020, week: 53 });
    assert.deepEqual(addIsoWeeks({ year: 2020, week: 53 }, 1), { year: 2021, week: 1 });
    assert.deepEqual(addIsoWeeks({ year: 2021, week: 52 }, 1), { year: 2022, week: 1 });
    assert.deepEqual(addIsoWeeks({ year: 2021, week: 1 }, -1), { year: 2020, week: 53 });
  });

  test("weeks between two dates include partial weeks at both ends", () => {
    assert.deepEqual(isoWeeksBetween("2020-12-24", "2021-01-05").map(formatIsoWeek), ["2020-W52", "2020-W53", "2021-W01"]);
    assert.deepEqual(isoWeeksBetween("2024-01-07", "2024-01-08").map(formatIsoWeek), ["2024-W01", "2024-W02"]);
    assert.deepEqual(isoWeeksBetween("2024-01-08", "2024-01-07"), []);
  });

  test("every day lies within its week; consecutive weeks follow each other", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (n) => {
        const d = fromDayNumber(n);
        const w = isoWeekOf(d);
        assert.equal(isValidIsoWeek(w), true);
        assert.ok(isoWeekStart(w) <= d && d <= isoWeekEnd(w));
        const next = isoWeekOf(addDays(isoWeekStart(w), 7));
        assert.ok(compareIsoWeeks(next, w) > 0);
        assert.deepEqual(addIsoWeeks(next, -1), w);
      }),
    );
  });
});
