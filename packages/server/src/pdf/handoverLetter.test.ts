import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readPdf } from "../testing/pdfText.ts";
import { handoverLetter, HANDOVER_LETTER_TITLE, type HandoverLetterInput } from "./handoverLetter.ts";
import { renderPdf } from "./render.ts";
import { sampleFamily, sampleReferral } from "./testFixtures.ts";

function input(overrides: Partial<HandoverLetterInput> = {}, referral: Parameters<typeof sampleReferral>[0] = {}): HandoverLetterInput {
  return {
    family: sampleFamily(),
    trajectory: { caseNumber: "KW-2026-017", referral: sampleReferral(referral), introduction: { at: "2026-02-10T13:00:00.000Z", place: "Buurthuis De Kring, Korreweg 80" } },
    coach: { name: "Zoë Hendriks", email: "zoe.hendriks@ploeg.example" },
    organisationName: "De Ploeg Groningen",
    generatedOn: "2026-01-20",
    ...overrides,
  };
}

const textOf = async (i: HandoverLetterInput) => (await readPdf(await renderPdf(handoverLetter(i)))).text;

describe("overdrachtsbrief", () => {
  test("addressed to the parents at their address; names the coach, the introductiegesprek and the contact details", async () => {
    const pdf = await readPdf(await renderPdf(handoverLetter(input())));
    assert.equal(pdf.title, HANDOVER_LETTER_TITLE);
    assert.equal(pdf.language, "nl-NL");
    for (const expected of [
      "Anaïs de Vries en Joël de Vries",
      "Korreweg 12a",
      "9715 AB GRONINGEN",
      "Datum 20 januari 2026",
      "Dossiernummer KW-2026-017",
      "Beste Anaïs de Vries en Joël de Vries,",
      "Woonstichting De Korf heeft u bij ons aangemeld.",
      "Uw gezinscoach is Zoë Hendriks.",
      "één gezin, één plan, één regisseur",
      "Het eerste gesprek",
      "Datum dinsdag 10 februari 2026",
      "Tijd 14:00 uur",
      "Plaats Buurthuis De Kring, Korreweg 80",
      "E-mail zoe.hendriks@ploeg.example",
      "Team Team Noord",
      "Organisatie De Ploeg Groningen",
      "Met vriendelijke groet,",
    ]) {
      assert.ok(pdf.text.includes(expected), `missing "${expected}" in: ${pdf.text}`);
    }
    // The children are not addressed, and nothing about coercion without dwang or drang.
    assert.doesNotMatch(pdf.text, /Noë|Chloë/);
    assert.doesNotMatch(pdf.text, /Let op|verplicht|gevolgen/);
  });

  test("drang: a separate passage on the consequences of not cooperating, with the recorded note", async () => {
    const note = "De woningcorporatie zet de ontruiming door als de huur niet wordt betaald.";
    const model = handoverLetter(input({}, { coercion: "drang", coercionNote: note }));
    const notices = model.blocks.filter((b) => b.kind === "notice");
    assert.equal(notices.length, 1);
    const text = (await readPdf(await renderPdf(model))).text;
    assert.match(text, /Let op: meewerken is belangrijk/);
    assert.match(text, /U bent niet verplicht om mee te werken\. Maar als u niet meewerkt, kan dat gevolgen voor u hebben\./);
    assert.ok(text.includes(`Werkt u niet mee? Dan kan dit gebeuren: ${note}`), text);
  });

  test("dwang: the passage says cooperation is required", async () => {
    const text = await textOf(input({}, { coercion: "dwang", coercionNote: "De kinderrechter heeft een ondertoezichtstelling uitgesproken." }));
    assert.match(text, /Let op: meewerken is verplicht/);
    assert.match(text, /U bent verplicht om mee te werken/);
    assert.match(text, /ondertoezichtstelling uitgesproken/);
  });

  test("no introductiegesprek planned and no coach chosen yet: the letter says what happens next", async () => {
    const text = await textOf(input({ coach: null, trajectory: { caseNumber: "KW-2026-017", referral: sampleReferral(), introduction: null } }));
    assert.match(text, /U hoort snel wie uw gezinscoach wordt\./);
    assert.match(text, /Uw gezinscoach neemt contact met u op om een afspraak te maken/);
    assert.doesNotMatch(text, /Tijd \d/);
  });
});
