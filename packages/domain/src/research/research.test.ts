import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { describe, test } from "node:test";
import { parseCsv } from "../csv/csv.ts";
import { BUILTIN_INSTRUMENTS } from "../instruments/builtin/index.ts";
import type { InstrumentDefinition } from "../instruments/definition.ts";
import { ratio } from "../outcomes/ratio.ts";
import { codebookMarkdown, researchCodebook } from "./codebook.ts";
import { ResearchExportFilter, ResearchExportQuery } from "./exportContract.ts";
import { createPseudonymiser, MAX_DATE_SHIFT_DAYS, PseudonymCollision, type HmacSha256 } from "./pseudonyms.ts";
import { childrenBand, familySizeBand, researchCells, researchHeader, researchLayout, researchLine, type ResearchSource } from "./researchRows.ts";

const hmac: HmacSha256 = (key, message) => createHmac("sha256", key).update(message, "utf8").digest();
/** Deterministic keys, so the expected pseudonyms and shifts below are fixed. */
const KEY_A = new Uint8Array(32).fill(7);
const KEY_B = new Uint8Array(32).fill(8);
const FAMILY_1 = "4a0f6c1e-1111-4a4a-8a8a-000000000001";
const FAMILY_2 = "4a0f6c1e-2222-4a4a-8a8a-000000000002";

function ploeg9(): InstrumentDefinition {
  const def = BUILTIN_INSTRUMENTS.find((d) => d.key === "ploeg-9");
  assert.ok(def);
  return def;
}

const expectedPseudonym = (key: Uint8Array, id: string) => `G-${createHmac("sha256", key).update(`family:${id}`).digest("hex").slice(0, 16)}`;

describe("research pseudonyms", () => {
  test("HMAC-SHA256 of the family id under the export key, 16 hex characters, the same within an export", () => {
    const p = createPseudonymiser(KEY_A, hmac);
    const first = p.pseudonym(FAMILY_1);
    assert.equal(first, expectedPseudonym(KEY_A, FAMILY_1));
    assert.match(first, /^G-[0-9a-f]{16}$/);
    assert.equal(p.pseudonym(FAMILY_1), first);
    assert.notEqual(p.pseudonym(FAMILY_2), first);
    assert.equal(p.families, 2);
  });

  test("another key (another export) gives other pseudonyms and other shifts", () => {
    const a = createPseudonymiser(KEY_A, hmac);
    const b = createPseudonymiser(KEY_B, hmac);
    assert.notEqual(a.pseudonym(FAMILY_1), b.pseudonym(FAMILY_1));
    assert.ok(!a.pseudonym(FAMILY_1).includes(FAMILY_1.replace(/-/g, "").slice(0, 8)), "the pseudonym does not carry the id");
    const shiftsA = Array.from({ length: 50 }, (_, i) => a.dayShift(`fam-${i}`));
    const shiftsB = Array.from({ length: 50 }, (_, i) => b.dayShift(`fam-${i}`));
    assert.notDeepEqual(shiftsA, shiftsB);
  });

  test("a shift is the same for every call of one family, lies within ±180 and is never 0", () => {
    const p = createPseudonymiser(KEY_A, hmac);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const s = p.dayShift(`family-${i}`);
      assert.ok(Number.isInteger(s) && s !== 0 && Math.abs(s) <= MAX_DATE_SHIFT_DAYS, `shift ${s}`);
      seen.add(s);
    }
    assert.equal(p.dayShift("family-1"), p.dayShift("family-1"));
    // 5000 draws over 360 values: both ends and both signs turn up.
    assert.ok(seen.has(-180) && seen.has(180) && seen.has(-1) && seen.has(1), "the whole range is used");
    assert.ok(seen.size > 340, `${seen.size} distinct shifts`);
  });

  test("a collision between two families stops the export", () => {
    // An HMAC that maps every family to the same bytes.
    const constant: HmacSha256 = () => new Uint8Array(32).fill(1);
    const p = createPseudonymiser(KEY_A, constant);
    p.pseudonym(FAMILY_1);
    assert.throws(() => p.pseudonym(FAMILY_2), PseudonymCollision);
  });

  test("the key must be 32 bytes and is copied (wiping the caller's buffer changes nothing)", () => {
    assert.throws(() => createPseudonymiser(new Uint8Array(16), hmac), RangeError);
    const key = new Uint8Array(32).fill(7);
    const p = createPseudonymiser(key, hmac);
    key.fill(0);
    assert.equal(p.pseudonym(FAMILY_1), expectedPseudonym(KEY_A, FAMILY_1));
  });
});

