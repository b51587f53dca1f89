import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { InterventionImportSummary, InterventionPage } from "@ploegwerk/domain";
import type { Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem, expectStatus } from "../../testing/api.ts";
import { createTestOrganisation } from "../../testing/factories.ts";
import { loginAs, type Client } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { CATALOGUE } from "./interventions.fixtures.ts";

const URL = "/api/v1/interventions";

describe(`catalogue import and export (${testTarget()})`, () => {
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
  const exported = async (client: Client, format: "json" | "csv") => {
    const res = await client.get(`${URL}/export.${format}`);
    expectStatus(res, 200);
    return res.body;
  };
  const importFile = (client: Client, format: "json" | "csv", content: string) => client.post(`${URL}/import`, { format, content });

  test("export → import elsewhere → export gives the same file, in JSON and in CSV; the chain partner travels by name", async (t) => {
    const { org, app, lead } = await setup(t);
    const partner = await org.partner("Humanitas Voorbeeldstad", "other");
    for (const e of CATALOGUE) expectStatus(await lead.post(URL, { ...e, ...(e.key === "thuisadministratie" ? { providerPartnerId: partner.id, sources: [{ title: "Werkwijze; versie 2", url: "https://example.org/a?b=1;c=2", year: 2021 }] } : {}) }), 201);
    const archived = bodyOf(await lead.get(`${URL}?q=triple`), 200, InterventionPage).items[0];
    assert.ok(archived);
    expectStatus(await lead.post(`${URL}/${archived.id}/archive`, { version: 1 }), 200);
    const csv = await exported(lead, "csv");
    const json = await exported(lead, "json");
    assert.equal(csv.trimEnd().split("\n").length, 6, csv);
    assert.ok(csv.includes("Humanitas Voorbeeldstad") && csv.includes(",false\n"), "the partner by name; the archived entry with active=false");

    for (const format of ["csv", "json"] as const) {
      const other = await createTestOrganisation(database.db, "Elders");
      await other.partner("HUMANITAS voorbeeldstad", "other");
      const theirLead = await loginAs(app, (await other.user("teamleider")).email);
      const summary = bodyOf(await importFile(theirLead, format, format === "csv" ? csv : json), 200, InterventionImportSummary);
      assert.deepEqual(summary, { created: 5, updated: 0, unchanged: 0, warnings: [] });
      // Linked to their own chain partner (matched without case), which their export names as they registered it.
      const theirs = (text: string) => text.replace("Humanitas Voorbeeldstad", "HUMANITAS voorbeeldstad");
      if (format === "csv") assert.equal(await exported(theirLead, "csv"), theirs(csv));
      else assert.deepEqual({ ...JSON.parse(await exported(theirLead, "json")), exportedAt: null }, { ...JSON.parse(theirs(json)), exportedAt: null });
      // The same file again changes nothing.
      assert.deepEqual(bodyOf(await importFile(theirLead, format, format === "csv" ? csv : json), 200, InterventionImportSummary), { created: 0, updated: 0, unchanged: 5, warnings: [] });
    }
  });

  test("upsert by key: known keys updated, new ones added, others left alone; an unknown chain partner is a warning", async (t) => {
    const { org, lead } = await setup(t);
    for (const e of CATALOGUE) expectStatus(await lead.post(URL, e), 201);
    const csv = ["key,name,domains,cost,costUnit,providerPartner", "budgetcursus,Budgetcursus (nieuw),inkomen,75,per_participant,", "eigen-kracht,Eigen Kracht-conferentie,sociaal_netwerk;opvoeding,,,Eigen Kracht Centrale"].join("\n");
    const summary = bodyOf(await importFile(lead, "csv", csv), 200, InterventionImportSummary);
    assert.deepEqual(summary, {
      created: 1,
      updated: 1,
      unchanged: 0,
      warnings: [{ name: "line 3, column providerPartner", reason: "'Eigen Kracht Centrale' is not a registered chain partner; the entry was imported without the link (its aanbieder text stays). Register the partner and choose it on the entry to link it." }],
    });
    const all = bodyOf(await lead.get(`${URL}?pageSize=50`), 200, InterventionPage);
    assert.deepEqual(all.items.map((i) => [i.key, i.name, i.costCents]), [
      ["budgetcursus", "Budgetcursus (nieuw)", 7500],
      ["eigen-kracht", "Eigen Kracht-conferentie", null],
      ["houd-me-vast", "Houd me vast", 650000],
      ["gkb-schuldhulp", "Schuldhulpverlening (Kredietbank)", null],
      ["thuisadministratie", "Thuisadministratie", null],
      ["triple-p", "Triple P", 120000],
    ]);
    const budget = all.items.find((i) => i.key === "budgetcursus");
    assert.deepEqual(budget?.targetGroups, [], "an import replaces the whole entry: columns left out are emptied");
    const audit = (await auditRows(database.db, org.organisationId)).filter((r) => r.action.startsWith("intervention")).slice(-3);
    assert.deepEqual(audit.map((r) => [r.action, r.details]), [
      ["intervention.updated", { key: "budgetcursus", changed: ["name", "summary", "targetGroups", "method", "evidenceLevel", "costCents"], via: "import csv" }],
      ["intervention.created", { key: "eigen-kracht", name: "Eigen Kracht-conferentie", via: "import csv" }],
      ["interventions.imported", { format: "csv", created: 1, updated: 1, unchanged: 0, warnings: 1 }],
    ]);
  });

  test("a file with errors changes nothing and lists every error with where it is and how to fix it", async (t) => {
    const { org, app, lead } = await setup(t);
    for (const e of CATALOGUE) expectStatus(await lead.post(URL, e), 201);
    const before = await exported(lead, "json");
    const auditBefore = (await auditRows(database.db, org.organisationId)).length;
    // Line 2 is fine and would update an entry; line 3 has an unknown leefgebied; line 4 a bad amount.
    const csv = ["key,name,domains,cost,costUnit", "budgetcursus,Budgetcursus (nieuw),inkomen,75,per_participant", "nieuw,Nieuw,inkomen;zwemmen,,", "duur,Duur,inkomen,€ 10,per_family"].join("\n");
    const shape = expectProblem(await importFile(lead, "csv", csv), { status: 400, code: "invalid", reason: "import_rejected" });
    assert.deepEqual(shape.invalidParams, [{ name: "line 4, column cost", reason: "'€ 10' is not an amount in euros; write it like 6500 or 6500.50, without a € sign or thousands separator" }]);
    // With the amount fixed, the leefgebied is checked against the organisation's instruments.
    const domains = expectProblem(await importFile(lead, "csv", csv.replace("€ 10", "10")), { status: 400, code: "invalid", reason: "import_rejected" });
    assert.equal(domains.invalidParams?.length, 1);
    assert.equal(domains.invalidParams?.[0]?.name, "line 3, column domains (item 2)");
    assert.match(domains.invalidParams?.[0]?.reason ?? "", /^'zwemmen' is not a leefgebied of this organisation's instruments; use one of: /);
    const json = expectProblem(await importFile(lead, "json", JSON.stringify([{ key: "x y", name: "X" }, { key: "ok", name: "Ok", domains: ["zwemmen"] }])), { status: 400, code: "invalid", reason: "import_rejected" });
    assert.deepEqual(json.invalidParams?.map((p) => p.name), ["entry 1, field key"]);
    expectProblem(await importFile(lead, "json", "[]"), { status: 400, code: "invalid", reason: "import_rejected" });

    assert.equal(await exported(lead, "json").then((j) => JSON.stringify({ ...JSON.parse(j), exportedAt: null })), JSON.stringify({ ...JSON.parse(before), exportedAt: null }));
    assert.equal((await auditRows(database.db, org.organisationId)).length, auditBefore, "nothing was written, not even an audit row");
    // Importing is for those who keep the catalogue; exporting for every reader.
    const coach = await loginAs(app, (await org.user("coach")).email);
    expectProblem(await importFile(coach, "csv", "key,name\nx1,X\n"), { status: 403, code: "forbidden" });
    assert.ok((await exported(coach, "csv")).startsWith("key,name,"));
  });
});
