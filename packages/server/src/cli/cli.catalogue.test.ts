/**
 * `ploegwerk catalogue import|export`: the "wat werkt" catalogue as files, all or nothing.
 * Harness: cliTesting.ts.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { cli, CONCURRENCY, errorLines, newOrganisation, ON_POSTGRES, setUpCli, tearDownCli, tempFile } from "./cliTesting.ts";

before(setUpCli);
after(tearDownCli);

const HEADER = "key,name,summary,targetGroup,targetGroups,goal,theory,method,provider,providerPartner,geographicReach,regions,domains,evidenceLevel,recognition,cost,costUnit,costIncludes,contact,sources,active";
const FILE = [
  "key,name,domains,cost,costUnit,targetGroups,sources",
  'join-us,Join us,sociaal_netwerk,5500,per_group_per_year,jongvolwassenen_18_27,"Beschrijving|https://example.org/join-us|2019"',
  "leergeld,Stichting Leergeld,vrije_tijd;inkomen,0,free,kinderen_0_12;jongeren_12_18,",
].join("\n");

async function exportAs(org: string, format: "json" | "csv"): Promise<string> {
  const res = await cli(["catalogue", "export", "--format", format, "--organisation", org]);
  assert.equal(res.code, 0, res.stderr);
  return res.stdout;
}

describe(`ploegwerk CLI (${ON_POSTGRES ? "postgres" : "pglite"})`, () => {
  describe("catalogue", { concurrency: CONCURRENCY }, () => {
    test("import a CSV, export it as CSV and JSON; the JSON imported elsewhere exports the same CSV", async () => {
      const first = await newOrganisation("catalogue-a");
      const imported = await cli(["catalogue", "import", tempFile("wat-werkt.csv", FILE), "--organisation", first]);
      assert.equal(imported.code, 0, imported.stderr);
      assert.match(imported.stderr, /^Imported the catalogue: 2 added, 0 updated, 0 unchanged\.$/m);
      const csv = await exportAs(first, "csv");
      assert.equal(
        csv,
        [
          HEADER,
          "join-us,Join us,,,jongvolwassenen_18_27,,,,,,,,sociaal_netwerk,,,5500,per_group_per_year,,,Beschrijving|https://example.org/join-us|2019,true",
          "leergeld,Stichting Leergeld,,,kinderen_0_12;jongeren_12_18,,,,,,,,vrije_tijd;inkomen,,,0,free,,,,true",
          "",
        ].join("\n"),
      );
      const json = await exportAs(first, "json");
      assert.equal(JSON.parse(json).entries.length, 2);

      const second = await newOrganisation("catalogue-b");
      const again = await cli(["catalogue", "import", tempFile("wat-werkt.json", json), "--organisation", second]);
      assert.equal(again.code, 0, again.stderr);
      assert.equal(await exportAs(second, "csv"), csv);
    });

    test("a file with errors exits 1, lists them by line and column, and imports nothing", async () => {
      const org = await newOrganisation("catalogue-bad");
      const bad = `${FILE}\nbudget,Budgetcursus,inkomen;zwemmen,veel,per_participant,,\n`;
      const res = await cli(["catalogue", "import", tempFile("fout.csv", bad), "--organisation", org]);
      assert.equal(res.code, 1, res.stderr);
      assert.deepEqual(errorLines(res.stderr), [
        "error: The file was not imported: 1 error(s). Fix them and import the file again.",
        "  line 4, column cost: 'veel' is not an amount in euros; write it like 6500 or 6500.50, without a € sign or thousands separator",
      ]);
      assert.equal(await exportAs(org, "csv"), `${HEADER}\n`);
      const unknownKind = await cli(["catalogue", "import", tempFile("wat-werkt.txt", FILE), "--organisation", org]);
      assert.equal(unknownKind.code, 2, unknownKind.stderr);
      assert.match(unknownKind.stderr, /cannot tell the format of '.*wat-werkt\.txt'; name it \.csv or \.json, or pass --format csv\|json/);
    });
  });
});
