import { DeviationReason, PlanContent, PlanSignature, type PlanVersion } from "@ploegwerk/domain";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { organisations, planVersions, users } from "../../db/schema.ts";

/** One version of a trajectory's plan as the domain knows it, or null. The JSON columns are parsed, not trusted. */
export async function findPlanVersion(db: Db, organisationId: string, trajectoryId: string, number: number): Promise<PlanVersion | null> {
  const [row] = await db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.organisationId, organisationId), eq(planVersions.trajectoryId, trajectoryId), eq(planVersions.number, number)))
    .limit(1);
  if (!row) return null;
  const base = {
    number: row.number,
    // Every version is made on top of the one before it (domain savePlan), so it is not stored.
    basedOn: row.number > 1 ? row.number - 1 : null,
    createdOn: row.createdOn,
    createdBy: row.createdById ?? "",
    content: PlanContent.parse(row.content),
    deviations: z.array(DeviationReason).parse(row.deviations),
  };
  if (row.status === "definitive") return { ...base, status: "definitive", signature: PlanSignature.parse(row.signature) };
  return { ...base, status: "concept", signature: null };
}

/** Names of the organisation's users by id (for coaches owning actions and who recorded a signature). */
export async function findUserNames(db: Db, organisationId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), inArray(users.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The coach as the family may contact them: name and work e-mail address. */
export async function findUserContact(db: Db, organisationId: string, userId: string): Promise<{ name: string; email: string } | null> {
  const [row] = await db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId)))
    .limit(1);
  return row ?? null;
}

export async function findOrganisationName(db: Db, organisationId: string): Promise<string> {
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.organisationId, organisationId)).limit(1);
  return row?.name ?? "";
}
