/**
 * `ploegwerk instruments import` and `ploegwerk instruments list`: new instruments and versions,
 * invalid definitions, and versions that never change. Harness: cliTesting.ts.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { cli, CONCURRENCY, errorLines, newOrganisation, ON_POSTGRES, setUpCli, tearDownCli, tempFile } from "./cliTesting.ts";

before(setUpCli);
after(tearDownCli);

describe(`ploegwerk CLI (${ON_POSTGRES ? "postgres" : "pglite"})`, () => {
  describe("instruments", { concurrency: CONCURRENCY }, () => {
    function definition(key: string, version: number, domainKeys: readonly string[], name = "Gezinsplan") {
      return {
        key,
        version,
        name: { nl: name, en: `${name} (en)` },
        domains: domainKeys.map((k) => ({ key: k, label: { nl: `Domein ${k}`, en: `Domain ${k}` } })),
        scale: { values: [1, 2, 3, 4, 5].map((v) => ({ value: v, label: { nl: `Waarde ${v}`, en: `Value ${v}` } })) },
        problemThreshold: 3,
        weightedSelfReliance: false,
      };
    }
    const jsonFile = (name: string, value: unknown) => tempFile(name, JSON.stringify(value, null, 2));

    async function list(org: string): Promise<string[]> {
      const res = await cli(["instruments", "list", "--organisation", org]);
      assert.equal(res.code, 0, res.stderr);
      return res.stdout.trimEnd().split("\n");
    }

    test("a valid new instrument, then a new version of it, is listed", async () => {
      const org = await newOrganisation("instrument-new");
      const before = await list(org);
      assert.ok(before.includes("ploeg-9@1\tZelfredzaamheid gezinnen (9 leefgebieden)\t9 domains"), before.join("\n"));
      assert.ok(!before.some((l) => l.startsWith("gezinsplan-test@")));

      const v1 = await cli(["instruments", "import", jsonFile("v1.json", definition("gezinsplan-test", 1, ["wonen", "geld", "werk", "zorg"])), "--organisation", org]);
      assert.equal(v1.code, 0, v1.stderr);
      assert.match(v1.stderr, /^Imported instrument gezinsplan-test version 1 \(4 domains\)\.$/m);
      const afterV1 = await list(org);
      assert.deepEqual(afterV1.filter((l) => !before.includes(l)), ["gezinsplan-test@1\tGezinsplan\t4 domains"]);
      assert.deepEqual(afterV1.filter((l) => !l.startsWith("gezinsplan-test@")), before);

      const v2 = await cli(["instruments", "import", jsonFile("v2.json", definition("gezinsplan-test", 2, ["wonen", "geld", "werk", "zorg", "netwerk"], "Gezinsplan 2")), "--organisation", org]);
      assert.equal(v2.code, 0, v2.stderr);
      const afterV2 = await list(org);
      assert.deepEqual(afterV2.filter((l) => !before.includes(l)), ["gezinsplan-test@2\tGezinsplan 2\t5 domains"]);
    });

    test("an invalid definition exits 1 with the field paths and changes nothing", async () => {
      const org = await newOrganisation("instrument-invalid");
      const before = await list(org);
      const bad = { ...definition("gezinsplan-fout", 1, ["wonen", "geld", "wonen"]), problemThreshold: 7 };
      const res = await cli(["instruments", "import", jsonFile("bad.json", bad), "--organisation", org]);
      assert.equal(res.code, 1, res.stderr);
      assert.deepEqual(errorLines(res.stderr), [
        "error: This instrument definition is not valid; see the field errors.",
        "  domains.2.key: domain key 'wonen' appears twice",
        "  problemThreshold: problem threshold 7 is outside the scale 1..5",
      ]);
      assert.deepEqual(await list(org), before);
    });

    test("an existing key and version cannot be imported again: versions never change", async () => {
      const org = await newOrganisation("instrument-existing");
      const before = await list(org);
      const changedBuiltin = definition("ploeg-9", 1, ["wonen", "geld", "werk"], "Ander formulier");
      const res = await cli(["instruments", "import", jsonFile("ploeg-9.json", changedBuiltin), "--organisation", org]);
      assert.equal(res.code, 1, res.stderr);
      assert.deepEqual(errorLines(res.stderr), ["error: ploeg-9 version 1 already exists. Versions never change: give the new definition a higher version number."]);
      assert.deepEqual(await list(org), before, "ploeg-9@1 keeps its name and nine domains");

      const own = await cli(["instruments", "import", jsonFile("own.json", definition("gezinsplan-vast", 1, ["wonen", "geld"])), "--organisation", org]);
      assert.equal(own.code, 0, own.stderr);
      const again = await cli(["instruments", "import", jsonFile("own-again.json", definition("gezinsplan-vast", 1, ["wonen", "geld", "werk"], "Gewijzigd")), "--organisation", org]);
      assert.equal(again.code, 1, again.stderr);
      assert.deepEqual(errorLines(again.stderr), ["error: gezinsplan-vast version 1 already exists. Versions never change: give the new definition a higher version number."]);
      assert.ok((await list(org)).includes("gezinsplan-vast@1\tGezinsplan\t2 domains"));
    });
  });
});
