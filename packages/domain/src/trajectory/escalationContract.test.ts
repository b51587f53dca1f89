import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { organisationKey } from "./escalationContract.ts";
import { leverageActive, NewLeverage } from "./leverageContract.ts";

describe("covenant matching and the dwang en drang register", () => {
  test("organisation names match regardless of case, accents and spacing", () => {
    assert.equal(organisationKey("  Stichting   Élker "), organisationKey("stichting elker"));
    assert.notEqual(organisationKey("MJD"), organisationKey("MJD Groningen"));
  });

  test("a leverage ends on or after its start, and is in force from start to end inclusive", () => {
    const res = NewLeverage.safeParse({ lever: "leerplicht", kind: "drang", party: "Leerplicht", condition: "Naar school", startsOn: "2024-03-01", endsOn: "2024-02-29" });
    assert.ok(!res.success);
    assert.deepEqual(res.error.issues.map((i) => i.path.join(".")), ["endsOn"]);
    const l = { startsOn: "2024-03-01", endsOn: "2024-03-31" };
    assert.deepEqual(["2024-02-29", "2024-03-01", "2024-03-31", "2024-04-01"].map((d) => leverageActive(l, d)), [false, true, true, false]);
    assert.equal(leverageActive({ startsOn: "2024-03-01", endsOn: null }, "2030-01-01"), true);
  });
});