describe("research export filters", () => {
  test("dates default to month; the period must be in order; purpose is required over HTTP", () => {
    assert.deepEqual(ResearchExportFilter.parse({ instrument: "ploeg-9", from: "2024-01-01", to: "2024-12-31" }), { instrument: "ploeg-9", from: "2024-01-01", to: "2024-12-31", dates: "month" });
    const reversed = ResearchExportFilter.safeParse({ instrument: "ploeg-9", from: "2024-12-31", to: "2024-01-01" });
    assert.ok(!reversed.success);
    assert.deepEqual(reversed.error.issues.map((i) => i.path.join(".")), ["to"]);
    assert.ok(!ResearchExportFilter.safeParse({ instrument: "ploeg-9", from: "2024-02-30", to: "2024-03-01" }).success, "no 30 February");
    assert.ok(!ResearchExportFilter.safeParse({ instrument: "ploeg-9", from: "2024-01-01", to: "2024-03-01", dates: "exact" }).success);
    assert.ok(!ResearchExportQuery.safeParse({ instrument: "ploeg-9", from: "2024-01-01", to: "2024-03-01", purpose: "  " }).success);
    assert.ok(!ResearchExportQuery.safeParse({ instrument: "ploeg-9", from: "2024-01-01", to: "2024-03-01", purpose: "a\u0007b" }).success);
    assert.ok(ResearchExportQuery.safeParse({ instrument: "ploeg-9", from: "2024-01-01", to: "2024-03-01", purpose: "Effectstudie 2024" }).success);
  });
});

const source = (over: Partial<ResearchSource> = {}): ResearchSource => ({
  familyId: FAMILY_1,
  round: 1,
  measuredOn: "2024-09-17",
  nulmetingOn: "2024-03-04",
  instrumentVersion: 1,
  scores: { onderwijs_werk: 2, huisvesting: 1, inkomen: 2, opvoeding: 3, geestelijke_gezondheid: 3, lichamelijke_gezondheid: 4, sociaal_netwerk: 3, vrije_tijd: 2, justitiele_veiligheid: 5 },
  problemCount: 7,
  selfReliance: ratio(69, 29),
  selfRelianceLevel: 2,
  memberCount: 5,
  childCount: 3,
  ...over,
});

describe("research rows", () => {
  test("the columns: pseudonym, meting, date, days since nulmeting, version, nine scores, SR, level, problem domains, bands", () => {
    const layout = researchLayout([ploeg9()], "month");
    assert.equal(
      researchHeader(layout),
      "family,meting,date,daysSinceNulmeting,instrumentVersion,onderwijs_werk,huisvesting,inkomen,opvoeding,geestelijke_gezondheid,lichamelijke_gezondheid,sociaal_netwerk,vrije_tijd,justitiele_veiligheid,selfReliance,selfRelianceLevel,problemDomains,familySize,children",
    );
  });

  test("month mode: the month only, the true number of days since the nulmeting, SR rounded to one decimal", () => {
    const layout = researchLayout([ploeg9()], "month");
    const p = createPseudonymiser(KEY_A, hmac);
    // 2024-03-04 → 2024-09-17: 27 + 30 + 31 + 30 + 31 + 31 + 17 = 197 days; SR 69/29 = 2.379… → 2.4
    assert.deepEqual(researchCells(layout, p, source()), [expectedPseudonym(KEY_A, FAMILY_1), 1, "2024-09", 197, 1, 2, 1, 2, 3, 3, 4, 3, 2, 5, "2.4", 2, 7, "5 or more", "2 to 3"]);
  });

  test("shift mode: every date of a family moves by its one shift, so the interval stays true", () => {
    const layout = researchLayout([ploeg9()], "shift");
    const p = createPseudonymiser(KEY_A, hmac);
    const shift = p.dayShift(FAMILY_1);
    const nul = researchCells(layout, p, source({ round: 0, measuredOn: "2024-03-04" }));
    const one = researchCells(layout, p, source());
    const day = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;
    assert.equal(day(String(nul[2])) - day("2024-03-04"), shift);
    assert.equal(day(String(one[2])) - day("2024-09-17"), shift);
    assert.equal(day(String(one[2])) - day(String(nul[2])), 197, "the interval between the two metingen is true");
    assert.deepEqual([nul[3], one[3]], [0, 197]);
    assert.notEqual(one[2], "2024-09-17");
  });

  test("an unscored domain, no nulmeting and no SR leave their cells empty; SR 3 reads 3.0", () => {
    const layout = researchLayout([ploeg9()], "month");
    const p = createPseudonymiser(KEY_A, hmac);
    const line = researchLine(layout, p, source({ nulmetingOn: null, scores: { huisvesting: 3 }, selfReliance: null, selfRelianceLevel: null, problemCount: 1, memberCount: 2, childCount: 1 }));
    assert.equal(line, `${expectedPseudonym(KEY_A, FAMILY_1)},1,2024-09,,1,,3,,,,,,,,,,1,1 to 2,1`);
    assert.equal(researchCells(layout, p, source({ selfReliance: ratio(3, 1), selfRelianceLevel: 3 }))[14], "3.0");
  });

  test("bands are top-coded", () => {
    assert.deepEqual([1, 2, 3, 4, 5, 12].map(familySizeBand), ["1 to 2", "1 to 2", "3 to 4", "3 to 4", "5 or more", "5 or more"]);
    assert.deepEqual([0, 1, 2, 3, 4, 9].map(childrenBand), ["0", "1", "2 to 3", "2 to 3", "4 or more", "4 or more"]);
  });

  test("several instrument versions: the newest version's domains first, then those only older versions had", () => {
    const v1 = ploeg9();
    const v2: InstrumentDefinition = { ...v1, version: 2, domains: [...v1.domains.filter((d) => d.key !== "vrije_tijd"), { key: "digitaal", label: { nl: "Digitale vaardigheid", en: "Digital skills" } }] };
    const layout = researchLayout([v1, v2], "month");
    assert.deepEqual(layout.versions, [1, 2]);
    assert.deepEqual(layout.domains.map((d) => d.key).slice(-2), ["digitaal", "vrije_tijd"]);
    assert.throws(() => researchLayout([{ ...v1, domains: [{ key: "family", label: { nl: "x", en: "x" } }] }], "month"), /clashes/);
  });
});

