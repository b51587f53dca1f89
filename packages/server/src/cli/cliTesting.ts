/**
 * The harness of the `ploegwerk` command-line tests (cli.*.test.ts): it runs the real command
 * (packages/server/bin/ploegwerk.js) as a child process and hands back only its exit code, stdout
 * and stderr. Against PostgreSQL the child gets DATABASE_URL; against PGlite it gets one migrated
 * data directory per test file (a copy of the test template), so CLI calls run one at a time.
 * Every test works in an organisation of its own, made with `organisations create`.
 *
 * Each test file registers `before(setUpCli)` and `after(tearDownCli)` at its top level.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MIGRATIONS_FOLDER } from "../db/database.ts";
import { testDatabase } from "../testing/testDatabase.ts";

const SERVER_DIR = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(SERVER_DIR, "bin", "ploegwerk.js");
const TARGET = process.env.PLOEGWERK_TEST_DATABASE ?? "pglite";
export const ON_POSTGRES = TARGET.startsWith("postgres");

export const KEYS = [
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
export type DomainKey = (typeof KEYS)[number];
export const HEADER = `family,meting,date,${KEYS.join(",")}`;
export const EMPTY_EXPORT = `${HEADER}\n`;
export const PLOEG9 = ["--instrument", "ploeg-9"] as const;

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** This test file's scratch directory, set by setUpCli (an exported live binding). */
export let workDir = "";
let dataDir = "";
/** PGlite admits one process per data directory: there, CLI calls queue up behind each other. */
let queue: Promise<unknown> = Promise.resolve();
/** PostgreSQL takes several CLI processes at once; tests are isolated by organisation anyway. */
export const CONCURRENCY = ON_POSTGRES ? 3 : 1;

export function cli(args: readonly string[], options: { pgliteDir?: string } = {}): Promise<CliResult> {
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

export function tempFile(name: string, content: string): string {
  const path = join(workDir, `${randomUUID().slice(0, 8)}-${name}`);
  writeFileSync(path, content);
  return path;
}

export async function newOrganisation(label: string): Promise<string> {
  const res = await cli(["organisations", "create", `CLI ${label} ${randomUUID().slice(0, 8)}`, "--team", "Team A"]);
  assert.equal(res.code, 0, res.stderr);
  const slug = res.stdout.trim();
  assert.match(slug, /^[a-z0-9][a-z0-9-]*$/, `organisations create printed '${res.stdout}'`);
  return slug;
}

export function importCsv(org: string, path: string, ...extra: string[]): Promise<CliResult> {
  return cli(["import", "measurements", path, ...PLOEG9, "--organisation", org, ...extra]);
}

export async function importOk(org: string, path: string, ...extra: string[]): Promise<CliResult> {
  const res = await importCsv(org, path, ...extra);
  assert.equal(res.code, 0, `import failed:\n${res.stderr}`);
  return res;
}

export async function exportCsv(org: string): Promise<string> {
  const res = await cli(["export", "measurements", ...PLOEG9, "--organisation", org]);
  assert.equal(res.code, 0, res.stderr);
  return res.stdout;
}

/** stderr from the first `error:` line on, without the trailing newline. */
export function errorLines(stderr: string): string[] {
  const lines = stderr.replace(/\n$/, "").split("\n");
  const first = lines.findIndex((l) => l.startsWith("error: "));
  return first === -1 ? lines : lines.slice(first);
}

/** Exit code 1 and exactly these errors (line and column: reason), in this order. */
export function assertRejected(res: CliResult, errors: readonly string[]): void {
  assert.equal(res.code, 1, `expected exit code 1, got ${res.code}; stderr:\n${res.stderr}`);
  assert.deepEqual(errorLines(res.stderr), [
    `error: The file was not imported: ${errors.length} error(s). Fix them and import the file again.`,
    ...errors.map((e) => `  ${e}`),
  ]);
}

export const csv = (...lines: string[]) => `${lines.join("\n")}\n`;
export const row = (family: string, meting: number | string, date: string, scores: readonly (number | string)[]) => [family, meting, date, ...scores].join(",");
export const OK = [3, 4, 2, 3, 3, 4, 3, 3, 5] as const;
export const SCALE_HINT = "use 1 to 5 or leave the cell empty";

/** Root-level `before` of every CLI test file: a scratch directory and, on PGlite, a migrated data directory. */
export async function setUpCli(): Promise<void> {
  workDir = mkdtempSync(join(tmpdir(), "ploegwerk-cli-test-"));
  dataDir = join(workDir, "pglite");
  if (!ON_POSTGRES) await preparePgliteDir(dataDir);
}

/** Root-level `after` of every CLI test file: waits for queued CLI calls, then removes the scratch directory. */
export async function tearDownCli(): Promise<void> {
  await queue;
  rmSync(workDir, { recursive: true, force: true });
}
