import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { familyGroupConferences } from "../../db/schema.ts";

export type FgcRow = typeof familyGroupConferences.$inferSelect;
export type FgcValues = Pick<
  FgcRow,
  "status" | "statusReason" | "coordinator" | "heldOn" | "agreements" | "followUp4wOn" | "followUp4wNote" | "followUp3mOn" | "followUp3mNote"
>;

export function listFgcRows(db: Db, organisationId: string, trajectoryId: string): Promise<FgcRow[]> {
  return db
    .select()
    .from(familyGroupConferences)
    .where(and(eq(familyGroupConferences.organisationId, organisationId), eq(familyGroupConferences.trajectoryId, trajectoryId)))
    .orderBy(desc(familyGroupConferences.createdAt));
}

export async function findFgcRow(db: Db, organisationId: string, trajectoryId: string, conferenceId: string): Promise<FgcRow | null> {
  const rows = await db
    .select()
    .from(familyGroupConferences)
    .where(and(eq(familyGroupConferences.organisationId, organisationId), eq(familyGroupConferences.trajectoryId, trajectoryId), eq(familyGroupConferences.id, conferenceId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertFgc(db: Db, organisationId: string, trajectoryId: string, values: FgcValues): Promise<FgcRow> {
  const [row] = await db.insert(familyGroupConferences).values({ organisationId, trajectoryId, ...values }).returning();
  if (!row) throw new Error("family group conference insert returned nothing");
  return row;
}

/** Replaces the record if nobody saved since `version`; null when stale. */
export async function updateFgc(db: Db, organisationId: string, conferenceId: string, version: number, values: FgcValues): Promise<FgcRow | null> {
  const rows = await db
    .update(familyGroupConferences)
    .set({ ...values, version: sql`${familyGroupConferences.version} + 1`, updatedAt: new Date() })
    .where(and(eq(familyGroupConferences.organisationId, organisationId), eq(familyGroupConferences.id, conferenceId), eq(familyGroupConferences.version, version)))
    .returning();
  return rows[0] ?? null;
}
