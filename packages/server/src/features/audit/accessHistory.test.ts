import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test, type TestContext } from "node:test";
import { AccessHistoryPage } from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import { userActor } from "../../authz/actor.ts";
import type { Database } from "../../db/database.ts";
import { partnerOrganisations } from "../../db/schema.ts";
import { appFor, auditRows, bodyOf, expectProblem, expectStatus } from "../../testing/api.ts";
import { createTestOrganisation, makeFamily, measurementInput, ploeg9 } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";

describe(`access history — wie heeft dit dossier ingezien (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext) {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const family = await makeFamily(database.db, coach.actor);
    const app = await appFor(t, database.db);
    return { org, coach, family, app, http: await loginAs(app, coach.email) };
  }

  test("the family's team sees who read or changed the file, in which role and organisation, when, what and why; newest first", async (t) => {
    const { org, coach, family, app, http } = await setup(t);
    const support = await org.user("ondersteuning");
    const supportHttp = await loginAs(app, support.email);
    const [partner] = await database.db.insert(partnerOrganisations).values({ organisationId: org.organisationId, name: "Schuldhulp Noord", kind: "schuldhulp" }).returning();
    assert.ok(partner);
    const partnerActor = userActor(org.organisationId, { id: randomUUID(), name: "Test ketenpartner", role: "ketenpartner", teamId: null, partnerOrganisationId: partner.id });

    const read = await app.inject({ method: "GET", url: `/api/v1/families/${family.id}`, headers: { cookie: http.cookie, "x-ploegwerk-purpose": "Huisbezoek voorbereiden" } });
    expectStatus(read, 200);
    expectStatus(await supportHttp.get(`/api/v1/families/${family.id}/measurements`), 200);
    expectStatus(await http.post(`/api/v1/families/${family.id}/measurements`, measurementInput(0, ploeg9(3, 3, 3, 3, 3, 3, 3, 3, 3))), 201);
    // A chain partner's read (their own endpoints log it through the same writer).
    await audit(database.db, partnerActor, { kind: "read", action: "family.viewed", entityType: "family", entityId: family.id, familyId: family.id, purpose: "Schuldhulptraject" });

    const rowsBefore = (await auditRows(database.db, org.organisationId, { familyId: family.id, includeReads: true })).length;
    const history = bodyOf(await http.get(`/api/v1/families/${family.id}/access-history`), 200, AccessHistoryPage);
    const orgName = (await auditRows(database.db, org.organisationId, { action: "organisation.created" }))[0]?.details.name;
    assert.deepEqual(
      history.items.map((e) => [e.kind, e.action, e.actor, e.actorRole, e.organisation, e.purpose]),
      [
        ["read", "family.viewed", "Test ketenpartner (ketenpartner)", "ketenpartner", "Schuldhulp Noord", "Schuldhulptraject"],
        ["write", "measurement.created", "Test coach (coach)", "coach", orgName, null],
        ["read", "measurement.viewed", "Test ondersteuning (ondersteuning)", "ondersteuning", orgName, null],
        ["read", "family.viewed", "Test coach (coach)", "coach", orgName, "Huisbezoek voorbereiden"],
        ["write", "family.created", "Test coach (coach)", "coach", orgName, null],
      ],
    );
    assert.equal(history.nextBefore, null);
    assert.ok(history.items.every((e, i, all) => i === 0 || Date.parse(all[i - 1]?.occurredAt ?? "") >= Date.parse(e.occurredAt)));
    assert.equal((await auditRows(database.db, org.organisationId, { familyId: family.id, includeReads: true })).length, rowsBefore, "looking at the history does not add to it");

    // Pages of two, following nextBefore, give the same list.
    const paged = [];
    let before: number | null | undefined;
    do {
      const page = bodyOf(await http.get(`/api/v1/families/${family.id}/access-history?pageSize=2${before ? `&before=${before}` : ""}`), 200, AccessHistoryPage);
      assert.ok(page.items.length <= 2);
      paged.push(...page.items);
      before = page.nextBefore;
    } while (before);
    assert.deepEqual(paged.map((e) => e.id), history.items.map((e) => e.id));
    assert.ok(coach.id && history.items[1]?.actorUserId === coach.id);
  });

  test("only the family's own team sees it: another team and the beheerder get 404, an unknown family 404", async (t) => {
    const { org, family, app } = await setup(t);
    for (const role of ["teamleider", "ondersteuning"] as const) {
      const client = await loginAs(app, (await org.user(role)).email);
      expectStatus(await client.get(`/api/v1/families/${family.id}/access-history`), 200);
    }
    const otherTeam = await loginAs(app, (await org.user("coach", { team: "other" })).email);
    expectProblem(await otherTeam.get(`/api/v1/families/${family.id}/access-history`), { status: 404, code: "not_found" });
    const admin = await loginAs(app, (await org.user("beheerder")).email);
    expectProblem(await admin.get(`/api/v1/families/${family.id}/access-history`), { status: 404, code: "not_found" });
    const coach = await loginAs(app, (await org.user("coach")).email);
    expectProblem(await coach.get(`/api/v1/families/${randomUUID()}/access-history`), { status: 404, code: "not_found" });
    // Another organisation's family is not found either, even for a coach there.
    const elsewhere = await createTestOrganisation(database.db, "Elders");
    const theirs = await makeFamily(database.db, (await elsewhere.user("coach")).actor);
    expectProblem(await coach.get(`/api/v1/families/${theirs.id}/access-history`), { status: 404, code: "not_found" });
  });
});
