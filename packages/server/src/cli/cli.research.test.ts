/**
 * `ploegwerk export research`: the 20-family fixture imported through the real command, exported
 * pseudonymised, checked against the fixture; every bad argument refused with a message that says
 * what is wrong and how to fix it, and then nothing written and nothing logged. Harness: cliTesting.ts.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { parseCsv, type ResearchCodebook } from "@ploegwerk/domain";
import { FIXTURE, fixtureRows } from "./cliFixture.ts";
import { cli, CONCURRENCY, importOk, KEYS, newOrganisation, ON_POSTGRES, setUpCli, tearDownCli, workDir } from "./cliTesting.ts";

before(setUpCli);
after(tearDownCli);

const PERIOD = ["--instrument", "ploeg-9", "--from", "2024-01-01", "--to", "2024-12-31"] as const;

function freshDir(): string {
  const dir = join(workDir, `out-${randomUUID().slice(0, 8)}`);
  mkdirSync(dir);
  return dir;
}

/** The number of rows in the organisation's audit chain (audit verify prints it). */
async function auditRowCount(org: string): Promise<number> {
  const res = await cli(["audit", "verify", "--organisation", org]);
  assert.equal(res.code, 0, res.stderr);
  const m = /\tok\t(\d+) rows/.exec(res.stdout);
  assert.ok(m, res.stdout);
  return Number(m[1]);
}

interface Row {
  family: string;
  meting: string;
  date: string;
  days: string;
  scores: string[];
}

function rowsOf(csv: string): Row[] {
  const [header, ...records] = parseCsv(csv);
  assert.ok(header);
  const at = (n: string) => header.cells.indexOf(n);
  return records.map((r) => ({ family: r.cells[at("family")] ?? "", meting: r.cells[at("meting")] ?? "", date: r.cells[at("date")] ?? "", days: r.cells[at("daysSinceNulmeting")] ?? "", scores: KEYS.map((k) => r.cells[at(k)] ?? "") }));
}

/** The fixture's date column (fixtureRows leaves it out). */
const fixture = () => fixtureRows().map((r) => ({ ...r, date: r.line.split(",")[2] ?? "" }));
const day = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;

