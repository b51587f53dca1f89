import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { addDays, AftercareCheckin, AftercareCheckinList, ClosingRecord, todayInNetherlands, Trajectory } from "@ploegwerk/domain";
import type { Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem } from "../../testing/api.ts";
import { createTestOrganisation } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { makeTrajectory } from "../../testing/trajectories.ts";
import { trajectoryState } from "../trajectories/trajectories.records.ts";
import { aftercareStatuses } from "./aftercareCheckins.service.ts";

const today = () => todayInNetherlands();

describe(`nazorg check-ins API (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext) {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    // The factory's nazorgplan: contact every 4 weeks from today.
    const { trajectory } = await makeTrajectory(database.db, coach.actor, { phase: "aftercare" });
    const app = await appFor(t, database.db);
    const http = await loginAs(app, coach.email);
    return { org, coach, trajectory, app, http, url: `/api/v1/trajectories/${trajectory.id}/aftercare-checkins` };
  }

  test("contact moments with the next one due; a relapse signals the coach until the family is re-opened (continue lijn); audited", async (t) => {
    const { org, coach, trajectory, http, url } = await setup(t);
    const start = bodyOf(await http.get(url), 200, AftercareCheckinList);
    assert.deepEqual(start, { items: [], contactEveryWeeks: 4, nextCheckinDue: addDays(today(), 28), nextCheckinOverdue: false, relapseSignalled: false, relapseSince: null });

    const calm = bodyOf(await http.post(url, { heldOn: today(), byName: "Fatima el Amrani (wijkteam)", note: "Gaat goed; huur betaald." }), 201, AftercareCheckin);
    assert.equal(calm.relapse, false);
    const mine = bodyOf(await http.post(url, { heldOn: today() }), 201, AftercareCheckin);
    assert.equal(mine.byName, coach.name, "without byName it is the user who records it");
    expectProblem(await http.post(url, { heldOn: today(), relapse: true }), { status: 400, code: "invalid", invalidParams: ["note"] });
    const relapse = bodyOf(await http.post(url, { heldOn: today(), byName: "Wijkteam", note: "Nieuwe huurachterstand; vader weer weg.", relapse: true }), 201, AftercareCheckin);

    const signalled = bodyOf(await http.get(url), 200, AftercareCheckinList);
    assert.equal(signalled.items.length, 3);
    assert.equal(signalled.items[0]?.id, relapse.id, "newest first");
    assert.equal(signalled.relapseSignalled, true);
    assert.equal(signalled.relapseSince, today());
    assert.equal(signalled.nextCheckinDue, addDays(today(), 28), "counted from the last contact");

    // The caseload asks the same for many trajectories at once.
    const state = await trajectoryState(database.db, org.organisationId, trajectory.id);
    const statuses = await aftercareStatuses(database.db, org.organisationId, [{ trajectoryId: trajectory.id, state }]);
    assert.equal(statuses.get(trajectory.id)?.relapseSignalled, true);

    // The coach re-opens: back to uitvoering with a reason, the signal is answered.
    const current = bodyOf(await http.get(`/api/v1/trajectories/${trajectory.id}`), 200, Trajectory);
    assert.ok(current.nextPhases.some((p) => p.to === "execution" && p.kind === "reopen"));
    const reopened = bodyOf(await http.post(`/api/v1/trajectories/${trajectory.id}/transitions`, { to: "execution", on: today(), reason: "Terugval gemeld door het wijkteam.", version: current.version }), 200, Trajectory);
    assert.equal(reopened.phase, "execution");
    const reopenedList = bodyOf(await http.get(url), 200, AftercareCheckinList);
    assert.equal(reopenedList.relapseSignalled, false);
    assert.equal(reopenedList.nextCheckinDue, null, "no nazorg contacts are due outside nazorg");
    assert.equal(reopenedList.items.length, 3, "the history stays");
    const stateAfter = await trajectoryState(database.db, org.organisationId, trajectory.id);
    assert.equal((await aftercareStatuses(database.db, org.organisationId, [{ trajectoryId: trajectory.id, state: stateAfter }])).get(trajectory.id)?.relapseSignalled, false);
    expectProblem(await http.post(url, { heldOn: today() }), { status: 409, code: "conflict", reason: "wrong_phase" });

    const rows = await auditRows(database.db, org.organisationId, { action: "aftercare_checkin.recorded" });
    assert.deepEqual(rows.map((r) => r.details.relapse), [false, false, true]);
    assert.equal(rows[2]?.familyId, trajectory.familyId);
  });

  test("a contact overdue by the plan's frequency; dates within nazorg; 404 for another team's coach, 403 for ondersteuning", async (t) => {
    const { org, trajectory, app, http, url } = await setup(t);
    const closing = bodyOf(await http.get(`/api/v1/trajectories/${trajectory.id}/closing`), 200, ClosingRecord);
    const plan = closing.aftercarePlan;
    assert.ok(plan);
    bodyOf(await http.request("PUT", `/api/v1/trajectories/${trajectory.id}/closing/aftercare-plan`, { ...plan, startsOn: addDays(today(), -40), contactEveryWeeks: 2, version: closing.version }), 200, ClosingRecord);
    const late = bodyOf(await http.get(url), 200, AftercareCheckinList);
    assert.equal(late.nextCheckinDue, addDays(today(), -26));
    assert.equal(late.nextCheckinOverdue, true);

    expectProblem(await http.post(url, { heldOn: addDays(today(), 1) }), { status: 400, code: "invalid", invalidParams: ["heldOn"] });
    expectProblem(await http.post(url, { heldOn: addDays(today(), -1) }), { status: 400, code: "invalid", invalidParams: ["heldOn"] });
    expectProblem(await http.post(url, { heldOn: "morgen" }), { status: 400, code: "invalid", invalidParams: ["heldOn"] });
    expectProblem(await http.post(url, { heldOn: today(), relapse: "ja" }), { status: 400, code: "invalid", invalidParams: ["relapse"] });

    const outsider = await loginAs(app, (await org.user("coach", { team: "other" })).email);
    expectProblem(await outsider.get(url), { status: 404, code: "not_found" });
    expectProblem(await outsider.post(url, { heldOn: today() }), { status: 404, code: "not_found" });
    const support = await loginAs(app, (await org.user("ondersteuning")).email);
    assert.equal(bodyOf(await support.get(url), 200, AftercareCheckinList).items.length, 0);
    expectProblem(await support.post(url, { heldOn: today() }), { status: 403, code: "forbidden" });
    assert.equal((await auditRows(database.db, org.organisationId, { action: "aftercare_checkin.recorded" })).length, 0);
  });
});
