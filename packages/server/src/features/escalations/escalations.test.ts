import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { addDays, CovenantSignatory, CovenantSignatoryList, Escalation, EscalationList, todayInNetherlands, Trajectory } from "@ploegwerk/domain";
import type { Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem, expectStatus } from "../../testing/api.ts";
import { createTestOrganisation } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { makeTrajectory } from "../../testing/trajectories.ts";

const today = () => todayInNetherlands();
const COVENANT = "/api/v1/covenant/signatories";

function escalation(extra: Record<string, unknown> = {}) {
  return {
    partnerOrganisation: "Elker",
    advice: "Start binnen twee weken met gezinsbehandeling, zonder wachtlijst (mandaat).",
    refusal: "Elker plaatst het gezin op de wachtlijst: geen capaciteit.",
    raisedOn: today(),
    ...extra,
  };
}

describe(`covenant and escalations API (${testTarget()})`, () => {
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
    return { org, coach, lead, app, http: await loginAs(app, coach.email), leadHttp: await loginAs(app, lead.email) };
  }

  test("covenant: team lead and beheerder add and remove signatories, everyone reads, one entry per organisation; audited", async (t) => {
    const { org, app, http, leadHttp } = await setup(t);
    const admin = await loginAs(app, (await org.user("beheerder")).email);
    const elker = bodyOf(await admin.post(COVENANT, { partnerOrganisation: "Elker", signedOn: "2011-09-01", contact: "Directeur jeugdzorg" }), 201, CovenantSignatory);
    assert.equal(elker.contact, "Directeur jeugdzorg");
    assert.equal(elker.note, null);
    const mjd = bodyOf(await leadHttp.post(COVENANT, { partnerOrganisation: "MJD", signedOn: "2011-09-01" }), 201, CovenantSignatory);
    expectProblem(await http.post(COVENANT, { partnerOrganisation: "Politie", signedOn: "2011-09-01" }), { status: 403, code: "forbidden" });
    const support = await loginAs(app, (await org.user("ondersteuning")).email);
    assert.deepEqual(bodyOf(await support.get(COVENANT), 200, CovenantSignatoryList).items.map((s) => s.partnerOrganisation), ["Elker", "MJD"]);

    expectProblem(await leadHttp.post(COVENANT, { partnerOrganisation: "  elker ", signedOn: "2012-01-01" }), { status: 409, code: "conflict", reason: "covenant_signatory_exists" });
    expectProblem(await leadHttp.post(COVENANT, { partnerOrganisation: "", signedOn: "2012-01-01" }), { status: 400, code: "invalid", invalidParams: ["partnerOrganisation"] });
    expectProblem(await leadHttp.post(COVENANT, { partnerOrganisation: "BJZ", signedOn: addDays(today(), 1) }), { status: 400, code: "invalid", invalidParams: ["signedOn"] });
    expectProblem(await leadHttp.post(COVENANT, { partnerOrganisation: "BJZ", signedOn: "2012-02-30" }), { status: 400, code: "invalid", invalidParams: ["signedOn"] });

    // Another organisation has its own covenant.
    const otherOrg = await createTestOrganisation(database.db);
    const otherLead = await loginAs(app, (await otherOrg.user("teamleider")).email);
    assert.deepEqual(bodyOf(await otherLead.get(COVENANT), 200, CovenantSignatoryList).items, []);
    expectProblem(await otherLead.delete(`${COVENANT}/${mjd.id}`), { status: 404, code: "not_found" });

    expectProblem(await http.delete(`${COVENANT}/${mjd.id}`), { status: 403, code: "forbidden" });
    expectStatus(await admin.delete(`${COVENANT}/${mjd.id}`), 204);
    expectProblem(await admin.delete(`${COVENANT}/${mjd.id}`), { status: 404, code: "not_found" });
    assert.deepEqual(bodyOf(await http.get(COVENANT), 200, CovenantSignatoryList).items.map((s) => s.id), [elker.id]);

    assert.deepEqual((await auditRows(database.db, org.organisationId, { action: "covenant.signatory_added" })).map((r) => r.details.partnerOrganisation), ["Elker", "MJD"]);
    const [removed] = await auditRows(database.db, org.organisationId, { action: "covenant.signatory_removed" });
    assert.equal(removed?.entityId, mjd.id);
    assert.equal(removed?.details.partnerOrganisation, "MJD");
  });

  test("escalation: the coach raises it, flagged by covenant; the team lead sees it open and resolves it; a coach may not (403); audited", async (t) => {
    const { org, coach, lead, app, http, leadHttp } = await setup(t);
    bodyOf(await leadHttp.post(COVENANT, { partnerOrganisation: "Elker", signedOn: "2011-09-01" }), 201, CovenantSignatory);
    const { trajectory } = await makeTrajectory(database.db, coach.actor, { phase: "execution" });
    const url = `/api/v1/trajectories/${trajectory.id}/escalations`;

    const first = bodyOf(await http.post(url, escalation({ partnerOrganisation: "ELKER" })), 201, Escalation);
    assert.equal(first.status, "open");
    assert.equal(first.partnerSignedCovenant, true, "matched regardless of case");
    assert.equal(first.covenantSignedOn, "2011-09-01");
    assert.equal(first.raisedById, coach.id);
    assert.equal(first.raisedByName, coach.name);
    assert.equal(first.caseNumber, trajectory.caseNumber);
    assert.equal(first.daysOpen, 0);
    const second = bodyOf(await http.post(url, escalation({ partnerOrganisation: "Woonstichting De Korf", raisedOn: today() })), 201, Escalation);
    assert.equal(second.partnerSignedCovenant, false);
    assert.equal(second.covenantSignedOn, null);

    const open = bodyOf(await leadHttp.get("/api/v1/escalations?status=open"), 200, EscalationList);
    assert.deepEqual(open.items.map((e) => e.id).sort(), [first.id, second.id].sort());
    assert.deepEqual(bodyOf(await leadHttp.get("/api/v1/escalations"), 200, EscalationList).items.length, 2, "open is the default");
    // Another team's lead does not see them.
    const otherLead = await loginAs(app, (await org.user("teamleider", { team: "other" })).email);
    assert.deepEqual(bodyOf(await otherLead.get("/api/v1/escalations?status=all"), 200, EscalationList).items, []);
    const admin = await loginAs(app, (await org.user("beheerder")).email);
    expectProblem(await admin.get("/api/v1/escalations"), { status: 403, code: "forbidden" });

    const resolution = { outcome: "Projectleider sprak de directeur van Elker; behandeling start volgende week.", resolvedOn: today(), version: 1 };
    expectProblem(await http.post(`${url}/${first.id}/resolution`, resolution), { status: 403, code: "forbidden" });
    expectProblem(await otherLead.post(`${url}/${first.id}/resolution`, resolution), { status: 404, code: "not_found" });
    const resolved = bodyOf(await leadHttp.post(`${url}/${first.id}/resolution`, resolution), 200, Escalation);
    assert.equal(resolved.status, "resolved");
    assert.equal(resolved.outcome, resolution.outcome);
    assert.equal(resolved.resolvedById, lead.id);
    assert.equal(resolved.resolvedByName, lead.name);
    assert.equal(resolved.version, 2);
    expectProblem(await leadHttp.post(`${url}/${first.id}/resolution`, { ...resolution, version: 2 }), { status: 409, code: "conflict", reason: "escalation_resolved" });
    expectProblem(await leadHttp.post(`${url}/${second.id}/resolution`, { ...resolution, version: 7 }), { status: 409, code: "conflict", reason: "stale_version" });
    expectProblem(await leadHttp.post(`${url}/${crypto.randomUUID()}/resolution`, resolution), { status: 404, code: "not_found" });

    assert.deepEqual(bodyOf(await leadHttp.get("/api/v1/escalations?status=open"), 200, EscalationList).items.map((e) => e.id), [second.id]);
    assert.deepEqual(bodyOf(await leadHttp.get("/api/v1/escalations?status=resolved"), 200, EscalationList).items.map((e) => e.id), [first.id]);
    assert.equal(bodyOf(await http.get(url), 200, EscalationList).items.length, 2);
    expectProblem(await leadHttp.get("/api/v1/escalations?status=pending"), { status: 400, code: "invalid", invalidParams: ["querystring.status"] });

    // An escalation still open when the family stops can be resolved afterwards.
    const current = bodyOf(await http.get(`/api/v1/trajectories/${trajectory.id}`), 200, Trajectory);
    bodyOf(await http.post(`/api/v1/trajectories/${trajectory.id}/transitions`, { to: "closed", on: today(), reason: "Gezin verhuisd naar een andere gemeente.", version: current.version }), 200, Trajectory);
    expectProblem(await http.post(url, escalation()), { status: 409, code: "conflict", reason: "wrong_phase" });
    bodyOf(await leadHttp.post(`${url}/${second.id}/resolution`, { ...resolution, version: 1 }), 200, Escalation);

    const created = await auditRows(database.db, org.organisationId, { action: "escalation.created" });
    assert.deepEqual(created.map((r) => r.details.partnerSignedCovenant), [true, false]);
    assert.equal(created[0]?.familyId, trajectory.familyId);
    assert.equal((await auditRows(database.db, org.organisationId, { action: "escalation.resolved" })).length, 2);
  });

  test("escalation field errors, scope and roles: 400 per field, 404 for another team's coach, 403 for ondersteuning, 409 before the go", async (t) => {
    const { org, coach, app, http, leadHttp } = await setup(t);
    const { trajectory } = await makeTrajectory(database.db, coach.actor, { phase: "intake" });
    const url = `/api/v1/trajectories/${trajectory.id}/escalations`;
    const cases: [Record<string, unknown>, string][] = [
      [escalation({ partnerOrganisation: " " }), "partnerOrganisation"],
      [escalation({ advice: "" }), "advice"],
      [escalation({ refusal: undefined }), "refusal"],
      [escalation({ raisedOn: addDays(today(), 1) }), "raisedOn"],
      [escalation({ raisedOn: addDays(today(), -1) }), "raisedOn"],
      [escalation({ raisedOn: "gisteren" }), "raisedOn"],
    ];
    for (const [body, field] of cases) expectProblem(await http.post(url, body), { status: 400, code: "invalid", invalidParams: [field] });
    const saved = bodyOf(await http.post(url, escalation()), 201, Escalation);
    expectProblem(await leadHttp.post(`${url}/${saved.id}/resolution`, { outcome: "", resolvedOn: today(), version: 1 }), { status: 400, code: "invalid", invalidParams: ["outcome"] });
    expectProblem(await leadHttp.post(`${url}/${saved.id}/resolution`, { outcome: "Opgelost", resolvedOn: addDays(today(), -1), version: 1 }), { status: 400, code: "invalid", invalidParams: ["resolvedOn"] });
    expectProblem(await leadHttp.post(`${url}/${saved.id}/resolution`, { outcome: "Opgelost", resolvedOn: today() }), { status: 400, code: "invalid", invalidParams: ["version"] });

    const outsider = await loginAs(app, (await org.user("coach", { team: "other" })).email);
    expectProblem(await outsider.get(url), { status: 404, code: "not_found" });
    expectProblem(await outsider.post(url, escalation()), { status: 404, code: "not_found" });
    const support = await loginAs(app, (await org.user("ondersteuning")).email);
    assert.equal(bodyOf(await support.get(url), 200, EscalationList).items.length, 1);
    expectProblem(await support.post(url, escalation()), { status: 403, code: "forbidden" });
    expectProblem(await support.post(`${url}/${saved.id}/resolution`, { outcome: "x", resolvedOn: today(), version: 1 }), { status: 403, code: "forbidden" });

    const referral = await makeTrajectory(database.db, coach.actor, { phase: "referral" });
    expectProblem(await http.post(`/api/v1/trajectories/${referral.trajectory.id}/escalations`, escalation()), { status: 409, code: "conflict", reason: "wrong_phase" });
    assert.equal((await auditRows(database.db, org.organisationId, { action: "escalation.created" })).length, 1);
  });

  test("no self-approval: a team lead's own opschaling is resolved by another team lead", async (t) => {
    const { org, coach, app, leadHttp } = await setup(t);
    const { trajectory } = await makeTrajectory(database.db, coach.actor, { phase: "execution" });
    const url = `/api/v1/trajectories/${trajectory.id}/escalations`;
    const own = bodyOf(await leadHttp.post(url, escalation()), 201, Escalation);
    const resolution = { outcome: "De directeur van Elker zegt plaatsing binnen twee weken toe.", resolvedOn: today(), version: own.version };
    expectProblem(await leadHttp.post(`${url}/${own.id}/resolution`, resolution), { status: 403, code: "forbidden", reason: "self_approval" });
    assert.equal((await auditRows(database.db, org.organisationId, { action: "escalation.resolved" })).length, 0);
    const secondLead = await loginAs(app, (await org.user("teamleider")).email);
    assert.equal(bodyOf(await secondLead.post(`${url}/${own.id}/resolution`, resolution), 200, Escalation).status, "resolved");
  });
});
