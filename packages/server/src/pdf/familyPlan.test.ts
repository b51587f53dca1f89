import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { BUILTIN_INSTRUMENTS, type PlanVersion } from "@ploegwerk/domain";
import { readPdf } from "../testing/pdfText.ts";
import { familyPlan, type FamilyPlanInput } from "./familyPlan.ts";
import { renderPdf } from "./render.ts";
import { conceptVersion, IDS, sampleFamily, signedVersion } from "./testFixtures.ts";

const instrument = (key: string) => BUILTIN_INSTRUMENTS.find((i) => i.key === key) ?? null;

function input(version: PlanVersion, overrides: Partial<FamilyPlanInput> = {}): FamilyPlanInput {
  return {
    family: sampleFamily(),
    version,
    instrument: instrument("ploeg-9"),
    participationLadder: instrument("participatieladder"),
    userNames: new Map([
      [IDS.coach, "Zoë Hendriks"],
      [IDS.lead, "Karel Leiding"],
    ]),
    organisationName: "De Ploeg Groningen",
    generatedOn: "2026-02-10",
    ...overrides,
  };
}

const read = async (i: FamilyPlanInput) => readPdf(await renderPdf(familyPlan(i)));

function assertIncludes(text: string, expected: readonly string[]): void {
  for (const e of expected) assert.ok(text.includes(e), `missing "${e}" in: ${text}`);
}

describe("gezinsplan", () => {
  test("every section: the family, version facts, overkoepelende doelen, participatieladder, goals per leefgebied with their actions", async () => {
    const pdf = await read(input(signedVersion()));
    assert.equal(pdf.title, "Gezinsplan van gezin De Vries");
    assert.equal(pdf.language, "nl-NL");
    assertIncludes(pdf.text, [
      "Gezinsplan van gezin De Vries",
      "Dossiernummer KW-2026-017",
      "Versie 1",
      "Status Definitief (ondertekend)",
      "Startdatum 1 februari 2026",
      "Gezinscoach Zoë Hendriks",
      "Overkoepelende doelen",
      "Rust in huis en een veilige plek voor de kinderen.",
      "Streefdatum: 31 december 2026",
      "Participatieladder",
      "Joël de Vries: nu trede 2 (Activiteiten buitenshuis), doel trede 4 (Onbetaald werk)",
      "Doelen per leefgebied",
      "Leefgebied: Huisvesting",
      "Doel: De huur wordt elke maand op tijd betaald.",
      "Voor wie Het hele gezin",
      "Leefgebied: Inkomen",
      "Voor wie Anaïs de Vries en Joël de Vries",
      "Streefdatum 30 juni 2026",
    ]);
    // Leefgebieden in the instrument's order (huisvesting before inkomen in ploeg-9), not the plan's.
    assert.ok(pdf.text.indexOf("Leefgebied: Huisvesting") < pdf.text.indexOf("Leefgebied: Inkomen"));
  });

  test("actions: what, who (member, network, coach, chain partner), when and the Dutch status; the family's own actions marked", async () => {
    const { text } = await read(input(signedVersion()));
    assertIncludes(text, [
      "Eigen actie: Betalingsregeling afspreken met de woningcorporatie",
      "Wie: Anaïs de Vries · Wanneer: uiterlijk 15 februari 2026 · Status: open",
      "Wie: Oma Truus (oma) · Wanneer: uiterlijk 1 april 2026 · Status: gedaan",
      "Wie: Jan Jansen (Kredietbank Groningen) · Wanneer: uiterlijk 1 maart 2026 · Status: bezig",
      "Wie: Zoë Hendriks (gezinscoach) · Wanneer: uiterlijk 15 maart 2026 · Status: vervallen · Reden: Gezin volgt al een cursus via de kerk.",
    ]);
    // Only actions owned by a family member are marked as their own.
    assert.equal(text.match(/Eigen actie:/g)?.length, 1);
    assert.doesNotMatch(text, /Eigen actie: (Aanmelden|Budgetcursus|Elke vrijdag)/);
  });

  test("signed: who signed, when and how instead of empty lines; no CONCEPT", async () => {
    const { text } = await read(input(signedVersion()));
    assertIncludes(text, [
      "Handtekeningen",
      "Ondertekend door Anaïs de Vries (ouder) en Joël de Vries (ouder)",
      "Datum 3 februari 2026",
      "Hoe Op het scherm",
      "Vastgelegd door Karel Leiding",
    ]);
    assert.doesNotMatch(text, /Handtekening:|CONCEPT/);
  });

  test("concept: marked CONCEPT on every page, with signature lines for the adults, children of twelve and older, and the coach", async () => {
    const pdf = await read(input(conceptVersion()));
    assertIncludes(pdf.text, [
      "CONCEPT. Dit plan is nog niet definitief.",
      "Versie 2",
      "Status Concept (nog niet ondertekend)",
      "Anaïs de Vries (ouder) Datum: Handtekening:",
      "Joël de Vries (ouder) Datum: Handtekening:",
      "Chloë de Vries (kind) Datum: Handtekening:",
      "Zoë Hendriks (gezinscoach) Datum: Handtekening:",
    ]);
    for (const page of pdf.pages) assert.match(page, /CONCEPT/);
    // Noë is seven: no signature line.
    assert.doesNotMatch(pdf.text, /Noë de Vries \(kind\) Datum/);
    assert.doesNotMatch(pdf.text, /Ondertekend door/);
    // The reason for the changed timing is printed with the action.
    assert.match(pdf.text, /Planning aangepast: De kredietbank had een wachtlijst\./);
  });

  test("every page carries 'Pagina X van N'", async () => {
    const pdf = await read(input(conceptVersion()));
    assert.match(pdf.pages[0] ?? "", new RegExp(`Pagina 1 van ${pdf.pages.length}`));
    assert.match(pdf.pages.at(-1) ?? "", new RegExp(`Pagina ${pdf.pages.length} van ${pdf.pages.length}`));
  });

  test("without instrument definitions the keys and step numbers are printed; unknown people get a neutral name", () => {
    const version = signedVersion();
    const model = familyPlan(input(version, { instrument: null, participationLadder: null, userNames: new Map(), family: sampleFamily({ network: [], coachName: null }) }));
    const all = JSON.stringify(model.blocks);
    assert.match(all, /Leefgebied: huisvesting/);
    assert.match(all, /nu trede 2, doel trede 4/);
    assert.match(all, /Wie: iemand uit het netwerk/);
    assert.match(all, /Wie: de gezinscoach \(gezinscoach\)/);
    assert.match(all, /"Vastgelegd door","value":"onbekend"/);
    assert.match(all, /"Gezinscoach","value":"Nog niet gekozen"/);
  });

  test("an empty plan still prints every section with a plain sentence", () => {
    const version: PlanVersion = { ...conceptVersion(), content: { startDate: "2026-02-01", instrumentKey: "ploeg-9", overallGoals: [], participation: [], goals: [] } };
    const all = JSON.stringify(familyPlan(input(version)).blocks);
    assert.match(all, /Er zijn nog geen overkoepelende doelen\./);
    assert.match(all, /Er zijn nog geen doelen\./);
    assert.doesNotMatch(all, /Participatieladder/);
  });
});
