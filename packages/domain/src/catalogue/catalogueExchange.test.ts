import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ExchangeEntry, readExchangeCsv, readExchangeJson, writeExchangeCsv, writeExchangeJson } from "./catalogueExchange.ts";
import { interventionKeyFromName, NewIntervention } from "./catalogueContract.ts";

const entry = (o: Partial<ExchangeEntry> = {}): ExchangeEntry =>
  ExchangeEntry.parse({
    key: "houd-me-vast",
    name: "Houd me vast",
    summary: "Groepstraining voor stellen; ruzie; \"echt\" praten, en luisteren",
    targetGroups: ["ouders", "volwassenen"],
    regions: ["GM0014", "Noord; oost"],
    domains: ["opvoeding", "sociaal_netwerk"],
    evidenceLevel: 3,
    recognition: "effectief_eerste",
    costCents: 650000,
    costUnit: "per_group_per_year",
    costIncludes: "=1+1 trainers | materiaal",
    sources: [{ title: "Handboek | deel 1; versie 2", url: "https://example.org/hmv?a=1;b=2", year: 2019 }, { title: "Folder", url: null, year: null }],
    providerPartner: "Welzijn Noord",
    ...o,
  });

describe("catalogue exchange", () => {
  test("CSV: written with escaped lists and formula protection, read back to the same entries", () => {
    const entries = [entry(), entry({ key: "gratis", name: "Inloop", costCents: null, costUnit: "free", sources: [], regions: [], active: false, providerPartner: null })];
    const csv = writeExchangeCsv(entries);
    const lines = csv.trimEnd().split("\n");
    assert.equal(lines[0], "key,name,summary,targetGroup,targetGroups,goal,theory,method,provider,providerPartner,geographicReach,regions,domains,evidenceLevel,recognition,cost,costUnit,costIncludes,contact,sources,active");
    // A cell starting with "=" gets a leading quote so spreadsheets do not run it.
    assert.ok(csv.includes("'=1+1 trainers | materiaal"), csv);
    assert.ok(csv.includes("GM0014;Noord\\; oost"), csv);
    assert.ok(csv.includes("Handboek \\| deel 1\\; versie 2|https://example.org/hmv?a=1\\;b=2|2019;Folder"), csv);
    assert.ok(lines[1]?.includes(",6500,per_group_per_year,"), lines[1]);
    const read = readExchangeCsv(csv);
    assert.deepEqual(read.errors, []);
    // The protected cell loses its quote again on the way in.
    assert.deepEqual(read.entries, entries);
  });

  test("JSON: a document or a bare list, read back to the same entries", () => {
    const entries = [entry()];
    const doc = writeExchangeJson(entries, "2025-01-01T00:00:00.000Z");
    assert.deepEqual(readExchangeJson(doc).entries, entries);
    assert.deepEqual(readExchangeJson(JSON.stringify(entries)).entries, entries);
  });

  test("CSV: every error with its line and column and how to fix it; nothing is returned", () => {
    const csv = [
      "key,name,cost,costUnit,evidenceLevel,domains,active,targetGroups",
      "schuldhulp,Schuldhulp,6500,,2,inkomen,true,gezinnen",
      "budget,Budgetcursus,€ 50,per_participant,7,Inkomen,misschien,baby's",
      "schuldhulp,,0,free,,,,",
    ].join("\n");
    const { entries, errors } = readExchangeCsv(csv);
    assert.deepEqual(entries, []);
    assert.deepEqual(errors, [
      { name: "line 2, column costUnit", reason: "say what the amount is for: per participant, per group per year or per family" },
      { name: "line 3, column cost", reason: "'€ 50' is not an amount in euros; write it like 6500 or 6500.50, without a € sign or thousands separator" },
      { name: "line 3, column active", reason: "'misschien' is not true or false; write true (in use) or false (archived)" },
      { name: "line 3, column targetGroups", reason: "item 1: choose from: gezinnen, ouders, kinderen_0_12, jongeren_12_18, jongvolwassenen_18_27, volwassenen, ouderen" },
      { name: "line 3, column domains", reason: "item 1: a leefgebied key such as 'inkomen' or 'huisvesting'" },
      { name: "line 3, column evidenceLevel", reason: "a step of the effectladder from 0 to 4" },
      { name: "line 4, column name", reason: "fill in the name" },
      { name: "line 4", reason: "key 'schuldhulp' also appears at line 2; every entry needs its own key" },
    ]);
  });

  test("CSV header problems are reported before any line", () => {
    assert.deepEqual(readExchangeCsv("key,naam\nx,y\n").errors, [
      { name: "line 1, column naam", reason: "unknown column 'naam'; the columns are: key, name, summary, targetGroup, targetGroups, goal, theory, method, provider, providerPartner, geographicReach, regions, domains, evidenceLevel, recognition, cost, costUnit, costIncludes, contact, sources, active" },
      { name: "line 1", reason: "the header has no 'name' column" },
    ]);
    assert.deepEqual(readExchangeCsv("key,name\n").errors, [{ name: "line 1", reason: "the file has a header but no entries" }]);
    assert.deepEqual(readExchangeCsv('key,name\nx,"open\n').errors, [{ name: "line 2", reason: "a quoted field is not closed" }]);
  });

  test("JSON: errors name the entry and field", () => {
    const { errors } = readExchangeJson(JSON.stringify({ format: "ploegwerk-interventies", version: 1, entries: [{ key: "aa", name: "A" }, { key: "Fout!", name: "", costUnit: "per_week" }] }));
    assert.deepEqual(errors.map((e) => e.name), ["entry 2, field key", "entry 2, field name", "entry 2, field costUnit"]);
    assert.deepEqual(readExchangeJson("{").errors.map((e) => e.name), ["(file)"]);
    assert.deepEqual(readExchangeJson(JSON.stringify({ format: "iets-anders", entries: [] })).errors.map((e) => e.name), ["format"]);
  });

  test("cost: an amount needs a unit, free has none", () => {
    assert.equal(NewIntervention.safeParse({ name: "X", costUnit: "free", costCents: 100 }).success, false);
    assert.equal(NewIntervention.safeParse({ name: "X", costUnit: "per_family" }).success, false);
    assert.equal(NewIntervention.safeParse({ name: "X", costUnit: "free" }).success, true);
    assert.equal(NewIntervention.safeParse({ name: "X" }).success, true);
  });

  test("a key from a name", () => {
    assert.equal(interventionKeyFromName("Houd me vast (groepstraining)"), "houd-me-vast-groepstraining");
    assert.equal(interventionKeyFromName("Één gezin"), "een-gezin");
    assert.equal(interventionKeyFromName("!"), "interventie");
  });
});
