/**
 * Black-box tests of the `ploegwerk` command line: every test runs the real command
 * (packages/server/bin/ploegwerk.js) as a child process and looks only at its exit code, stdout
 * and stderr. Against PostgreSQL the child gets DATABASE_URL; against PGlite it gets one migrated
 * data directory for this file (a copy of the test template), so CLI calls run one at a time.
 * Every test works in an organisation of its own, made with `organisations create`.
 *
 * The expected outcome figures are worked out by hand below (BRIEF §4), never by the product's engine.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { MIGRATIONS_FOLDER } from "../db/database.ts";
import { testDatabase } from "../testing/testDatabase.ts";

const SERVER_DIR = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(SERVER_DIR, "bin", "ploegwerk.js");
const FIXTURE = fileURLToPath(new URL("./fixtures/ploeg9-20-gezinnen.csv", import.meta.url));
const TARGET = process.env.PLOEGWERK_TEST_DATABASE ?? "pglite";
const ON_POSTGRES = TARGET.startsWith("postgres");

const KEYS = [
  "onderwijs_werk",
  "huisvesting",
  "inkomen",
  "opvoeding",
  "geestelijke_gezondheid",
  "lichamelijke_gezondheid",
  "sociaal_netwerk",
  "vrije_tijd",
  "justitiele_veiligheid",
] as const;
type DomainKey = (typeof KEYS)[number];
const HEADER = `family,meting,date,${KEYS.join(",")}`;
const EMPTY_EXPORT = `${HEADER}\n`;
const PLOEG9 = ["--instrument", "ploeg-9"] as const;

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

let workDir = "";
let dataDir = "";
/** PGlite admits one process per data directory: there, CLI calls queue up behind each other. */
let queue: Promise<unknown> = Promise.resolve();
/** PostgreSQL takes several CLI processes at once; tests are isolated by organisation anyway. */
const CONCURRENCY = ON_POSTGRES ? 3 : 1;

function cli(args: readonly string[], options: { pgliteDir?: string } = {}): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  delete env.NODE_OPTIONS;
  if (options.pgliteDir !== undefined) {
    env.DATABASE_URL = "";
    env.PLOEGWERK_DATA_DIR = options.pgliteDir;
  } else {
    env.DATABASE_URL = ON_POSTGRES ? TARGET : "";
    env.PLOEGWERK_DATA_DIR = dataDir;
  }
  const serial = !ON_POSTGRES || options.pgliteDir !== undefined;
  const start = () =>
    new Promise<CliResult>((resolve, reject) => {
      execFile(
        process.execPath,
        [BIN, ...args],
        { cwd: SERVER_DIR, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
        (error, stdout, stderr) => {
          if (!error) resolve({ code: 0, stdout, stderr });
          else if (typeof error.code === "number") resolve({ code: error.code, stdout, stderr });
          else reject(new Error(`ploegwerk ${args.join(" ")} did not finish (${error.message})\n${stderr}`));
        },
      );
    });
  if (!serial) return start();
  const run = queue.then(start);
  queue = run.catch(() => undefined);
  return run;
}

/** The hash testDatabase.ts names its migrated PGlite template after. */
function migrationsHash(): string {
  const h = createHash("sha256");
  for (const f of readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
    if (f.endsWith(".sql") || f.endsWith(".json")) h.update(f).update(readFileSync(join(MIGRATIONS_FOLDER, f)));
  }
  return h.digest("hex").slice(0, 16);
}

/** A migrated PGlite data directory for this file: a copy of the test template, saving an initdb. */
async function preparePgliteDir(dir: string): Promise<void> {
  const template = join(tmpdir(), `ploegwerk-pglite-template-${migrationsHash()}`);
  const ready = () => existsSync(join(template, "PG_VERSION"));
  if (!ready()) await (await testDatabase()).close(); // builds the template as a side effect
  if (ready()) {
    cpSync(template, dir, { recursive: true });
    return;
  }
  // The template lives elsewhere after all: let the CLI create and migrate the directory once.
  const migrated = await cli(["migrate"]);
  assert.equal(migrated.code, 0, migrated.stderr);
}

function tempFile(name: string, content: string): string {
  const path = join(workDir, `${randomUUID().slice(0, 8)}-${name}`);
  writeFileSync(path, content);
  return path;
}

