import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MIGRATIONS_FOLDER, openDatabase, runMigrations, type Database } from "../db/database.ts";

/**
 * The database the server tests run against: PostgreSQL when PLOEGWERK_TEST_DATABASE is a URL,
 * otherwise PGlite. One per test process; tests isolate themselves by organisation.
 * PGlite's initdb costs seconds, so a migrated data directory is made once and copied per process.
 */
let shared: Promise<Database> | undefined;

export const testTarget = (): string => {
  const t = process.env.PLOEGWERK_TEST_DATABASE ?? "pglite";
  return t.startsWith("postgres") ? "postgres" : "pglite";
};

export function testDatabase(): Promise<Database> {
  shared ??= open();
  return shared;
}

function migrationsHash(): string {
  const h = createHash("sha256");
  for (const f of readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
    const p = join(MIGRATIONS_FOLDER, f);
    if (f.endsWith(".sql") || f.endsWith(".json")) h.update(f).update(readFileSync(p));
  }
  return h.digest("hex").slice(0, 16);
}

async function pgliteTemplate(): Promise<string> {
  const template = join(tmpdir(), `ploegwerk-pglite-template-${migrationsHash()}`);
  if (existsSync(join(template, "PG_VERSION"))) return template;
  // Build in a private directory and rename into place: concurrent processes never see half a template.
  const building = mkdtempSync(join(tmpdir(), "ploegwerk-pglite-building-"));
  const db = await openDatabase({ dataDir: building });
  await runMigrations(db);
  await db.close();
  try {
    renameSync(building, template);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}

async function open(): Promise<Database> {
  const target = process.env.PLOEGWERK_TEST_DATABASE ?? "pglite";
  if (target.startsWith("postgres")) {
    const db = await openDatabase({ databaseUrl: target, poolSize: 4 });
    await runMigrations(db, target);
    return db;
  }
  const template = await pgliteTemplate();
  const dir = mkdtempSync(join(tmpdir(), "ploegwerk-pglite-test-"));
  mkdirSync(dir, { recursive: true });
  cpSync(template, dir, { recursive: true });
  const db = await openDatabase({ dataDir: dir });
  const close = db.close;
  return { ...db, close: async () => { await close(); rmSync(dir, { recursive: true, force: true }); } };
}
