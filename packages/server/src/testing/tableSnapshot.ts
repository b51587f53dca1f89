/**
 * Every row of every table of some organisations, as canonical JSON text, so a test can show that
 * a change touched exactly the rows it should and left every other row byte for byte as it was.
 * Tables are found in the live schema (every table has organisation_id), so a table added later is
 * compared too without anyone remembering to list it.
 */
import { sql } from "drizzle-orm";
import { stableJson } from "../audit/chain.ts";
import { queryRows, type Db } from "../db/database.ts";

export type TableRows = Map<string, Record<string, unknown>[]>;

export async function snapshotTables(db: Db, organisationIds: readonly string[]): Promise<TableRows> {
  const tables = await queryRows<{ table_name: string }>(
    db,
    sql`select distinct table_name from information_schema.columns
        where table_schema = current_schema() and column_name = 'organisation_id' order by table_name`,
  );
  const ids = sql.join(organisationIds.map((id) => sql`${id}::uuid`), sql`, `);
  const out: TableRows = new Map();
  for (const { table_name } of tables) {
    const rows = await queryRows<{ row: Record<string, unknown> }>(db, sql`select to_jsonb(t) as row from ${sql.identifier(table_name)} t where t.organisation_id in (${ids})`);
    out.set(table_name, rows.map((r) => r.row));
  }
  return out;
}

/** The rows as sorted canonical text: equal lists mean byte-for-byte equal rows. */
export function canonicalRows(rows: readonly Record<string, unknown>[]): string[] {
  return rows.map((r) => stableJson(r)).sort();
}
