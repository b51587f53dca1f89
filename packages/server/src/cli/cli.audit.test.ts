/**
 * `ploegwerk audit verify` and the read rows of CLI exports, through the real command.
 * (Tampering and every kind of break are tested in-process: audit/auditChain.test.ts.) Harness: cliTesting.ts.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { cli, csv, HEADER, importOk, newOrganisation, OK, ON_POSTGRES, PLOEG9, row, setUpCli, tearDownCli, tempFile } from "./cliTesting.ts";

before(setUpCli);
after(tearDownCli);

describe(`ploegwerk CLI (${ON_POSTGRES ? "postgres" : "pglite"})`, () => {
  describe("audit", () => {
    test("an organisation's chain verifies after import, export and report; exports take a purpose; unknown organisation is a usage error", async () => {
      const org = await newOrganisation("Audit");
      await importOk(org, tempFile("audit.csv", csv(HEADER, row("AU-1", 0, "2024-01-08", OK), row("AU-2", 0, "2024-01-09", OK))), "--create-families");
      const exported = await cli(["export", "measurements", ...PLOEG9, "--organisation", org, "--purpose", "Jaarverslag aan de gemeente"]);
      assert.equal(exported.code, 0, exported.stderr);
      const report = await cli(["report", "outcomes", ...PLOEG9, "--organisation", org, "--format", "table"]);
      assert.equal(report.code, 0, report.stderr);

      const verified = await cli(["audit", "verify", "--organisation", org]);
      assert.equal(verified.code, 0, verified.stderr);
      // organisation.created, team.created?, the import, two families' export reads, two report reads: all chained.
      assert.match(verified.stdout, new RegExp(`^${org}\\tok\\t\\d+ rows\\thead \\d+ [0-9a-f]{64}\\n$`));
      assert.match(verified.stderr, /^Audit chains intact: 1 organisation\(s\), \d+ rows checked\.$/m);

      const tooLong = await cli(["export", "measurements", ...PLOEG9, "--organisation", org, "--purpose", "x".repeat(201)]);
      assert.equal(tooLong.code, 1);
      assert.equal(tooLong.stdout, "", "nothing leaves without its log row");
      assert.match(tooLong.stderr, /X-Ploegwerk-Purpose: at most 200 characters/);

      const unknown = await cli(["audit", "verify", "--organisation", "no-such-organisation"]);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /organisation 'no-such-organisation' does not exist/);
    });
  });
});
