import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { familyRetention, isExpired, requestRetention, retentionExpiresOn, type TrajectoryRetentionFacts } from "./retention.ts";
import { DEFAULT_RETENTION, defaultRetentionSettings, RetentionSettings } from "./retentionPolicy.ts";
import { parseOrganisationSettings } from "./settings.ts";

const policy = defaultRetentionSettings();
const closed = (phaseSince: string, started = true): TrajectoryRetentionFacts => ({ phase: "closed", phaseSince, started });
const family = (...trajectories: TrajectoryRetentionFacts[]) => ({ trajectories, openRequests: 0, pseudonymised: false });

describe("retention policy settings", () => {
  test("defaults: family file 20 years then pseudonymised, no-go 2 years purged, AVG request 5 years purged, quick referral without a file 2 years purged", () => {
    assert.deepEqual(policy, {
      family_file: { months: 240, action: "pseudonymise" },
      no_go_referral: { months: 24, action: "purge" },
      privacy_request: { months: 60, action: "purge" },
      quick_referral: { months: 24, action: "purge" },
    });
    assert.deepEqual(policy, DEFAULT_RETENTION);
  });

  test("stored settings: a missing record type takes its default, one changed type stays changed", () => {
    const s = parseOrganisationSettings({ security: { mfaRequiredRoles: [] }, retention: { no_go_referral: { months: 12, action: "pseudonymise" } } });
    assert.deepEqual(s.retention.no_go_referral, { months: 12, action: "pseudonymise" });
    assert.deepEqual(s.retention.family_file, DEFAULT_RETENTION.family_file);
    assert.deepEqual(parseOrganisationSettings({}).retention, DEFAULT_RETENTION);
    assert.deepEqual(parseOrganisationSettings(null).retention, DEFAULT_RETENTION);
  });

  test("a period of 0 months, more than 1,200 months, a fraction or an unknown action is refused", () => {
    for (const rule of [{ months: 0, action: "purge" }, { months: 1201, action: "purge" }, { months: 1.5, action: "purge" }, { months: 12, action: "archive" }]) {
      assert.equal(RetentionSettings.safeParse({ family_file: rule }).success, false, JSON.stringify(rule));
    }
  });
});

describe("expiry: the period runs from the day of closing", () => {
  test("the day before expiry is kept, the day itself and after are expired", () => {
    assert.equal(retentionExpiresOn("2005-06-30", 240), "2025-06-30");
    assert.equal(isExpired("2005-06-30", 240, "2025-06-29"), false);
    assert.equal(isExpired("2005-06-30", 240, "2025-06-30"), true);
    assert.equal(isExpired("2005-06-30", 240, "2025-07-01"), true);
  });

  test("month ends and leap days: a day that does not exist becomes the month's last day", () => {
    assert.equal(retentionExpiresOn("2024-02-29", 12), "2025-02-28");
    assert.equal(retentionExpiresOn("2024-02-29", 48), "2028-02-29");
    assert.equal(retentionExpiresOn("2023-08-31", 6), "2024-02-29");
    assert.equal(retentionExpiresOn("2024-01-31", 1), "2024-02-29");
    assert.equal(isExpired("2024-02-29", 12, "2025-02-27"), false);
    assert.equal(isExpired("2024-02-29", 12, "2025-02-28"), true);
  });

  test("across a year end", () => {
    assert.equal(retentionExpiresOn("2023-12-31", 24), "2025-12-31");
    assert.equal(isExpired("2023-12-31", 24, "2025-12-30"), false);
    assert.equal(isExpired("2023-12-31", 24, "2026-01-01"), true);
  });
});

