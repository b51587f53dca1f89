/**
 * `ploegwerk import measurements` → `ploegwerk report outcomes`: the 20-family fixture imported
 * through the real command, reported as JSON, CSV and table, checked against the figures worked
 * out by hand in cliFixture.ts. Harness: cliTesting.ts.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { byFamilyAndMeting, DOMAIN_LABELS, EXPECTED_FAMILIES, EXPECTED_METINGEN, EXPECTED_TRANSITIONS, expectedFamilyLines, FIXTURE, fixtureRows } from "./cliFixture.ts";
import { cli, CONCURRENCY, importOk, KEYS, newOrganisation, ON_POSTGRES, PLOEG9, setUpCli, tearDownCli } from "./cliTesting.ts";

before(setUpCli);
after(tearDownCli);

describe(`ploegwerk CLI (${ON_POSTGRES ? "postgres" : "pglite"})`, () => {
  describe("import → report outcomes", { concurrency: CONCURRENCY }, () => {
    test("the fixture was built as intended (20 families, metingen 0 and 1, shuffled)", () => {
      const rows = fixtureRows();
      assert.equal(rows.length, 40);
      assert.deepEqual(Object.keys(EXPECTED_FAMILIES), Array.from({ length: 20 }, (_, i) => `PW-${i + 1}`));
      for (const f of Object.keys(EXPECTED_FAMILIES)) {
        assert.deepEqual(rows.filter((r) => r.family === f).map((r) => r.meting).sort(), [0, 1], f);
      }
      assert.notDeepEqual(rows.map((r) => r.line), [...rows].sort(byFamilyAndMeting).map((r) => r.line), "the fixture should not already be sorted");
    });

    test("report --format json/csv/table gives the hand-computed figures", async () => {
      const org = await newOrganisation("Rapport");
      const imported = await importOk(org, FIXTURE, "--create-families");
      assert.match(imported.stderr, /^Imported 40 measurements for 20 families \(20 families created\)\.$/m);

      // JSON
      const json = await cli(["report", "outcomes", ...PLOEG9, "--format", "json", "--organisation", org]);
      assert.equal(json.code, 0, json.stderr);
      const report = JSON.parse(json.stdout) as {
        families: { family: string; measurements: { meting: number; selfReliance: number | null; level: number | null; problemDomains: number }[] }[];
        metingen: unknown[];
        transitions: unknown[];
      };
      const got = (family: string, meting: number) => {
        const m = report.families.find((f) => f.family === family)?.measurements.find((x) => x.meting === meting);
        return m ? [m.selfReliance, m.level, m.problemDomains] : undefined;
      };
      // The families the rounding rules are about (see the ledger in cliFixture.ts):
      assert.deepEqual(got("PW-1", 0), [1.5, 1, 9], "PW-1 m0: 58/40 = 1.45 → shown 1.5, level from 1.45 → 1");
      assert.deepEqual(got("PW-2", 0), [2.5, 3, 7], "PW-2 m0: 70/28 = 2.5 exactly → level half-up 3");
      assert.deepEqual(got("PW-5", 0), [2.3, 2, 8], "PW-5 m0: 72/32 = 2.25 → 2.3");
      assert.deepEqual(got("PW-15", 0), [2.5, 2, 8], "PW-15 m0: 74/30 = 2.4667 → shown 2.5, level 2");
      assert.deepEqual(got("PW-11", 1), [3.5, 3, 4], "PW-11 m1: 73/21 = 3.4762 → shown 3.5, level 3");
      assert.deepEqual(got("PW-20", 1), [3.5, 4, 4], "PW-20 m1: 70/20 = 3.5 exactly → level half-up 4");
      assert.deepEqual(got("PW-7", 1), [2.9, 3, 7], "PW-7 m1: 8 scored domains, 70/24 = 2.9167 → 2.9");
      assert.deepEqual(got("PW-16", 1), [2.4, 2, 8], "PW-16 m1: 72/30 = 2.4 → level 2 (the one decline)");
      assert.deepEqual(report.metingen, EXPECTED_METINGEN);
      assert.deepEqual(report.transitions, EXPECTED_TRANSITIONS);
      // …and the whole report, every family and meting:
      const rows = fixtureRows();
      assert.deepEqual(report, {
        instrument: { key: "ploeg-9", version: 1 },
        familyCount: 20,
        families: Object.entries(EXPECTED_FAMILIES).map(([family, metingen]) => ({
          family,
          measurements: metingen.map(([selfReliance, level, problemDomains], meting) => ({
            meting,
            selfReliance,
            level,
            problemDomains,
            scores: rows.find((r) => r.family === family && r.meting === meting)?.scores,
          })),
        })),
        metingen: EXPECTED_METINGEN,
        transitions: EXPECTED_TRANSITIONS,
      });

      // CSV: one line per family and meting, the same numbers.
      const csvOut = await cli(["report", "outcomes", ...PLOEG9, "--format", "csv", "--organisation", org]);
      assert.equal(csvOut.code, 0, csvOut.stderr);
      assert.deepEqual(csvOut.stdout.split("\n"), [`family,meting,selfReliance,level,problemDomains,${KEYS.join(",")}`, ...expectedFamilyLines(), ""]);

      // Table: domain means per meting, families, mean problem domains, mean SR, transitions.
      const tableOut = await cli(["report", "outcomes", ...PLOEG9, "--format", "table", "--organisation", org]);
      assert.equal(tableOut.code, 0, tableOut.stderr);
      const lines = tableOut.stdout.split("\n");
      assert.equal(lines[0], "Zelfredzaamheid gezinnen (9 leefgebieden) (ploeg-9@1)");
      const cells = (label: string) => lines.map((l) => l.trim().split(/\s{2,}/)).find((c) => c[0] === label);
      const [m0, m1] = EXPECTED_METINGEN;
      assert.deepEqual(cells("leefgebied"), ["leefgebied", "meting 0", "meting 1"]);
      for (const k of KEYS) {
        assert.deepEqual(cells(DOMAIN_LABELS[k]), [DOMAIN_LABELS[k], m0.domainMeans[k].toFixed(1), m1.domainMeans[k].toFixed(1)], k);
      }
      assert.deepEqual(cells("gezinnen"), ["gezinnen", "20", "20"]);
      assert.deepEqual(cells("gem. probleemgebieden"), ["gem. probleemgebieden", "7.35", "5.60"]);
      assert.deepEqual(cells("gem. zelfredzaamheid"), ["gem. zelfredzaamheid", "2.6", "3.1"]);
      assert.deepEqual(cells("overgang"), ["overgang", "gezinnen", "gestegen", "gelijk", "gedaald"]);
      assert.deepEqual(cells("0 → 1"), ["0 → 1", "20", "14", "5", "1"]);
    });
  });
});
