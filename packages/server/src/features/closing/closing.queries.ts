import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { closingRecords, users } from "../../db/schema.ts";

export type ClosingRow = typeof closingRecords.$inferSelect;
type ClosingContent = Partial<Pick<ClosingRow, "stabilityCheck" | "aftercarePlan">>;

/**
 * Saves part of the closing record if nobody saved since `version`: version 0 creates the row
 * (and finds it stale when it already exists), any other version updates it. Null when stale.
 */
export async function saveClosingRow(db: Db, organisationId: string, trajectoryId: string, version: number, content: ClosingContent): Promise<ClosingRow | null> {
  if (version === 0) {
    const rows = await db.insert(closingRecords).values({ organisationId, trajectoryId, ...content }).onConflictDoNothing().returning();
    return rows[0] ?? null;
  }
  const rows = await db
    .update(closingRecords)
    .set({ ...content, version: sql`${closingRecords.version} + 1`, updatedAt: new Date() })
    .where(and(eq(closingRecords.organisationId, organisationId), eq(closingRecords.trajectoryId, trajectoryId), eq(closingRecords.version, version)))
    .returning();
  return rows[0] ?? null;
}

/** The closing records of many trajectories in one statement (caseload). */
export function listClosingRows(db: Db, organisationId: string, trajectoryIds: readonly string[]): Promise<ClosingRow[]> {
  if (trajectoryIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(closingRecords)
    .where(and(eq(closingRecords.organisationId, organisationId), inArray(closingRecords.trajectoryId, [...trajectoryIds])));
}

export async function isUserOf(db: Db, organisationId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId)))
    .limit(1);
  return rows.length > 0;
}
