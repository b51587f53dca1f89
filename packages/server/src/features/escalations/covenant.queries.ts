import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { covenantSignatories } from "../../db/schema.ts";

export type SignatoryRow = typeof covenantSignatories.$inferSelect;

export function listSignatoryRows(db: Db, organisationId: string): Promise<SignatoryRow[]> {
  return db.select().from(covenantSignatories).where(eq(covenantSignatories.organisationId, organisationId)).orderBy(asc(covenantSignatories.partnerOrganisation));
}

export async function insertSignatory(db: Db, values: Omit<typeof covenantSignatories.$inferInsert, "id" | "createdAt">): Promise<SignatoryRow> {
  const [row] = await db.insert(covenantSignatories).values(values).returning();
  if (!row) throw new Error("covenant signatory insert returned nothing");
  return row;
}

export async function deleteSignatory(db: Db, organisationId: string, signatoryId: string): Promise<SignatoryRow | null> {
  const rows = await db
    .delete(covenantSignatories)
    .where(and(eq(covenantSignatories.organisationId, organisationId), eq(covenantSignatories.id, signatoryId)))
    .returning();
  return rows[0] ?? null;
}
