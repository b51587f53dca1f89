import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { addDays, AuditEventPage, parseCsv, todayInNetherlands } from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import type { Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem, expectStatus } from "../../testing/api.ts";
import { createTestOrganisation, makeFamily } from "../../testing/factories.ts";
import { loginAs, type Client } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";

describe(`the beheerder's audit search and export (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext) {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const support = await org.user("ondersteuning");
    const [one, two] = [await makeFamily(database.db, coach.actor), await makeFamily(database.db, coach.actor)];
    assert.ok(one && two);
    const app = await appFor(t, database.db);
    const coachHttp = await loginAs(app, coach.email);
    const supportHttp = await loginAs(app, support.email);
    expectStatus(await coachHttp.get(`/api/v1/families/${one.id}`), 200);
    expectStatus(await supportHttp.get(`/api/v1/families/${two.id}`), 200);
    expectStatus(await coachHttp.get(`/api/v1/families/${two.id}/measurements`), 200);
    const admin = await loginAs(app, (await org.user("beheerder")).email);
    return { org, coach, support, one, two, app, coachHttp, admin };
  }

  const search = async (admin: Client, query: string) => bodyOf(await admin.get(`/api/v1/audit?pageSize=500&${query}`), 200, AuditEventPage).items;

  test("filters by actor, family, action, kind, Dutch calendar days and part of the record id", async (t) => {
    const { org, coach, support, one, two, admin } = await setup(t);
    const all = await search(admin, "");
    assert.deepEqual(all.map((e) => e.id), [...all.map((e) => e.id)].sort((a, b) => b - a), "newest first");
    assert.ok(all.every((e) => e.seq !== null));

    // (Log-ins are written by the system actor "login", about the user: entityId, not actorUserId.)
    assert.deepEqual((await search(admin, `actorUserId=${support.id}`)).map((e) => [e.action, e.familyId]), [["family.viewed", two.id]]);
    assert.deepEqual((await search(admin, `familyId=${two.id}`)).map((e) => [e.action, e.actorUserId]), [["measurement.viewed", coach.id], ["family.viewed", support.id], ["family.created", coach.id]]);
    assert.deepEqual((await search(admin, `action=family.viewed&actorUserId=${coach.id}`)).map((e) => e.familyId), [one.id]);
    const reads = await search(admin, "kind=read");
    assert.deepEqual(reads.map((e) => e.action), ["measurement.viewed", "family.viewed", "family.viewed"]);
    assert.ok((await search(admin, "kind=auth")).every((e) => e.action.startsWith("session.")));
    assert.deepEqual((await search(admin, `entityId=${one.id.slice(9, 18).toUpperCase()}`)).map((e) => e.entityId), [one.id, one.id], "part of the id, any case");
    assert.deepEqual(await search(admin, "entityId=%25"), [], "LIKE's wildcards are searched literally");

    const today = todayInNetherlands();
    assert.equal((await search(admin, `from=${today}&to=${today}`)).length, all.length);
    assert.deepEqual(await search(admin, `to=${addDays(today, -1)}`), []);
    assert.deepEqual(await search(admin, `from=${addDays(today, 1)}`), []);
    expectProblem(await admin.get(`/api/v1/audit?from=${today}&to=${addDays(today, -1)}`), { status: 400, code: "invalid", invalidParams: ["querystring.to"] });
    expectProblem(await admin.get("/api/v1/audit?kind=delete"), { status: 400, code: "invalid", invalidParams: ["querystring.kind"] });
    assert.ok(org.organisationId);
  });

  test("keyset pages follow each other without gaps or repeats, also while rows are being written", async (t) => {
    const { org, admin, coachHttp, one } = await setup(t);
    const all = await search(admin, "");
    const paged = [];
    let before: number | null = null;
    do {
      const page: AuditEventPage = bodyOf(await admin.get(`/api/v1/audit?pageSize=3${before ? `&before=${before}` : ""}`), 200, AuditEventPage);
      paged.push(...page.items);
      before = page.nextBefore;
      // New rows land on top, not in the pages still to come.
      expectStatus(await coachHttp.get(`/api/v1/families/${one.id}`), 200);
    } while (before);
    assert.deepEqual(paged.map((e) => e.id), all.map((e) => e.id));
    assert.ok((await auditRows(database.db, org.organisationId, { includeReads: true })).length > all.length);
  });

  test("CSV export: the filtered rows, formula-like cells defused, and the export itself logged", async (t) => {
    const { org, one, admin, coachHttp } = await setup(t);
    await audit(database.db, org.system, { action: "family.updated", entityType: "family", entityId: "=HYPERLINK(\"http://x\")", familyId: one.id, details: { note: "+31 6, \"quoted\"" } });
    const expected = await search(admin, `familyId=${one.id}`);
    const res = await admin.get(`/api/v1/audit/export.csv?familyId=${one.id}`);
    expectStatus(res, 200);
    assert.match(String(res.headers["content-type"]), /^text\/csv/);
    assert.match(String(res.headers["content-disposition"]), /^attachment; filename="logboek-\d{4}-\d{2}-\d{2}\.csv"$/);
    assert.equal(res.headers["x-ploegwerk-truncated"], "false");
    const [header, ...records] = parseCsv(res.body);
    assert.deepEqual(header?.cells.slice(0, 4), ["id", "seq", "occurred_at", "kind"]);
    assert.deepEqual(records.map((r) => Number(r.cells[0])), expected.map((e) => e.id));
    const forged = records.find((r) => r.cells[10]?.includes("HYPERLINK"));
    assert.equal(forged?.cells[10], "'=HYPERLINK(\"http://x\")", "a spreadsheet shows it as text");
    assert.deepEqual(JSON.parse(forged?.cells[13] ?? "{}"), { note: "+31 6, \"quoted\"" });

    const exported = await auditRows(database.db, org.organisationId, { action: "audit.exported", includeReads: true });
    assert.equal(exported.length, 1);
    assert.equal(exported[0]?.kind, "read");
    assert.equal(exported[0]?.details.familyId, one.id);

    expectProblem(await coachHttp.get("/api/v1/audit"), { status: 403, code: "forbidden" });
    expectProblem(await coachHttp.get("/api/v1/audit/export.csv"), { status: 403, code: "forbidden" });
  });
});