async function newOrganisation(label: string): Promise<string> {
  const res = await cli(["organisations", "create", `CLI ${label} ${randomUUID().slice(0, 8)}`, "--team", "Team A"]);
  assert.equal(res.code, 0, res.stderr);
  const slug = res.stdout.trim();
  assert.match(slug, /^[a-z0-9][a-z0-9-]*$/, `organisations create printed '${res.stdout}'`);
  return slug;
}

function importCsv(org: string, path: string, ...extra: string[]): Promise<CliResult> {
  return cli(["import", "measurements", path, ...PLOEG9, "--organisation", org, ...extra]);
}

async function importOk(org: string, path: string, ...extra: string[]): Promise<CliResult> {
  const res = await importCsv(org, path, ...extra);
  assert.equal(res.code, 0, `import failed:\n${res.stderr}`);
  return res;
}

async function exportCsv(org: string): Promise<string> {
  const res = await cli(["export", "measurements", ...PLOEG9, "--organisation", org]);
  assert.equal(res.code, 0, res.stderr);
  return res.stdout;
}

/** stderr from the first `error:` line on, without the trailing newline. */
function errorLines(stderr: string): string[] {
  const lines = stderr.replace(/\n$/, "").split("\n");
  const first = lines.findIndex((l) => l.startsWith("error: "));
  return first === -1 ? lines : lines.slice(first);
}

/** Exit code 1 and exactly these errors (line and column: reason), in this order. */
function assertRejected(res: CliResult, errors: readonly string[]): void {
  assert.equal(res.code, 1, `expected exit code 1, got ${res.code}; stderr:\n${res.stderr}`);
  assert.deepEqual(errorLines(res.stderr), [
    `error: The file was not imported: ${errors.length} error(s). Fix them and import the file again.`,
    ...errors.map((e) => `  ${e}`),
  ]);
}

const csv = (...lines: string[]) => `${lines.join("\n")}\n`;
const row = (family: string, meting: number | string, date: string, scores: readonly (number | string)[]) => [family, meting, date, ...scores].join(",");
const OK = [3, 4, 2, 3, 3, 4, 3, 3, 5] as const;
const SCALE_HINT = "use 1 to 5 or leave the cell empty";

before(async () => {
  workDir = mkdtempSync(join(tmpdir(), "ploegwerk-cli-test-"));
  dataDir = join(workDir, "pglite");
  if (!ON_POSTGRES) await preparePgliteDir(dataDir);
});

