import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { FamilyGroupConferenceUpdate, fgcFollowUpDueOn, followUpView, NewFamilyGroupConference, validateFamilyGroupConference } from "./familyGroupConferenceContract.ts";
import { NETWORK, PARENT, uid } from "./testFixtures.ts";

const issues = (input: unknown) => {
  const res = NewFamilyGroupConference.safeParse(input);
  return res.success ? [] : res.error.issues.map((i) => i.path.join("."));
};

describe("Eigen Kracht-conferentie", () => {
  test("follow-ups are due 28 days and three calendar months after the conference", () => {
    assert.equal(fgcFollowUpDueOn("2024-01-31", "fourWeeks"), "2024-02-28");
    assert.equal(fgcFollowUpDueOn("2024-11-30", "threeMonths"), "2025-02-28");
    assert.deepEqual(followUpView("2024-01-31", "fourWeeks", { on: null, note: null }, "2024-02-27"), { dueOn: "2024-02-28", daysUntilDue: 1, status: "upcoming", on: null, note: null });
    assert.equal(followUpView("2024-01-31", "fourWeeks", { on: null, note: null }, "2024-02-28").status, "due");
    assert.equal(followUpView("2024-01-31", "fourWeeks", { on: "2024-02-20", note: "vroeg gebeld" }, "2024-03-30").status, "done");
  });

  test("status rules: called off needs a reason, held needs its date, a plan and calls only after it", () => {
    assert.deepEqual(issues({ status: "called_off" }), ["statusReason"]);
    assert.deepEqual(issues({ status: "held" }), ["heldOn"]);
    assert.deepEqual(issues({ status: "started", heldOn: "2024-03-01" }), ["heldOn"]);
    assert.deepEqual(issues({ status: "discussed", agreements: [{ description: "x", owner: { kind: "member", memberId: PARENT }, dueDate: "2024-03-01" }] }), ["agreements"]);
    assert.deepEqual(issues({ status: "held", heldOn: "2024-03-01", agreements: [{ description: "x", owner: { kind: "member", memberId: PARENT }, dueDate: "2024-02-29" }] }), ["agreements.0.dueDate"]);
    assert.deepEqual(issues({ status: "held", heldOn: "2024-03-01", followUps: { fourWeeks: { note: "gebeld" } } }), ["followUps.fourWeeks.on"]);
    assert.deepEqual(issues({ status: "held", heldOn: "2024-03-01" }), []);
    const update = FamilyGroupConferenceUpdate.safeParse({ status: "called_off", version: 2 });
    assert.ok(!update.success);
    assert.deepEqual(update.error.issues.map((i) => i.path.join(".")), ["statusReason"]);
  });

  test("owners must be of the family; nothing in the future", () => {
    const c = NewFamilyGroupConference.parse({
      status: "held",
      heldOn: "2024-03-01",
      agreements: [
        { description: "Oma haalt de kinderen", owner: { kind: "networkPerson", networkPersonId: NETWORK }, dueDate: "2024-03-08" },
        { description: "Buurman helpt", owner: { kind: "networkPerson", networkPersonId: uid(99) }, dueDate: "2024-03-08" },
        { description: "Moeder belt", owner: { kind: "member", memberId: uid(98) }, dueDate: "2024-03-08" },
      ],
      followUps: { threeMonths: { on: "2024-06-03" } },
    });
    const errors = validateFamilyGroupConference(c, { today: "2024-06-01", memberIds: new Set([PARENT]), networkPersonIds: new Set([NETWORK]) });
    assert.deepEqual(errors.map((e) => e.name), ["agreements.1.owner", "agreements.2.owner", "followUps.threeMonths.on"]);
  });
});
