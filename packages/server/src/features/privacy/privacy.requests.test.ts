import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { pseudonymCaseNumber, PrivacyRequest, PrivacyRequestList, todayInNetherlands } from "@ploegwerk/domain";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { families, measurements, members, privacyRequests } from "../../db/schema.ts";
import { appFor, auditRows, bodyOf, expectProblem, expectStatus } from "../../testing/api.ts";
import { createTestOrganisation, makeFamily } from "../../testing/factories.ts";
import { loginAs, type Client } from "../../testing/http.ts";
import { closedFamilyFile } from "../../testing/privacyFixtures.ts";
import { makeTrajectory } from "../../testing/trajectories.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { countFamilyRows } from "./erasure.ts";

const TODAY = todayInNetherlands();

describe(`AVG requests register (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function world(t: Parameters<typeof appFor>[0]) {
    const db = database.db;
    const org = await createTestOrganisation(db, "AVG");
    const coach = await org.user("coach");
    const lead = await org.user("teamleider");
    const partner = await org.partner();
    const app = await appFor(t, db);
    return { db, org, coach, lead, partner, app, coachClient: await loginAs(app, coach.email), leadClient: await loginAs(app, lead.email) };
  }
  const record = (client: Client, familyId: string, body: Record<string, unknown>) =>
    client.post(`/api/v1/families/${familyId}/privacy-requests`, { requestedBy: "Sanne de Voorbeeld (moeder)", receivedOn: TODAY, ...body });

  test("record and list: kind, who asked, when, and the answer due a month later; audited without the requester's name", async (t) => {
    const { db, org, coach, coachClient } = await world(t);
    const family = await makeFamily(db, coach.actor);
    const created = bodyOf(await record(coachClient, family.id, { kind: "inzage", receivedOn: "2026-01-31", description: "Wil alles zien wat over haar is opgeschreven." }), 201, PrivacyRequest);
    assert.equal(created.status, "open");
    assert.equal(created.answerDueOn, "2026-02-28");
    assert.equal(created.recordedBy?.id, coach.id);
    const list = bodyOf(await coachClient.get(`/api/v1/families/${family.id}/privacy-requests`), 200, PrivacyRequestList);
    assert.deepEqual(list.items.map((r) => r.id), [created.id]);
    const [row] = await auditRows(db, org.organisationId, { action: "privacy_request.recorded" });
    assert.deepEqual(row?.details, { kind: "inzage", memberId: null, receivedOn: "2026-01-31" });
    assert.doesNotMatch(JSON.stringify(row), /Sanne/);
  });

  test("bad input: unknown kind, a future date, a member of another family", async (t) => {
    const { db, coach, coachClient } = await world(t);
    const family = await makeFamily(db, coach.actor);
    const other = await makeFamily(db, coach.actor);
    expectProblem(await record(coachClient, family.id, { kind: "vergeten" }), { status: 400, code: "invalid", invalidParams: ["kind"] });
    expectProblem(await record(coachClient, family.id, { kind: "inzage", receivedOn: "2999-01-01" }), { status: 400, code: "invalid", invalidParams: ["receivedOn"] });
    expectProblem(await record(coachClient, family.id, { kind: "inzage", memberId: other.members[0]?.id }), { status: 400, code: "invalid", invalidParams: ["memberId"] });
  });

  test("four eyes on erasure: the recorder cannot decide it (403 self_approval), a colleague can; a decided request stays decided", async (t) => {
    const { db, org, coach, partner, coachClient, leadClient } = await world(t);
    const family = await closedFamilyFile(db, coach.actor, "2024-03-01", { partnerId: partner.id });
    const request = bodyOf(await record(coachClient, family.familyId, { kind: "verwijdering" }), 201, PrivacyRequest);
    const decision = { version: request.version, status: "granted", decidedOn: TODAY, decision: "Wij verwijderen uw gegevens.", erasure: { action: "purge", legalGround: null } };
    const url = `/api/v1/families/${family.familyId}/privacy-requests/${request.id}/decision`;
    expectProblem(await coachClient.post(url, decision), { status: 403, code: "forbidden", reason: "self_approval" });
    expectProblem(await leadClient.post(url, { ...decision, version: 99 }), { status: 409, code: "conflict", reason: "stale_version" });
    const decided = bodyOf(await leadClient.post(url, decision), 200, PrivacyRequest);
    assert.equal(decided.status, "granted");
    assert.equal(decided.familyId, null, "the register entry outlives the family");
    assert.equal(decided.decision, "Wij verwijderen uw gegevens.\n\nUitgevoerd: de gegevens zijn verwijderd.");
    // Purged through the same path as the bewaartermijnen: nothing of the family is left.
    assert.deepEqual(await countFamilyRows(db, org.organisationId, family.familyId), {});
    expectProblem(await leadClient.get(`/api/v1/families/${family.familyId}`), { status: 404, code: "not_found" });
    const purged = await auditRows(db, org.organisationId, { action: "family.purged" });
    assert.equal(purged.length, 1);
    assert.equal(purged[0]?.details.cause, "request");
    assert.equal(purged[0]?.details.requestId, request.id);
    assert.equal((await auditRows(db, org.organisationId, { action: "privacy_request.decided" })).length, 1);
    // The whole family is gone, so the request is no longer reachable under it either.
    expectProblem(await leadClient.post(url, decision), { status: 404, code: "not_found" });
  });

  test("erasure with a legal duty to keep: pseudonymised, and the decision says on what ground", async (t) => {
    const { db, org, coach, partner, coachClient, leadClient } = await world(t);
    const family = await closedFamilyFile(db, coach.actor, "2024-03-01", { partnerId: partner.id });
    const request = bodyOf(await record(leadClient, family.familyId, { kind: "verwijdering" }), 201, PrivacyRequest);
    const url = `/api/v1/families/${family.familyId}/privacy-requests/${request.id}/decision`;
    const decision = { version: 1, status: "granted", decidedOn: TODAY, decision: "Wij halen uw naam en adres weg.", erasure: { action: "pseudonymise", legalGround: "" } };
    expectProblem(await coachClient.post(url, decision), { status: 400, code: "invalid", invalidParams: ["erasure.legalGround"] });
    const decided = bodyOf(await coachClient.post(url, { ...decision, erasure: { action: "pseudonymise", legalGround: "Jeugdwet art. 7.3.8 (bewaartermijn 20 jaar)" } }), 200, PrivacyRequest);
    assert.match(decided.decision ?? "", /gepseudonimiseerd .*Jeugdwet art\. 7\.3\.8/);
    const [f] = await db.select().from(families).where(and(eq(families.organisationId, org.organisationId), eq(families.id, family.familyId)));
    assert.equal(f?.caseNumber, pseudonymCaseNumber(family.familyId));
    assert.equal(f?.street, null);
    const names = await db.select({ givenName: members.givenName, bsn: members.bsn }).from(members).where(eq(members.familyId, family.familyId));
    assert.ok(names.every((m) => m.givenName === "Gezinslid" && m.bsn === null));
    const [row] = await auditRows(db, org.organisationId, { action: "family.pseudonymised" });
    assert.equal(row?.details.legalGround, "Jeugdwet art. 7.3.8 (bewaartermijn 20 jaar)");
  });

  test("a family still being coached is not erased (409); refusing is possible, with reasons", async (t) => {
    const { db, coach, coachClient, leadClient } = await world(t);
    const { familyId } = await makeTrajectory(db, coach.actor, { phase: "intake" });
    const request = bodyOf(await record(coachClient, familyId, { kind: "verwijdering" }), 201, PrivacyRequest);
    const url = `/api/v1/families/${familyId}/privacy-requests/${request.id}/decision`;
    expectProblem(await leadClient.post(url, { version: 1, status: "granted", decidedOn: TODAY, decision: "Ja.", erasure: { action: "purge", legalGround: null } }), {
      status: 409,
      code: "conflict",
      reason: "family_has_open_trajectory",
    });
    expectStatus(await leadClient.get(`/api/v1/families/${familyId}`), 200);
    const refused = bodyOf(await leadClient.post(url, { version: 1, status: "refused", decidedOn: TODAY, decision: "Het traject loopt nog; wij bewaren de gegevens zolang wij u helpen." }), 200, PrivacyRequest);
    assert.equal(refused.status, "refused");
    assert.equal(refused.decidedBy?.name, "Test teamleider");
  });

  test("one member's erasure: the member and their own metingen go, the family stays", async (t) => {
    const { db, org, coach, partner, coachClient, leadClient } = await world(t);
    const family = await closedFamilyFile(db, coach.actor, "2024-03-01", { partnerId: partner.id });
    const [child] = await db.select().from(members).where(and(eq(members.familyId, family.familyId), eq(members.role, "child")));
    assert.ok(child);
    await db.insert(measurements).values({ organisationId: org.organisationId, familyId: family.familyId, memberId: child.id, instrumentKey: "ploeg-9", instrumentVersion: 1, round: 0, scores: [3, 3, 3, 3, 3, 3, 3, 3, 3], justifications: Array(9).fill(null), problemCount: 9 });
    const request = bodyOf(await record(coachClient, family.familyId, { kind: "verwijdering", memberId: child.id, requestedBy: child.givenName }), 201, PrivacyRequest);
    const decided = bodyOf(
      await leadClient.post(`/api/v1/families/${family.familyId}/privacy-requests/${request.id}/decision`, { version: 1, status: "granted", decidedOn: TODAY, decision: "Gedaan.", erasure: { action: "purge", legalGround: null } }),
      200,
      PrivacyRequest,
    );
    assert.equal(decided.familyId, family.familyId);
    assert.equal(decided.memberId, null, "the entry no longer points at the erased member");
    assert.deepEqual((await db.select().from(members).where(eq(members.familyId, family.familyId))).map((m) => m.role), ["parent"]);
    assert.equal((await db.select().from(measurements).where(eq(measurements.memberId, child.id))).length, 0);
    assert.equal((await db.select().from(privacyRequests).where(eq(privacyRequests.id, request.id))).length, 1);
    assert.equal((await auditRows(db, org.organisationId, { action: "member.purged" })).length, 1);
  });

  test("one member pseudonymised under a legal duty: name, BSN and exact birthday go, role, band and metingen stay", async (t) => {
    const { db, org, coach, partner, coachClient, leadClient } = await world(t);
    const family = await closedFamilyFile(db, coach.actor, "2024-03-01", { partnerId: partner.id });
    const [parent] = await db.select().from(members).where(and(eq(members.familyId, family.familyId), eq(members.role, "parent")));
    assert.ok(parent);
    const request = bodyOf(await record(coachClient, family.familyId, { kind: "verwijdering", memberId: parent.id }), 201, PrivacyRequest);
    expectStatus(
      await leadClient.post(`/api/v1/families/${family.familyId}/privacy-requests/${request.id}/decision`, {
        version: 1,
        status: "granted",
        decidedOn: TODAY,
        decision: "Uw naam en BSN zijn weggehaald.",
        erasure: { action: "pseudonymise", legalGround: "Jeugdwet art. 7.3.8" },
      }),
      200,
    );
    const [after] = await db.select().from(members).where(eq(members.id, parent.id));
    assert.deepEqual([after?.givenName, after?.surname, after?.bsn, after?.role, after?.dateOfBirth], ["Gezinslid", "(gepseudonimiseerd)", null, "parent", "1985-01-01"]);
    assert.equal((await db.select().from(measurements).where(eq(measurements.familyId, family.familyId))).length, 1, "the family's metingen stay");
    assert.equal((await auditRows(db, org.organisationId, { action: "member.pseudonymised" })).length, 1);
  });

  test("only the family's own team: ondersteuning reads nothing (403), another team 404", async (t) => {
    const { db, org, coach, app } = await world(t);
    const family = await makeFamily(db, coach.actor);
    const support = await loginAs(app, (await org.user("ondersteuning")).email);
    expectProblem(await support.get(`/api/v1/families/${family.id}/privacy-requests`), { status: 403, code: "forbidden" });
    expectProblem(await record(support, family.id, { kind: "inzage" }), { status: 403, code: "forbidden" });
    const otherTeam = await loginAs(app, (await org.user("coach", { team: "other" })).email);
    expectProblem(await otherTeam.get(`/api/v1/families/${family.id}/privacy-requests`), { status: 404, code: "not_found" });
  });
});
