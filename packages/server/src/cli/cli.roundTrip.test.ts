/**
 * `ploegwerk export measurements` ↔ `ploegwerk import measurements`: exporting the imported fixture
 * and importing that export elsewhere gives a byte-identical export. Harness: cliTesting.ts.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { byFamilyAndMeting, FIXTURE, fixtureRows } from "./cliFixture.ts";
import { CONCURRENCY, csv, exportCsv, HEADER, importOk, newOrganisation, ON_POSTGRES, setUpCli, tearDownCli, tempFile } from "./cliTesting.ts";

before(setUpCli);
after(tearDownCli);

describe(`ploegwerk CLI (${ON_POSTGRES ? "postgres" : "pglite"})`, () => {
  describe("export ↔ import", { concurrency: CONCURRENCY }, () => {
    test("export of the imported fixture is its rows sorted by family and meting; re-import elsewhere and export again is byte-identical", async () => {
      const first = await newOrganisation("Export A");
      await importOk(first, FIXTURE, "--create-families");
      const exported = await exportCsv(first);
      const sorted = fixtureRows().sort(byFamilyAndMeting).map((r) => r.line);
      assert.equal(exported, csv(HEADER, ...sorted));

      const second = await newOrganisation("Export B");
      const again = await importOk(second, tempFile("export-a.csv", exported), "--create-families");
      assert.match(again.stderr, /^Imported 40 measurements for 20 families \(20 families created\)\.$/m);
      assert.equal(await exportCsv(second), exported);
    });
  });
});
