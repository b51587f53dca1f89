import { BUILTIN_INSTRUMENTS, InstrumentDefinition } from "@ploegwerk/domain";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
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

/** Adds shipped instruments (and new shipped versions) that an organisation does not have yet. */
export async function ensureBuiltinInstruments(db: Db, organisationId?: string): Promise<number> {
  const orgs = organisationId
    ? [{ organisationId }]
    : await db.select({ organisationId: organisations.organisationId }).from(organisations);
  let added = 0;
  for (const org of orgs) {
    for (const def of BUILTIN_INSTRUMENTS) {
      const res = await db
        .insert(instruments)
        .values({ organisationId: org.organisationId, key: def.key, version: def.version, definition: def, builtin: true })
        .onConflictDoNothing()
        .returning({ key: instruments.key });
      added += res.length;
    }
  }
  return added;
}

export async function countInstrumentVersions(db: Db, organisationId: string, key: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(instruments)
    .where(and(eq(instruments.organisationId, organisationId), eq(instruments.key, key)));
  return rows[0]?.n ?? 0;
}
