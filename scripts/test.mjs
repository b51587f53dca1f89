#!/usr/bin/env node
// Runs the whole suite, or the named parts: typecheck, domain, server (PGlite and PostgreSQL), e2e.
// Each part is a node --test run; the closing line adds them up as "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const node = process.env.PLOEGWERK_TEST_NODE ?? process.execPath;
const postgresUrl = process.env.PLOEGWERK_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

function findTests(dir) {
  const out = [];
  const abs = join(root, dir);
  if (!existsSync(abs)) return out;
  for (const name of readdirSync(abs)) {
    if (name === "node_modules" || name === "dist") continue;
    const p = join(abs, name);
    if (statSync(p).isDirectory()) out.push(...findTests(join(dir, name)));
    else if (/\.test\.tsx?$/.test(name)) out.push(relative(root, p));
  }
  return out.sort();
}

const totals = { pass: 0, fail: 0, skipped: 0 };
const failedParts = [];

function runNodeTests(label, files, env = {}, extraArgs = []) {
  if (files.length === 0) {
    console.error(`${label}: no test files found`);
    failedParts.push(label);
    return;
  }
  const tap = join(mkdtempSync(join(tmpdir(), "ploegwerk-test-")), "report.tap");
  console.log(`\n=== ${label} (${files.length} files) ===`);
  const res = spawnSync(
    node,
    [
      "--import", "tsx",
      "--test",
      "--test-reporter=spec", "--test-reporter-destination=stdout",
      "--test-reporter=tap", `--test-reporter-destination=${tap}`,
      ...extraArgs,
      ...files,
    ],
    { cwd: root, stdio: "inherit", env: { ...process.env, ...env } },
  );
  const report = existsSync(tap) ? readFileSync(tap, "utf8") : "";
  const num = (key) => Number((report.match(new RegExp(`^# ${key} (\\d+)$`, "m")) ?? [])[1] ?? 0);
  totals.pass += num("pass");
  totals.fail += num("fail");
  totals.skipped += num("skipped");
  if (res.status !== 0) failedParts.push(label);
}

function runCommand(label, cmd, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (res.status !== 0) failedParts.push(label);
}

const parts = {
  typecheck: () => runCommand("typecheck", process.execPath, [join(root, "scripts/typecheck.mjs")]),
  domain: () => runNodeTests("domain", findTests("packages/domain/src")),
  server: () => {
    runNodeTests("server on PGlite", findTests("packages/server/src"), { PLOEGWERK_TEST_DATABASE: "pglite", DATABASE_URL: "" });
    runNodeTests("server on PostgreSQL", findTests("packages/server/src"), { PLOEGWERK_TEST_DATABASE: postgresUrl, DATABASE_URL: "" });
  },
  e2e: () => {
    runCommand("web build", "npm", ["run", "build", "-w", "@ploegwerk/web", "--silent"]);
    runNodeTests("browser journeys", findTests("e2e"), {}, ["--test-concurrency=1"]);
  },
};

const wanted = process.argv.slice(2);
const selected = wanted.length > 0 ? wanted : Object.keys(parts);
for (const name of selected) {
  const part = parts[name];
  if (!part) {
    console.error(`unknown part '${name}'; use one of: ${Object.keys(parts).join(", ")}`);
    process.exit(2);
  }
  part();
}

console.log("");
if (failedParts.length > 0) console.log(`failed parts: ${failedParts.join(", ")}`);
console.log(`${totals.pass} passed, ${totals.fail} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(failedParts.length > 0 ? 1 : 0);
