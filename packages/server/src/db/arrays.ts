import { sql } from "drizzle-orm";
import type { Db } from "./database.ts";

/**
 * A PostgreSQL array literal for one bound parameter: bulk inserts send four arrays and `unnest`
 * them in SQL instead of binding 5,000 × 5 parameters, which is much faster on both engines.
 */
export function pgArrayLiteral(values: readonly (string | number | null)[]): string {
  const items = values.map((v) => {
    if (v === null) return "NULL";
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new RangeError(`cannot put ${v} in a PostgreSQL array`);
      return String(v);
    }
    return `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(",")}}`;
}

export interface BulkColumn {
  /**
   * PostgreSQL type of the column, for the array cast ("uuid", "text", "smallint", "date", "jsonb" …).
   * An array type ("smallint[]") takes one array literal per row (see pgArrayLiteral): unnest would
   * flatten a two-dimensional array, so these travel as text and are cast per row.
   */
  type: string;
  values: readonly (string | number | null)[];
}

/**
 * INSERT … SELECT FROM unnest(…): one array parameter per column instead of one parameter per
 * value. Ids are made by the caller (randomUUID), so no RETURNING order is relied upon.
 */
export async function bulkInsert(db: Db, table: string, columns: Readonly<Record<string, BulkColumn>>, batch = 10_000): Promise<void> {
  const names = Object.keys(columns);
  const length = columns[names[0] ?? ""]?.values.length ?? 0;
  for (const name of names) {
    if (columns[name]?.values.length !== length) throw new Error(`bulkInsert ${table}: column ${name} has another length`);
  }
  for (let start = 0; start < length; start += batch) {
    const end = Math.min(length, start + batch);
    const arrays = names.map((name) => {
      const col = columns[name] as BulkColumn;
      const elementType = col.type.endsWith("[]") ? "text" : col.type;
      return sql`${pgArrayLiteral(col.values.slice(start, end))}::${sql.raw(elementType)}[]`;
    });
    const selected = names.map((name, i) => {
      const type = (columns[name] as BulkColumn).type;
      return type.endsWith("[]") ? sql.raw(`u.c${i}::${type}`) : sql.raw(`u.c${i}`);
    });
    await db.execute(
      sql`insert into ${sql.identifier(table)} (${sql.join(names.map((n) => sql.identifier(n)), sql`, `)})
          select ${sql.join(selected, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.raw(names.map((_, i) => `c${i}`).join(", "))})`,
    );
  }
}
