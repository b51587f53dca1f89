import type { Config } from "./config.ts";
import { chainUnchainedAuditRows } from "./audit/chainBackfill.ts";
import { openDatabase, runMigrations, type Database } from "./db/database.ts";
import { ensureBuiltinInstruments } from "./features/instruments/instruments.queries.ts";

export interface OpenedRuntime {
  database: Database;
  /** True when this start created the embedded data directory's schema from nothing. */
  freshEmbedded: boolean;
}

/** Opens the configured database, applies migrations and makes sure shipped instruments exist. */
export async function openRuntime(config: Pick<Config, "DATABASE_URL" | "PLOEGWERK_DATA_DIR">): Promise<OpenedRuntime> {
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.PLOEGWERK_DATA_DIR });
  try {
    await runMigrations(database, config.DATABASE_URL);
    // Rows from before the audit hash chain are chained once, before anything new is written.
    await chainUnchainedAuditRows(database.db);
    await ensureBuiltinInstruments(database.db);
  } catch (err) {
    await database.close();
    throw err;
  }
  return { database, freshEmbedded: database.kind === "pglite" };
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}
