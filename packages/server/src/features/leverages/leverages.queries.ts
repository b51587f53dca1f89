import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { leverages } from "../../db/schema.ts";

export type LeverageRow = typeof leverages.$inferSelect;
export type LeverageValues = Pick<LeverageRow, "lever" | "kind" | "party" | "condition" | "startsOn" | "endsOn" | "outcome">;

/** The register, latest start first. */
export function listLeverageRows(db: Db, organisationId: string, trajectoryId: string): Promise<LeverageRow[]> {
  return db
    .select()
    .from(leverages)
    .where(and(eq(leverages.organisationId, organisationId), eq(leverages.trajectoryId, trajectoryId)))
    .orderBy(desc(leverages.startsOn), desc(leverages.createdAt));
}

export async function findLeverageRow(db: Db, organisationId: string, trajectoryId: string, leverageId: string): Promise<LeverageRow | null> {
  const rows = await db
    .select()
    .from(leverages)
    .where(and(eq(leverages.organisationId, organisationId), eq(leverages.trajectoryId, trajectoryId), eq(leverages.id, leverageId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertLeverage(db: Db, organisationId: string, trajectoryId: string, values: LeverageValues): Promise<LeverageRow> {
  const [row] = await db.insert(leverages).values({ organisationId, trajectoryId, ...values }).returning();
  if (!row) throw new Error("leverage insert returned nothing");
  return row;
}

/** Replaces the entry if nobody saved since `version`; null when stale. */
export async function updateLeverageRow(db: Db, organisationId: string, leverageId: string, version: number, values: LeverageValues): Promise<LeverageRow | null> {
  const rows = await db
    .update(leverages)
    .set({ ...values, version: sql`${leverages.version} + 1`, updatedAt: new Date() })
    .where(and(eq(leverages.organisationId, organisationId), eq(leverages.id, leverageId), eq(leverages.version, version)))
    .returning();
  return rows[0] ?? null;
}
