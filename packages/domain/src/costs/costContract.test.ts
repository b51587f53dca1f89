import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { parseOrganisationSettings } from "../privacy/settings.ts";
import { CostSettingsInput, DEFAULT_HOURLY_RATES, EntryRemoval, NewCostEntry, NewTimeEntry } from "./costContract.ts";
import { COST_LINE_LABELS, COST_LINES, FUNDING_LABELS, FUNDING_SOURCES, isBookingRole, TIME_ACTIVITIES, TIME_ACTIVITY_LABELS } from "./costKinds.ts";
import { validateBookingDay } from "./entryRules.ts";

/** The fields with an error, each once. */
const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (r.success ? [] : [...new Set((r.error?.issues ?? []).map((i) => i.path.join(".")))]);

describe("the lists", () => {
  test("every activity, funding source and cost line has a Dutch and an English label", () => {
    assert.deepEqual(Object.keys(TIME_ACTIVITY_LABELS), [...TIME_ACTIVITIES]);
    assert.deepEqual(Object.keys(FUNDING_LABELS), [...FUNDING_SOURCES]);
    assert.deepEqual(Object.keys(COST_LINE_LABELS), [...COST_LINES]);
    for (const label of [...Object.values(TIME_ACTIVITY_LABELS), ...Object.values(COST_LINE_LABELS)]) {
      assert.ok(label.nl.trim() && label.en.trim());
    }
    assert.equal(COST_LINES[0], "hours");
    assert.deepEqual(FUNDING_SOURCES, ["wmo", "jeugdwet", "participatiewet", "bijzondere_bijstand", "gezinsbudget", "zvw", "wlz", "eigen_middelen", "overig"]);
  });

  test("coach, teamleider and ondersteuning book hours; the other roles do not", () => {
    assert.deepEqual(["coach", "teamleider", "ondersteuning", "ketenpartner", "analist", "onderzoeker", "beheerder"].filter(isBookingRole), ["coach", "teamleider", "ondersteuning"]);
  });
});

describe("NewTimeEntry", () => {
  const ok = { on: "2025-03-04", minutes: 90, activity: "huisbezoek" };
  test("fills the defaults: no trajectory, one's own hours, no note (blank is none)", () => {
    assert.deepEqual(NewTimeEntry.parse(ok), { ...ok, trajectoryId: null, userId: null, note: null });
    assert.equal(NewTimeEntry.parse({ ...ok, note: "   " }).note, null);
    assert.equal(NewTimeEntry.parse({ ...ok, note: " Gesprek met moeder " }).note, "Gesprek met moeder");
  });

  test("minutes: 5 to 1440 in steps of five, whole", () => {
    for (const minutes of [5, 10, 15, 60, 1435, 1440]) assert.equal(NewTimeEntry.safeParse({ ...ok, minutes }).success, true, `${minutes}`);
    for (const minutes of [0, 1, 4, 7, 62, 1445, 2000, -5, 7.5]) assert.deepEqual(paths(NewTimeEntry.safeParse({ ...ok, minutes })), ["minutes"], `${minutes}`);
  });

  test("activity from the list, a real date, ids as UUID", () => {
    assert.deepEqual(paths(NewTimeEntry.safeParse({ ...ok, activity: "koffie" })), ["activity"]);
    assert.deepEqual(paths(NewTimeEntry.safeParse({ ...ok, on: "2025-02-30" })), ["on"]);
    assert.deepEqual(paths(NewTimeEntry.safeParse({ ...ok, trajectoryId: "t-1" })), ["trajectoryId"]);
    assert.deepEqual(paths(NewTimeEntry.safeParse({ ...ok, note: "x".repeat(1001) })), ["note"]);
  });
});

