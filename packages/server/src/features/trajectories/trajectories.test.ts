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

  test("checks, go and the informatiefase: deadline of four weeks, feedback on the decision owed until sent", async (t) => {
    const { org, coach, http } = await setup(t);
    const today = todayInNetherlands();
    const created = bodyOf(await http.post("/api/v1/referrals", referralInput(familyInput())), 201, Trajectory);
    // A check with concerns needs a note; a check dated in the future is refused.
    expectProblem(await http.put(`/api/v1/trajectories/${created.id}/checks/police`, { result: "concerns", checkedOn: today }), { status: 400, code: "invalid", invalidParams: ["note"] });
    expectProblem(await http.put(`/api/v1/trajectories/${created.id}/checks/police`, { result: "no_concerns", checkedOn: "2999-01-01" }), { status: 400, code: "invalid", invalidParams: ["checkedOn"] });
    let tr = created;
    for (const kind of REFERRAL_CHECKS) {
      tr = bodyOf(await http.put(`/api/v1/trajectories/${created.id}/checks/${kind}`, { result: kind === "housing" ? "concerns" : "no_concerns", note: kind === "housing" ? "Huurachterstand € 2.400" : null, checkedOn: today }), 200, Trajectory);
    }
    assert.deepEqual(tr.openChecks, []);
    assert.equal(tr.checks.find((c) => c.kind === "housing")?.note, "Huurachterstand € 2.400");
    const decided = bodyOf(
      await http.post(`/api/v1/trajectories/${created.id}/decision`, { decision: "go", on: today, introductionAt: "2026-12-01T10:00:00+01:00", introductionPlace: "Thuis bij het gezin", coachId: coach.id }),
      200,
      Trajectory,
    );
    assert.equal(decided.phase, "intake");
    assert.deepEqual(decided.decision, { decision: "go", on: today, reason: null, decidedBy: coach.id });
    assert.equal(decided.introduction?.place, "Thuis bij het gezin");
    assert.deepEqual(decided.history.map((h) => [h.from, h.to, h.kind]), [[null, "referral", "start"], ["referral", "intake", "go"]]);
    const intake = decided.deadlines.find((d) => d.key === "intake");
    assert.equal(intake?.daysRemaining, 28);
    assert.equal(decided.deadlines.find((d) => d.key === "go_no_go")?.met, true);
    assert.deepEqual(decided.feedbackOwed, ["decision"]);
    // A second decision is refused; checks are fixed once decided.
    expectProblem(await http.post(`/api/v1/trajectories/${created.id}/decision`, { decision: "no_go", on: today, reason: "x" }), { status: 409, code: "conflict" });
    expectProblem(await http.put(`/api/v1/trajectories/${created.id}/checks/police`, { result: "no_concerns", checkedOn: today }), { status: 409, code: "conflict" });
    const fed = bodyOf(await http.post(`/api/v1/trajectories/${created.id}/feedback`, { subject: "decision", sentOn: today, channel: "phone", note: "Woonstichting gebeld" }), 200, Trajectory);
    assert.deepEqual(fed.feedbackOwed, []);
    expectProblem(await http.post(`/api/v1/trajectories/${created.id}/feedback`, { subject: "decision", sentOn: today, channel: "email" }), { status: 409, code: "conflict" });
    expectProblem(await http.post(`/api/v1/trajectories/${created.id}/feedback`, { subject: "start", sentOn: today, channel: "email" }), { status: 409, code: "conflict" });
    // The coach was assigned with the go.
    const family = await http.get(`/api/v1/families/${created.familyId}`);
    assert.equal((family.json() as { coachId: string | null }).coachId, coach.id);
    assert.equal((await auditRows(database.db, org.organisationId, { action: "phase.changed", entityId: created.id })).length, 1);
  });

  test("no-go needs a reason and closes the trajectory; a new aanmelding for the family is then possible", async (t) => {
    const { coach, http } = await setup(t);
    const today = todayInNetherlands();
    const family = await makeFamily(database.db, coach.actor);
    const created = bodyOf(await http.post("/api/v1/referrals", referralInput({ id: family.id })), 201, Trajectory);
    expectProblem(await http.post(`/api/v1/trajectories/${created.id}/decision`, { decision: "no_go", on: today }), { status: 400, code: "invalid", invalidParams: ["reason"] });
    const closed = bodyOf(await http.post(`/api/v1/trajectories/${created.id}/decision`, { decision: "no_go", on: today, reason: "Te licht: problemen op één leefgebied." }), 200, Trajectory);
    assert.equal(closed.phase, "closed");
    assert.deepEqual(closed.nextPhases, []);
    assert.equal(closed.history.at(-1)?.reason, "Te licht: problemen op één leefgebied.");
    bodyOf(await http.post("/api/v1/referrals", referralInput({ id: family.id })), 201, Trajectory);
  });

  test("guarded transitions: informatiefase → gezinsplan needs consent and a nulmeting; stale versions and unknown moves are refused", async (t) => {
    const { coach, http } = await setup(t);
    const today = todayInNetherlands();
    const { trajectory } = await makeTrajectory(database.db, coach.actor, { phase: "intake" });
    const toPlanning = trajectory.nextPhases.find((n) => n.to === "planning");
    assert.deepEqual(toPlanning?.refusals.map((r) => r.code), ["consent_missing", "baseline_missing"]);
    const refused = expectProblem(
      await http.post(`/api/v1/trajectories/${trajectory.id}/transitions`, { to: "planning", on: today, version: trajectory.version }),
      { status: 409, code: "conflict", invalidParams: ["consent_missing", "baseline_missing"] },
    );
    assert.match(refused.detail, /toestemmingsformulier|consent form/);
    expectProblem(await http.post(`/api/v1/trajectories/${trajectory.id}/transitions`, { to: "aftercare", on: today, version: trajectory.version }), { status: 409, code: "conflict", invalidParams: ["transition_not_allowed"] });
    // Uitval needs a reason.
    expectProblem(await http.post(`/api/v1/trajectories/${trajectory.id}/transitions`, { to: "closed", on: today, version: trajectory.version }), { status: 409, code: "conflict", invalidParams: ["reason_required"] });
    const withConsent = bodyOf(await http.put(`/api/v1/trajectories/${trajectory.id}/consent`, { signedOn: today }), 200, Trajectory);
    assert.equal(withConsent.consentSignedOn, today);
    expectProblem(await http.post(`/api/v1/trajectories/${trajectory.id}/transitions`, { to: "closed", on: today, reason: "Gezin verhuisd", version: trajectory.version }), { status: 409, code: "conflict", reason: "stale_version" });
    const dropped = bodyOf(await http.post(`/api/v1/trajectories/${trajectory.id}/transitions`, { to: "closed", on: today, reason: "Gezin verhuisd", version: withConsent.version }), 200, Trajectory);
    assert.equal(dropped.history.at(-1)?.kind, "dropout");
  });

  test("Eropaf moves the informatiefase deadline with a reason; an extension is the team lead's decision", async (t) => {
    const { org, coach, lead, app, http } = await setup(t);
    const today = todayInNetherlands();
    const { trajectory } = await makeTrajectory(database.db, coach.actor, { phase: "intake" });
    expectProblem(await http.post(`/api/v1/trajectories/${trajectory.id}/eropaf`, { decidedOn: today }), { status: 400, code: "invalid", invalidParams: ["reason"] });
    const eropaf = bodyOf(await http.post(`/api/v1/trajectories/${trajectory.id}/eropaf`, { decidedOn: today, reason: "Zorgmijdend gezin: steeds opnieuw langsgaan." }), 200, Trajectory);
    assert.equal(eropaf.deadlines.find((d) => d.key === "intake")?.daysRemaining, 56);
    const extension = { decidedOn: today, reason: "Schulden nog niet geregeld, wel voortgang.", newEndDate: "2099-01-01", insufficientlySelfReliant: true, improvementStillPossible: true };
    expectProblem(await http.post(`/api/v1/trajectories/${trajectory.id}/extensions`, extension), { status: 403, code: "forbidden" });
    const leadHttp = await loginAs(app, lead.email);
    const extended = bodyOf(await leadHttp.post(`/api/v1/trajectories/${trajectory.id}/extensions`, extension), 200, Trajectory);
    assert.equal(extended.deadlines.find((d) => d.key === "planned_end")?.dueOn, "2099-01-01");
    assert.equal((await auditRows(database.db, org.organisationId, { action: "trajectory.extension_recorded" })).length, 1);
  });

  test("scope: another team's coach gets 404, ondersteuning reads but may not write, a beheerder does not read files", async (t) => {
    const { org, coach, app } = await setup(t);
    const { trajectory } = await makeTrajectory(database.db, coach.actor, { phase: "referral" });
    const other = await loginAs(app, (await org.user("coach", { team: "other" })).email);
    expectProblem(await other.get(`/api/v1/trajectories/${trajectory.id}`), { status: 404, code: "not_found" });
    expectProblem(await other.put(`/api/v1/trajectories/${trajectory.id}/checks/police`, { result: "no_concerns", checkedOn: todayInNetherlands() }), { status: 404, code: "not_found" });
    const support = await loginAs(app, (await org.user("ondersteuning")).email);
    bodyOf(await support.get(`/api/v1/trajectories/${trajectory.id}`), 200, Trajectory);
    expectProblem(await support.put(`/api/v1/trajectories/${trajectory.id}/checks/police`, { result: "no_concerns", checkedOn: todayInNetherlands() }), { status: 403, code: "forbidden" });
    const admin = await loginAs(app, (await org.user("beheerder")).email);
    expectProblem(await admin.get(`/api/v1/trajectories/${trajectory.id}`), { status: 404, code: "not_found" });
  });

  test("the whole route to nazorg and back: continue lijn re-opens without losing history", async (t) => {
    const { coach, http } = await setup(t);
    const today = todayInNetherlands();
    const { trajectory } = await makeTrajectory(database.db, coach.actor, { phase: "aftercare" });
    const reopened = bodyOf(await http.post(`/api/v1/trajectories/${trajectory.id}/transitions`, { to: "execution", on: today, reason: "Terugval: nieuwe huurachterstand.", version: trajectory.version }), 200, Trajectory);
    assert.equal(reopened.phase, "execution");
    assert.deepEqual(reopened.history.map((h) => h.to), ["referral", "intake", "planning", "execution", "closing", "aftercare", "execution"]);
    assert.equal(reopened.history.at(-1)?.kind, "reopen");
    assert.deepEqual(reopened.feedbackOwed, ["decision", "start"]);
  });
});

