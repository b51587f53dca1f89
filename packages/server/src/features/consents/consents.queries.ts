import { and, asc, desc, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { consents, partnerOrganisations } from "../../db/schema.ts";

export type ConsentRow = typeof consents.$inferSelect & { recipientName: string };

const withRecipient = { consent: consents, recipientName: partnerOrganisations.name };
const joinRecipient = and(eq(partnerOrganisations.organisationId, consents.organisationId), eq(partnerOrganisations.id, consents.recipientId));

export async function listConsentRows(db: Db, organisationId: string, familyId: string): Promise<ConsentRow[]> {
  const rows = await db
    .select(withRecipient)
    .from(consents)
    .innerJoin(partnerOrganisations, joinRecipient)
    .where(and(eq(consents.organisationId, organisationId), eq(consents.familyId, familyId)))
    .orderBy(desc(consents.givenOn), asc(partnerOrganisations.name));
  return rows.map((r) => ({ ...r.consent, recipientName: r.recipientName }));
}

export async function findConsentRow(db: Db, organisationId: string, familyId: string, consentId: string): Promise<ConsentRow | null> {
  const rows = await db
    .select(withRecipient)
    .from(consents)
    .innerJoin(partnerOrganisations, joinRecipient)
    .where(and(eq(consents.organisationId, organisationId), eq(consents.familyId, familyId), eq(consents.id, consentId)))
    .limit(1);
  const r = rows[0];
  return r ? { ...r.consent, recipientName: r.recipientName } : null;
}

export async function insertConsent(db: Db, values: typeof consents.$inferInsert): Promise<string> {
  const [row] = await db.insert(consents).values(values).returning({ id: consents.id });
  if (!row) throw new Error("consent insert returned nothing");
  return row.id;
}

/** Applies a change if the version still matches; null when someone else changed it first. */
export async function updateConsentRow(db: Db, organisationId: string, consentId: string, version: number, values: Partial<typeof consents.$inferInsert>) {
  const [row] = await db
    .update(consents)
    .set({ ...values, version: sql`${consents.version} + 1`, updatedAt: new Date() })
    .where(and(eq(consents.organisationId, organisationId), eq(consents.id, consentId), eq(consents.version, version)))
    .returning({ id: consents.id });
  return row ?? null;
}

/** Consent records of one recipient that hold on `today` (given, not expired, not withdrawn). */
export async function activeConsentsFor(db: Db, organisationId: string, recipientId: string, today: string, familyId?: string) {
  return db
    .select({ familyId: consents.familyId, categories: consents.categories, givenOn: consents.givenOn, expiresOn: consents.expiresOn, withdrawnOn: consents.withdrawnOn, recipientId: consents.recipientId, purpose: consents.purpose })
    .from(consents)
    .where(
      and(
        eq(consents.organisationId, organisationId),
        eq(consents.recipientId, recipientId),
        familyId ? eq(consents.familyId, familyId) : undefined,
        isNull(consents.withdrawnOn),
        lte(consents.givenOn, today),
        or(isNull(consents.expiresOn), gte(consents.expiresOn, today)),
      ),
    );
}
