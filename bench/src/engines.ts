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
  /** Stops statements the benchmark left running on a server (after a timeout); PGlite has none. */
  cancelRunning(): Promise<void>;
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
    cancelRunning: async () => undefined,
    cleanup: async (_slugs, keep) => {
      if (keep) return `kept the PGlite directory ${dir}`;
      rmSync(dir, { recursive: true, force: true });
      return `removed the PGlite directory ${dir}`;
    },
  };
}

/** Child tables first; every table carries organisation_id, so an organisation deletes cleanly. */
const TABLES_IN_DELETE_ORDER = [
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

function withParams(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

/**
 * The PostgreSQL server; the benchmark works in organisations of its own and deletes them after.
 * Its connections (children and in-process) carry application_name=<tag>, so a statement left
 * running after a timeout can be cancelled without touching anyone else's; the in-process
 * connections also get statement_timeout.
 */
export function postgresEngine(url: string, tag: string, timeoutMs: number): Engine {
  const childUrl = withParams(url, { application_name: tag });
  const ownUrl = withParams(url, { application_name: tag, statement_timeout: String(timeoutMs) });
  return {
    name: "postgres",
    location: redact(url),
    env: { ...process.env, DATABASE_URL: childUrl },
    open: () => openDatabase({ databaseUrl: ownUrl, poolSize: 2 }),
    cancelRunning: async () => {
      const database = await openDatabase({ databaseUrl: url, poolSize: 1 });
      try {
        await database.db.execute(sql`select pg_cancel_backend(pid) from pg_stat_activity where application_name = ${tag} and pid <> pg_backend_pid()`);
      } finally {
        await database.close();
      }
    },
    cleanup: async (slugs, keep) => {
      if (slugs.length === 0) return "nothing to remove";
      if (keep) return `kept organisations ${slugs.join(", ")}`;
      const database = await openDatabase({ databaseUrl: ownUrl, poolSize: 1 });
      try {
        const slugList = sql.join(slugs.map((s) => sql`${s}`), sql`, `);
        const orgs = await queryRows<{ organisation_id: string }>(database.db, sql`select organisation_id from organisations where slug in (${slugList})`);
        if (orgs.length === 0) return "nothing to remove";
        const ids = sql.join(orgs.map((o) => sql`${o.organisation_id}::uuid`), sql`, `);
        const deleteAll = (fast: boolean) =>
          database.db.transaction(async (tx) => {
            // Every row of these organisations goes, in every table, so the per-row foreign-key
            // checks (slow over the dead rows of the same transaction) can be skipped when allowed.
            if (fast) await tx.execute(sql`set local session_replication_role = replica`);
            for (const table of TABLES_IN_DELETE_ORDER) await tx.execute(sql`delete from ${sql.identifier(table)} where organisation_id in (${ids})`);
          });
        await deleteAll(true).catch(() => deleteAll(false));
        return `deleted the rows of organisations ${slugs.join(", ")}`;
      } finally {
        await database.close();
      }
    },
  };
}
