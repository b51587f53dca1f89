import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PartnerOrganisation, PartnerOrganisationList } from "@ploegwerk/domain";
import type { Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem } from "../../testing/api.ts";
import { createTestOrganisation } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";

describe(`chain partner organisations (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  test("team lead and beheerder keep the register; names are unique without case, accents or spacing; the team reads it; audited", async (t) => {
    const db = database.db;
    const org = await createTestOrganisation(db);
    const app = await appFor(t, db);
    const lead = await loginAs(app, (await org.user("teamleider")).email);
    const admin = await loginAs(app, (await org.user("beheerder")).email);
    const coach = await loginAs(app, (await org.user("coach")).email);
    const url = "/api/v1/partner-organisations";

    const korf = bodyOf(await lead.post(url, { name: "Woonstichting De Korf", kind: "woningcorporatie", contact: "050-0000000" }), 201, PartnerOrganisation);
    assert.deepEqual({ ...korf, id: "" }, { id: "", name: "Woonstichting De Korf", kind: "woningcorporatie", contact: "050-0000000", userCount: 0 });
    const gkb = bodyOf(await admin.post(url, { name: "Gemeentelijke Kredietbank", kind: "schuldhulp" }), 201, PartnerOrganisation);
    expectProblem(await admin.post(url, { name: "  WOONSTICHTING  de korf ", kind: "woningcorporatie" }), { status: 409, code: "conflict", reason: "partner_name_taken" });
    expectProblem(await lead.put(`${url}/${gkb.id}`, { name: "woonstichting de Korf", kind: "schuldhulp" }), { status: 409, code: "conflict", reason: "partner_name_taken" });
    expectProblem(await admin.post(url, { name: "", kind: "school" }), { status: 400, code: "invalid", invalidParams: ["name"] });
    expectProblem(await admin.post(url, { name: "Basisschool De Regenboog", kind: "kerk" }), { status: 400, code: "invalid", invalidParams: ["kind"] });
    expectProblem(await coach.post(url, { name: "Basisschool De Regenboog", kind: "school" }), { status: 403, code: "forbidden" });

    // Renaming keeps the id; a ketenpartner account counts under its organisation.
    const renamed = bodyOf(await lead.put(`${url}/${gkb.id}`, { name: "Kredietbank Voorbeeldstad", kind: "schuldhulp", contact: "Team schuldhulp" }), 200, PartnerOrganisation);
    assert.equal(renamed.id, gkb.id);
    await org.user("ketenpartner", { partnerOrganisationId: gkb.id });
    const listed = bodyOf(await coach.get(url), 200, PartnerOrganisationList).items;
    assert.deepEqual(listed.map((p) => [p.name, p.userCount]), [["Kredietbank Voorbeeldstad", 1], ["Woonstichting De Korf", 0]]);
    const partner = await loginAs(app, (await org.user("ketenpartner", { partnerOrganisationId: korf.id })).email);
    expectProblem(await partner.get(url), { status: 403, code: "forbidden" });

    // Another organisation's register is its own.
    const elsewhere = await createTestOrganisation(db, "Elders");
    const theirAdmin = await loginAs(app, (await elsewhere.user("beheerder")).email);
    assert.deepEqual(bodyOf(await theirAdmin.get(url), 200, PartnerOrganisationList).items, []);
    expectProblem(await theirAdmin.put(`${url}/${korf.id}`, { name: "Overgenomen", kind: "other" }), { status: 404, code: "not_found" });

    assert.deepEqual((await auditRows(db, org.organisationId)).filter((r) => r.action.startsWith("partner.")).map((r) => r.action), ["partner.created", "partner.created", "partner.updated"]);
  });
});
