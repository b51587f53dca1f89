import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "./database.ts";
import { testDatabase, testTarget } from "../testing/testDatabase.ts";

/**
 * The tenant rule that lets a distributed PostgreSQL shard by organisation: every table has
 * organisation_id, its primary key starts with it, and every foreign key carries it on both sides.
 */
describe(`schema (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  test("every table has organisation_id as the first primary-key column", async () => {
    const rows = await queryRows<{ table_name: string; cols: string[] | null }>(
      database.db,
      sql`select t.table_name,
                 (select array_agg(a.attname::text order by k.ord)
                    from pg_constraint c
                    cross join lateral unnest(c.conkey) with ordinality as k(attnum, ord)
                    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
                   where c.conrelid = (quote_ident(t.table_schema) || '.' || quote_ident(t.table_name))::regclass and c.contype = 'p') as cols
            from information_schema.tables t
           where t.table_schema = 'public' and t.table_type = 'BASE TABLE'`,
    );
    assert.ok(rows.length >= 10, `expected the product's tables, found ${rows.length}`);
    for (const r of rows) {
      assert.ok(r.cols, `${r.table_name} has no primary key`);
      assert.equal(r.cols[0], "organisation_id", `${r.table_name}'s primary key (${r.cols.join(", ")}) does not start with organisation_id`);
    }
  });

  test("every foreign key includes organisation_id on both sides", async () => {
    const rows = await queryRows<{ name: string; tbl: string; cols: string[]; refcols: string[] }>(
      database.db,
      sql`select c.conname as name, c.conrelid::regclass::text as tbl,
                 (select array_agg(a.attname::text) from unnest(c.conkey) k(n) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n) as cols,
                 (select array_agg(a.attname::text) from unnest(c.confkey) k(n) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n) as refcols
            from pg_constraint c join pg_namespace n on n.oid = c.connamespace
           where c.contype = 'f' and n.nspname = 'public'`,
    );
    assert.ok(rows.length >= 10, `expected foreign keys, found ${rows.length}`);
    for (const r of rows) {
      assert.ok(r.cols.includes("organisation_id"), `${r.tbl}.${r.name} does not include organisation_id`);
      assert.ok(r.refcols.includes("organisation_id"), `${r.tbl}.${r.name} does not reference organisation_id`);
    }
  });

  test("unique constraints on tenant tables include organisation_id", async () => {
    const rows = await queryRows<{ name: string; tbl: string; cols: string[] }>(
      database.db,
      sql`select c.conname as name, c.conrelid::regclass::text as tbl,
                 (select array_agg(a.attname::text) from unnest(c.conkey) k(n) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n) as cols
            from pg_constraint c join pg_namespace n on n.oid = c.connamespace
           where c.contype = 'u' and n.nspname = 'public'`,
    );
    for (const r of rows) {
      // The organisations table is the tenant list itself (a reference table when sharded).
      if (r.tbl === "organisations") continue;
      assert.ok(r.cols.includes("organisation_id"), `${r.tbl}.${r.name} (${r.cols.join(", ")}) does not include organisation_id`);
    }
  });
});
