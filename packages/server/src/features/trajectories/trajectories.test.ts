import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { PHASES, REFERRAL_CHECKS, todayInNetherlands, Trajectory } from "@ploegwerk/domain";
import type { Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem } from "../../testing/api.ts";
import { createTestOrganisation, familyInput, makeFamily } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { makeTrajectory, referralInput } from "../../testing/trajectories.ts";

describe(`trajectories (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext) {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const lead = await org.user("teamleider");
    const app = await appFor(t, database.db);
    return { org, coach, lead, app, http: await loginAs(app, coach.email) };
  }

  test("the factory reaches every phase through the guarded use cases", async () => {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    for (const phase of PHASES) {
      const { trajectory } = await makeTrajectory(database.db, coach.actor, { phase });
      assert.equal(trajectory.phase, phase);
    }
  });

  test("aanmelding with a new family: phase referral, go/no-go deadline in 14 days, all checks open; audited", async (t) => {
    const { org, http } = await setup(t);
    const today = todayInNetherlands();
    const res = bodyOf(await http.post("/api/v1/referrals", referralInput(familyInput())), 201, Trajectory);
    assert.equal(res.phase, "referral");
    assert.deepEqual(res.openChecks, [...REFERRAL_CHECKS]);
    const goNoGo = res.deadlines.find((d) => d.key === "go_no_go");
    assert.equal(goNoGo?.daysRemaining, 14);
    assert.equal(goNoGo?.overdue, false);
    assert.deepEqual(res.history.map((h) => [h.from, h.to, h.kind, h.on]), [[null, "referral", "start", today]]);
    assert.equal((await auditRows(database.db, org.organisationId, { action: "trajectory.created", entityId: res.id })).length, 1);
    // Go is refused until every check is recorded.
    expectProblem(
      await http.post(`/api/v1/trajectories/${res.id}/decision`, { decision: "go", on: today }),
      { status: 409, code: "conflict", invalidParams: ["referral_checks_open"] },
    );
  });

  test("a second open trajectory for the same family is refused (409 open_trajectory)", async (t) => {
    const { coach, http } = await setup(t);
    const family = await makeFamily(database.db, coach.actor);
    bodyOf(await http.post("/api/v1/referrals", referralInput({ id: family.id })), 201, Trajectory);
    const p = expectProblem(await http.post("/api/v1/referrals", referralInput({ id: family.id })), { status: 409, code: "conflict" });
    assert.equal(p.reason, "open_trajectory");
  });
});
