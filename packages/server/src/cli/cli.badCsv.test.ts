/**
 * `ploegwerk import measurements` with a bad file: every kind of bad CSV is rejected as a whole,
 * with the exact errors (line and column: reason), and nothing is imported; usage errors exit 2.
 * Harness: cliTesting.ts.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FIXTURE } from "./cliFixture.ts";
import { assertRejected, cli, CONCURRENCY, csv, EMPTY_EXPORT, errorLines, exportCsv, HEADER, importCsv, importOk, newOrganisation, OK, ON_POSTGRES, PLOEG9, row, SCALE_HINT, setUpCli, tearDownCli, tempFile } from "./cliTesting.ts";

before(setUpCli);
after(tearDownCli);

describe(`ploegwerk CLI (${ON_POSTGRES ? "postgres" : "pglite"})`, () => {
  describe("a bad measurement file is rejected as a whole", { concurrency: CONCURRENCY }, () => {
    /** Imports into a new organisation, expects exactly these errors, then an empty export. */
    async function rejectedInEmptyOrganisation(label: string, content: string, errors: readonly string[]): Promise<string> {
      const org = await newOrganisation(label);
      assertRejected(await importCsv(org, tempFile(`${label}.csv`, content), "--create-families"), errors);
      assert.equal(await exportCsv(org), EMPTY_EXPORT, "nothing may have been imported");
      return org;
    }

    test("unknown column in the header", async () => {
      await rejectedInEmptyOrganisation(
        "unknown-column",
        csv("family,meting,date,onderwijs_werk,huisvesting,werk", "PW-1,0,2024-01-08,2,3,4", "PW-2,0,2024-01-09,3,3,3"),
        [
          "line 1, column werk: unknown column 'werk'; use family, meting, date and the domain keys of ploeg-9: onderwijs_werk, huisvesting, inkomen, opvoeding, geestelijke_gezondheid, lichamelijke_gezondheid, sociaal_netwerk, vrije_tijd, justitiele_veiligheid",
        ],
      );
    });

    test("duplicate column in the header", async () => {
      await rejectedInEmptyOrganisation("duplicate-column", csv("family,meting,date,huisvesting,inkomen,huisvesting", "PW-1,0,2024-01-08,2,3,4"), [
        "line 1, column huisvesting: column 'huisvesting' appears twice",
      ]);
    });

    test("score outside the scale", async () => {
      await rejectedInEmptyOrganisation(
        "outside-scale",
        csv(
          HEADER,
          row("PW-1", 0, "2024-01-08", OK),
          row("PW-2", 0, "2024-01-09", OK),
          row("PW-3", 0, "2024-01-10", [3, 7, 3, 3, 3, 3, 3, 3, 3]),
          row("PW-4", 0, "2024-01-11", [3, 3, 0, 3, 3, 3, 3, 3, 3]),
          row("PW-5", 0, "2024-01-12", [3, 3, 3, 3, 3, 3, 3, 3, -1]),
        ),
        [
          "line 4, column huisvesting: 7 is outside the scale 1 to 5",
          "line 5, column inkomen: 0 is outside the scale 1 to 5",
          "line 6, column justitiele_veiligheid: -1 is outside the scale 1 to 5",
        ],
      );
    });

    test("score that is not a whole number", async () => {
      await rejectedInEmptyOrganisation(
        "not-integer",
        csv(
          HEADER,
          row("PW-1", 0, "2024-01-08", OK),
          row("PW-2", 0, "2024-01-09", [3, 3, 3, "2.5", 3, 3, 3, 3, 3]),
          row("PW-3", 0, "2024-01-10", [3, 3, 3, 3, 3, 3, 3, "abc", 3]),
          row("PW-4", 0, "2024-01-11", [3, 3, '"3,0"', 3, 3, 3, 3, 3, 3]),
        ),
        [
          `line 3, column opvoeding: '2.5' is not a whole number; ${SCALE_HINT}`,
          `line 4, column vrije_tijd: 'abc' is not a whole number; ${SCALE_HINT}`,
          `line 5, column inkomen: '3,0' is not a whole number; ${SCALE_HINT}`,
        ],
      );
    });

    test("the same family and meting twice in the file", async () => {
      await rejectedInEmptyOrganisation(
        "duplicate-row",
        csv(
          HEADER,
          row("PW-1", 0, "2024-01-08", OK),
          row("PW-2", 0, "2024-01-09", OK),
          row("PW-1", 1, "2024-08-08", OK),
          row("PW-2", 0, "2024-01-10", [2, 2, 2, 2, 2, 2, 2, 2, 2]),
          row("PW-1", "00", "2024-01-08", OK),
        ),
        ["line 5: family PW-2 meting 0 also appears on line 3", "line 6: family PW-1 meting 0 also appears on line 2"],
      );
    });

    test("a family and meting that already exist in the organisation", async () => {
      const org = await newOrganisation("existing");
      await importOk(org, tempFile("first.csv", csv(HEADER, row("PW-1", 0, "2024-01-08", OK), row("PW-2", 0, "2024-01-09", OK))), "--create-families");
      const before = await exportCsv(org);
      assert.equal(before, csv(HEADER, row("PW-1", 0, "2024-01-08", OK), row("PW-2", 0, "2024-01-09", OK)));
      const res = await importCsv(org, tempFile("second.csv", csv(HEADER, row("PW-1", 1, "2024-08-08", [4, 4, 4, 4, 4, 4, 4, 4, 4]), row("PW-2", 0, "2024-01-20", OK))));
      assertRejected(res, ["line 3: family PW-2 already has meting 0 on ploeg-9; edit it in the family file instead"]);
      assert.equal(await exportCsv(org), before, "the valid line 2 may not have been imported either");
    });

    test("an unknown family without --create-families", async () => {
      const org = await newOrganisation("unknown-family");
      await importOk(org, tempFile("first.csv", csv(HEADER, row("PW-1", 0, "2024-01-08", OK))), "--create-families");
      const before = await exportCsv(org);
      const res = await importCsv(org, tempFile("second.csv", csv(HEADER, row("PW-1", 1, "2024-08-08", OK), row("PW-99", 0, "2024-01-09", OK))));
      assertRejected(res, ["line 3, column family: unknown family 'PW-99'; register it first or import with --create-families"]);
      assert.equal(await exportCsv(org), before);
    });

    test("a date that is not a date", async () => {
      const hint = "is not a date; write it as YYYY-MM-DD or leave it empty";
      await rejectedInEmptyOrganisation(
        "bad-date",
        csv(
          HEADER,
          row("PW-1", 0, "2024-02-29", OK),
          row("PW-2", 0, "2024-02-30", OK),
          row("PW-3", 0, "12-03-2024", OK),
          row("PW-4", 0, "2024-13-01", OK),
          row("PW-5", 0, "2023-02-29", OK),
        ),
        [`line 3, column date: '2024-02-30' ${hint}`, `line 4, column date: '12-03-2024' ${hint}`, `line 5, column date: '2024-13-01' ${hint}`, `line 6, column date: '2023-02-29' ${hint}`],
      );
    });

    test("a line with the wrong number of cells", async () => {
      await rejectedInEmptyOrganisation(
        "cell-count",
        csv(HEADER, row("PW-1", 0, "2024-01-08", OK), row("PW-2", 0, "2024-01-09", [3, 3, 3, 3, 3, 3, 3, 3]), row("PW-3", 0, "2024-01-10", [...OK, 3])),
        ["line 3: has 11 cells where the header has 12", "line 4: has 13 cells where the header has 12"],
      );
    });

    test("a line without any score", async () => {
      await rejectedInEmptyOrganisation("no-scores", csv(HEADER, row("PW-1", 0, "2024-01-08", OK), row("PW-2", 0, "2024-01-09", ["", "", "", "", "", "", "", "", ""])), [
        "line 3: no domain is scored on this line",
      ]);
    });

    test("an empty file", async () => {
      await rejectedInEmptyOrganisation("empty", "", ["line 1: the file is empty; the first line must be the header family,meting,date,<domain keys>"]);
    });

    test("a header without measurements", async () => {
      await rejectedInEmptyOrganisation("header-only", csv(HEADER), ["line 1: the file has a header but no measurements"]);
    });

    test("a quoted field that is never closed", async () => {
      await rejectedInEmptyOrganisation("unclosed-quote", `${csv(HEADER, row("PW-1", 0, "2024-01-08", OK))}PW-2,0,2024-01-09,"3,3,3,3,3,3,3,3,3\n`, [
        "line 3: a quoted field is not closed",
      ]);
    });

    test("a file with several errors lists all of them, and creates no family", async () => {
      const org = await rejectedInEmptyOrganisation(
        "several",
        csv(
          HEADER,
          row("PW-1", 0, "2024-01-08", OK), // line 2: fine
          row("PW 2", 0, "2024-01-09", OK), // line 3: bad case number
          row("PW-3", "nul", "2024-01-10", OK), // line 4: bad meting
          "", // line 5: blank, skipped but counted
          row("PW-4", 0, "2024-1-5", [3, 6, 3, 3, "x", 3, 3, 3, 3]), // line 6: three errors
          row("PW-1", 0, "2024-01-08", OK), // line 7: duplicate of line 2
          row("PW-5", 1, "", ["", "", "", "", "", "", "", "", ""]), // line 8: nothing scored
          "PW-6,1,2024-08-01,3,3", // line 9: 5 cells
          row("PW-7", 0, "2024-01-11", OK), // line 10: fine
        ),
        [
          "line 3, column family: 'PW 2' is not a valid case number: use letters, digits, '.', '_', '/' or '-' only",
          "line 4, column meting: 'nul' is not a meting number; use 0 for the nulmeting, then 1, 2, …",
          "line 6, column date: '2024-1-5' is not a date; write it as YYYY-MM-DD or leave it empty",
          "line 6, column huisvesting: 6 is outside the scale 1 to 5",
          `line 6, column geestelijke_gezondheid: 'x' is not a whole number; ${SCALE_HINT}`,
          "line 7: family PW-1 meting 0 also appears on line 2",
          "line 8: no domain is scored on this line",
          "line 9: has 5 cells where the header has 12",
        ],
      );
      // --create-families must not have left PW-1 or PW-7 behind either.
      const res = await importCsv(org, tempFile("valid-part.csv", csv(HEADER, row("PW-1", 0, "2024-01-08", OK), row("PW-7", 0, "2024-01-11", OK))));
      assertRejected(res, [
        "line 2, column family: unknown family 'PW-1'; register it first or import with --create-families",
        "line 3, column family: unknown family 'PW-7'; register it first or import with --create-families",
      ]);
    });

    test("usage errors exit 2 and import nothing: missing --instrument, unknown option", async () => {
      const org = await newOrganisation("usage");
      const noInstrument = await cli(["import", "measurements", FIXTURE, "--create-families", "--organisation", org]);
      assert.equal(noInstrument.code, 2, noInstrument.stderr);
      assert.equal(errorLines(noInstrument.stderr)[0], "error: give the instrument: --instrument ploeg-9");
      assert.match(noInstrument.stderr, /^Usage:$/m);
      const typo = await cli(["import", "measurements", FIXTURE, ...PLOEG9, "--create-family", "--organisation", org]);
      assert.equal(typo.code, 2, typo.stderr);
      assert.match(errorLines(typo.stderr)[0] ?? "", /^error: .*'--create-family'/);
      assert.equal(await exportCsv(org), EMPTY_EXPORT);
    });
  });
});
