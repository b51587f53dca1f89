import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseCsv, type ResearchCodebook } from "@ploegwerk/domain";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { auditEvents } from "../../db/schema.ts";
import { appFor, auditRows, expectProblem, expectStatus } from "../../testing/api.ts";
import { loginAs, type Client } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { birthDateForms, researchWorld, SECRET, type ResearchWorld } from "./research.fixtures.ts";
import { newExportKey, planResearchExport, researchCsvChunks } from "./research.service.ts";

const URL_CSV = "/api/v1/research/export.csv";
const query = (over: Record<string, string> = {}) =>
  new URLSearchParams({ instrument: "ploeg-9", from: "2024-01-01", to: "2024-12-31", purpose: "Effectstudie gezinscoaching 2024", ...over }).toString();

interface Row {
  family: string;
  meting: number;
  date: string;
  days: string;
  cells: string[];
}

function rowsOf(csv: string): { header: string[]; rows: Row[] } {
  const [header, ...records] = parseCsv(csv);
  assert.ok(header, "the file has a header");
  const at = (name: string) => header.cells.indexOf(name);
  return {
    header: header.cells,
    rows: records.map((r) => ({ family: r.cells[at("family")] ?? "", meting: Number(r.cells[at("meting")]), date: r.cells[at("date")] ?? "", days: r.cells[at("daysSinceNulmeting")] ?? "", cells: r.cells })),
  };
}

/** Every distinctive value of the family files; none may appear anywhere in the files. */
function forbiddenValues(world: ResearchWorld, extra: readonly string[]): string[] {
  return [
    ...SECRET.caseNumbers,
    ...SECRET.givenNames,
    ...SECRET.surnames,
    ...SECRET.bsns,
    ...SECRET.address,
    ...SECRET.birthDates.flatMap(birthDateForms),
    ...SECRET.network,
    ...SECRET.freeText,
    ...SECRET.staff,
    ...world.internalIds,
    ...world.internalIds.map((id) => id.replace(/-/g, "")),
    "Test coach",
    "Team Noord",
    "Team Zuid",
    "Onderzoeksgemeente",
    ...extra,
  ];
}

function assertNoIdentifiers(label: string, text: string, forbidden: readonly string[]): void {
  const lower = text.toLowerCase();
  for (const value of forbidden) assert.ok(!lower.includes(value.toLowerCase()), `${label} contains '${value}'`);
  assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i, `${label} contains an internal id (uuid)`);
  assert.doesNotMatch(text, /[0-9a-f]{32}/i, `${label} contains a 32-hex id`);
}

