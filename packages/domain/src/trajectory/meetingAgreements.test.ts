import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { addAgreements, openGoalsAgenda } from "./meetingAgreements.ts";
import { PlanContent } from "./planContract.ts";
import { validatePlanContent } from "./planValidation.ts";
import { PARENT, uid } from "./testFixtures.ts";

const plan = PlanContent.parse({
  startDate: "2024-03-01",
  instrumentKey: "ploeg-9",
  goals: [
    { id: uid(10), domain: "huisvesting", description: "Huur op tijd", actions: [{ id: uid(100), description: "Regeling", owner: { kind: "member", memberId: PARENT }, dueDate: "2024-04-01", status: "done" }] },
    { id: uid(11), domain: "inkomen", description: "Schulden in beeld", actions: [{ id: uid(101), description: "GKB bellen", owner: { kind: "member", memberId: PARENT }, dueDate: "2024-04-01", status: "in_progress" }] },
    { id: uid(12), domain: "opvoeding", description: "Vaste bedtijden" },
  ],
});

describe("MDO agenda and agreements", () => {
  test("the default agenda lists goals with open actions and goals without actions, not finished ones", () => {
    assert.deepEqual(openGoalsAgenda(plan), [
      { goalId: uid(11), text: "Schulden in beeld" },
      { goalId: uid(12), text: "Vaste bedtijden" },
    ]);
    assert.deepEqual(openGoalsAgenda(null), []);
  });

  test("agreements become open actions under their goals; errors point back at the agreement", () => {
    const applied = addAgreements(plan, [
      { id: uid(200), description: "Budgetcursus", goalId: uid(11), owner: { kind: "member", memberId: uid(999) }, dueDate: "2024-02-01" },
      { id: uid(201), description: "Schema maken", goalId: uid(12), owner: { kind: "coach", userId: uid(7) }, dueDate: "2024-05-01" },
      { id: uid(202), description: "Onbekend doel", goalId: uid(13), owner: { kind: "coach", userId: uid(7) }, dueDate: "2024-05-01" },
    ]);
    assert.deepEqual(applied.errors, [{ name: "agreements.2.goalId", reason: "not a goal of the family plan" }]);
    assert.deepEqual(applied.content.goals[1]?.actions.map((a) => [a.id, a.status]), [[uid(101), "in_progress"], [uid(200), "open"]]);
    assert.deepEqual(applied.content.goals[2]?.actions.map((a) => a.id), [uid(201)]);
    const names = validatePlanContent(applied.content, { members: [{ id: PARENT, role: "parent" }], networkPersonIds: [], domainKeys: ["huisvesting", "inkomen", "opvoeding"] })
      .map((e) => applied.agreementPath(e.name));
    assert.deepEqual(names.sort(), ["agreements.0.dueDate", "agreements.0.owner.memberId"]);
    assert.equal(applied.agreementPath("goals.0.actions.0.dueDate"), null);
  });
});