describe("NewCostEntry", () => {
  const ok = { on: "2025-03-04", amountCents: 650000, description: "Houd me vast (groepstraining)", funding: "jeugdwet" };
  test("amount in whole cents, more than zero, at most a million euros", () => {
    assert.equal(NewCostEntry.parse(ok).interventionId, null);
    for (const amountCents of [1, 100_000_000]) assert.equal(NewCostEntry.safeParse({ ...ok, amountCents }).success, true);
    for (const amountCents of [0, -100, 12.5, 100_000_001]) assert.deepEqual(paths(NewCostEntry.safeParse({ ...ok, amountCents })), ["amountCents"], `${amountCents}`);
  });

  test("a description and a funding source from the list", () => {
    assert.deepEqual(paths(NewCostEntry.safeParse({ ...ok, description: "  " })), ["description"]);
    assert.deepEqual(paths(NewCostEntry.safeParse({ ...ok, funding: "awbz" })), ["funding"]);
    for (const funding of FUNDING_SOURCES) assert.equal(NewCostEntry.safeParse({ ...ok, funding }).success, true);
  });

  test("removal needs a reason", () => {
    assert.deepEqual(paths(EntryRemoval.safeParse({ reason: " x " })), ["reason"]);
    assert.equal(EntryRemoval.parse({ reason: " Dubbel geboekt " }).reason, "Dubbel geboekt");
  });
});

describe("validateBookingDay", () => {
  test("not in the future, not before 2000", () => {
    assert.deepEqual(validateBookingDay("2025-03-04", { today: "2025-03-04" }), []);
    assert.deepEqual(validateBookingDay("2025-03-05", { today: "2025-03-04" }).map((e) => e.name), ["on"]);
    assert.deepEqual(validateBookingDay("1999-12-31", { today: "2025-03-04" }).map((e) => e.name), ["on"]);
  });

  test("booked on a trajectory: within its period, ends included", () => {
    const trajectory = { startsOn: "2025-01-10", endsOn: "2025-02-10" };
    assert.deepEqual(validateBookingDay("2025-01-10", { today: "2025-03-04", trajectory }), []);
    assert.deepEqual(validateBookingDay("2025-02-10", { today: "2025-03-04", trajectory }), []);
    assert.match(validateBookingDay("2025-01-09", { today: "2025-03-04", trajectory })[0]?.reason ?? "", /outside the trajectory \(2025-01-10 to 2025-02-10\)/);
    assert.equal(validateBookingDay("2025-02-11", { today: "2025-03-04", trajectory }).length, 1);
    assert.deepEqual(validateBookingDay("2025-03-01", { today: "2025-03-04", trajectory: { startsOn: "2025-01-10", endsOn: null } }), []);
  });
});

describe("hourly rates in the organisation settings", () => {
  test("default until set; a stored rate is kept beside the other settings", () => {
    assert.deepEqual(parseOrganisationSettings({}).costs.hourlyRateCents, DEFAULT_HOURLY_RATES);
    assert.deepEqual(DEFAULT_HOURLY_RATES, { coach: 7500, teamleider: 8500, ondersteuning: 9000 });
    const stored = parseOrganisationSettings({ costs: { hourlyRateCents: { coach: 8000, teamleider: 9000, ondersteuning: 9500 } }, retention: {} });
    assert.equal(stored.costs.hourlyRateCents.coach, 8000);
    assert.ok(stored.security.mfaRequiredRoles.length > 0);
  });

  test("rates are whole cents from 0 to € 1000 an hour", () => {
    assert.equal(CostSettingsInput.safeParse({ hourlyRateCents: { coach: 7500, teamleider: 0, ondersteuning: 100_000 } }).success, true);
    assert.deepEqual(paths(CostSettingsInput.safeParse({ hourlyRateCents: { coach: -1, teamleider: 1, ondersteuning: 1 } })), ["hourlyRateCents.coach"]);
    assert.deepEqual(paths(CostSettingsInput.safeParse({ hourlyRateCents: { coach: 1, teamleider: 75.5, ondersteuning: 1 } })), ["hourlyRateCents.teamleider"]);
    assert.deepEqual(paths(CostSettingsInput.safeParse({ hourlyRateCents: { coach: 1, teamleider: 1 } })), ["hourlyRateCents.ondersteuning"]);
  });
});
