import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { effectiveActions, isOpenStatus, validateActionProgress, withEffectiveStatuses, type ActionProgress } from "./actionProgress.ts";
import type { PlanContent } from "./planContract.ts";
import { COACH, PARENT, uid } from "./testFixtures.ts";

const plan: PlanContent = {
  startDate: "2024-03-01",
  instrumentKey: "ploeg-9",
  overallGoals: [],
  participation: [],
  goals: [
    {
      id: uid(10),
      domain: "huisvesting",
      memberIds: [],
      description: "Huur",
      targetDate: null,
      actions: [
        { id: uid(100), description: "Regeling", owner: { kind: "member", memberId: PARENT }, dueDate: "2024-03-15", status: "open", cancelReason: null, interventionId: null },
        { id: uid(101), description: "Budgetbeheer", owner: { kind: "coach", userId: COACH }, dueDate: "2024-04-01", status: "in_progress", cancelReason: null, interventionId: null },
      ],
    },
  ],
};
const progress = (actionId: string, status: ActionProgress["status"], on: string, cancelReason: string | null = null): ActionProgress => ({ actionId, status, cancelReason, on, by: COACH });

describe("action progress beside the signed plan", () => {
  test("the latest entry per action wins (by date, then order); others keep the version's status", () => {
    const log = [progress(uid(100), "in_progress", "2024-03-05"), progress(uid(100), "done", "2024-03-10"), progress(uid(100), "in_progress", "2024-03-07")];
    assert.deepEqual(
      effectiveActions(plan, log).map((a) => [a.actionId, a.status]),
      [
        [uid(100), "done"],
        [uid(101), "in_progress"],
      ],
    );
    const sameDay = [progress(uid(101), "done", "2024-03-10"), progress(uid(101), "cancelled", "2024-03-10", "dubbel")];
    assert.deepEqual(effectiveActions(plan, sameDay)[1], { goalId: uid(10), actionId: uid(101), dueDate: "2024-04-01", status: "cancelled", cancelReason: "dubbel" });
  });

  test("entries from before a newer version's date are ignored", () => {
    assert.equal(effectiveActions(plan, [progress(uid(100), "done", "2024-02-28")], "2024-03-01")[0]?.status, "open");
  });

  test("a new version starts from the effective statuses", () => {
    const next = withEffectiveStatuses(plan, [progress(uid(101), "cancelled", "2024-03-20", "budgetbeheer niet nodig")]);
    assert.deepEqual(next.goals[0]?.actions.map((a) => [a.status, a.cancelReason]), [["open", null], ["cancelled", "budgetbeheer niet nodig"]]);
    assert.equal(plan.goals[0]?.actions[1]?.status, "in_progress", "the signed content is not touched");
  });

  test("validation: the action must be in the plan; vervallen needs a reason", () => {
    assert.deepEqual(validateActionProgress(progress(uid(100), "done", "2024-03-10"), plan), []);
    assert.deepEqual(validateActionProgress(progress(uid(999), "cancelled", "2024-03-10", " "), plan).map((e) => e.name), ["actionId", "cancelReason"]);
  });

  test("open work is open or in progress", () => {
    assert.deepEqual((["open", "in_progress", "done", "cancelled"] as const).map(isOpenStatus), [true, true, false, false]);
  });
});
