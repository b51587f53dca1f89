import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { CorrectionList, Family, Member } from "@ploegwerk/domain";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { corrections, privacyRequests } from "../../db/schema.ts";
import { appFor, bodyOf, expectProblem, expectStatus } from "../../testing/api.ts";
import { createTestOrganisation, makeFamily } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";

describe(`correction with history (AVG art. 16) (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function world(t: Parameters<typeof appFor>[0]) {
    const db = database.db;
    const org = await createTestOrganisation(db, "Correctie");
    const coach = await org.user("coach");
    const family = await makeFamily(db, coach.actor, { address: { street: "Korreweg", houseNumber: "12", postcode: "9714AB", city: "Groningen" } });
    const app = await appFor(t, db);
    return { db, org, coach, family, app, client: await loginAs(app, coach.email) };
  }
  const rowsOf = (db: Database["db"], organisationId: string, familyId: string) =>
    db.select().from(corrections).where(and(eq(corrections.organisationId, organisationId), eq(corrections.familyId, familyId)));

  test("a member's name and BSN corrected: before and after per changed field, with the reason; the BSN masked", async (t) => {
    const { db, org, family, client } = await world(t);
    const member = family.members.find((m) => m.role === "parent");
    assert.ok(member);
    const res = await client.patch(`/api/v1/families/${family.id}/members/${member.id}`, {
      version: member.version,
      givenName: "Sanna",
      surname: member.surname,
      bsn: "111222333",
      correctionReason: "Moeder wees op een tikfout en gaf haar BSN.",
    });
    bodyOf(res, 200, Member);
    const list = bodyOf(await client.get(`/api/v1/families/${family.id}/corrections`), 200, CorrectionList);
    const byField = Object.fromEntries(list.items.map((c) => [c.field, c]));
    assert.deepEqual(Object.keys(byField).sort(), ["bsn", "givenName"], "the unchanged surname is not a correction");
    assert.deepEqual([byField.givenName?.before, byField.givenName?.after], ["Sanne", "Sanna"]);
    assert.deepEqual([byField.bsn?.before, byField.bsn?.after], [null, "••••••333"]);
    for (const c of list.items) {
      assert.equal(c.entityType, "member");
      assert.equal(c.entityId, member.id);
      assert.equal(c.reason, "Moeder wees op een tikfout en gaf haar BSN.");
      assert.equal(c.by?.name, "Test coach");
    }
    assert.equal((await rowsOf(db, org.organisationId, family.id)).length, 2);
  });

  test("the family's address: each changed part of it; a team change is no correction; no reason is null", async (t) => {
    const { family, client, org } = await world(t);
    const res = await client.patch(`/api/v1/families/${family.id}`, {
      version: family.version,
      address: { street: "Korreweg", houseNumber: "14", postcode: "9714AB", city: "Groningen" },
      neighbourhood: "De Hoogte",
      teamId: org.teamId,
    });
    bodyOf(res, 200, Family);
    const list = bodyOf(await client.get(`/api/v1/families/${family.id}/corrections`), 200, CorrectionList);
    assert.deepEqual(
      list.items.map((c) => [c.entityType, c.field, c.before, c.after, c.reason]).sort(),
      [
        ["family", "houseNumber", "12", "14", null],
        ["family", "neighbourhood", null, "De Hoogte", null],
      ],
    );
  });

  test("nothing is recorded when the change itself fails (stale version), or points at another family's request", async (t) => {
    const { db, org, coach, family, client } = await world(t);
    const member = family.members[0];
    assert.ok(member);
    expectProblem(await client.patch(`/api/v1/families/${family.id}/members/${member.id}`, { version: member.version + 5, givenName: "X" }), { status: 409, code: "conflict", reason: "stale_version" });
    const other = await makeFamily(db, coach.actor);
    const [foreignRequest] = await db
      .insert(privacyRequests)
      .values({ organisationId: org.organisationId, familyId: other.id, kind: "correctie", requestedBy: "Iemand", receivedOn: "2026-01-01", status: "open" })
      .returning({ id: privacyRequests.id });
    expectProblem(await client.patch(`/api/v1/families/${family.id}/members/${member.id}`, { version: member.version, givenName: "Y", privacyRequestId: foreignRequest?.id }), {
      status: 400,
      code: "invalid",
      invalidParams: ["privacyRequestId"],
    });
    assert.equal((await rowsOf(db, org.organisationId, family.id)).length, 0);
    // The refused change did not happen either: one transaction.
    const current = bodyOf(await client.get(`/api/v1/families/${family.id}`), 200, Family);
    assert.equal(current.members.find((m) => m.id === member.id)?.givenName, member.givenName);
  });

  test("a correction answering an AVG correctie request is linked to it", async (t) => {
    const { db, org, family, client } = await world(t);
    const member = family.members[0];
    assert.ok(member);
    const [request] = await db
      .insert(privacyRequests)
      .values({ organisationId: org.organisationId, familyId: family.id, memberId: member.id, kind: "correctie", requestedBy: "Sanne", receivedOn: "2026-01-01", status: "open" })
      .returning({ id: privacyRequests.id });
    expectStatus(await client.patch(`/api/v1/families/${family.id}/members/${member.id}`, { version: member.version, dateOfBirth: "1988-04-21", privacyRequestId: request?.id }), 200);
    const [c] = bodyOf(await client.get(`/api/v1/families/${family.id}/corrections`), 200, CorrectionList).items;
    assert.deepEqual([c?.field, c?.before, c?.after, c?.requestId], ["dateOfBirth", "1988-04-12", "1988-04-21", request?.id]);
  });

  test("the history is read by the family's own coach and team lead only", async (t) => {
    const { org, family, app } = await world(t);
    expectStatus(await (await loginAs(app, (await org.user("teamleider")).email)).get(`/api/v1/families/${family.id}/corrections`), 200);
    expectProblem(await (await loginAs(app, (await org.user("ondersteuning")).email)).get(`/api/v1/families/${family.id}/corrections`), { status: 403, code: "forbidden" });
    expectProblem(await (await loginAs(app, (await org.user("coach", { team: "other" })).email)).get(`/api/v1/families/${family.id}/corrections`), { status: 404, code: "not_found" });
  });
});
