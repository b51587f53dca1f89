import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../db/database.ts";
import { actionProgress, families, phaseTransitions, planVersions, referrerFeedback, trajectories, users, weeklyReports } from "../../db/schema.ts";

/**
 * Everything the caseload overview needs for the open trajectories of some teams, in one query
 * per table (not one per family), so the page costs the same handful of statements for 5 or 500
 * families.
 */
export async function loadCaseload(db: Db, organisationId: string, teamIds: readonly string[], coachId?: string) {
  if (teamIds.length === 0) return null;
  const open = await db
    .select({ trajectory: trajectories, caseNumber: families.caseNumber, coachId: families.coachId, teamId: families.teamId })
    .from(trajectories)
    .innerJoin(families, and(eq(families.organisationId, trajectories.organisationId), eq(families.id, trajectories.familyId)))
    .where(
      and(
        eq(trajectories.organisationId, organisationId),
        ne(trajectories.phase, "closed"),
        inArray(families.teamId, [...teamIds]),
        coachId ? eq(families.coachId, coachId) : undefined,
      ),
    );
  const ids = open.map((o) => o.trajectory.id);
  // An empty id list matches nothing; one impossible id keeps every statement valid SQL.
  const inIds = ids.length > 0 ? ids : ["00000000-0000-0000-0000-000000000000"];
  const inTrajectories = (t: { organisationId: PgColumn; trajectoryId: PgColumn }) => and(eq(t.organisationId, organisationId), inArray(t.trajectoryId, inIds));
  const [transitions, signed, progress, weeks, feedback, coaches] = await Promise.all([
    db.select().from(phaseTransitions).where(inTrajectories(phaseTransitions)).orderBy(asc(phaseTransitions.trajectoryId), asc(phaseTransitions.seq)),
    db
      .selectDistinctOn([planVersions.trajectoryId], { trajectoryId: planVersions.trajectoryId, content: planVersions.content, createdOn: planVersions.createdOn })
      .from(planVersions)
      .where(and(inTrajectories(planVersions), eq(planVersions.status, "definitive")))
      .orderBy(planVersions.trajectoryId, sql`${planVersions.number} desc`),
    db.select().from(actionProgress).where(inTrajectories(actionProgress)),
    db.select({ trajectoryId: weeklyReports.trajectoryId, year: weeklyReports.year, week: weeklyReports.week }).from(weeklyReports).where(inTrajectories(weeklyReports)),
    db.select().from(referrerFeedback).where(inTrajectories(referrerFeedback)),
    db
      .select({ id: users.id, name: users.name, teamId: users.teamId })
      .from(users)
      .where(and(eq(users.organisationId, organisationId), eq(users.role, "coach"), eq(users.active, true), inArray(users.teamId, [...teamIds]), coachId ? eq(users.id, coachId) : undefined))
      .orderBy(asc(users.name)),
  ]);
  return { open, transitions, signed, progress, weeks, feedback, coaches };
}

export type CaseloadRows = NonNullable<Awaited<ReturnType<typeof loadCaseload>>>;
