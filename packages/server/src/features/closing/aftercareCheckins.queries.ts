import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { aftercareCheckins } from "../../db/schema.ts";

export type CheckinRow = typeof aftercareCheckins.$inferSelect;

/** Newest contact first. */
export function listCheckinRows(db: Db, organisationId: string, trajectoryId: string): Promise<CheckinRow[]> {
  return db
    .select()
    .from(aftercareCheckins)
    .where(and(eq(aftercareCheckins.organisationId, organisationId), eq(aftercareCheckins.trajectoryId, trajectoryId)))
    .orderBy(desc(aftercareCheckins.heldOn), desc(aftercareCheckins.createdAt));
}

/** The check-ins of many trajectories in one statement (caseload). */
export function listCheckinRowsOf(db: Db, organisationId: string, trajectoryIds: readonly string[]): Promise<CheckinRow[]> {
  if (trajectoryIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(aftercareCheckins)
    .where(and(eq(aftercareCheckins.organisationId, organisationId), inArray(aftercareCheckins.trajectoryId, [...trajectoryIds])));
}

export async function insertCheckin(db: Db, values: Omit<typeof aftercareCheckins.$inferInsert, "id" | "createdAt">): Promise<CheckinRow> {
  const [row] = await db.insert(aftercareCheckins).values(values).returning();
  if (!row) throw new Error("aftercare check-in insert returned nothing");
  return row;
}
