import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { partnerOrganisations, users } from "../../db/schema.ts";

export async function listPartnerRows(db: Db, organisationId: string) {
  return db
    .select({
      id: partnerOrganisations.id,
      name: partnerOrganisations.name,
      kind: partnerOrganisations.kind,
      contact: partnerOrganisations.contact,
      userCount: count(users.id),
    })
    .from(partnerOrganisations)
    .leftJoin(users, and(eq(users.organisationId, partnerOrganisations.organisationId), eq(users.partnerOrganisationId, partnerOrganisations.id)))
    .where(eq(partnerOrganisations.organisationId, organisationId))
    .groupBy(partnerOrganisations.id, partnerOrganisations.name, partnerOrganisations.kind, partnerOrganisations.contact)
    .orderBy(asc(partnerOrganisations.name));
}

export async function findPartnerRow(db: Db, organisationId: string, partnerId: string) {
  const rows = await db
    .select()
    .from(partnerOrganisations)
    .where(and(eq(partnerOrganisations.organisationId, organisationId), eq(partnerOrganisations.id, partnerId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function listPartnerIds(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db.select({ id: partnerOrganisations.id }).from(partnerOrganisations).where(eq(partnerOrganisations.organisationId, organisationId));
  return rows.map((r) => r.id);
}

/** The ids among `ids` that are chain partner organisations of this organisation. */
export async function existingPartnerIds(db: Db, organisationId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: partnerOrganisations.id })
    .from(partnerOrganisations)
    .where(and(eq(partnerOrganisations.organisationId, organisationId), inArray(partnerOrganisations.id, [...ids])));
  return rows.map((r) => r.id);
}

export async function insertPartner(db: Db, organisationId: string, values: { name: string; kind: string; contact: string | null }) {
  const [row] = await db.insert(partnerOrganisations).values({ organisationId, ...values }).returning();
  if (!row) throw new Error("partner insert returned nothing");
  return row;
}

export async function updatePartnerRow(db: Db, organisationId: string, partnerId: string, values: { name: string; kind: string; contact: string | null }) {
  const [row] = await db
    .update(partnerOrganisations)
    .set(values)
    .where(and(eq(partnerOrganisations.organisationId, organisationId), eq(partnerOrganisations.id, partnerId)))
    .returning();
  return row ?? null;
}