describe(`ploegwerk export research (${ON_POSTGRES ? "postgres" : "pglite"})`, { concurrency: CONCURRENCY }, () => {
  // Tests that count audit rows work in an organisation of their own: on PostgreSQL the tests run
  // side by side, and audit verify reads a chain that another process is appending to as broken.
  let org = "";
  before(async () => {
    org = await newOrganisation("Onderzoek");
    await importOk(org, FIXTURE, "--create-families");
  });
  const ownOrganisation = async (label: string, withFixture: boolean) => {
    const slug = await newOrganisation(label);
    if (withFixture) await importOk(slug, FIXTURE, "--create-families");
    return slug;
  };

  // The fixture has 40 metingen of 20 families; two have no date (PW-4 meting 1, PW-17 meting 0), so they are in no period.
  test("writes the file and its codebooks: 38 rows, 20 pseudonymised families, months only, logged once", async () => {
    const org = await ownOrganisation("Onderzoek export", true);
    const dir = freshDir();
    const rowsBefore = await auditRowCount(org);
    const res = await cli(["export", "research", ...PERIOD, "--out", dir, "--organisation", org, "--purpose", "Evaluatie 2024"]);
    assert.equal(res.code, 0, res.stderr);
    const written = res.stdout.trim().split("\n");
    assert.deepEqual(written.map((p) => p.replace(dir, "DIR")), ["DIR/research-", "DIR/codebook-", "DIR/codebook-"].map((p, i) => `${p}${/\d{4}-\d{2}-\d{2}/.exec(written[i] ?? "")?.[0]}.${["csv", "md", "json"][i]}`));
    assert.deepEqual(readdirSync(dir).sort(), written.map((p) => p.slice(dir.length + 1)).sort(), "exactly the three files, no temporary ones");
    assert.match(res.stderr, /^Research export: 38 rows for 20 families \(ploeg-9, 2024-01-01 to 2024-12-31, dates: month\)\.$/m);
    const [csvPath, mdPath, jsonPath] = written as [string, string, string];
    const csv = readFileSync(csvPath, "utf8");
    const md = readFileSync(mdPath, "utf8");
    const json = readFileSync(jsonPath, "utf8");
    for (const [name, text] of [["csv", csv], ["md", md], ["json", json]] as const) {
      assert.doesNotMatch(text, /PW-\d/, `${name}: no case number`);
      assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-/i, `${name}: no internal id`);
    }
    const rows = rowsOf(csv);
    assert.equal(rows.length, 38);
    const families = new Set(rows.map((r) => r.family));
    assert.equal(families.size, 20);
    const shapes = [...families].map((f) => rows.filter((r) => r.family === f).map((r) => `${r.meting}:${r.days === "" ? "-" : "d"}`).join(" ")).sort();
    // 18 families with both metingen in order; one with only meting 0, one with only meting 1 and no dated nulmeting.
    assert.deepEqual(shapes, [...Array(18).fill("0:d 1:d"), "0:d", "1:-"].sort());
    // Row for row the fixture's metingen, with the date reduced to the month.
    const key = (meting: string | number, date: string, scores: readonly (string | number | null)[]) => `${meting}|${date}|${scores.map((s) => s ?? "").join(",")}`;
    const expected = fixture().filter((r) => r.date).map((r) => key(r.meting, r.date.slice(0, 7), KEYS.map((k) => r.scores[k] ?? null))).sort();
    assert.deepEqual(rows.map((r) => key(r.meting, r.date, r.scores)).sort(), expected);
    for (const r of rows) assert.match(r.date, /^2024-\d{2}$/);
    const book = JSON.parse(json) as ResearchCodebook;
    assert.deepEqual([book.export.rows, book.export.families, book.export.dateMode, book.export.period], [38, 20, "month", { from: "2024-01-01", to: "2024-12-31" }]);
    assert.match(md, /^# Codeboek onderzoeksbestand/);
    assert.equal(await auditRowCount(org), rowsBefore + 1, "one audit row for the export");
  });

  test("--dates shift: both metingen of a family move by the same days, so the interval is the fixture's", async () => {
    const dir = freshDir();
    const res = await cli(["export", "research", ...PERIOD, "--dates", "shift", "--out", dir, "--organisation", org]);
    assert.equal(res.code, 0, res.stderr);
    const rows = rowsOf(readFileSync(res.stdout.trim().split("\n")[0] ?? "", "utf8"));
    const rowsOfFixture = fixture();
    const intervals = new Map<string, number>();
    for (const f of new Set(rowsOfFixture.map((r) => r.family))) {
      const d0 = rowsOfFixture.find((r) => r.family === f && r.meting === 0)?.date ?? "";
      const d1 = rowsOfFixture.find((r) => r.family === f && r.meting === 1)?.date ?? "";
      if (d0 && d1) intervals.set(f, day(d1) - day(d0));
    }
    assert.equal(intervals.size, 18);
    const seen: number[] = [];
    for (const f of new Set(rows.map((r) => r.family))) {
      const [r0, r1] = rows.filter((r) => r.family === f);
      if (!r0 || !r1) continue;
      assert.match(r0.date, /^\d{4}-\d{2}-\d{2}$/);
      seen.push(day(r1.date) - day(r0.date));
      assert.equal(r1.days, String(day(r1.date) - day(r0.date)), "daysSinceNulmeting is the true interval");
    }
    assert.deepEqual(seen.sort((a, b) => a - b), [...intervals.values()].sort((a, b) => a - b));
    const realDates = new Set(rowsOfFixture.filter((r) => r.date).map((r) => `${r.meting}|${r.date}`));
    const unshifted = rows.filter((r) => realDates.has(`${r.meting}|${r.date}`)).length;
    // A shifted date can meet another family's real date by chance, never all of them.
    assert.ok(unshifted < 6, `${unshifted} rows show a real date`);
  });

  test("bad arguments: exit code 2, what is wrong and how to fix it; nothing written, nothing logged", async () => {
    const org = await ownOrganisation("Onderzoek fouten", false);
    const dir = freshDir();
    const file = join(workDir, `a-file-${randomUUID().slice(0, 6)}.txt`);
    writeFileSync(file, "x");
    const rowsBefore = await auditRowCount(org);
    const cases: [string[], RegExp][] = [
      [["--from", "2024-01-01", "--to", "2024-12-31", "--out", dir], /^error: --instrument is missing: give the instrument's key, e\.g\. --instrument ploeg-9/],
      [["--instrument", "ploeg-9", "--to", "2024-12-31", "--out", dir], /^error: --from is missing: give the first day of the period as YYYY-MM-DD, e\.g\. --from 2024-01-01/],
      [["--instrument", "ploeg-9", "--from", "2024-13-01", "--to", "2024-12-31", "--out", dir], /^error: --from '2024-13-01' is not a date: write it as YYYY-MM-DD/],
      [["--instrument", "ploeg-9", "--from", "2024-12-31", "--to", "2024-01-01", "--out", dir], /^error: --to 2024-01-01 lies before --from 2024-12-31: .*swap them/],
      [[...PERIOD, "--dates", "exact", "--out", dir], /^error: --dates 'exact' is not known: use --dates month .* or --dates shift/],
      [[...PERIOD], /^error: --out is missing: give an existing directory/],
      [[...PERIOD, "--out", join(dir, "bestaat-niet")], /^error: --out '.*bestaat-niet' does not exist: create the directory first \(mkdir -p /],
      [[...PERIOD, "--out", file], /^error: --out '.*' is a file, not a directory/],
      [[...PERIOD, "--out", dir, "2024"], /^error: unexpected argument '2024'/],
      [[...PERIOD, "--out", dir, "--formaat", "csv"], /^error: Unknown option '--formaat'/],
      [[...PERIOD, "--out", dir, "--organisation", "bestaat-niet-org"], /^error: --organisation 'bestaat-niet-org' does not exist; organisations: /],
      [["--instrument", "onbekend-instrument", "--from", "2024-01-01", "--to", "2024-12-31", "--out", dir], /^error: --instrument 'onbekend-instrument' does not exist in organisation '.*': unknown instrument; known: .*ploeg-9/],
    ];
    for (const [args, message] of cases) {
      const withOrg = args.includes("--organisation") ? args : [...args, "--organisation", org];
      const res = await cli(["export", "research", ...withOrg]);
      assert.equal(res.code, 2, `${args.join(" ")}: exit ${res.code}\n${res.stderr}`);
      assert.match(res.stderr, message, args.join(" "));
      assert.match(res.stderr, /use: ploegwerk export research/, "the usage follows the error");
      assert.equal(res.stdout, "");
      assert.deepEqual(readdirSync(dir), [], `${args.join(" ")}: nothing written`);
    }
    assert.equal(await auditRowCount(org), rowsBefore, "nothing logged");
  });

  test("an export never overwrites: a second one into the same directory on the same day is refused", async () => {
    const dir = freshDir();
    const first = await cli(["export", "research", ...PERIOD, "--out", dir, "--organisation", org]);
    assert.equal(first.code, 0, first.stderr);
    const csvPath = first.stdout.trim().split("\n")[0] ?? "";
    const content = readFileSync(csvPath, "utf8");
    const second = await cli(["export", "research", ...PERIOD, "--out", dir, "--organisation", org]);
    assert.equal(second.code, 2);
    assert.match(second.stderr, /^error: .*research-\d{4}-\d{2}-\d{2}\.csv already exists: move it away or choose another --out directory/m);
    assert.equal(readFileSync(csvPath, "utf8"), content);
    assert.equal(readdirSync(dir).length, 3);
    assert.ok(existsSync(csvPath));
  });
});
