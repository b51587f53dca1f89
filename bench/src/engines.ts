import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type Database } from "../../packages/server/src/db/database.ts";
import type { EngineName } from "./args.ts";

export interface Engine {
  name: EngineName;
  /** Where the data lives, without a password. */
  location: string;
  /** The environment the `ploegwerk` child processes get. */
  env: NodeJS.ProcessEnv;
  open(): Promise<Database>;
  /** Removes what the benchmark made; returns what was done, for the report. */
  cleanup(slugs: readonly string[], keep: boolean): Promise<string>;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

/** A fresh embedded database in its own directory under the OS temp dir. */
export function pgliteEngine(): Engine {
  const dir = mkdtempSync(join(tmpdir(), "ploegwerk-bench-pglite-"));
  const env: NodeJS.ProcessEnv = { ...process.env, PLOEGWERK_DATA_DIR: dir };
  delete env.DATABASE_URL;
  return {
    name: "pglite",
    location: dir,
    env,
    open: () => openDatabase({ dataDir: dir }),
    cleanup: async (_slugs, keep) => {
      if (keep) return `kept the PGlite directory ${dir}`;
      rmSync(dir, { recursive: true, force: true });
      return `removed the PGlite directory ${dir}`;
    },
  };
}

/** Child tables first; every table carries organisation_id, so an organisation deletes cleanly. */
const TABLES_IN_DELETE_ORDER = [
  "measurement_scores",
  "measurements",
  "network_persons",
  "members",
  "families",
  "sessions",
  "users",
  "teams",
  "audit_events",
  "instruments",
  "organisations",
] as const;

/** The PostgreSQL server; the benchmark works in organisations of its own and deletes them after. */
export function postgresEngine(url: string): Engine {
  return {
    name: "postgres",
    location: redact(url),
    env: { ...process.env, DATABASE_URL: url },
    open: () => openDatabase({ databaseUrl: url, poolSize: 2 }),
    cleanup: async (slugs, keep) => {
      if (slugs.length === 0) return "nothing to remove";
      if (keep) return `kept organisations ${slugs.join(", ")}`;
      const database = await openDatabase({ databaseUrl: url, poolSize: 1 });
      try {
        const slugList = sql.join(slugs.map((s) => sql`${s}`), sql`, `);
        const orgs = await queryRows<{ organisation_id: string }>(database.db, sql`select organisation_id from organisations where slug in (${slugList})`);
        if (orgs.length === 0) return "nothing to remove";
        const ids = sql.join(orgs.map((o) => sql`${o.organisation_id}::uuid`), sql`, `);
        await database.db.transaction(async (tx) => {
          for (const table of TABLES_IN_DELETE_ORDER) await tx.execute(sql`delete from ${sql.identifier(table)} where organisation_id in (${ids})`);
        });
        return `deleted the rows of organisations ${slugs.join(", ")}`;
      } finally {
        await database.close();
      }
    },
  };
}
