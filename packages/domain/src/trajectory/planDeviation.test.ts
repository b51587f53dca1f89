import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { PlanContent } from "./planContract.ts";
import { missingDeviationReasons, requiredDeviations } from "./planDeviation.ts";
import { COACH, PARENT, uid } from "./testFixtures.ts";

const agreed: PlanContent = {
  startDate: "2024-03-01",
  instrumentKey: "ploeg-9",
  overallGoals: [
    { id: uid(1), description: "Rust", targetDate: "2024-12-31" },
    { id: uid(2), description: "Zonder datum", targetDate: null },
  ],
  participation: [],
  goals: [
    {
      id: uid(10),
      domain: "huisvesting",
      memberIds: [],
      description: "Geen huurachterstand",
      targetDate: "2024-06-30",
      actions: [
        { id: uid(100), description: "Regeling", owner: { kind: "member", memberId: PARENT }, dueDate: "2024-03-15", status: "open", cancelReason: null, interventionId: null },
        { id: uid(101), description: "Budgetbeheer", owner: { kind: "coach", userId: COACH }, dueDate: "2024-04-01", status: "open", cancelReason: null, interventionId: null },
      ],
    },
    { id: uid(11), domain: "inkomen", memberIds: [], description: "Schulden", targetDate: null, actions: [] },
  ],
};

const edit = (f: (p: PlanContent) => void): PlanContent => {
  const p = structuredClone(agreed);
  f(p);
  return p;
};

describe("planmatig werken: deviations from the signed plan", () => {
  test("the same plan, new items, new wording, status changes and a first date are no deviation", () => {
    assert.deepEqual(requiredDeviations(agreed, agreed), []);
    const refined = edit((p) => {
      p.overallGoals[1]!.targetDate = "2024-10-01";
      p.goals[1]!.targetDate = "2024-09-01";
      p.goals[0]!.description = "Huur op tijd betalen";
      p.goals[0]!.actions[0]!.status = "done";
      p.goals[1]!.actions.push({ id: uid(110), description: "Nieuw", owner: { kind: "coach", userId: COACH }, dueDate: "2024-05-01", status: "open", cancelReason: null, interventionId: null });
      p.goals.push({ id: uid(12), domain: "opvoeding", memberIds: [], description: "Nieuw doel", targetDate: "2024-08-01", actions: [] });
    });
    assert.deepEqual(requiredDeviations(agreed, refined), []);
  });

  test("moved or cleared dates and removed items are deviations, each pointing at its field", () => {
    const next = edit((p) => {
      p.overallGoals[0]!.targetDate = null;
      p.goals[0]!.targetDate = "2024-07-31";
      p.goals[0]!.actions[0]!.dueDate = "2024-03-29";
      p.goals[0]!.actions.splice(1, 1);
      p.goals.splice(1, 1);
      p.goals.reverse(); // order alone changes nothing
    });
    assert.deepEqual(
      requiredDeviations(agreed, next).map((d) => [d.entity, d.change, d.before, d.after, d.name]),
      [
        ["overallGoal", "targetDate", "2024-12-31", null, "overallGoals.0.targetDate"],
        ["goal", "targetDate", "2024-06-30", "2024-07-31", "goals.0.targetDate"],
        ["action", "dueDate", "2024-03-15", "2024-03-29", "goals.0.actions.0.dueDate"],
        ["action", "removed", "2024-04-01", null, `deviations.${uid(101)}`],
        ["goal", "removed", null, null, `deviations.${uid(11)}`],
      ],
    );
  });

  test("an action moved to another goal keeps its id; only its date counts", () => {
    const next = edit((p) => {
      const a = p.goals[0]!.actions.pop()!;
      p.goals[1]!.actions.push({ ...a, dueDate: "2024-05-01" });
    });
    assert.deepEqual(requiredDeviations(agreed, next).map((d) => d.name), ["goals.1.actions.0.dueDate"]);
  });

  test("missing reasons become field errors; given reasons clear them; nothing deviates before a signature", () => {
    const next = edit((p) => {
      p.goals[0]!.actions[0]!.dueDate = "2024-03-29";
      p.goals[0]!.targetDate = "2024-07-31";
    });
    const errors = missingDeviationReasons(agreed, next, []);
    assert.deepEqual(errors, [
      { name: "goals.0.targetDate", reason: "changing the target date from 2024-06-30 to 2024-07-31 deviates from the signed plan and needs a reason (planmatig werken)" },
      { name: "goals.0.actions.0.dueDate", reason: "changing the due date from 2024-03-15 to 2024-03-29 deviates from the signed plan and needs a reason (planmatig werken)" },
    ]);
    assert.deepEqual(missingDeviationReasons(agreed, next, [{ id: uid(10), reason: "ziekte" }]).map((e) => e.name), ["goals.0.actions.0.dueDate"]);
    assert.deepEqual(missingDeviationReasons(agreed, next, [{ id: uid(10), reason: "ziekte" }, { id: uid(100), reason: "corporatie met vakantie" }]), []);
    assert.deepEqual(missingDeviationReasons(agreed, next, [{ id: uid(10), reason: "  " }, { id: uid(100), reason: "x" }]).map((e) => e.name), ["goals.0.targetDate"]);
    assert.deepEqual(missingDeviationReasons(null, next, []), []);
  });
});
