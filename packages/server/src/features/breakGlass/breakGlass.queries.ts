import { and, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/database.ts";
import { breakGlassGrants, families, users } from "../../db/schema.ts";

const reviewers = alias(users, "reviewers");

const grantColumns = {
  grant: breakGlassGrants,
  caseNumber: families.caseNumber,
  userName: users.name,
  reviewerName: reviewers.name,
};

function withNames(db: Db) {
  return db
    .select(grantColumns)
    .from(breakGlassGrants)
    .innerJoin(families, and(eq(families.organisationId, breakGlassGrants.organisationId), eq(families.id, breakGlassGrants.familyId)))
    .innerJoin(users, and(eq(users.organisationId, breakGlassGrants.organisationId), eq(users.id, breakGlassGrants.userId)))
    .leftJoin(reviewers, and(eq(reviewers.organisationId, breakGlassGrants.organisationId), eq(reviewers.id, breakGlassGrants.reviewedById)));
}


export async function findGrant(db: Db, organisationId: string, grantId: string) {
  const rows = await withNames(db).where(and(eq(breakGlassGrants.organisationId, organisationId), eq(breakGlassGrants.id, grantId))).limit(1);
  return rows[0] ?? null;
}

export function listGrants(db: Db, organisationId: string, opts: { unreviewedOnly: boolean; familyId?: string }) {
  return withNames(db)
    .where(
      and(
        eq(breakGlassGrants.organisationId, organisationId),
        opts.unreviewedOnly ? isNull(breakGlassGrants.reviewedAt) : undefined,
        opts.familyId ? eq(breakGlassGrants.familyId, opts.familyId) : undefined,
      ),
    )
    .orderBy(desc(breakGlassGrants.grantedAt))
    .limit(500);
}

export async function findFamilyByCaseNumber(db: Db, organisationId: string, caseNumber: string) {
  const rows = await db
    .select({ id: families.id, teamId: families.teamId })
    .from(families)
    .where(and(eq(families.organisationId, organisationId), eq(families.caseNumber, caseNumber)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertGrant(db: Db, values: typeof breakGlassGrants.$inferInsert): Promise<string> {
  const [row] = await db.insert(breakGlassGrants).values(values).returning({ id: breakGlassGrants.id });
  if (!row) throw new Error("grant insert returned nothing");
  return row.id;
}

/** Records the review once: a second review of the same grant finds nothing to update. */
export async function reviewGrantRow(db: Db, organisationId: string, grantId: string, values: { reviewedById: string; verdict: string; reviewNote: string | null }) {
  const [row] = await db
    .update(breakGlassGrants)
    .set({ ...values, reviewedAt: new Date() })
    .where(and(eq(breakGlassGrants.organisationId, organisationId), eq(breakGlassGrants.id, grantId), isNull(breakGlassGrants.reviewedAt)))
    .returning({ id: breakGlassGrants.id });
  return row ?? null;
}
