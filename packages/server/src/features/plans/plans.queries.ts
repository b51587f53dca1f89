import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { actionProgress, planVersions, users } from "../../db/schema.ts";

export type PlanRow = typeof planVersions.$inferSelect;
export type ProgressRow = typeof actionProgress.$inferSelect;

export function listPlanRows(db: Db, organisationId: string, trajectoryId: string): Promise<PlanRow[]> {
  return db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.organisationId, organisationId), eq(planVersions.trajectoryId, trajectoryId)))
    .orderBy(asc(planVersions.number));
}

/** A new version row; the primary key (trajectory, number) refuses a second writer of the same number. */
export async function insertPlanRow(db: Db, values: typeof planVersions.$inferInsert): Promise<PlanRow> {
  const [row] = await db.insert(planVersions).values(values).returning();
  if (!row) throw new Error("plan version insert returned nothing");
  return row;
}

/** Replaces a concept's content if it is still a concept at edit counter `version`; null when stale. */
export async function updateConceptRow(
  db: Db,
  key: { organisationId: string; trajectoryId: string; number: number; version: number },
  set: { content: unknown; deviations: unknown[] },
): Promise<PlanRow | null> {
  const rows = await db
    .update(planVersions)
    .set({ ...set, version: sql`${planVersions.version} + 1`, updatedAt: new Date() })
    .where(conceptAt(key))
    .returning();
  return rows[0] ?? null;
}

/** Makes a concept definitive with the family's signature, if untouched since `version`; null when stale. */
export async function signConceptRow(
  db: Db,
  key: { organisationId: string; trajectoryId: string; number: number; version: number },
  signature: unknown,
): Promise<PlanRow | null> {
  const rows = await db
    .update(planVersions)
    .set({ status: "definitive", signature, version: sql`${planVersions.version} + 1`, updatedAt: new Date() })
    .where(conceptAt(key))
    .returning();
  return rows[0] ?? null;
}

function conceptAt(key: { organisationId: string; trajectoryId: string; number: number; version: number }) {
  return and(
    eq(planVersions.organisationId, key.organisationId),
    eq(planVersions.trajectoryId, key.trajectoryId),
    eq(planVersions.number, key.number),
    eq(planVersions.status, "concept"),
    eq(planVersions.version, key.version),
  );
}

export function listProgressRows(db: Db, organisationId: string, trajectoryId: string): Promise<ProgressRow[]> {
  return db
    .select()
    .from(actionProgress)
    .where(and(eq(actionProgress.organisationId, organisationId), eq(actionProgress.trajectoryId, trajectoryId)))
    .orderBy(asc(actionProgress.on), asc(actionProgress.createdAt));
}

export async function insertProgressRow(db: Db, values: typeof actionProgress.$inferInsert): Promise<ProgressRow> {
  const [row] = await db.insert(actionProgress).values(values).returning();
  if (!row) throw new Error("action progress insert returned nothing");
  return row;
}

/** The users of the organisation among these ids, with their names (active ones only when asked). */
export async function findUsers(db: Db, organisationId: string, ids: readonly string[], opts: { activeOnly: boolean }): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), inArray(users.id, [...new Set(ids)]), opts.activeOnly ? eq(users.active, true) : undefined));
  return new Map(rows.map((r) => [r.id, r.name]));
}
