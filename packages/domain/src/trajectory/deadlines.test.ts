import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { daysInPhase, deadlineStatus, goNoGoDeadline, intakeDeadline, minimumEndDate, planSignatureDeadline, plannedEndDate, trajectoryStartedOn, validateEropafDecision, validateExtension, type EropafDecision, type ExtensionDecision } from "./deadlines.ts";
import { COACH, PATH_DATES, stateIn } from "./testFixtures.ts";

const eropaf = (over: Partial<EropafDecision> = {}): EropafDecision => ({ decidedOn: "2024-02-05", by: COACH, reason: "zorgmijdend gezin, deur blijft dicht", revisedDeadline: null, ...over });
const extension = (over: Partial<ExtensionDecision> = {}): ExtensionDecision => ({
  decidedOn: "2024-07-01",
  by: COACH,
  reason: "schulden nog niet geregeld, wel perspectief",
  newEndDate: "2024-10-10",
  insufficientlySelfReliant: true,
  improvementStillPossible: true,
  ...over,
});

describe("go/no-go: two weeks after receipt", () => {
  test("hand-computed dates across a leap February and a year end", () => {
    assert.equal(goNoGoDeadline("2024-02-20"), "2024-03-05"); // 9 days to 29 Feb, 5 more
    assert.equal(goNoGoDeadline("2023-02-20"), "2023-03-06");
    assert.equal(goNoGoDeadline("2024-12-25"), "2025-01-08");
    assert.equal(goNoGoDeadline("2024-03-25"), "2024-04-08"); // over the change to summer time
  });
});

describe("informatiefase: four weeks, relaxed by the Eropaf route", () => {
  test("four weeks from the go", () => {
    assert.deepEqual(intakeDeadline("2024-02-01"), { deadline: "2024-02-29", eropaf: null });
    assert.equal(intakeDeadline("2023-02-01").deadline, "2023-03-01");
    assert.equal(intakeDeadline("2024-12-10").deadline, "2025-01-07");
  });

  test("Eropaf moves the deadline to eight weeks, or to the date the team sets; the latest decision counts", () => {
    assert.equal(intakeDeadline("2024-02-01", [eropaf()]).deadline, "2024-03-28");
    assert.equal(intakeDeadline("2024-02-01", [eropaf({ revisedDeadline: "2024-04-15" })]).deadline, "2024-04-15");
    const decisions = [eropaf({ decidedOn: "2024-02-20", revisedDeadline: "2024-05-01" }), eropaf({ decidedOn: "2024-02-05", revisedDeadline: "2024-04-15" })];
    assert.equal(intakeDeadline("2024-02-01", decisions).deadline, "2024-05-01");
    assert.equal(intakeDeadline("2024-02-01", decisions).eropaf?.decidedOn, "2024-02-20");
  });

  test("an Eropaf date must lie after the standard deadline", () => {
    assert.deepEqual(validateEropafDecision(eropaf({ revisedDeadline: "2024-02-29" }), "2024-02-01").map((e) => e.name), ["revisedDeadline"]);
    assert.deepEqual(validateEropafDecision(eropaf({ revisedDeadline: "2024-03-01" }), "2024-02-01"), []);
    assert.deepEqual(validateEropafDecision(eropaf(), "2024-02-01"), []);
  });
});

describe("plan signature: four weeks into the planning phase", () => {
  test("hand-computed", () => {
    assert.equal(planSignatureDeadline("2024-02-07"), "2024-03-06");
    assert.equal(planSignatureDeadline("2024-12-20"), "2025-01-17");
  });
});

describe("minimum duration: half a year from the go, and extensions", () => {
  test("the trajectory starts at the go", () => {
    assert.equal(trajectoryStartedOn(stateIn("referral")), null);
    assert.equal(trajectoryStartedOn(stateIn("aftercare")), PATH_DATES.intake);
  });

  test("six calendar months, clamped at month ends and leap days", () => {
    assert.equal(minimumEndDate("2024-01-10"), "2024-07-10");
    assert.equal(minimumEndDate("2024-08-31"), "2025-02-28");
    assert.equal(minimumEndDate("2023-08-31"), "2024-02-29");
    assert.equal(minimumEndDate("2024-02-29"), "2024-08-29");
    assert.equal(minimumEndDate("2024-07-15"), "2025-01-15");
  });

  test("the planned end is the latest extension's date, else the minimum", () => {
    assert.equal(plannedEndDate("2024-01-10"), "2024-07-10");
    assert.equal(plannedEndDate("2024-01-10", [extension()]), "2024-10-10");
    assert.equal(plannedEndDate("2024-01-10", [extension({ decidedOn: "2024-10-01", newEndDate: "2025-01-10" }), extension()]), "2025-01-10");
  });

  test("an extension needs both of the method's conditions and a later end date", () => {
    assert.deepEqual(validateExtension(extension(), "2024-07-10"), []);
    assert.deepEqual(
      validateExtension(extension({ insufficientlySelfReliant: false, improvementStillPossible: false, newEndDate: "2024-07-10" }), "2024-07-10").map((e) => e.name),
      ["insufficientlySelfReliant", "improvementStillPossible", "newEndDate"],
    );
  });
});

describe("deadline status and days in phase", () => {
  test("0 days left on the deadline itself; overdue from the next day", () => {
    assert.deepEqual(deadlineStatus("2024-03-05", "2024-02-28"), { deadline: "2024-03-05", daysRemaining: 6, overdue: false, daysOverdue: 0 });
    assert.deepEqual(deadlineStatus("2024-03-05", "2024-03-05"), { deadline: "2024-03-05", daysRemaining: 0, overdue: false, daysOverdue: 0 });
    assert.deepEqual(deadlineStatus("2024-03-05", "2024-03-06"), { deadline: "2024-03-05", daysRemaining: -1, overdue: true, daysOverdue: 1 });
    assert.deepEqual(deadlineStatus("2024-12-31", "2025-01-02"), { deadline: "2024-12-31", daysRemaining: -2, overdue: true, daysOverdue: 2 });
  });

  test("days in the current phase", () => {
    assert.equal(daysInPhase(stateIn("planning"), "2024-02-07"), 0);
    assert.equal(daysInPhase(stateIn("planning"), "2024-03-01"), 23);
    assert.equal(daysInPhase(stateIn("referral"), "2024-01-15"), 14);
  });
});
