/**
 * The first `ploegwerk` command on an empty PGlite data directory migrates it and creates the
 * default organisation (skipped on PostgreSQL). Harness: cliTesting.ts.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { cli, csv, HEADER, OK, ON_POSTGRES, PLOEG9, row, setUpCli, tearDownCli, tempFile, workDir } from "./cliTesting.ts";

before(setUpCli);
after(tearDownCli);

describe(`ploegwerk CLI (${ON_POSTGRES ? "postgres" : "pglite"})`, () => {
  describe("first start on an empty PGlite data directory", () => {
    test(
      "the first command migrates and creates the default organisation",
      { skip: ON_POSTGRES ? "PGlite only; this run uses PostgreSQL" : false },
      async () => {
        const empty = mkdtempSync(join(workDir, "empty-"));
        assert.deepEqual(readdirSync(empty), []);
        const first = await cli(["instruments", "list"], { pgliteDir: empty });
        assert.equal(first.code, 0, first.stderr);
        assert.match(first.stdout, /^ploeg-9@1\tZelfredzaamheid gezinnen \(9 leefgebieden\)\t9 domains$/m);
        assert.match(first.stderr, /^No organisation yet: creating the default organisation 'Standaardorganisatie' with team 'Team 1'\.$/m);

        const orgs = await cli(["organisations", "list"], { pgliteDir: empty });
        assert.equal(orgs.code, 0, orgs.stderr);
        assert.equal(orgs.stdout, "standaard\tStandaardorganisatie\n");

        // Without --organisation the CLI works in that default organisation, which has 'Team 1'.
        const content = csv(HEADER, row("PW-1", 0, "2024-01-08", OK));
        const imported = await cli(["import", "measurements", tempFile("default.csv", content), ...PLOEG9, "--create-families", "--team", "Team 1"], { pgliteDir: empty });
        assert.equal(imported.code, 0, imported.stderr);
        const exported = await cli(["export", "measurements", ...PLOEG9, "--organisation", "standaard"], { pgliteDir: empty });
        assert.equal(exported.code, 0, exported.stderr);
        assert.equal(exported.stdout, content);
      },
    );
  });
});
