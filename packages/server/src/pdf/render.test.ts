import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readPdf } from "../testing/pdfText.ts";
import { ageOn, dutchDate, dutchDateTime, joinDutch } from "./format.ts";
import type { DocumentModel } from "./model.ts";
import { renderPdf } from "./render.ts";

const LONG = "Wij komen bij u thuis. Coördinatie, ideeën, café, reünie en één plan. ";

function model(overrides: Partial<DocumentModel> = {}): DocumentModel {
  return {
    title: "Proefdocument voor Zoë",
    subject: "Test",
    author: "Team Noord",
    lang: "nl-NL",
    generatedOn: "2026-03-05",
    blocks: [
      { kind: "heading", level: 2, text: "Kopje één" },
      { kind: "paragraph", text: "Een gewone alinea met ë, é, ï, ü en €." },
      { kind: "lines", lines: ["Korreweg 12", "9715 AB GRONINGEN"] },
      { kind: "list", items: [{ text: "Eerste punt", detail: "Wie: Anaïs" }, { text: "Tweede punt", highlight: "Eigen actie" }] },
      { kind: "keyValues", rows: [{ key: "Dossiernummer", value: "KW-1" }, { key: "Leeg", value: "" }] },
      { kind: "notice", title: "Let op", paragraphs: ["Dit is belangrijk."] },
      { kind: "signatureLines", signers: [{ name: "Anaïs de Vries", role: "ouder" }, { name: "", role: "gezinscoach" }] },
    ],
    ...overrides,
  };
}

describe("pdf renderer", () => {
  test("every block's text is in the PDF, Dutch characters intact, with title and language in the metadata", async () => {
    const pdf = await readPdf(await renderPdf(model()));
    for (const expected of [
      "Proefdocument voor Zoë",
      "Kopje één",
      "Een gewone alinea met ë, é, ï, ü en €.",
      "Korreweg 12",
      "9715 AB GRONINGEN",
      "Eerste punt",
      "Wie: Anaïs",
      "Eigen actie: Tweede punt",
      "Dossiernummer KW-1",
      "Let op Dit is belangrijk.",
      "Anaïs de Vries (ouder)",
      "Naam gezinscoach:",
      "Datum:",
      "Handtekening:",
    ]) {
      assert.ok(pdf.text.includes(expected), `missing "${expected}" in: ${pdf.text}`);
    }
    assert.equal(pdf.title, "Proefdocument voor Zoë");
    assert.equal(pdf.language, "nl-NL");
  });

  test("names beyond Dutch diacritics survive (BRP names are Latin script with any diacritic); the font is embedded, not a standard font", async () => {
    const names = "Ayşe Yılmaz, Łukasz Wąsik, İbrahim Doğan, Ελένη, Ольга";
    const bytes = await renderPdf(model({ blocks: [{ kind: "paragraph", text: names }] }));
    assert.ok((await readPdf(bytes)).text.includes(names));
    const raw = bytes.toString("latin1");
    assert.match(raw, /\/FontFile2/);
    assert.match(raw, /OpenSans-Regular/);
    assert.doesNotMatch(raw, /\/BaseFont \/Helvetica/);
  });

  test("tagged: headings, paragraphs, lists and tables are in the structure tree", async () => {
    const pdf = await readPdf(await renderPdf(model()));
    assert.equal(pdf.tagged, true);
    for (const role of ["Document", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD"]) {
      assert.ok(pdf.roles.has(role), `structure role ${role} missing; got ${[...pdf.roles].join(", ")}`);
    }
  });

  test("every page has the footer 'Pagina X van Y' with the date; long content flows onto more pages", async () => {
    const blocks = Array.from({ length: 30 }, () => ({ kind: "paragraph" as const, text: LONG.repeat(5) }));
    const pdf = await readPdf(await renderPdf(model({ blocks })));
    assert.ok(pdf.pages.length >= 3, `expected at least 3 pages, got ${pdf.pages.length}`);
    pdf.pages.forEach((page, i) => {
      assert.match(page, new RegExp(`Pagina ${i + 1} van ${pdf.pages.length}`));
      assert.match(page, /Gemaakt op 5 maart 2026/);
    });
  });

  test("a watermark is printed on every page only when asked for", async () => {
    const blocks = Array.from({ length: 12 }, () => ({ kind: "paragraph" as const, text: LONG.repeat(5) }));
    const marked = await readPdf(await renderPdf(model({ blocks, watermark: "CONCEPT" })));
    assert.ok(marked.pages.length >= 2);
    for (const page of marked.pages) assert.match(page, /CONCEPT/);
    const plain = await readPdf(await renderPdf(model({ blocks })));
    assert.doesNotMatch(plain.text, /CONCEPT/);
  });

  test("the PDF starts with the PDF header and ends with the trailer", async () => {
    const bytes = await renderPdf(model());
    assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-");
    assert.match(bytes.subarray(-6).toString("latin1"), /%%EOF/);
  });
});

describe("Dutch formatting", () => {
  test("dates, times in Amsterdam, lists of names and ages", () => {
    assert.equal(dutchDate("2026-03-05"), "5 maart 2026");
    assert.equal(dutchDate("2026-12-31"), "31 december 2026");
    assert.equal(dutchDate("not a date"), "not a date");
    // 13:00 UTC in winter is 14:00 in the Netherlands, in summer 15:00.
    assert.deepEqual(dutchDateTime("2026-02-10T13:00:00.000Z"), { date: "dinsdag 10 februari 2026", time: "14:00 uur" });
    assert.deepEqual(dutchDateTime("2026-07-01T13:00:00+00:00"), { date: "woensdag 1 juli 2026", time: "15:00 uur" });
    assert.equal(joinDutch([]), "");
    assert.equal(joinDutch(["Anaïs"]), "Anaïs");
    assert.equal(joinDutch(["Anaïs", "Joël", "Noë"]), "Anaïs, Joël en Noë");
    assert.equal(ageOn("2014-03-05", "2026-03-04"), 11);
    assert.equal(ageOn("2014-03-05", "2026-03-05"), 12);
  });
});
