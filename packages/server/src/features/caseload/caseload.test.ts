import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { CaseloadOverview, addDays, todayInNetherlands } from "@ploegwerk/domain";
import type { Database } from "../../db/database.ts";
import { appFor, bodyOf, expectProblem } from "../../testing/api.ts";
import { createTestOrganisation } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { makeTrajectory } from "../../testing/trajectories.ts";

describe(`caseload overview (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  test("the team lead sees every open trajectory of the team with phase, load per coach, signals and both agendas", async (t) => {
    const db = database.db;
    const org = await createTestOrganisation(db);
    const lead = await org.user("teamleider");
    const ans = await org.user("coach");
    const bo = await org.user("coach");
    const today = todayInNetherlands();
    // Ans: a referral received 20 days ago without a decision (go/no-go 6 days late) and a family in the informatiefase.
    const late = await makeTrajectory(db, lead.actor, { coachId: ans.id, receivedOn: addDays(today, -20) });
    const intake = await makeTrajectory(db, lead.actor, { coachId: ans.id, phase: "intake" });
    // Bo: one family in uitvoering; a closed trajectory does not count.
    const running = await makeTrajectory(db, lead.actor, { coachId: bo.id, phase: "execution" });
    await makeTrajectory(db, lead.actor, { coachId: bo.id, phase: "closed" });
    // Another team's family is not in the overview.
    const otherLead = await org.user("teamleider", { team: "other" });
    await makeTrajectory(db, otherLead.actor, { phase: "intake" });

    const app = await appFor(t, db);
    const http = await loginAs(app, lead.email);
    const overview = bodyOf(await http.get("/api/v1/caseload"), 200, CaseloadOverview);
    assert.equal(overview.teamId, org.teamId);
    assert.deepEqual(overview.norm, { min: 5, max: 8 });
    const byTrajectory = new Map(overview.families.map((f) => [f.trajectoryId, f]));
    assert.equal(overview.families.length, 3);
    assert.equal(byTrajectory.get(late.trajectory.id)?.phase, "referral");
    assert.equal(byTrajectory.get(late.trajectory.id)?.daysInPhase, 20);
    assert.equal(byTrajectory.get(intake.trajectory.id)?.coachName, "Test coach");
    assert.equal(byTrajectory.get(running.trajectory.id)?.phase, "execution");

    const lateSignals = byTrajectory.get(late.trajectory.id)?.signals ?? [];
    const goNoGo = lateSignals.find((s) => s.code === "go_no_go_overdue");
    assert.equal(goNoGo?.daysOverdue, 6, "received 20 days ago, deadline after 14 days");
    // After a go, feedback on the decision to the referrer is owed from the day of the decision.
    assert.ok(byTrajectory.get(intake.trajectory.id)?.signals.some((s) => s.code === "referrer_feedback_owed"));

    const loadOf = (id: string) => overview.coaches.find((c) => c.coachId === id);
    assert.deepEqual([loadOf(ans.id)?.active, loadOf(ans.id)?.status], [1, "below"], "aanmelding does not count; the informatiefase does");
    assert.deepEqual([loadOf(bo.id)?.active, loadOf(bo.id)?.byPhase.execution], [1, 1]);

    // The casuïstiekbespreking starts with the most urgent: the late go/no-go.
    assert.equal(overview.caseReview[0]?.familyId, late.familyId);
    assert.ok(!overview.caseReview.some((i) => i.signals.some((s) => s.code === "referrer_feedback_owed")), "admin backlog goes to the caseloadgesprek");
    const ansReview = overview.caseloadReviews.find((r) => r.coachId === ans.id);
    assert.deepEqual(new Set(ansReview?.items.map((i) => i.familyId)), new Set([late.familyId, intake.familyId]));

    // One coach's caseloadgesprek.
    const onlyBo = bodyOf(await http.get(`/api/v1/caseload?coachId=${bo.id}`), 200, CaseloadOverview);
    assert.deepEqual(onlyBo.families.map((f) => f.trajectoryId), [running.trajectory.id]);
  });

  test("scope: another team's overview is 403 for a team lead; a beheerder has none; the own team's coach may look", async (t) => {
    const db = database.db;
    const org = await createTestOrganisation(db);
    const app = await appFor(t, db);
    const lead = await loginAs(app, (await org.user("teamleider")).email);
    expectProblem(await lead.get(`/api/v1/caseload?teamId=${org.otherTeamId}`), { status: 403, code: "forbidden" });
    const admin = await loginAs(app, (await org.user("beheerder")).email);
    expectProblem(await admin.get("/api/v1/caseload"), { status: 400, code: "invalid", invalidParams: ["teamId"] });
    expectProblem(await admin.get(`/api/v1/caseload?teamId=${org.teamId}`), { status: 403, code: "forbidden" });
    const coach = await loginAs(app, (await org.user("coach")).email);
    assert.deepEqual(bodyOf(await coach.get("/api/v1/caseload"), 200, CaseloadOverview).families, []);
  });

  test("nazorg: a relapse reported at a check-in tops the casuïstiekbespreking until the coach re-opens", async (t) => {
    const db = database.db;
    const org = await createTestOrganisation(db);
    const lead = await org.user("teamleider");
    const coach = await org.user("coach");
    const { trajectory } = await makeTrajectory(db, lead.actor, { coachId: coach.id, phase: "aftercare" });
    const app = await appFor(t, db);
    const http = await loginAs(app, lead.email);
    const today = todayInNetherlands();
    const res = await http.post(`/api/v1/trajectories/${trajectory.id}/aftercare-checkins`, { heldOn: today, byName: "Wijkteam Noord", note: "Nieuwe huurachterstand, moeder belt niet terug.", relapse: true });
    assert.equal(res.statusCode, 201, res.body);
    const overview = bodyOf(await http.get("/api/v1/caseload"), 200, CaseloadOverview);
    assert.deepEqual(overview.caseReview[0]?.signals.map((s) => s.code), ["relapse"]);
    assert.equal(overview.caseReview[0]?.familyId, trajectory.familyId);
    const reopened = await http.post(`/api/v1/trajectories/${trajectory.id}/transitions`, { to: "execution", on: today, reason: "Terugval: continue lijn.", version: trajectory.version });
    assert.equal(reopened.statusCode, 200, reopened.body);
    const after = bodyOf(await http.get("/api/v1/caseload"), 200, CaseloadOverview);
    assert.ok(!after.families.some((f) => f.signals.some((s) => s.code === "relapse")));
  });
});
