import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/database.ts";
import { escalations, families, trajectories, users } from "../../db/schema.ts";

export type EscalationRow = typeof escalations.$inferSelect;

const raisedBy = alias(users, "raised_by");
const resolvedBy = alias(users, "resolved_by");

/** Escalations with the family's case number and the names of who raised and resolved them. */
function selectEscalations(db: Db, where: SQL | undefined) {
  return db
    .select({ escalation: escalations, familyId: trajectories.familyId, caseNumber: families.caseNumber, raisedByName: raisedBy.name, resolvedByName: resolvedBy.name })
    .from(escalations)
    .innerJoin(trajectories, and(eq(trajectories.organisationId, escalations.organisationId), eq(trajectories.id, escalations.trajectoryId)))
    .innerJoin(families, and(eq(families.organisationId, trajectories.organisationId), eq(families.id, trajectories.familyId)))
    .leftJoin(raisedBy, and(eq(raisedBy.organisationId, escalations.organisationId), eq(raisedBy.id, escalations.raisedById)))
    .leftJoin(resolvedBy, and(eq(resolvedBy.organisationId, escalations.organisationId), eq(resolvedBy.id, escalations.resolvedById)))
    .where(where);
}
export type EscalationListRow = Awaited<ReturnType<typeof selectEscalations>>[number];

export function listTrajectoryEscalationRows(db: Db, organisationId: string, trajectoryId: string) {
  return selectEscalations(db, and(eq(escalations.organisationId, organisationId), eq(escalations.trajectoryId, trajectoryId))).orderBy(
    desc(escalations.raisedOn),
    desc(escalations.createdAt),
  );
}

/** The escalations of the families of some teams ("all": the organisation); open ones oldest first (a queue), others newest first. */
export function listTeamEscalationRows(db: Db, organisationId: string, teamIds: readonly string[] | "all", status: "open" | "resolved" | "all") {
  if (teamIds !== "all" && teamIds.length === 0) return Promise.resolve([]);
  const where = and(
    eq(escalations.organisationId, organisationId),
    teamIds === "all" ? undefined : inArray(families.teamId, [...teamIds]),
    status === "all" ? undefined : eq(escalations.status, status),
  );
  return status === "open"
    ? selectEscalations(db, where).orderBy(asc(escalations.raisedOn), asc(escalations.createdAt))
    : selectEscalations(db, where).orderBy(desc(escalations.raisedOn), desc(escalations.createdAt));
}

export async function findEscalationRow(db: Db, organisationId: string, trajectoryId: string, escalationId: string): Promise<EscalationListRow | null> {
  const rows = await selectEscalations(db, and(eq(escalations.organisationId, organisationId), eq(escalations.trajectoryId, trajectoryId), eq(escalations.id, escalationId))).limit(1);
  return rows[0] ?? null;
}

export async function insertEscalation(db: Db, values: Omit<typeof escalations.$inferInsert, "id" | "status" | "createdAt" | "updatedAt" | "version">): Promise<EscalationRow> {
  const [row] = await db.insert(escalations).values({ ...values, status: "open" }).returning();
  if (!row) throw new Error("escalation insert returned nothing");
  return row;
}

/** Records the outcome if the escalation is still open at `version`; null otherwise. */
export async function resolveEscalationRow(
  db: Db,
  organisationId: string,
  escalationId: string,
  version: number,
  resolution: { outcome: string; resolvedOn: string; resolvedById: string | null },
): Promise<EscalationRow | null> {
  const rows = await db
    .update(escalations)
    .set({ ...resolution, status: "resolved", version: sql`${escalations.version} + 1`, updatedAt: new Date() })
    .where(and(eq(escalations.organisationId, organisationId), eq(escalations.id, escalationId), eq(escalations.status, "open"), eq(escalations.version, version)))
    .returning();
  return rows[0] ?? null;
}