describe(`research export over HTTP (${testTarget()})`, () => {
  let database: Database;
  let world: ResearchWorld;
  before(async () => {
    database = await testDatabase();
    world = await researchWorld(database.db);
  });
  after(async () => database.close());

  async function researcher(t: Parameters<typeof appFor>[0]): Promise<Client> {
    const app = await appFor(t, database.db);
    return loginAs(app, (await world.org.user("onderzoeker")).email);
  }

  test("the file and both codebooks hold no name, BSN, address, birth date, case number, internal id, staff name or free text", async (t) => {
    const client = await researcher(t);
    const csv = await client.get(`${URL_CSV}?${query()}`);
    expectStatus(csv, 200);
    assert.match(String(csv.headers["content-type"]), /^text\/csv/);
    assert.match(String(csv.headers["content-disposition"]), /^attachment; filename="research-\d{4}-\d{2}-\d{2}\.csv"$/);
    const md = await client.get(`/api/v1/research/codebook.md?${query()}`);
    expectStatus(md, 200);
    const json = await client.get(`/api/v1/research/codebook.json?${query()}`);
    expectStatus(json, 200);
    // Month mode: not one exact date of a meting is in the data file.
    const exactDates = world.families.flatMap((f) => [...f.metingen.map((m) => m.measuredOn), ...(f.nulmetingOn ? [f.nulmetingOn] : [])]);
    assertNoIdentifiers("the CSV", csv.body, forbiddenValues(world, exactDates));
    assertNoIdentifiers("the Markdown codebook", md.body, forbiddenValues(world, []));
    assertNoIdentifiers("the JSON codebook", json.body, forbiddenValues(world, []));
    // The bytes as sent, too (a BOM or another encoding must not hide anything).
    assertNoIdentifiers("the CSV bytes", csv.rawPayload.toString("latin1"), forbiddenValues(world, exactDates));
  });

  test("one row per family per meting in the period (both ends included), family-level, this organisation and instrument only", async (t) => {
    const client = await researcher(t);
    const res = await client.get(`${URL_CSV}?${query()}`);
    expectStatus(res, 200);
    const { header, rows } = rowsOf(res.body);
    assert.deepEqual(header.slice(0, 5), ["family", "meting", "date", "daysSinceNulmeting", "instrumentVersion"]);
    assert.deepEqual(header.slice(-5), ["selfReliance", "selfRelianceLevel", "problemDomains", "familySize", "children"]);
    assert.equal(rows.length, 4, res.body);
    const byFamily = new Map<string, Row[]>();
    for (const r of rows) byFamily.set(r.family, [...(byFamily.get(r.family) ?? []), r]);
    assert.equal(byFamily.size, 3);
    // The same family keeps its pseudonym across its rows; the rows are sorted by pseudonym.
    assert.deepEqual(rows.map((r) => r.family), [...rows.map((r) => r.family)].sort());
    const sizes = [...byFamily.values()].map((rs) => rs.map((r) => `${r.meting}@${r.date}+${r.days}`).join(" ")).sort();
    assert.deepEqual(sizes, ["0@2024-03+0 1@2024-09+197", "1@2024-01+42", "1@2024-12+366"]);
    const f1 = [...byFamily.values()].find((rs) => rs.length === 2);
    assert.ok(f1);
    const at = (name: string) => header.indexOf(name);
    // F1 meting 0: scores 2 1 2 3 3 4 3 2 5 → SR 69/29 = 2.379 → 2.4, level 2, 7 problem domains; three members, two children.
    assert.deepEqual([f1[0]?.cells[at("huisvesting")], f1[0]?.cells[at("selfReliance")], f1[0]?.cells[at("selfRelianceLevel")], f1[0]?.cells[at("problemDomains")], f1[0]?.cells[at("familySize")], f1[0]?.cells[at("children")]], ["1", "2.4", "2", "7", "3 to 4", "2 to 3"]);
  });

  test("a second export gives every family another pseudonym", async (t) => {
    const client = await researcher(t);
    const first = rowsOf((await client.get(`${URL_CSV}?${query()}`)).body).rows.map((r) => r.family);
    const second = rowsOf((await client.get(`${URL_CSV}?${query()}`)).body).rows.map((r) => r.family);
    assert.equal(first.length, 4);
    for (const p of second) assert.ok(!first.includes(p), `pseudonym ${p} is in both exports`);
    assert.match(first[0] ?? "", /^G-[0-9a-f]{16}$/);
  });

  test("shift mode: every date of a family moves by one shift that is never 0, intervals stay true", async (t) => {
    const client = await researcher(t);
    const res = await client.get(`${URL_CSV}?${query({ dates: "shift" })}`);
    expectStatus(res, 200);
    const { rows } = rowsOf(res.body);
    assert.equal(rows.length, 4);
    const day = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;
    const twoRows = rows.filter((r) => rows.filter((x) => x.family === r.family).length === 2);
    assert.equal(twoRows.length, 2);
    const [r0, r1] = twoRows;
    assert.ok(r0 && r1);
    assert.match(r0.date, /^\d{4}-\d{2}-\d{2}$/);
    const shift = day(r0.date) - day("2024-03-04");
    assert.ok(shift !== 0 && Math.abs(shift) <= 180, `shift ${shift}`);
    assert.equal(day(r1.date) - day("2024-09-17"), shift, "the same shift for both dates of the family");
    assert.equal(day(r1.date) - day(r0.date), 197);
    assert.equal(r1.days, "197");
    const real = new Set(world.families.flatMap((f) => f.metingen.map((m) => m.measuredOn)));
    for (const r of rows) assert.ok(r.date !== "" && !(r.family === r0.family && real.has(r.date)), `row date ${r.date}`);
    const codebook = await client.get(`/api/v1/research/codebook.json?${query({ dates: "shift" })}`);
    assert.equal((codebook.json() as ResearchCodebook).export.dateMode, "shift");
  });

  test("the codebook names the filters, counts and every column of the file", async (t) => {
    const client = await researcher(t);
    const csv = rowsOf((await client.get(`${URL_CSV}?${query()}`)).body);
    const book = (await client.get(`/api/v1/research/codebook.json?${query()}`)).json() as ResearchCodebook;
    assert.deepEqual(book.columns.map((c) => c.name), csv.header);
    assert.deepEqual({ ...book.export, unit: null, createdOn: null }, { createdOn: null, instrument: { key: "ploeg-9", name: book.export.instrument.name, versions: [1] }, period: world.period, dateMode: "month", rows: 4, families: 3, unit: null });
    const md = (await client.get(`/api/v1/research/codebook.md?${query()}`)).body;
    for (const name of csv.header) assert.ok(md.includes(`\`${name}\``), `the Markdown explains ${name}`);
  });

  test("the export is logged once, with purpose and counts and no family; the codebook is not", async (t) => {
    const client = await researcher(t);
    const before = await auditRows(database.db, world.org.organisationId, { includeReads: true });
    expectStatus(await client.get(`${URL_CSV}?${query({ purpose: "Promotieonderzoek hefbomen" })}`), 200);
    expectStatus(await client.get(`/api/v1/research/codebook.md?${query()}`), 200);
    const added = (await auditRows(database.db, world.org.organisationId, { includeReads: true })).slice(before.length).filter((r) => r.action !== "session.created");
    assert.equal(added.length, 1, JSON.stringify(added.map((r) => r.action)));
    const row = added[0];
    assert.ok(row);
    assert.deepEqual(
      { action: row.action, kind: row.kind, role: row.actorRole, purpose: row.purpose, familyId: row.familyId, entity: `${row.entityType} ${row.entityId}`, details: row.details },
      { action: "research.exported", kind: "read", role: "onderzoeker", purpose: "Promotieonderzoek hefbomen", familyId: null, entity: "instrument ploeg-9", details: { from: "2024-01-01", to: "2024-12-31", dates: "month", rows: 4, families: 3, channel: "http" } },
    );
  });

  test("bad requests are refused with the field named, and change nothing (not even the log)", async (t) => {
    const client = await researcher(t);
    const count = async () => (await database.db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, world.org.organisationId), eq(auditEvents.action, "research.exported")))).length;
    const before = await count();
    const cases: [Record<string, string>, string][] = [
      [{ from: "2024-12-31", to: "2024-01-01" }, "to"],
      [{ from: "2024-02-30" }, "from"],
      [{ to: "31-12-2024" }, "to"],
      [{ dates: "exact" }, "dates"],
      [{ purpose: "   " }, "purpose"],
      [{ instrument: "Ploeg 9!" }, "instrument"],
    ];
    for (const [over, field] of cases) expectProblem(await client.get(`${URL_CSV}?${query(over)}`), { status: 400, code: "invalid", invalidParams: [`querystring.${field}`] });
    expectProblem(await client.get(`${URL_CSV}?instrument=ploeg-9&from=2024-01-01&to=2024-12-31`), { status: 400, code: "invalid", invalidParams: ["querystring.purpose"] });
    const unknown = expectProblem(await client.get(`${URL_CSV}?${query({ instrument: "bestaat-niet" })}`), { status: 400, code: "invalid", reason: "unknown_instrument", invalidParams: ["instrument"] });
    assert.match(unknown.detail, /ploeg-9/, "the error names the instruments there are");
    expectProblem(await client.get(`/api/v1/research/codebook.md?${query({ from: "2025-01-01", to: "2024-01-01" })}`), { status: 400, code: "invalid", invalidParams: ["querystring.to"] });
    assert.equal(await count(), before);
  });

  test("only the onderzoeker: every other role is refused, without a session it is 401", async (t) => {
    const app = await appFor(t, database.db);
    for (const role of ["coach", "teamleider", "ondersteuning", "analist", "beheerder", "ketenpartner"] as const) {
      const user = await world.org.user(role, role === "ketenpartner" ? { partnerOrganisationId: (await world.org.partner()).id } : {});
      const client = await loginAs(app, user.email);
      for (const path of ["export.csv", "codebook.md", "codebook.json"]) expectProblem(await client.get(`/api/v1/research/${path}?${query()}`), { status: 403, code: "forbidden" });
    }
    expectProblem(await app.inject({ method: "GET", url: `${URL_CSV}?${query()}` }), { status: 401, code: "unauthenticated" });
    // The researcher of another organisation sees only that organisation's one family.
    const foreign = await loginAs(app, (await world.other.user("onderzoeker")).email);
    assert.equal(rowsOf((await foreign.get(`${URL_CSV}?${query()}`)).body).rows.length, 1);
  });

  test("batches of families give the same file as one batch (the order and pseudonyms do not depend on them)", async () => {
    const actor = (await world.org.user("onderzoeker")).actor;
    const plan = await planResearchExport(database.db, { actor, filter: { instrument: "ploeg-9", from: "2024-01-01", to: "2024-12-31", dates: "shift" }, key: newExportKey() });
    const collect = async (batch: number) => {
      let out = "";
      for await (const chunk of researchCsvChunks(database.db, plan, batch)) out += chunk;
      return out;
    };
    const whole = await collect(500);
    assert.equal(await collect(1), whole);
    assert.equal(await collect(2), whole);
    assert.equal(rowsOf(whole).rows.length, 4);
  });
});
