import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { BUILTIN_INSTRUMENTS, CreatedFamily, Family, FamilyList, Measurement, Member, NetworkPerson, Team, User } from "@ploegwerk/domain";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/database.ts";
import { auditEvents, families, members, networkPersons } from "../../db/schema.ts";
import { appFor, auditRows, bodyOf, expectProblem, expectStatus } from "../../testing/api.ts";
import { createTestOrganisation, familyInput, measurementInput, ploeg9, uniqueCaseNumber } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";

const AuditList = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      occurredAt: z.string(),
      actor: z.string(),
      actorUserId: z.string().nullable(),
      action: z.string(),
      entityType: z.string(),
      entityId: z.string(),
      familyId: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
});

describe(`audit trail (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext) {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const admin = await org.user("beheerder");
    const app = await appFor(t, database.db);
    return { org, coach, admin, app, coachClient: await loginAs(app, coach.email), adminClient: await loginAs(app, admin.email) };
  }

  /** Audit rows that record changes to data (log-ins, log-outs and reads left out). */
  const changeRows = (organisationId: string) =>
    database.db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, organisationId), eq(auditEvents.kind, "write")));

  test("every write leaves exactly one audit row with the actor's user id, the action and the record id", async (t) => {
    const { org, coach, admin, coachClient, adminClient } = await setup(t);
    const before = (await changeRows(org.organisationId)).length;

    const family = bodyOf(await coachClient.post("/api/v1/families", familyInput()), 201, CreatedFamily).family;
    const fid = family.id;
    expectStatus(await coachClient.patch(`/api/v1/families/${fid}`, { version: 1, district: "Zuid", neighbourhood: null }), 200);
    const member = bodyOf(await coachClient.post(`/api/v1/families/${fid}/members`, { givenName: "Lotte", surname: "de Wit", role: "child", dateOfBirth: "2019-03-03" }), 201, Member);
    expectStatus(await coachClient.patch(`/api/v1/families/${fid}/members/${member.id}`, { version: 1, givenName: "Lotte-Marie", bsn: null }), 200);
    expectStatus(await coachClient.delete(`/api/v1/families/${fid}/members/${member.id}`), 204);
    const person = bodyOf(await coachClient.post(`/api/v1/families/${fid}/network`, { name: "Buurman Piet", relation: "buurman" }), 201, NetworkPerson);
    expectStatus(await coachClient.delete(`/api/v1/families/${fid}/network/${person.id}`), 204);
    const m = bodyOf(await coachClient.post(`/api/v1/families/${fid}/measurements`, measurementInput(0, ploeg9(2, 2, 3, 3, 4, 4, 5, 5, 3))), 201, Measurement);
    expectStatus(await coachClient.patch(`/api/v1/families/${fid}/measurements/${m.id}`, { version: 1, note: "Aangevuld", scores: m.scores }), 200);

    const user = bodyOf(await adminClient.post("/api/v1/users", { name: "Nieuwe Coach", email: `nieuw-${Date.now()}@test.ploegwerk.nl`, role: "coach", teamId: org.teamId, password: "een lang genoeg wachtwoord" }), 201, User);
    expectStatus(await adminClient.patch(`/api/v1/users/${user.id}`, { version: 1, name: "Nieuwe Gezinscoach" }), 200);
    const team = bodyOf(await adminClient.post("/api/v1/teams", { name: "Team West" }), 201, Team);
    const ladder = BUILTIN_INSTRUMENTS.find((d) => d.key === "participatieladder");
    assert.ok(ladder);
    expectStatus(await adminClient.post("/api/v1/instruments", { ...ladder, version: 2 }), 201);

    const expected: [action: string, entityId: string, actorUserId: string, familyId: string | null][] = [
      ["family.created", fid, coach.id, fid],
      ["family.updated", fid, coach.id, fid],
      ["member.created", member.id, coach.id, fid],
      ["member.updated", member.id, coach.id, fid],
      ["member.deleted", member.id, coach.id, fid],
      ["network_person.created", person.id, coach.id, fid],
      ["network_person.deleted", person.id, coach.id, fid],
      ["measurement.created", m.id, coach.id, fid],
      ["measurement.updated", m.id, coach.id, fid],
      ["user.created", user.id, admin.id, null],
      ["user.updated", user.id, admin.id, null],
      ["team.created", team.id, admin.id, null],
      ["instrument.imported", "participatieladder@2", admin.id, null],
    ];
    // In the table: exactly these rows were added, one per write, in order.
    const rows = (await changeRows(org.organisationId)).sort((a, b) => a.id - b.id).slice(before);
    assert.deepEqual(rows.map((r) => [r.action, r.entityId, r.actorUserId, r.familyId]), expected);
    assert.ok(rows.slice(0, 9).every((r) => r.actorLabel === "Test coach (coach)"));
    assert.deepEqual(rows[0]?.details, { caseNumber: family.caseNumber, members: 2, network: 1 });
    // (The exact `changed` list is checked in measurements.test.ts; the PATCH-defaults bug adds fields to it.)
    const updateDetails = z.object({ changed: z.array(z.string()), fromVersion: z.number() }).parse(rows[8]?.details);
    assert.equal(updateDetails.fromVersion, 1);
    assert.ok(updateDetails.changed.includes("note") && updateDetails.changed.includes("scores"));

    // Over HTTP, the beheerder reads the family's trail newest first.
    const trail = bodyOf(await adminClient.get(`/api/v1/audit?familyId=${fid}`), 200, AuditList);
    assert.deepEqual(
      trail.items.map((i) => [i.action, i.entityId, i.actorUserId, i.familyId]),
      expected.filter((e) => e[3] === fid).reverse(),
    );
    assert.ok(trail.items.every((i) => i.actor === "Test coach (coach)"));
    const all = bodyOf(await adminClient.get("/api/v1/audit?pageSize=500"), 200, AuditList);
    assert.ok(all.items.some((i) => i.action === "user.created" && i.entityId === user.id && i.actorUserId === admin.id));
    // Keyset pages: the next page starts below the last id of this one.
    const page1 = bodyOf(await adminClient.get("/api/v1/audit?pageSize=3"), 200, AuditList.extend({ nextBefore: z.number().nullable() }));
    assert.equal(page1.nextBefore, all.items[2]?.id);
    const page2 = bodyOf(await adminClient.get(`/api/v1/audit?pageSize=3&before=${page1.nextBefore}`), 200, AuditList);
    assert.deepEqual(page2.items.map((i) => i.id), all.items.slice(3, 6).map((i) => i.id));
  });

  test("log-in, failed log-in and log-out are audited too", async (t) => {
    const { org, coach, app } = await setup(t);
    const wrong = await app.inject({ method: "POST", url: "/api/v1/session", headers: { "content-type": "application/json" }, payload: JSON.stringify({ email: coach.email, password: "fout wachtwoord" }) });
    expectStatus(wrong, 401);
    const again = await loginAs(app, coach.email);
    expectStatus(await again.delete("/api/v1/session"), 204);
    const rows = await auditRows(database.db, org.organisationId, { entityId: coach.id });
    // setup() logged in once; then the failed try, the second log-in and the log-out.
    assert.deepEqual(rows.map((r) => r.action), ["session.created", "session.failed", "session.created", "session.ended"]);
    assert.deepEqual(rows[1]?.details, { reason: "wrong_password", failedLogins: 1 });
    assert.equal(rows[3]?.actorUserId, coach.id);
  });

  test("a write that fails leaves no audit row and no data", async (t) => {
    const { org, coach, coachClient, adminClient, app } = await setup(t);
    const support = await loginAs(app, (await org.user("ondersteuning")).email);
    const caseNumber = uniqueCaseNumber("AUD");
    const family = bodyOf(await coachClient.post("/api/v1/families", familyInput({ caseNumber })), 201, CreatedFamily).family;
    const m = bodyOf(await coachClient.post(`/api/v1/families/${family.id}/measurements`, measurementInput(0, ploeg9(3, 3, 3, 3, 3, 3, 3, 3, 3))), 201, Measurement);
    const rowsBefore = await changeRows(org.organisationId);

    expectProblem(await coachClient.post("/api/v1/families", familyInput({ caseNumber })), { status: 409, code: "conflict", reason: "case_number_taken" });
    expectProblem(await coachClient.patch(`/api/v1/families/${family.id}`, { version: 7, district: "X" }), { status: 409, code: "conflict", reason: "stale_version" });
    expectProblem(await coachClient.post(`/api/v1/families/${family.id}/measurements`, measurementInput(0, ploeg9(4, 4, 4, 4, 4, 4, 4, 4, 4))), { status: 409, code: "conflict", reason: "duplicate_round" });
    expectProblem(await coachClient.patch(`/api/v1/families/${family.id}/measurements/${m.id}`, { version: 9, note: "x" }), { status: 409, code: "conflict", reason: "stale_version" });
    expectProblem(await support.patch(`/api/v1/families/${family.id}`, { version: 1, district: "X" }), { status: 403, code: "forbidden" });
    expectProblem(await coachClient.post("/api/v1/families", { ...familyInput(), members: [{ givenName: "A", surname: "B", role: "parent", dateOfBirth: "1980-01-01", bsn: "123456789" }] }), { status: 400, code: "invalid" });
    expectProblem(await adminClient.post("/api/v1/users", { name: "Dubbel", email: coach.email, role: "coach", teamId: org.teamId, password: "een lang genoeg wachtwoord" }), { status: 409, code: "conflict", reason: "email_taken" });

    const rowsAfter = await changeRows(org.organisationId);
    assert.deepEqual(rowsAfter.map((r) => r.id).sort(), rowsBefore.map((r) => r.id).sort(), "no audit row for any refused write");
    const list = bodyOf(await coachClient.get(`/api/v1/families?q=${caseNumber}`), 200, FamilyList);
    assert.equal(list.total, 1);
    const stored = bodyOf(await coachClient.get(`/api/v1/families/${family.id}`), 200, Family);
    assert.deepEqual([stored.version, stored.district], [1, family.district]);
    const measurements = z.object({ items: z.array(Measurement) }).parse((await coachClient.get(`/api/v1/families/${family.id}/measurements`)).json());
    assert.deepEqual(measurements.items.map((x) => [x.id, x.version, x.note]), [[m.id, 1, null]]);
  });

  test("all in one transaction: a failure after the first inserts rolls back the family, its members and its audit row", async (t) => {
    const { org, coachClient } = await setup(t);
    const caseNumber = uniqueCaseNumber("TX");
    const rowsBefore = await changeRows(org.organisationId);
    // The family and its members are inserted before the network; PostgreSQL refuses a NUL character
    // in text, so the network insert fails in the middle of the transaction.
    const res = await coachClient.post("/api/v1/families", familyInput({ caseNumber, network: [{ name: "Oma\u0000Jansen", relation: "oma" }] }));
    assert.ok(res.statusCode >= 400, `expected a refusal, got ${res.statusCode}`);

    assert.deepEqual(await database.db.select().from(families).where(and(eq(families.organisationId, org.organisationId), eq(families.caseNumber, caseNumber))), []);
    assert.deepEqual(await database.db.select().from(members).where(eq(members.organisationId, org.organisationId)), [], "no orphan members");
    assert.deepEqual(await database.db.select().from(networkPersons).where(eq(networkPersons.organisationId, org.organisationId)), []);
    assert.equal((await changeRows(org.organisationId)).length, rowsBefore.length, "no audit row");
    // The case number is still free.
    expectStatus(await coachClient.post("/api/v1/families", familyInput({ caseNumber })), 201);

    // The same for an edit: the measurement row is updated and its scores deleted before the new
    // scores fail, and all of it rolls back.
    const family = bodyOf(await coachClient.get(`/api/v1/families?q=${caseNumber}`), 200, FamilyList).items[0];
    assert.ok(family);
    const m = bodyOf(await coachClient.post(`/api/v1/families/${family.id}/measurements`, measurementInput(0, ploeg9(3, 3, 3, 3, 3, 3, 3, 3, 3))), 201, Measurement);
    const broken = await coachClient.patch(`/api/v1/families/${family.id}/measurements/${m.id}`, { version: 1, note: "ok", scores: { ...m.scores, huisvesting: { score: 2, justification: "Huur\u0000achterstand" } } });
    assert.ok(broken.statusCode >= 400, `expected a refusal, got ${broken.statusCode}`);
    const after = bodyOf(await coachClient.get(`/api/v1/families/${family.id}/measurements/${m.id}`), 200, Measurement);
    assert.equal(after.version, 1);
    assert.equal(after.note, null);
    assert.deepEqual(after.scores, m.scores, "the old scores are all still there");
    assert.equal((await auditRows(database.db, org.organisationId, { action: "measurement.updated" })).length, 0);
  });

  // BUG (see report): the zod contracts accept U+0000 in text, PostgreSQL refuses it, and the error
  // handler turns that into a 500. A client mistake should be a 400 naming the field.
  test("a NUL character in a text field is 400 invalid, not 500", async (t) => {
    const { coachClient } = await setup(t);
    const res = await coachClient.post("/api/v1/families", familyInput({ network: [{ name: "Oma\u0000Jansen", relation: "oma" }] }));
    expectProblem(res, { status: 400, code: "invalid", invalidParams: ["network.0.name"] });
  });

  test("only a beheerder reads the audit trail, and only their own organisation's", async (t) => {
    const { coachClient, adminClient, org } = await setup(t);
    expectProblem(await coachClient.get("/api/v1/audit"), { status: 403, code: "forbidden" });
    const elsewhere = await createTestOrganisation(database.db, "Elders");
    const foreign = await elsewhere.user("coach");
    const app = await appFor(t, database.db);
    const foreignClient = await loginAs(app, foreign.email);
    const theirs = bodyOf(await foreignClient.post("/api/v1/families", familyInput()), 201, CreatedFamily).family;
    const mine = bodyOf(await adminClient.get(`/api/v1/audit?familyId=${theirs.id}`), 200, AuditList);
    assert.deepEqual(mine.items, []);
    const all = bodyOf(await adminClient.get("/api/v1/audit?pageSize=500"), 200, AuditList);
    assert.ok(all.items.length > 0);
    assert.ok(all.items.every((i) => i.entityId !== theirs.id && i.entityId !== foreign.id && i.entityId !== elsewhere.organisationId));
    assert.ok(all.items.some((i) => i.action === "organisation.created" && i.entityId === org.organisationId));
  });
});
