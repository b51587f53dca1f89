import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { BreakGlassGrant, BreakGlassGrantList, Family } from "@ploegwerk/domain";
import type { Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem, expectStatus } from "../../testing/api.ts";
import { createTestOrganisation, makeFamily } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";

/** Break-the-glass: a team lead opens a family outside their teams, read-only, flagged and reviewed by someone else. */
describe(`break-the-glass (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  test("a team lead opens another team's family with a reason; reads work, writes do not; another lead reviews it once", async (t) => {
    const db = database.db;
    const org = await createTestOrganisation(db);
    const ownLead = await org.user("teamleider");
    const otherCoach = await org.user("coach", { team: "other" });
    const secondLead = await org.user("teamleider", { team: "other" });
    const coach = await org.user("coach");
    const beheerder = await org.user("beheerder");
    const family = await makeFamily(db, otherCoach.actor, { caseNumber: `NOOD-${Date.now()}`, teamId: org.otherTeamId });
    const ownFamily = await makeFamily(db, coach.actor, { caseNumber: `EIGEN-${Date.now()}` });

    const app = await appFor(t, db);
    const lead = await loginAs(app, ownLead.email);
    expectProblem(await lead.get(`/api/v1/families/${family.id}`), { status: 404, code: "not_found" });

    const reason = "Politie belt: acute zorgen om de kinderen, coach niet bereikbaar.";
    expectProblem(await lead.post("/api/v1/break-glass", { caseNumber: family.caseNumber, reason: "te kort" }), { status: 400, code: "invalid", invalidParams: ["reason"] });
    expectProblem(await lead.post("/api/v1/break-glass", { caseNumber: "BESTAAT-NIET", reason }), { status: 404, code: "not_found" });
    expectProblem(await lead.post("/api/v1/break-glass", { caseNumber: ownFamily.caseNumber, reason }), { status: 409, code: "conflict", reason: "not_needed" });
    const coachClient = await loginAs(app, coach.email);
    expectProblem(await coachClient.post("/api/v1/break-glass", { caseNumber: family.caseNumber, reason }), { status: 403, code: "forbidden" });

    const grant = bodyOf(await lead.post("/api/v1/break-glass", { caseNumber: family.caseNumber, reason }), 201, BreakGlassGrant);
    assert.equal(grant.active, true);
    assert.equal(grant.familyId, family.id);
    // Open for reading on the next request, not for writing.
    const read = bodyOf(await lead.get(`/api/v1/families/${family.id}`), 200, Family);
    expectStatus(await lead.get(`/api/v1/families/${family.id}/trajectories`), 200);
    expectProblem(await lead.patch(`/api/v1/families/${family.id}`, { version: read.version, caseNumber: read.caseNumber, district: "Elders", neighbourhood: null }), { status: 403, code: "forbidden" });
    // Every read under the grant is flagged on its audit row.
    const reads = (await auditRows(db, org.organisationId, { familyId: family.id, includeReads: true })).filter((r) => r.kind === "read" && r.actorUserId === ownLead.id);
    assert.ok(reads.length >= 2, `read rows: ${reads.length}`);
    assert.ok(reads.every((r) => r.details.breakGlass === true));
    const opened = await auditRows(db, org.organisationId, { action: "break_glass.opened", familyId: family.id });
    assert.equal(opened.length, 1);
    assert.equal(opened[0]?.details.breakGlass, true);
    assert.equal(opened[0]?.details.reason, reason);

    // Review: not by the one who opened it; by another lead or the beheerder, once.
    expectProblem(await lead.post(`/api/v1/break-glass/${grant.id}/review`, { verdict: "justified", note: null }), { status: 403, code: "forbidden", reason: "self_review" });
    expectProblem(await coachClient.get("/api/v1/break-glass"), { status: 403, code: "forbidden" });
    const admin = await loginAs(app, beheerder.email);
    const open = bodyOf(await admin.get("/api/v1/break-glass"), 200, BreakGlassGrantList);
    assert.deepEqual(open.items.map((g) => g.id), [grant.id]);
    const reviewer = await loginAs(app, secondLead.email);
    const reviewed = bodyOf(await reviewer.post(`/api/v1/break-glass/${grant.id}/review`, { verdict: "justified", note: "Terecht: acute situatie." }), 200, BreakGlassGrant);
    assert.equal(reviewed.review?.verdict, "justified");
    assert.equal(reviewed.review?.by.id, secondLead.id);
    expectProblem(await admin.post(`/api/v1/break-glass/${grant.id}/review`, { verdict: "not_justified", note: null }), { status: 409, code: "conflict", reason: "already_reviewed" });
    assert.deepEqual(bodyOf(await admin.get("/api/v1/break-glass"), 200, BreakGlassGrantList).items, []);
    assert.equal(bodyOf(await admin.get("/api/v1/break-glass?status=all"), 200, BreakGlassGrantList).items.length, 1);
  });
});
