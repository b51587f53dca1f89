import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test, type TestContext } from "node:test";
import { PlanOverview, PlanVersionDetail, todayInNetherlands, type Phase } from "@ploegwerk/domain";
import type { Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem } from "../../testing/api.ts";
import { createTestOrganisation } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { familyTrajectory, planContent, saveBody } from "./plans.fixtures.ts";

describe(`gezinsplan access and phases (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext, phase: Phase) {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const app = await appFor(t, database.db);
    const f = await familyTrajectory(database.db, coach.actor, phase);
    return { org, coach, app, ...f };
  }

  test("a coach of another team gets 404 for everything; ondersteuning reads but may not write (403); the team lead writes", async (t) => {
    const { org, app, url, parentId, trajectory } = await setup(t, "execution");
    const outsider = await loginAs(app, (await org.user("coach", { team: "other" })).email);
    const support = await loginAs(app, (await org.user("ondersteuning")).email);
    const lead = await loginAs(app, (await org.user("teamleider")).email);
    const v1 = bodyOf(await support.get(`${url}/plan/versions/1`), 200, PlanVersionDetail);
    const save = saveBody({ ...v1.content, overallGoals: [...v1.content.overallGoals, { id: randomUUID(), description: "Erbij", targetDate: null }] }, 1);
    const actionId = v1.content.goals[0]?.actions[0]?.id;
    assert.ok(actionId);

    for (const res of [
      await outsider.get(`${url}/plan`),
      await outsider.get(`${url}/plan/versions/1`),
      await outsider.get(`${url}/plan/diff?from=1&to=1`),
      await outsider.request("PUT", `${url}/plan`, save),
      await outsider.post(`${url}/plan/versions/1/signature`, { signedOn: todayInNetherlands(), signedBy: [parentId], method: "paper", version: 1 }),
      await outsider.post(`${url}/plan/actions/${actionId}/progress`, { status: "done" }),
    ]) {
      expectProblem(res, { status: 404, code: "not_found" });
    }

    const seen = bodyOf(await support.get(`${url}/plan`), 200, PlanOverview);
    assert.deepEqual([seen.inForce, seen.openActions.length], [1, 1]);
    expectProblem(await support.request("PUT", `${url}/plan`, save), { status: 403, code: "forbidden" });
    expectProblem(await support.post(`${url}/plan/actions/${actionId}/progress`, { status: "done" }), { status: 403, code: "forbidden" });
    expectProblem(await support.post(`${url}/plan/versions/1/signature`, { signedOn: todayInNetherlands(), signedBy: [parentId], method: "paper", version: 1 }), { status: 403, code: "forbidden" });

    bodyOf(await lead.request("PUT", `${url}/plan`, save), 201, PlanVersionDetail);
    assert.equal((await auditRows(database.db, org.organisationId, { action: "plan.saved", entityId: trajectory.id })).length, 1, "refused writes leave no audit row");
  });

  test("without a session every plan route answers 401 before validating anything", async (t) => {
    const app = await appFor(t, database.db);
    const url = `/api/v1/trajectories/${randomUUID()}/plan`;
    for (const [method, path] of [["GET", url], ["PUT", url], ["GET", `${url}/versions/1`], ["POST", `${url}/versions/1/signature`], ["GET", `${url}/diff?from=1&to=2`], ["POST", `${url}/actions/${randomUUID()}/progress`]] as const) {
      const res = await app.inject({ method, url: path, ...(method === "GET" ? {} : { headers: { "content-type": "application/json" }, payload: "{}" }) });
      expectProblem(res, { status: 401, code: "unauthenticated" });
    }
  });

  test("phases: no plan writes at the aanmelding, in nazorg or once closed; a draft in the informatiefase, but no signature yet", async (t) => {
    for (const phase of ["referral", "aftercare", "closed"] as const) {
      const { coach, app, url, parentId } = await setup(t, phase);
      const http = await loginAs(app, coach.email);
      expectProblem(await http.request("PUT", `${url}/plan`, saveBody(planContent(parentId), phase === "aftercare" ? 1 : null)), { status: 409, code: "conflict", reason: "not_allowed_in_phase" });
      const overview = bodyOf(await http.get(`${url}/plan`), 200, PlanOverview);
      assert.deepEqual([overview.editable, overview.signable], [false, false], phase);
    }
    const { coach, app, url, parentId } = await setup(t, "intake");
    const http = await loginAs(app, coach.email);
    const v1 = bodyOf(await http.request("PUT", `${url}/plan`, saveBody(planContent(parentId), null)), 201, PlanVersionDetail);
    expectProblem(await http.post(`${url}/plan/versions/1/signature`, { signedOn: todayInNetherlands(), signedBy: [parentId], method: "paper", version: v1.version }), {
      status: 409,
      code: "conflict",
      reason: "not_allowed_in_phase",
    });
  });
});