after(async () => {
  await queue;
  rmSync(workDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// The fixture: 20 fictional families, nulmeting (0) and meting 1, worked out by hand.
// ---------------------------------------------------------------------------------------------
//
// Domain order in the fixture and below: onderwijs_werk huisvesting inkomen opvoeding
// geestelijke_gezondheid lichamelijke_gezondheid sociaal_netwerk vrije_tijd justitiele_veiligheid.
// s = scores, w = weights 6 − s, SR = Σs·w / Σw over the scored domains (PW-7 has no
// justitiele_veiligheid score at meting 1), shown half-up to one decimal; level = SR half-up to an
// integer, from the exact SR; problems = number of domains scored ≤ 3.
//
// PW-1  m0: s 1 1 1 1 1 2 2 2 3 | w 5 5 5 5 5 4 4 4 3 | Σs·w 5+5+5+5+5+8+8+8+9 = 58 | Σw 40 | SR 58/40 = 1.45 → 1.5, level 1 | problems 9  ← exactly 1.45: shown half-up as 1.5, but the level comes from 1.45, so 1
// PW-1  m1: s 2 3 2 2 1 2 3 2 4 | w 4 3 4 4 5 4 3 4 2 | Σs·w 8+9+8+8+5+8+9+8+8 = 71 | Σw 33 | SR 71/33 = 2.1515 → 2.2, level 2 | problems 8
// PW-2  m0: s 2 2 3 3 3 3 1 4 5 | w 4 4 3 3 3 3 5 2 1 | Σs·w 8+8+9+9+9+9+5+8+5 = 70 | Σw 28 | SR 70/28 = 2.5 → 2.5, level 3 | problems 7  ← exactly 2.5: level rounds half-up to 3
// PW-2  m1: s 3 4 4 3 3 3 2 4 5 | w 3 2 2 3 3 3 4 2 1 | Σs·w 9+8+8+9+9+9+8+8+5 = 73 | Σw 23 | SR 73/23 = 3.1739 → 3.2, level 3 | problems 5
// PW-3  m0: s 2 1 2 2 3 4 2 2 2 | w 4 5 4 4 3 2 4 4 4 | Σs·w 8+5+8+8+9+8+8+8+8 = 70 | Σw 34 | SR 70/34 = 2.0588 → 2.1, level 2 | problems 8
// PW-3  m1: s 3 4 3 3 3 4 3 2 3 | w 3 2 3 3 3 2 3 4 3 | Σs·w 9+8+9+9+9+8+9+8+9 = 78 | Σw 26 | SR 78/26 = 3 → 3, level 3 | problems 7
// PW-4  m0: s 3 3 3 4 2 4 3 3 4 | w 3 3 3 2 4 2 3 3 2 | Σs·w 9+9+9+8+8+8+9+9+8 = 77 | Σw 25 | SR 77/25 = 3.08 → 3.1, level 3 | problems 6
// PW-4  m1: s 3 4 4 4 3 4 4 3 5 | w 3 2 2 2 3 2 2 3 1 | Σs·w 9+8+8+8+9+8+8+9+5 = 72 | Σw 20 | SR 72/20 = 3.6 → 3.6, level 4 | problems 3
// PW-5  m0: s 1 2 2 2 2 3 3 3 4 | w 5 4 4 4 4 3 3 3 2 | Σs·w 5+8+8+8+8+9+9+9+8 = 72 | Σw 32 | SR 72/32 = 2.25 → 2.3, level 2 | problems 8  ← exactly 2.25: shown half-up as 2.3
// PW-5  m1: s 2 4 4 3 3 3 3 3 4 | w 4 2 2 3 3 3 3 3 2 | Σs·w 8+8+8+9+9+9+9+9+8 = 77 | Σw 25 | SR 77/25 = 3.08 → 3.1, level 3 | problems 6
// PW-6  m0: s 2 2 2 2 4 4 4 5 5 | w 4 4 4 4 2 2 2 1 1 | Σs·w 8+8+8+8+8+8+8+5+5 = 66 | Σw 24 | SR 66/24 = 2.75 → 2.8, level 3 | problems 4  ← exactly 2.75: shown half-up as 2.8
// PW-6  m1: s 3 4 4 3 4 4 4 5 5 | w 3 2 2 3 2 2 2 1 1 | Σs·w 9+8+8+9+8+8+8+5+5 = 68 | Σw 18 | SR 68/18 = 3.7778 → 3.8, level 4 | problems 2
// PW-7  m0: s 3 2 1 3 2 3 2 3 3 | w 3 4 5 3 4 3 4 3 3 | Σs·w 9+8+5+9+8+9+8+9+9 = 74 | Σw 32 | SR 74/32 = 2.3125 → 2.3, level 2 | problems 9
// PW-7  m1: s 3 4 3 3 3 3 3 2 – | w 3 2 3 3 3 3 3 4 | Σs·w 9+8+9+9+9+9+9+8 = 70 | Σw 24 | SR 70/24 = 2.9167 → 2.9, level 3 | problems 7
// PW-8  m0: s 2 3 2 3 3 2 3 3 5 | w 4 3 4 3 3 4 3 3 1 | Σs·w 8+9+8+9+9+8+9+9+5 = 74 | Σw 28 | SR 74/28 = 2.6429 → 2.6, level 3 | problems 8
// PW-8  m1: s 2 3 3 3 2 2 3 3 5 | w 4 3 3 3 4 4 3 3 1 | Σs·w 8+9+9+9+8+8+9+9+5 = 74 | Σw 28 | SR 74/28 = 2.6429 → 2.6, level 3 | problems 8
// PW-9  m0: s 4 2 2 3 3 3 4 3 5 | w 2 4 4 3 3 3 2 3 1 | Σs·w 8+8+8+9+9+9+8+9+5 = 73 | Σw 25 | SR 73/25 = 2.92 → 2.9, level 3 | problems 6
// PW-9  m1: s 4 4 4 3 3 3 4 4 5 | w 2 2 2 3 3 3 2 2 1 | Σs·w 8+8+8+9+9+9+8+8+5 = 72 | Σw 20 | SR 72/20 = 3.6 → 3.6, level 4 | problems 3
// PW-10 m0: s 1 2 2 2 3 3 2 2 4 | w 5 4 4 4 3 3 4 4 2 | Σs·w 5+8+8+8+9+9+8+8+8 = 71 | Σw 33 | SR 71/33 = 2.1515 → 2.2, level 2 | problems 8
// PW-10 m1: s 2 4 3 3 3 3 3 2 4 | w 4 2 3 3 3 3 3 4 2 | Σs·w 8+8+9+9+9+9+9+8+8 = 77 | Σw 27 | SR 77/27 = 2.8519 → 2.9, level 3 | problems 7
// PW-11 m0: s 3 3 2 4 4 3 3 3 5 | w 3 3 4 2 2 3 3 3 1 | Σs·w 9+9+8+8+8+9+9+9+5 = 74 | Σw 24 | SR 74/24 = 3.0833 → 3.1, level 3 | problems 6
// PW-11 m1: s 3 4 4 4 4 3 3 3 5 | w 3 2 2 2 2 3 3 3 1 | Σs·w 9+8+8+8+8+9+9+9+5 = 73 | Σw 21 | SR 73/21 = 3.4762 → 3.5, level 3 | problems 4  ← shown 3.5, but 73/21 < 3.5, so level 3
// PW-12 m0: s 2 1 2 3 2 3 3 3 3 | w 4 5 4 3 4 3 3 3 3 | Σs·w 8+5+8+9+8+9+9+9+9 = 74 | Σw 32 | SR 74/32 = 2.3125 → 2.3, level 2 | problems 9
// PW-12 m1: s 2 4 4 3 3 3 3 3 4 | w 4 2 2 3 3 3 3 3 2 | Σs·w 8+8+8+9+9+9+9+9+8 = 77 | Σw 25 | SR 77/25 = 3.08 → 3.1, level 3 | problems 6
// PW-13 m0: s 3 3 3 2 3 4 3 4 4 | w 3 3 3 4 3 2 3 2 2 | Σs·w 9+9+9+8+9+8+9+8+8 = 77 | Σw 25 | SR 77/25 = 3.08 → 3.1, level 3 | problems 6
// PW-13 m1: s 3 4 4 3 3 4 3 4 4 | w 3 2 2 3 3 2 3 2 2 | Σs·w 9+8+8+9+9+8+9+8+8 = 76 | Σw 22 | SR 76/22 = 3.4545 → 3.5, level 3 | problems 4  ← shown 3.5, but 76/22 < 3.5, so level 3
// PW-14 m0: s 2 3 2 2 2 2 3 2 5 | w 4 3 4 4 4 4 3 4 1 | Σs·w 8+9+8+8+8+8+9+8+5 = 71 | Σw 31 | SR 71/31 = 2.2903 → 2.3, level 2 | problems 8
// PW-14 m1: s 3 4 3 3 3 2 3 2 5 | w 3 2 3 3 3 4 3 4 1 | Σs·w 9+8+9+9+9+8+9+8+5 = 74 | Σw 26 | SR 74/26 = 2.8462 → 2.8, level 3 | problems 7
// PW-15 m0: s 3 2 2 3 1 3 3 3 4 | w 3 4 4 3 5 3 3 3 2 | Σs·w 9+8+8+9+5+9+9+9+8 = 74 | Σw 30 | SR 74/30 = 2.4667 → 2.5, level 2 | problems 8  ← shown 2.5, but 74/30 < 2.5, so level 2
// PW-15 m1: s 3 4 4 3 2 3 3 3 4 | w 3 2 2 3 4 3 3 3 2 | Σs·w 9+8+8+9+8+9+9+9+8 = 77 | Σw 25 | SR 77/25 = 3.08 → 3.1, level 3 | problems 6
// PW-16 m0: s 4 3 3 3 3 4 4 3 5 | w 2 3 3 3 3 2 2 3 1 | Σs·w 8+9+9+9+9+8+8+9+5 = 74 | Σw 22 | SR 74/22 = 3.3636 → 3.4, level 3 | problems 5
// PW-16 m1: s 3 2 2 2 2 3 3 2 5 | w 3 4 4 4 4 3 3 4 1 | Σs·w 9+8+8+8+8+9+9+8+5 = 72 | Σw 30 | SR 72/30 = 2.4 → 2.4, level 2 | problems 8
// PW-17 m0: s 2 2 1 2 2 3 2 2 3 | w 4 4 5 4 4 3 4 4 3 | Σs·w 8+8+5+8+8+9+8+8+9 = 71 | Σw 35 | SR 71/35 = 2.0286 → 2, level 2 | problems 9
// PW-17 m1: s 3 3 3 2 3 3 2 2 4 | w 3 3 3 4 3 3 4 4 2 | Σs·w 9+9+9+8+9+9+8+8+8 = 77 | Σw 29 | SR 77/29 = 2.6552 → 2.7, level 3 | problems 8
// PW-18 m0: s 3 2 3 3 3 3 3 3 4 | w 3 4 3 3 3 3 3 3 2 | Σs·w 9+8+9+9+9+9+9+9+8 = 79 | Σw 27 | SR 79/27 = 2.9259 → 2.9, level 3 | problems 8
// PW-18 m1: s 4 4 4 3 3 3 4 4 5 | w 2 2 2 3 3 3 2 2 1 | Σs·w 8+8+8+9+9+9+8+8+5 = 72 | Σw 20 | SR 72/20 = 3.6 → 3.6, level 4 | problems 3
// PW-19 m0: s 2 2 2 3 3 3 2 3 5 | w 4 4 4 3 3 3 4 3 1 | Σs·w 8+8+8+9+9+9+8+9+5 = 73 | Σw 29 | SR 73/29 = 2.5172 → 2.5, level 3 | problems 8  ← shown 2.5, but 73/29 > 2.5, so level 3
// PW-19 m1: s 3 4 4 3 3 3 3 3 5 | w 3 2 2 3 3 3 3 3 1 | Σs·w 9+8+8+9+9+9+9+9+5 = 75 | Σw 23 | SR 75/23 = 3.2609 → 3.3, level 3 | problems 6
// PW-20 m0: s 3 3 2 3 3 4 3 3 5 | w 3 3 4 3 3 2 3 3 1 | Σs·w 9+9+8+9+9+8+9+9+5 = 75 | Σw 25 | SR 75/25 = 3 → 3, level 3 | problems 7
// PW-20 m1: s 3 4 4 4 3 3 5 3 5 | w 3 2 2 2 3 3 1 3 1 | Σs·w 9+8+8+8+9+9+5+9+5 = 70 | Σw 20 | SR 70/20 = 3.5 → 3.5, level 4 | problems 4  ← exactly 3.5: level rounds half-up to 4

/** Per family: [meting 0, meting 1] as [SR shown, level, problem domains]. */
const EXPECTED_FAMILIES: Readonly<Record<string, readonly [readonly [number, number, number], readonly [number, number, number]]>> = {
  "PW-1": [[1.5, 1, 9], [2.2, 2, 8]],
  "PW-2": [[2.5, 3, 7], [3.2, 3, 5]],
  "PW-3": [[2.1, 2, 8], [3, 3, 7]],
  "PW-4": [[3.1, 3, 6], [3.6, 4, 3]],
  "PW-5": [[2.3, 2, 8], [3.1, 3, 6]],
  "PW-6": [[2.8, 3, 4], [3.8, 4, 2]],
  "PW-7": [[2.3, 2, 9], [2.9, 3, 7]],
  "PW-8": [[2.6, 3, 8], [2.6, 3, 8]],
  "PW-9": [[2.9, 3, 6], [3.6, 4, 3]],
  "PW-10": [[2.2, 2, 8], [2.9, 3, 7]],
  "PW-11": [[3.1, 3, 6], [3.5, 3, 4]],
  "PW-12": [[2.3, 2, 9], [3.1, 3, 6]],
  "PW-13": [[3.1, 3, 6], [3.5, 3, 4]],
  "PW-14": [[2.3, 2, 8], [2.8, 3, 7]],
  "PW-15": [[2.5, 2, 8], [3.1, 3, 6]],
  "PW-16": [[3.4, 3, 5], [2.4, 2, 8]],
  "PW-17": [[2, 2, 9], [2.7, 3, 8]],
  "PW-18": [[2.9, 3, 8], [3.6, 4, 3]],
  "PW-19": [[2.5, 3, 8], [3.3, 3, 6]],
  "PW-20": [[3, 3, 7], [3.5, 4, 4]],
};

//
// meting 0: domain means (sum over the families that scored the domain, / count, half-up to one decimal)
//   onderwijs_werk           1+2+2+3+1+2+3+2+4+1+3+2+3+2+3+4+2+3+2+3 = 48 / 20 = 2.4 → 2.4
//   huisvesting              1+2+1+3+2+2+2+3+2+2+3+1+3+3+2+3+2+2+2+3 = 44 / 20 = 2.2 → 2.2
//   inkomen                  1+3+2+3+2+2+1+2+2+2+2+2+3+2+2+3+1+3+2+2 = 42 / 20 = 2.1 → 2.1
//   opvoeding                1+3+2+4+2+2+3+3+3+2+4+3+2+2+3+3+2+3+3+3 = 53 / 20 = 2.65 → 2.7  ← exactly x.x5: half-up
//   geestelijke_gezondheid   1+3+3+2+2+4+2+3+3+3+4+2+3+2+1+3+2+3+3+3 = 52 / 20 = 2.6 → 2.6
//   lichamelijke_gezondheid  2+3+4+4+3+4+3+2+3+3+3+3+4+2+3+4+3+3+3+4 = 63 / 20 = 3.15 → 3.2  ← exactly x.x5: half-up
//   sociaal_netwerk          2+1+2+3+3+4+2+3+4+2+3+3+3+3+3+4+2+3+2+3 = 55 / 20 = 2.75 → 2.8  ← exactly x.x5: half-up
//   vrije_tijd               2+4+2+3+3+5+3+3+3+2+3+3+4+2+3+3+2+3+3+3 = 59 / 20 = 2.95 → 3.0  ← exactly x.x5: half-up
//   justitiele_veiligheid    3+5+2+4+4+5+3+5+5+4+5+3+4+5+4+5+3+4+5+5 = 83 / 20 = 4.15 → 4.2  ← exactly x.x5: half-up
//   problem domains per family (PW-1..PW-20): 9+7+8+6+8+4+9+8+6+8+6+9+6+8+8+5+9+8+8+7 = 147 / 20 = 7.35
//   distribution: 4: 1, 5: 1, 6: 4, 7: 2, 8: 8, 9: 4
//   mean SR: Σ of the 20 exact SR fractions above = 325256824177/6354671400; / 20 = 2.5592 → 2.6
// meting 1: domain means (sum over the families that scored the domain, / count, half-up to one decimal)
//   onderwijs_werk           2+3+3+3+2+3+3+2+4+2+3+2+3+3+3+3+3+4+3+3 = 57 / 20 = 2.85 → 2.9  ← exactly x.x5: half-up
//   huisvesting              3+4+4+4+4+4+4+3+4+4+4+4+4+4+4+2+3+4+4+4 = 75 / 20 = 3.75 → 3.8  ← exactly x.x5: half-up
//   inkomen                  2+4+3+4+4+4+3+3+4+3+4+4+4+3+4+2+3+4+4+4 = 70 / 20 = 3.5 → 3.5
//   opvoeding                2+3+3+4+3+3+3+3+3+3+4+3+3+3+3+2+2+3+3+4 = 60 / 20 = 3 → 3.0
//   geestelijke_gezondheid   1+3+3+3+3+4+3+2+3+3+4+3+3+3+2+2+3+3+3+3 = 57 / 20 = 2.85 → 2.9  ← exactly x.x5: half-up
//   lichamelijke_gezondheid  2+3+4+4+3+4+3+2+3+3+3+3+4+2+3+3+3+3+3+3 = 61 / 20 = 3.05 → 3.1  ← exactly x.x5: half-up
//   sociaal_netwerk          3+2+3+4+3+4+3+3+4+3+3+3+3+3+3+3+2+4+3+5 = 64 / 20 = 3.2 → 3.2
//   vrije_tijd               2+4+2+3+3+5+2+3+4+2+3+3+4+2+3+2+2+4+3+3 = 59 / 20 = 2.95 → 3.0  ← exactly x.x5: half-up
//   justitiele_veiligheid    4+5+3+5+4+5+5+5+4+5+4+4+5+4+5+4+5+5+5 = 86 / 19 = 4.5263 → 4.5
//   problem domains per family (PW-1..PW-20): 8+5+7+3+6+2+7+8+3+7+4+6+4+7+6+8+8+3+6+4 = 112 / 20 = 5.60
//   distribution: 2: 1, 3: 3, 4: 3, 5: 1, 6: 4, 7: 4, 8: 4
//   mean SR: Σ of the 20 exact SR fractions above = 112033378321/1802700900; / 20 = 3.1074 → 3.1
// transitions 0→1 (levels): improved 14: PW-1 1→2, PW-3 2→3, PW-4 3→4, PW-5 2→3, PW-6 3→4, PW-7 2→3, PW-9 3→4, PW-10 2→3, PW-12 2→3, PW-14 2→3, PW-15 2→3, PW-17 2→3, PW-18 3→4, PW-20 3→4
//   same 5: PW-2 3→3, PW-8 3→3, PW-11 3→3, PW-13 3→3, PW-19 3→3; declined 1: PW-16 3→2
const EXPECTED_METINGEN = [
  {
    meting: 0,
    families: 20,
    domainMeans: {
      onderwijs_werk: 2.4,
      huisvesting: 2.2,
      inkomen: 2.1,
      opvoeding: 2.7,
      geestelijke_gezondheid: 2.6,
      lichamelijke_gezondheid: 3.2,
      sociaal_netwerk: 2.8,
      vrije_tijd: 3.0,
      justitiele_veiligheid: 4.2,
    },
    problemDomainsMean: 7.35,
    problemDomainDistribution: { "4": 1, "5": 1, "6": 4, "7": 2, "8": 8, "9": 4 },
    selfRelianceMean: 2.6,
  },
  {
    meting: 1,
    families: 20,
    domainMeans: {
      onderwijs_werk: 2.9,
      huisvesting: 3.8,
      inkomen: 3.5,
      opvoeding: 3.0,
      geestelijke_gezondheid: 2.9,
      lichamelijke_gezondheid: 3.1,
      sociaal_netwerk: 3.2,
      vrije_tijd: 3.0,
      justitiele_veiligheid: 4.5,
    },
    problemDomainsMean: 5.6,
    problemDomainDistribution: { "2": 1, "3": 3, "4": 3, "5": 1, "6": 4, "7": 4, "8": 4 },
    selfRelianceMean: 3.1,
  },
] as const;
const EXPECTED_TRANSITIONS = [{ from: 0, to: 1, families: 20, improved: 14, same: 5, declined: 1 }] as const;

const DOMAIN_LABELS: Readonly<Record<DomainKey, string>> = {
  onderwijs_werk: "Onderwijs en werk",
  huisvesting: "Huisvesting",
  inkomen: "Inkomen",
  opvoeding: "Opvoedingssituatie",
  geestelijke_gezondheid: "Geestelijke gezondheid",
  lichamelijke_gezondheid: "Lichamelijke gezondheid",
  sociaal_netwerk: "Sociaal netwerk",
  vrije_tijd: "Vrije tijd",
  justitiele_veiligheid: "Justitiële veiligheid",
};

interface FixtureRow {
  family: string;
  meting: number;
  line: string;
  scores: Record<string, number>;
}

/** The fixture's data lines, read as plain text (no quoting in this file). */
function fixtureRows(): FixtureRow[] {
  const [header, ...lines] = readFileSync(FIXTURE, "utf8").trimEnd().split("\n");
  assert.equal(header, HEADER);
  return lines.map((line) => {
    const [family = "", meting = "", , ...cells] = line.split(",");
    const scores: Record<string, number> = {};
    KEYS.forEach((k, i) => {
      const c = cells[i] ?? "";
      if (c !== "") scores[k] = Number(c);
    });
    return { family, meting: Number(meting), line, scores };
  });
}

/** PW-2 before PW-10: by the family's number, then by meting. */
function byFamilyAndMeting(a: { family: string; meting: number }, b: { family: string; meting: number }): number {
  return Number(a.family.slice(3)) - Number(b.family.slice(3)) || a.meting - b.meting;
}

function expectedFamilyLines(): string[] {
  const rows = fixtureRows().sort(byFamilyAndMeting);
  return rows.map((r) => {
    const [sr, level, problems] = EXPECTED_FAMILIES[r.family]?.[r.meting] ?? [NaN, NaN, NaN];
    return [r.family, r.meting, sr, level, problems, ...KEYS.map((k) => r.scores[k] ?? "")].join(",");
  });
}

// ---------------------------------------------------------------------------------------------

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
      // The families the rounding rules are about (see the ledger above):
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