describe("research codebook", () => {
  const filter = ResearchExportFilter.parse({ instrument: "ploeg-9", from: "2024-01-01", to: "2024-12-31", dates: "shift" });

  test("names every column of the file, the domains with keys, names and scale, the SR formula, the dates and filters", () => {
    const layout = researchLayout([ploeg9()], "shift");
    const book = researchCodebook(layout, { createdOn: "2025-02-03", filter, rows: 40, families: 20 });
    const header = parseCsv(researchHeader(layout))[0]?.cells ?? [];
    assert.deepEqual(book.columns.map((c) => c.name), header, "one entry per column, in file order");
    for (const c of book.columns) assert.ok(c.meaning.nl && c.meaning.en, `${c.name} has a meaning in both languages`);
    assert.deepEqual(book.instrument.domains.map((d) => d.key), ploeg9().domains.map((d) => d.key));
    assert.deepEqual(book.export, {
      createdOn: "2025-02-03",
      instrument: { key: "ploeg-9", name: ploeg9().name, versions: [1] },
      period: { from: "2024-01-01", to: "2024-12-31" },
      dateMode: "shift",
      rows: 40,
      families: 20,
      unit: book.export.unit,
    });
    const scoreColumn = book.columns.find((c) => c.name === "huisvesting");
    assert.deepEqual(scoreColumn?.values?.map((v) => v.value), ["1", "2", "3", "4", "5"]);
    assert.equal(scoreColumn?.values?.[0]?.label.nl, ploeg9().scale.values[0]?.label.nl);
    assert.match(book.selfReliance?.nl ?? "", /Σ s·\(6 − s\) \/ Σ \(6 − s\)/);
    assert.match(book.dates.nl, /verschoven/);

    const md = codebookMarkdown(book);
    for (const c of book.columns) assert.ok(md.includes(`| \`${c.name}\` |`), `the Markdown lists ${c.name}`);
    for (const d of ploeg9().domains) assert.ok(md.includes(d.label.nl), `the Markdown names ${d.label.nl}`);
    assert.match(md, /2024-01-01 t\/m \/ to 2024-12-31/);
    assert.match(md, /Gemaakt op \/ Created on \| 2025-02-03/);
    assert.match(md, /HMAC-SHA256/);
    for (const v of ploeg9().scale.values) assert.ok(md.includes(v.label.nl), `the scale wording '${v.label.nl}' is there`);
  });

  test("the month mode says so, and nothing of the key is in the codebook", () => {
    const layout = researchLayout([ploeg9()], "month");
    const book = researchCodebook(layout, { createdOn: "2025-02-03", filter: { ...filter, dates: "month" }, rows: 0, families: 0 });
    assert.match(book.dates.en, /reduced to their month/);
    const text = JSON.stringify(book) + codebookMarkdown(book);
    const keyHex = Buffer.from(KEY_A).toString("hex");
    assert.ok(!text.includes(keyHex) && !text.includes(Buffer.from(KEY_A).toString("base64")));
  });
});
