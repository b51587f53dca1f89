import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { Intervention, InterventionPage } from "@ploegwerk/domain";
import type { Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem, paramNames } from "../../testing/api.ts";
import { createTestOrganisation } from "../../testing/factories.ts";
import { loginAs, type Client } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { CATALOGUE } from "./interventions.fixtures.ts";

const URL = "/api/v1/interventions";

describe(`the wat-werkt catalogue (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext) {
    const org = await createTestOrganisation(database.db);
    const app = await appFor(t, database.db);
    const lead = await loginAs(app, (await org.user("teamleider")).email);
    return { org, app, lead };
  }

  async function fill(client: Client, entries = CATALOGUE): Promise<Intervention[]> {
    const out: Intervention[] = [];
    for (const e of entries) out.push(bodyOf(await client.post(URL, e), 201, Intervention));
    return out;
  }

  const names = (page: InterventionPage) => page.items.map((i) => i.name);
  const search = async (client: Client, query: string) => bodyOf(await client.get(`${URL}?${query}`), 200, InterventionPage);

  test("Dutch search: 'schulden' finds schuld and schuldhulpverlening, the entry with it in its name first; words in other fields rank lower", async (t) => {
    const { lead } = await setup(t);
    await fill(lead);
    assert.deepEqual(names(await search(lead, "q=schulden")), ["Schuldhulpverlening (Kredietbank)", "Thuisadministratie", "Budgetcursus"]);
    assert.deepEqual(names(await search(lead, "q=schuldhulp")), ["Schuldhulpverlening (Kredietbank)"]);
    // Stemming the other way round: "opvoeden" finds "opvoeding" (the leefgebied key is not searched, the text is).
    assert.deepEqual(names(await search(lead, "q=opvoeden")), ["Triple P"]);
    // Web-search syntax: OR and -not.
    assert.deepEqual(names(await search(lead, `q=${encodeURIComponent("relatie OR kasboek")}`)), ["Houd me vast", "Budgetcursus"]);
    assert.deepEqual(names(await search(lead, `q=${encodeURIComponent("schulden -vrijwilliger")}`)), ["Schuldhulpverlening (Kredietbank)", "Budgetcursus"]);
    // Only stop words: no text filter, everything by name.
    assert.equal((await search(lead, "q=de")).total, 5);
    assert.deepEqual(names(await search(lead, "q=zwemles")), []);
  });

  test("filters, name order without a query, pages with the total", async (t) => {
    const { lead } = await setup(t);
    await fill(lead);
    const all = await search(lead, "pageSize=2");
    assert.deepEqual([names(all), all.total, all.page, all.pageSize], [["Budgetcursus", "Houd me vast"], 5, 1, 2]);
    assert.deepEqual(names(await search(lead, "pageSize=2&page=3")), ["Triple P"]);
    assert.deepEqual(names(await search(lead, "domain=opvoeding")), ["Houd me vast", "Triple P"]);
    assert.deepEqual(names(await search(lead, "targetGroup=jongvolwassenen_18_27")), ["Budgetcursus"]);
    assert.deepEqual(names(await search(lead, "region=gm0037")), ["Thuisadministratie", "Triple P"]);
    assert.deepEqual(names(await search(lead, "minEvidence=3")), ["Houd me vast", "Triple P"]);
    assert.deepEqual(names(await search(lead, "recognition=goed_beschreven")), ["Thuisadministratie"]);
    // At most €1,200: the free ones and the cheap ones, whatever the unit; unknown cost is left out.
    assert.deepEqual(names(await search(lead, "maxCostCents=120000")), ["Budgetcursus", "Schuldhulpverlening (Kredietbank)", "Thuisadministratie", "Triple P"]);
    assert.deepEqual(names(await search(lead, "maxCostCents=120000&costUnit=per_family")), ["Triple P"]);
    assert.deepEqual(names(await search(lead, "q=schulden&domain=inkomen&minEvidence=2")), ["Schuldhulpverlening (Kredietbank)"]);
    expectProblem(await lead.get(`${URL}?minEvidence=9`), { status: 400, code: "invalid", invalidParams: ["querystring.minEvidence"] });
    expectProblem(await lead.get(`${URL}?targetGroup=baby`), { status: 400, code: "invalid", invalidParams: ["querystring.targetGroup"] });
  });

  test("keep the catalogue: field errors, keys, versions, archive; who may; every write audited", async (t) => {
    const { org, app, lead } = await setup(t);
    const partner = await org.partner("Kredietbank Voorbeeldstad");
    const created = bodyOf(await lead.post(URL, { name: "Welzijn op Recept", summary: "De huisarts verwijst naar activiteiten in de wijk.", domains: ["geestelijke_gezondheid", "sociaal_netwerk"], providerPartnerId: partner.id, costUnit: "free", sources: [{ title: "Handreiking", url: "https://example.org/wor", year: 2020 }] }), 201, Intervention);
    assert.deepEqual([created.key, created.version, created.active, created.providerPartnerName, created.sources], ["welzijn-op-recept", 1, true, "Kredietbank Voorbeeldstad", [{ title: "Handreiking", url: "https://example.org/wor", year: 2020 }]]);
    // The same name again gets a key of its own; a given key that is taken is a conflict.
    assert.equal(bodyOf(await lead.post(URL, { name: "Welzijn op Recept" }), 201, Intervention).key, "welzijn-op-recept-2");
    expectProblem(await lead.post(URL, { key: "welzijn-op-recept", name: "Iets anders" }), { status: 409, code: "conflict", reason: "intervention_key_taken" });

    // Field errors name the field and say how to fix it.
    const bad = expectProblem(await lead.post(URL, { name: "", domains: ["zwemmen"], costCents: 100, providerPartnerId: "00000000-0000-4000-8000-000000000000" }), { status: 400, code: "invalid" });
    assert.deepEqual(paramNames(bad), ["name", "costUnit"]);
    const unknown = expectProblem(await lead.post(URL, { name: "Geldcursus", domains: ["inkomen", "zwemmen"], providerPartnerId: "00000000-0000-4000-8000-000000000000" }), { status: 400, code: "invalid" });
    assert.deepEqual(paramNames(unknown), ["domains.1", "providerPartnerId"]);
    assert.match(unknown.invalidParams?.[0]?.reason ?? "", /'zwemmen' is not a leefgebied of this organisation's instruments; use one of: .*inkomen/);

    const url = `${URL}/${created.id}`;
    const update = { ...created, summary: "Huisarts verwijst naar welzijn.", regions: ["Noord"], version: 1 };
    const updated = bodyOf(await lead.put(url, update), 200, Intervention);
    assert.deepEqual([updated.version, updated.summary, updated.regions], [2, "Huisarts verwijst naar welzijn.", ["Noord"]]);
    expectProblem(await lead.put(url, update), { status: 409, code: "conflict", reason: "stale_version" });

    const support = await loginAs(app, (await org.user("ondersteuning")).email);
    const archived = bodyOf(await support.post(`${url}/archive`, { version: 2 }), 200, Intervention);
    assert.equal(archived.active, false);
    expectProblem(await support.post(`${url}/archive`, { version: 3 }), { status: 409, code: "conflict", reason: "already_archived" });
    assert.deepEqual(names(await search(lead, "q=welzijn")), ["Welzijn op Recept"], "archived entries leave the default search");
    assert.deepEqual(names(await search(lead, "q=welzijn&active=false")), ["Welzijn op Recept"]);
    assert.equal((await search(lead, "q=welzijn&active=all")).total, 2);

    // Every role reads; only team lead, ondersteuning and beheerder write.
    for (const role of ["coach", "ketenpartner", "analist", "onderzoeker"] as const) {
      const client = await loginAs(app, (await org.user(role)).email);
      bodyOf(await client.get(url), 200, Intervention);
      expectProblem(await client.post(URL, { name: "Iets" }), { status: 403, code: "forbidden" });
      expectProblem(await client.put(url, { ...update, version: 3 }), { status: 403, code: "forbidden" });
    }
    const admin = await loginAs(app, (await org.user("beheerder")).email);
    bodyOf(await admin.put(url, { ...update, active: true, version: 3 }), 200, Intervention);

    // Another organisation does not see it.
    const elsewhere = await createTestOrganisation(database.db, "Elders");
    const theirs = await loginAs(app, (await elsewhere.user("teamleider")).email);
    expectProblem(await theirs.get(url), { status: 404, code: "not_found" });
    expectProblem(await theirs.put(url, { ...update, version: 4 }), { status: 404, code: "not_found" });
    assert.equal((await search(theirs, "active=all")).total, 0);

    const actions = (await auditRows(database.db, org.organisationId)).filter((r) => r.action.startsWith("intervention")).map((r) => `${r.action} ${r.actorRole}`);
    assert.deepEqual(actions, ["intervention.created teamleider", "intervention.created teamleider", "intervention.updated teamleider", "intervention.archived ondersteuning", "intervention.updated beheerder"]);
    const [updatedRow] = await auditRows(database.db, org.organisationId, { action: "intervention.updated" });
    assert.deepEqual(updatedRow?.details, { key: "welzijn-op-recept", changed: ["summary", "regions"] });
  });
});
