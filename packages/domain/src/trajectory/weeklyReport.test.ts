import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { formatIsoWeek } from "./isoWeek.ts";
import { startTrajectory } from "./phases.ts";
import { COACH, move, stateIn } from "./testFixtures.ts";
import { NewWeeklyReport, expectedWeeklyReportWeeks, hasMinorChildren, missingWeeklyReports, validateWeeklyReport, type NewWeeklyReportInput } from "./weeklyReport.ts";

const report = (over: Partial<NewWeeklyReportInput> = {}): NewWeeklyReportInput => ({
  year: 2024,
  week: 10,
  activities: "Huisbezoek; samen naar de corporatie",
  choices: "Eerst de huurachterstand",
  bottlenecks: null,
  childSafety: "Geen zorgen deze week",
  ...over,
});
const ctx = { hasMinorChildren: true, today: "2024-03-15", trajectoryStartedOn: "2024-01-10" };

describe("NewWeeklyReport schema", () => {
  test("accepts a report and trims text", () => {
    const r = NewWeeklyReport.parse(report({ bottlenecks: "  geen  " }));
    assert.equal(r.bottlenecks, "geen");
    assert.equal(NewWeeklyReport.parse(report({ choices: undefined })).choices, null);
  });

  test("week 53 only in long ISO years", () => {
    assert.equal(NewWeeklyReport.safeParse(report({ year: 2020, week: 53 })).success, true);
    const res = NewWeeklyReport.safeParse(report({ year: 2021, week: 53 }));
    assert.ok(!res.success);
    assert.deepEqual(res.error.issues.map((i) => [i.path.join("."), i.message]), [["week", "2021 has no ISO week 53"]]);
    assert.equal(NewWeeklyReport.safeParse(report({ week: 0 })).success, false);
    assert.equal(NewWeeklyReport.safeParse(report({ week: 54 })).success, false);
  });

  test("activities are required", () => {
    const res = NewWeeklyReport.safeParse(report({ activities: "   " }));
    assert.ok(!res.success);
    assert.deepEqual(res.error.issues.map((i) => i.path.join(".")), ["activities"]);
  });
});

describe("validateWeeklyReport", () => {
  test("a child-safety note is required when the family has minor children", () => {
    assert.deepEqual(validateWeeklyReport(NewWeeklyReport.parse(report()), ctx), []);
    assert.deepEqual(validateWeeklyReport(NewWeeklyReport.parse(report({ childSafety: " " })), ctx).map((e) => e.name), ["childSafety"]);
    assert.deepEqual(validateWeeklyReport(NewWeeklyReport.parse(report({ childSafety: null })), { ...ctx, hasMinorChildren: false }), []);
  });

  test("the week must have started and may not lie before the trajectory", () => {
    // 2024-W11 starts Monday 11 March, W12 on 18 March; the trajectory started on 10 January (W02).
    assert.deepEqual(validateWeeklyReport(NewWeeklyReport.parse(report({ week: 11 })), ctx), []);
    assert.deepEqual(validateWeeklyReport(NewWeeklyReport.parse(report({ week: 12 })), ctx).map((e) => e.reason), ["week 2024-W12 has not started yet"]);
    assert.deepEqual(validateWeeklyReport(NewWeeklyReport.parse(report({ week: 2 })), ctx), []);
    assert.deepEqual(validateWeeklyReport(NewWeeklyReport.parse(report({ week: 1 })), ctx).map((e) => e.name), ["week"]);
  });

  test("minor children: role child, under 18 on the date", () => {
    const members = [
      { role: "parent" as const, dateOfBirth: "1985-01-01" },
      { role: "child" as const, dateOfBirth: "2006-03-10" },
    ];
    assert.equal(hasMinorChildren(members, "2024-03-09"), true);
    assert.equal(hasMinorChildren(members, "2024-03-10"), false);
    assert.equal(hasMinorChildren([{ role: "child", dateOfBirth: "2008-02-29" }], "2026-02-27"), true);
    assert.equal(hasMinorChildren([{ role: "child", dateOfBirth: "2008-02-29" }], "2026-02-28"), false);
    assert.equal(hasMinorChildren([{ role: "other", dateOfBirth: "2015-01-01" }], "2024-01-01"), false);
  });
});

describe("which weeks need a weekoverzicht", () => {
  test("weeks of uitvoering and afronding up to last week, not the current one", () => {
    // uitvoering from Friday 2024-03-01 (W09); today Wednesday 2024-03-20 (W12): W09, W10, W11 are due.
    const weeks = expectedWeeklyReportWeeks(stateIn("execution"), "2024-03-20").map(formatIsoWeek);
    assert.deepEqual(weeks, ["2024-W09", "2024-W10", "2024-W11"]);
    assert.deepEqual(expectedWeeklyReportWeeks(stateIn("execution"), "2024-03-03"), []);
    assert.deepEqual(expectedWeeklyReportWeeks(stateIn("execution"), "2024-03-04").map(formatIsoWeek), ["2024-W09"]);
    assert.deepEqual(expectedWeeklyReportWeeks(stateIn("planning"), "2024-06-01"), []);
  });

  test("not during nazorg; again after a re-opening", () => {
    // uitvoering Fri 2024-03-01 (W09) → afronding Thu 2024-08-01 (W31) → nazorg Sun 2024-09-01 (last day of W35)
    // → re-opened Mon 2024-12-30 (2025-W01); today Wed 2025-01-08 (2025-W02).
    const reopened = move(stateIn("aftercare"), "execution", "2024-12-30", "terugval");
    const weeks = expectedWeeklyReportWeeks(reopened, "2025-01-08").map(formatIsoWeek);
    assert.equal(weeks.length, 35 - 9 + 1 + 1);
    assert.deepEqual([weeks[0], ...weeks.slice(-2)], ["2024-W09", "2024-W35", "2025-W01"]);
  });

  test("across a year with week 53", () => {
    let s = startTrajectory({ receivedOn: "2020-10-01", at: "2020-10-01T09:00:00Z", by: COACH });
    s = move(s, "intake", "2020-10-05");
    s = move(s, "planning", "2020-11-02");
    s = move(s, "execution", "2020-12-17"); // Thursday of 2020-W51
    assert.deepEqual(expectedWeeklyReportWeeks(s, "2021-01-12").map(formatIsoWeek), ["2020-W51", "2020-W52", "2020-W53", "2021-W01"]);
  });

  test("missing weeks are the expected weeks without a report", () => {
    const expected = [{ year: 2020, week: 52 }, { year: 2020, week: 53 }, { year: 2021, week: 1 }];
    assert.deepEqual(missingWeeklyReports(expected, [{ year: 2020, week: 52 }, { year: 2021, week: 1 }, { year: 2021, week: 2 }]), [{ year: 2020, week: 53 }]);
  });
});
