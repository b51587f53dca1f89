import { and, asc, eq, sql } from "drizzle-orm";
import type { FamilyScope } from "../../authz/rules.ts";
import { queryRows, type Db } from "../../db/database.ts";
import { closingRecords, families, measurements, phaseTransitions, planVersions, referralChecks, referrerFeedback, trajectories } from "../../db/schema.ts";
import { familyScopeCondition } from "../families/families.queries.ts";

export type TrajectoryRow = typeof trajectories.$inferSelect;
export type TransitionRow = typeof phaseTransitions.$inferSelect;

/** A trajectory with the family facts its permissions and views need, inside the actor's scope. */
export async function findTrajectoryRow(db: Db, organisationId: string, trajectoryId: string, scope: FamilyScope) {
  const rows = await db
    .select({ trajectory: trajectories, teamId: families.teamId, caseNumber: families.caseNumber, coachId: families.coachId })
    .from(trajectories)
    .innerJoin(families, and(eq(families.organisationId, trajectories.organisationId), eq(families.id, trajectories.familyId)))
    .where(and(familyScopeCondition(organisationId, scope), eq(trajectories.id, trajectoryId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function listFamilyTrajectoryRows(db: Db, organisationId: string, familyId: string): Promise<TrajectoryRow[]> {
  return db
    .select()
    .from(trajectories)
    .where(and(eq(trajectories.organisationId, organisationId), eq(trajectories.familyId, familyId)))
    .orderBy(asc(trajectories.receivedOn), asc(trajectories.createdAt));
}

export async function listTransitions(db: Db, organisationId: string, trajectoryId: string): Promise<TransitionRow[]> {
  return db
    .select()
    .from(phaseTransitions)
    .where(and(eq(phaseTransitions.organisationId, organisationId), eq(phaseTransitions.trajectoryId, trajectoryId)))
    .orderBy(asc(phaseTransitions.seq));
}

export async function listChecks(db: Db, organisationId: string, trajectoryId: string) {
  return db.select().from(referralChecks).where(and(eq(referralChecks.organisationId, organisationId), eq(referralChecks.trajectoryId, trajectoryId)));
}

export async function listFeedback(db: Db, organisationId: string, trajectoryId: string) {
  return db.select().from(referrerFeedback).where(and(eq(referrerFeedback.organisationId, organisationId), eq(referrerFeedback.trajectoryId, trajectoryId)));
}

/** Whether the family has a family-level nulmeting on the instrument. */
export async function hasBaseline(db: Db, organisationId: string, familyId: string, instrumentKey: string): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${measurements}
         where organisation_id = ${organisationId}::uuid and family_id = ${familyId}::uuid
           and instrument_key = ${instrumentKey} and member_id is null and round = 0`,
  );
  return Number(rows[0]?.n ?? 0) > 0;
}

export async function hasSignedPlan(db: Db, organisationId: string, trajectoryId: string): Promise<boolean> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(planVersions)
    .where(and(eq(planVersions.organisationId, organisationId), eq(planVersions.trajectoryId, trajectoryId), eq(planVersions.status, "definitive")));
  return Number(rows[0]?.n ?? 0) > 0;
}

export async function findClosingRecord(db: Db, organisationId: string, trajectoryId: string) {
  const rows = await db
    .select()
    .from(closingRecords)
    .where(and(eq(closingRecords.organisationId, organisationId), eq(closingRecords.trajectoryId, trajectoryId)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Moves the trajectory to `phase` if nobody changed it since `version`; returns the new row or
 * null (stale). The transition row is written by the caller in the same transaction.
 */
export async function setPhase(db: Db, organisationId: string, trajectoryId: string, phase: string, since: string, version: number): Promise<TrajectoryRow | null> {
  const rows = await db
    .update(trajectories)
    .set({ phase, phaseSince: since, version: sql`${trajectories.version} + 1`, updatedAt: new Date() })
    .where(and(eq(trajectories.organisationId, organisationId), eq(trajectories.id, trajectoryId), eq(trajectories.version, version)))
    .returning();
  return rows[0] ?? null;
}

/** Bumps the version after a change to the trajectory's own records (checks, feedback, decisions). */
export async function touchTrajectory(db: Db, organisationId: string, trajectoryId: string, set: Partial<typeof trajectories.$inferInsert> = {}): Promise<TrajectoryRow> {
  const rows = await db
    .update(trajectories)
    .set({ ...set, version: sql`${trajectories.version} + 1`, updatedAt: new Date() })
    .where(and(eq(trajectories.organisationId, organisationId), eq(trajectories.id, trajectoryId)))
    .returning();
  const row = rows[0];
  if (!row) throw new Error(`trajectory ${trajectoryId} vanished`);
  return row;
}
