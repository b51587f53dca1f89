#!/usr/bin/env node
// Type-checks every workspace project with its own tsconfig (web needs DOM types, server Node's).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const projects = ["packages/domain", "packages/server", "packages/web", "e2e", "bench"].filter((p) => existsSync(join(root, p, "tsconfig.json")));
let failed = 0;
for (const p of projects) {
  const res = spawnSync(join(root, "node_modules/.bin/tsc"), ["-p", p, "--noEmit"], { cwd: root, stdio: "inherit" });
  console.log(`typecheck ${p}: ${res.status === 0 ? "ok" : "FAILED"}`);
  if (res.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