describe("a family's verdict", () => {
  test("a closed family file: kept the day before, expired on and after the day, with the policy's action", () => {
    const f = family(closed("2005-06-30"));
    assert.deepEqual(familyRetention(f, policy, "2025-06-29"), { status: "kept", recordType: "family_file", lastClosedOn: "2005-06-30", expiresOn: "2025-06-30" });
    assert.deepEqual(familyRetention(f, policy, "2025-06-30"), { status: "expired", recordType: "family_file", lastClosedOn: "2005-06-30", expiresOn: "2025-06-30", action: "pseudonymise" });
    assert.equal(familyRetention(f, policy, "2025-07-01").status, "expired");
  });

  test("a no-go referral has the shorter period and is purged", () => {
    const f = family(closed("2023-06-30", false));
    assert.deepEqual(familyRetention(f, policy, "2025-06-29"), { status: "kept", recordType: "no_go_referral", lastClosedOn: "2023-06-30", expiresOn: "2025-06-30" });
    assert.deepEqual(familyRetention(f, policy, "2025-06-30"), { status: "expired", recordType: "no_go_referral", lastClosedOn: "2023-06-30", expiresOn: "2025-06-30", action: "purge" });
  });

  test("an open family is never touched, however old its earlier trajectories are", () => {
    for (const phase of ["referral", "intake", "planning", "execution", "closing", "aftercare"] as const) {
      const f = family(closed("1990-01-01"), { phase, phaseSince: "1991-01-01", started: true });
      assert.deepEqual(familyRetention(f, policy, "2030-01-01"), { status: "open" }, phase);
    }
  });

  test("a family without a trajectory has no closing day and is never touched", () => {
    assert.deepEqual(familyRetention(family(), policy, "2100-01-01"), { status: "no_trajectory" });
  });

  test("the period counts from the LAST closing, whatever the order of the trajectories", () => {
    const f = family(closed("2010-03-01"), closed("2001-01-01"));
    assert.deepEqual(familyRetention(f, policy, "2030-02-28"), { status: "kept", recordType: "family_file", lastClosedOn: "2010-03-01", expiresOn: "2030-03-01" });
    assert.equal(familyRetention(f, policy, "2030-03-01").status, "expired");
  });

  test("one trajectory that started makes it a family file, even when a later referral was a no-go", () => {
    const f = family(closed("2000-01-01", true), closed("2020-05-05", false));
    const v = familyRetention(f, policy, "2023-01-01");
    assert.equal(v.status, "kept");
    assert.equal(v.status === "kept" ? v.recordType : null, "family_file");
    assert.equal(v.status === "kept" ? v.expiresOn : null, "2040-05-05");
  });

  test("only no-go's: several no-go referrals count from the last one", () => {
    const f = family(closed("2020-01-10", false), closed("2021-02-03", false));
    assert.equal(familyRetention(f, policy, "2023-02-02").status, "kept");
    assert.equal(familyRetention(f, policy, "2023-02-03").status, "expired");
  });

  test("an open AVG request holds an expired family; it does not hold a family that is not yet expired", () => {
    const held = { trajectories: [closed("2000-01-01")], openRequests: 1, pseudonymised: false };
    assert.deepEqual(familyRetention(held, policy, "2025-01-01"), { status: "held", recordType: "family_file", lastClosedOn: "2000-01-01", expiresOn: "2020-01-01" });
    const notYet = { trajectories: [closed("2020-01-01")], openRequests: 2, pseudonymised: false };
    assert.equal(familyRetention(notYet, policy, "2025-01-01").status, "kept");
  });

  test("a family pseudonymised by an earlier run is left alone, unless the policy now says purge", () => {
    const done = { ...family(closed("2000-01-01")), pseudonymised: true };
    assert.deepEqual(familyRetention(done, policy, "2025-01-01"), { status: "pseudonymised", recordType: "family_file", lastClosedOn: "2000-01-01", expiresOn: "2020-01-01" });
    const purge = RetentionSettings.parse({ family_file: { months: 240, action: "purge" } });
    assert.equal(familyRetention(done, purge, "2025-01-01").status, "expired");
  });

  test("the organisation's own policy: periods and actions per record type", () => {
    const own = RetentionSettings.parse({ family_file: { months: 180, action: "purge" }, no_go_referral: { months: 6, action: "pseudonymise" } });
    assert.deepEqual(familyRetention(family(closed("2010-01-01")), own, "2025-01-01"), { status: "expired", recordType: "family_file", lastClosedOn: "2010-01-01", expiresOn: "2025-01-01", action: "purge" });
    assert.deepEqual(familyRetention(family(closed("2024-07-01", false)), own, "2025-01-01"), { status: "expired", recordType: "no_go_referral", lastClosedOn: "2024-07-01", expiresOn: "2025-01-01", action: "pseudonymise" });
  });

  test("today must be a calendar date", () => {
    assert.throws(() => familyRetention(family(closed("2000-01-01")), policy, "2025-13-01"), RangeError);
    assert.throws(() => familyRetention(family(), policy, "gisteren"), RangeError);
  });
});

describe("an AVG request's verdict", () => {
  test("an open request is never touched", () => {
    assert.deepEqual(requestRetention({ status: "open", decidedOn: null }, policy, "2100-01-01"), { status: "open" });
  });

  test("a decided request: five years after the decision, day before / on / after", () => {
    for (const status of ["granted", "refused"] as const) {
      const r = { status, decidedOn: "2020-03-15" };
      assert.deepEqual(requestRetention(r, policy, "2025-03-14"), { status: "kept", expiresOn: "2025-03-15" });
      assert.deepEqual(requestRetention(r, policy, "2025-03-15"), { status: "expired", expiresOn: "2025-03-15", action: "purge" });
      assert.equal(requestRetention(r, policy, "2025-03-16").status, "expired");
    }
  });
});
