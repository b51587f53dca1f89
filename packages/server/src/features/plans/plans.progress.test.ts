import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { ActionProgressRecorded, PlanOverview, PlanVersionDetail } from "@ploegwerk/domain";
import type { Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem } from "../../testing/api.ts";
import { createTestOrganisation } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { familyTrajectory, inDays, planContent, saveBody } from "./plans.fixtures.ts";

describe(`progress on the plan in force (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  test("bezig → gedaan on the signed plan without a new version; vervallen needs a reason; open actions show it; audited", async (t) => {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const app = await appFor(t, database.db);
    const http = await loginAs(app, coach.email);
    const { url, trajectory } = await familyTrajectory(database.db, coach.actor, "execution");
    const before = bodyOf(await http.get(`${url}/plan`), 200, PlanOverview);
    const open = before.openActions[0];
    assert.ok(open);
    assert.deepEqual([before.openActions.length, open.status], [1, "open"]);
    const progress = (body: Record<string, unknown>, actionId = open.actionId) => http.post(`${url}/plan/actions/${actionId}/progress`, body);

    const busy = bodyOf(await progress({ status: "in_progress" }), 201, ActionProgressRecorded);
    assert.deepEqual([busy.action.status, busy.entry.byId], ["in_progress", coach.id]);
    expectProblem(await progress({ status: "cancelled" }), { status: 400, code: "invalid", invalidParams: ["cancelReason"] });
    expectProblem(await progress({ status: "done", on: inDays(1) }), { status: 400, code: "invalid", invalidParams: ["on"] });
    expectProblem(await progress({ status: "done", on: inDays(-1) }), { status: 400, code: "invalid", invalidParams: ["on"] });
    expectProblem(await progress({ status: "done" }, randomUUID()), { status: 404, code: "not_found" });
    const done = bodyOf(await progress({ status: "done", cancelReason: "wordt genegeerd" }), 201, ActionProgressRecorded);
    assert.deepEqual([done.action.status, done.action.cancelReason, done.entry.cancelReason], ["done", null, null]);

    const after = bodyOf(await http.get(`${url}/plan`), 200, PlanOverview);
    assert.deepEqual([after.openActions, after.versions.length], [[], 1]);
    const v1 = bodyOf(await http.get(`${url}/plan/versions/1`), 200, PlanVersionDetail);
    assert.equal(v1.content.goals[0]?.actions[0]?.status, "open", "the signed text keeps its own status");
    assert.deepEqual(v1.actions?.map((a) => a.status), ["done"]);
    assert.deepEqual(v1.progress?.map((p) => p.status), ["in_progress", "done"]);
    assert.equal((await auditRows(database.db, org.organisationId, { action: "action.progressed", entityId: trajectory.id })).length, 2);
  });

  test("without a signed plan there is nothing to record progress on (409)", async (t) => {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const app = await appFor(t, database.db);
    const http = await loginAs(app, coach.email);
    const { url, parentId } = await familyTrajectory(database.db, coach.actor, "planning");
    const v1 = bodyOf(await http.request("PUT", `${url}/plan`, saveBody(planContent(parentId), null)), 201, PlanVersionDetail);
    const actionId = v1.content.goals[0]?.actions[0]?.id;
    expectProblem(await http.post(`${url}/plan/actions/${actionId}/progress`, { status: "done" }), { status: 409, code: "conflict", reason: "no_plan_in_force" });
  });
});
