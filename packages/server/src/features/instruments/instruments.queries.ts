import { BUILTIN_INSTRUMENTS, InstrumentDefinition } from "@ploegwerk/domain";
import { and, desc, eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/database.ts";
import { instruments, organisations } from "../../db/schema.ts";

function parse(row: { definition: unknown }): InstrumentDefinition {
  return InstrumentDefinition.parse(row.definition);
}

/** The newest version of every instrument of the organisation, in a stable order. */
export async function listLatestInstruments(db: Db, organisationId: string): Promise<InstrumentDefinition[]> {
  const rows = await db
    .selectDistinctOn([instruments.key], { definition: instruments.definition })
    .from(instruments)
    .where(eq(instruments.organisationId, organisationId))
    .orderBy(instruments.key, desc(instruments.version));
  return rows.map(parse);
}

export async function findInstrument(db: Db, organisationId: string, key: string, version?: number): Promise<InstrumentDefinition | null> {
  const rows = await db
    .select({ definition: instruments.definition })
    .from(instruments)
    .where(and(eq(instruments.organisationId, organisationId), eq(instruments.key, key), version === undefined ? undefined : eq(instruments.version, version)))
    .orderBy(desc(instruments.version))
    .limit(1);
  const row = rows[0];
  return row ? parse(row) : null;
}

export async function insertInstrument(db: Db, organisationId: string, def: InstrumentDefinition, builtin: boolean): Promise<void> {
  await db.insert(instruments).values({ organisationId, key: def.key, version: def.version, definition: def, builtin });
}

/**
 * Adds shipped instruments (and new shipped versions) that an organisation does not have yet:
 * one statement for every organisation, so a start stays fast however many tenants there are.
 */
export async function ensureBuiltinInstruments(db: Db, organisationId?: string): Promise<number> {
  const values = sql.join(
    BUILTIN_INSTRUMENTS.map((def) => sql`(${def.key}, ${def.version}::int, ${JSON.stringify(def)}::jsonb)`),
    sql`, `,
  );
  const rows = await queryRows<{ key: string }>(
    db,
    sql`insert into ${instruments} (organisation_id, key, version, definition, builtin)
        select o.organisation_id, b.key, b.version, b.definition, true
          from ${organisations} o cross join (values ${values}) as b(key, version, definition)
         where ${organisationId ? sql`o.organisation_id = ${organisationId}::uuid` : sql`true`}
        on conflict do nothing
        returning key`,
  );
  return rows.length;
}

export async function countInstrumentVersions(db: Db, organisationId: string, key: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(instruments)
    .where(and(eq(instruments.organisationId, organisationId), eq(instruments.key, key)));
  return rows[0]?.n ?? 0;
}

/** Every stored version of one instrument, by version number. */
export async function instrumentVersions(db: Db, organisationId: string, key: string): Promise<Map<number, InstrumentDefinition>> {
  const rows = await db
    .select({ definition: instruments.definition })
    .from(instruments)
    .where(and(eq(instruments.organisationId, organisationId), eq(instruments.key, key)));
  return new Map(rows.map(parse).map((def) => [def.version, def]));
}

export function versionOf(versions: ReadonlyMap<number, InstrumentDefinition>, version: number): InstrumentDefinition {
  const def = versions.get(version);
  if (!def) throw new Error(`instrument version ${version} missing`);
  return def;
}
