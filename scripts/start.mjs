#!/usr/bin/env node
// `npm start`: builds the web app when its sources are newer than the build, then serves.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const web = join(root, "packages/web");
const built = join(web, "dist/index.html");

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

if (!existsSync(built) || newest(join(web, "src")) > statSync(built).mtimeMs) {
  console.error("Building the web app …");
  const res = spawnSync("npm", ["run", "build", "-w", "@ploegwerk/web", "--silent"], { cwd: root, stdio: "inherit" });
  if (res.status !== 0) process.exit(res.status ?? 1);
}
const res = spawnSync(process.execPath, ["--import", "tsx", join(root, "packages/server/src/main.ts")], { cwd: root, stdio: "inherit" });
process.exit(res.status ?? 0);
