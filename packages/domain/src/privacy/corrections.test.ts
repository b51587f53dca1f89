import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CORRECTED_MEMBER_FIELDS, fieldChanges, historyValue, maskBsn } from "./corrections.ts";
import { addToReport, emptyRetentionReport, RetentionReport } from "./retentionReport.ts";
import { defaultRetentionSettings } from "./retentionPolicy.ts";

describe("correction history", () => {
  const before = { givenName: "Anais", surname: "de Vries", role: "parent", dateOfBirth: "1988-04-12", bsn: "111222333" };

  test("only fields in the patch that really change", () => {
    assert.deepEqual(fieldChanges(before, { givenName: "Anaïs", surname: "de Vries" }, CORRECTED_MEMBER_FIELDS), [{ field: "givenName", before: "Anais", after: "Anaïs" }]);
    assert.deepEqual(fieldChanges(before, {}, CORRECTED_MEMBER_FIELDS), []);
    assert.deepEqual(fieldChanges(before, { givenName: undefined }, CORRECTED_MEMBER_FIELDS), []);
  });

  test("emptying a value is a change to null; fields outside the list are ignored", () => {
    assert.deepEqual(fieldChanges(before, { bsn: null, version: 3 }, CORRECTED_MEMBER_FIELDS), [{ field: "bsn", before: "111222333", after: null }]);
    assert.deepEqual(fieldChanges({ street: null }, { street: "Korreweg" }, ["street"]), [{ field: "street", before: null, after: "Korreweg" }]);
  });

  test("a BSN is kept masked in the history: the last three digits", () => {
    assert.equal(maskBsn("111222333"), "••••••333");
    assert.equal(maskBsn(null), null);
    assert.equal(historyValue("bsn", "111222333"), "••••••333");
    assert.equal(historyValue("surname", "de Vries"), "de Vries");
  });
});

describe("retention report", () => {
  test("counts per record type and action, rows summed per table, in a stable order", () => {
    let r = emptyRetentionReport("2025-06-30", false, defaultRetentionSettings());
    r = addToReport(r, "no_go_referral", "purge", { families: 1, trajectories: 1, members: 2 });
    r = addToReport(r, "family_file", "pseudonymise", { members: 3, families: 1, weekly_reports: 0 });
    r = addToReport(r, "family_file", "pseudonymise", { members: 2, families: 1 });
    assert.deepEqual(r.actions, [
      { recordType: "family_file", action: "pseudonymise", records: 2, rows: { families: 2, members: 5 } },
      { recordType: "no_go_referral", action: "purge", records: 1, rows: { families: 1, members: 2, trajectories: 1 } },
    ]);
    assert.equal(RetentionReport.safeParse(r).success, true);
  });
});
