import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { members, privacyRequests } from "../../db/schema.ts";
import { appFor, auditRows, expectProblem, expectStatus } from "../../testing/api.ts";
import { createTestOrganisation } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { readPdf } from "../../testing/pdfText.ts";
import { closedFamilyFile } from "../../testing/privacyFixtures.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";

function assertIncludes(text: string, expected: readonly string[]): void {
  for (const e of expected) assert.ok(text.includes(e), `missing "${e}" in: ${text.slice(0, 4000)}`);
}

describe(`inzage: export of everything about a family or a member (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function world(t: Parameters<typeof appFor>[0]) {
    const db = database.db;
    const org = await createTestOrganisation(db, "Inzage");
    const coach = await org.user("coach");
    const partner = await org.partner("Schuldhulp Stad");
    const family = await closedFamilyFile(db, coach.actor, "2026-01-15", { partnerId: partner.id });
    const familyMembers = await db.select().from(members).where(and(eq(members.organisationId, org.organisationId), eq(members.familyId, family.familyId)));
    const parent = familyMembers.find((m) => m.role === "parent");
    const child = familyMembers.find((m) => m.role === "child");
    assert.ok(parent && child);
    const app = await appFor(t, db);
    return { db, org, coach, family, parent, child, app, client: await loginAs(app, coach.email) };
  }

  test("JSON: every kind of record of the family, the staff it names and who opened the file", async (t) => {
    const { org, family, parent, client, db } = await world(t);
    expectStatus(await client.get(`/api/v1/families/${family.familyId}`), 200); // shows up in the access history
    const res = await client.get(`/api/v1/families/${family.familyId}/export.json`);
    expectStatus(res, 200);
    assert.match(String(res.headers["content-type"]), /^application\/json/);
    assert.match(String(res.headers["content-disposition"]), /^attachment; filename="inzage-T-[^"]+\.json"$/);
    const body = res.json() as Record<string, unknown> & { trajectories: Record<string, unknown[] | Record<string, unknown>>[]; members: { id: string; bsn: string | null }[] };
    assert.equal(body.format, "ploegwerk-inzage");
    assert.deepEqual(body.scope, { familyId: family.familyId, memberId: null });
    assert.equal(body.members.length, 2);
    for (const key of ["network", "measurements", "consents", "corrections", "privacyRequests", "accessHistory", "staff", "instruments"]) {
      assert.ok(Array.isArray(body[key]) && (body[key] as unknown[]).length > 0, `${key} is listed`);
    }
    const [trajectory] = body.trajectories;
    assert.ok(trajectory);
    for (const key of ["checks", "feedback", "phaseHistory", "planVersions", "actionProgress", "weeklyReports"]) {
      assert.ok(Array.isArray(trajectory[key]) && (trajectory[key] as unknown[]).length > 0, `trajectory ${key} is listed`);
    }
    assert.ok(JSON.stringify(body.accessHistory).includes("family.viewed"));
    assert.doesNotMatch(res.body, /organisationId/, "the tenant column is left out");
    assert.ok(res.body.includes("moeder vertelde over de schulden"), "free text as stored");
    assert.ok(res.body.includes(parent.givenName));
    // One read row for the export, and no generic family.viewed row next to it.
    const exported = await auditRows(db, org.organisationId, { action: "privacy.exported", includeReads: true });
    assert.equal(exported.length, 1);
    assert.equal(exported[0]?.kind, "read");
    assert.deepEqual(exported[0]?.details, { format: "json", memberId: null, route: "GET /api/v1/families/:familyId/export.json" });
    const reads = await auditRows(db, org.organisationId, { familyId: family.familyId, includeReads: true });
    assert.equal(reads.filter((r) => r.action === "family.viewed" && String(r.details.route ?? "").includes("export")).length, 0);
  });

  test("PDF: plain Dutch, tagged, with every section the family has", async (t) => {
    const { family, parent, client } = await world(t);
    expectStatus(await client.get(`/api/v1/families/${family.familyId}`), 200);
    const res = await client.get(`/api/v1/families/${family.familyId}/export.pdf`);
    expectStatus(res, 200);
    assert.equal(res.headers["content-type"], "application/pdf");
    const pdf = await readPdf(res.rawPayload);
    assert.equal(pdf.title, "Inzage: de gegevens van uw gezin");
    assert.equal(pdf.language, "nl-NL");
    assert.equal(pdf.tagged, true);
    assert.ok(pdf.roles.has("H1") && pdf.roles.has("H2") && pdf.roles.has("L"));
    assertIncludes(pdf.text, [
      "U heeft het recht om dit te zien (AVG, artikel 15)",
      "Gezinsleden",
      `${parent.givenName} ${parent.surname}`,
      "Adres en wijk",
      "Netwerk: familie, vrienden en buren",
      "Oma Jansen (oma)",
      "Traject: aangemeld op",
      "Reden van aanmelding Huurachterstand van vier maanden en zorgen over de kinderen.",
      "Checks bij de aanmelding",
      "Tijdpad",
      "Gezinsplan",
      "Versie 1: definitief (ondertekend)",
      `Ondertekend door ${parent.givenName} ${parent.surname}`,
      "De huur wordt elke maand betaald.",
      "Weekoverzichten",
      "Huisbezoek; moeder vertelde over de schulden.",
      "Metingen",
      "Toelichting bij huisvesting",
      "Toestemmingen",
      "Schuldhulp Stad mag zien",
      "Correcties",
      '"de Voorbeld" werd "de Voorbeeld"',
      "Uw verzoeken over uw gegevens (AVG)",
      "Inzage (AVG artikel 15), ontvangen op 1 december 2023",
      "Wie heeft dit dossier ingezien",
      "Test coach (coach)",
      "bekeek het dossier",
      "legde vast: een meting",
    ]);
  });

  test("one member: their own records and the family's shared ones, not the other member's", async (t) => {
    const { db, org, family, parent, child, client } = await world(t);
    await db.insert(privacyRequests).values({ organisationId: org.organisationId, familyId: family.familyId, memberId: child.id, kind: "correctie", requestedBy: "Voogd", receivedOn: "2026-01-02", status: "open" });
    const res = await client.get(`/api/v1/families/${family.familyId}/export.json?memberId=${parent.id}`);
    expectStatus(res, 200);
    const body = res.json() as { scope: unknown; members: { id: string }[]; privacyRequests: { memberId: string | null }[]; trajectories: unknown[] };
    assert.deepEqual(body.scope, { familyId: family.familyId, memberId: parent.id });
    assert.deepEqual(body.members.map((m) => m.id), [parent.id]);
    assert.deepEqual(body.privacyRequests.map((r) => r.memberId), [parent.id]);
    assert.equal(body.trajectories.length, 1, "the family's trajectory concerns every member");
    assert.ok(!res.body.includes(child.givenName), "the other member's name is not in it");

    const pdf = await readPdf((await client.get(`/api/v1/families/${family.familyId}/export.pdf?memberId=${parent.id}`)).rawPayload);
    assert.equal(pdf.title, `Inzage: de gegevens van ${parent.givenName} ${parent.surname}`);
    assertIncludes(pdf.text, ["Persoonsgegevens", `${parent.givenName} ${parent.surname}`]);

    expectProblem(await client.get(`/api/v1/families/${family.familyId}/export.json?memberId=${crypto.randomUUID()}`), { status: 404, code: "not_found" });
  });

  test("only the family's own coach and team lead: ondersteuning 403, another team 404, beheerder 404", async (t) => {
    const { org, family, app } = await world(t);
    const lead = await loginAs(app, (await org.user("teamleider")).email);
    expectStatus(await lead.get(`/api/v1/families/${family.familyId}/export.pdf`), 200);
    const support = await loginAs(app, (await org.user("ondersteuning")).email);
    expectProblem(await support.get(`/api/v1/families/${family.familyId}/export.json`), { status: 403, code: "forbidden" });
    const otherTeam = await loginAs(app, (await org.user("coach", { team: "other" })).email);
    expectProblem(await otherTeam.get(`/api/v1/families/${family.familyId}/export.json`), { status: 404, code: "not_found" });
    const admin = await loginAs(app, (await org.user("beheerder")).email);
    expectProblem(await admin.get(`/api/v1/families/${family.familyId}/export.pdf`), { status: 404, code: "not_found" });
    const elsewhere = await createTestOrganisation(database.db, "Elders");
    const foreign = await loginAs(app, (await elsewhere.user("coach")).email);
    expectProblem(await foreign.get(`/api/v1/families/${family.familyId}/export.json`), { status: 404, code: "not_found" });
  });
});
