import { parseOrganisationSettings, type CostSettings, type TrajectoryPeriod } from "@ploegwerk/domain";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/database.ts";
import { costEntries, interventions, measurements, organisations, timeEntries, trajectories, userTeams, users } from "../../db/schema.ts";
import { organisationSettings } from "../auth/accountSecurity.queries.ts";

export type TimeEntryRow = typeof timeEntries.$inferSelect;
export type CostEntryRow = typeof costEntries.$inferSelect;

export async function costSettings(db: Db, organisationId: string): Promise<CostSettings> {
  return parseOrganisationSettings(await organisationSettings(db, organisationId)).costs;
}

/** Replaces the costs part of the settings document; other settings written meanwhile stay. */
export async function writeCostSettings(db: Db, organisationId: string, settings: CostSettings): Promise<void> {
  await db
    .update(organisations)
    .set({ settings: sql`jsonb_set(coalesce(${organisations.settings}, '{}'::jsonb), '{costs}', ${JSON.stringify(settings)}::jsonb, true)` })
    .where(eq(organisations.organisationId, organisationId));
}

const booker = alias(users, "booker");

/** The family's hours with the person's name and current role, newest first. */
export function listTimeEntryRows(db: Db, organisationId: string, familyId: string) {
  return db
    .select({ entry: timeEntries, userName: booker.name, userRole: booker.role })
    .from(timeEntries)
    .innerJoin(booker, and(eq(booker.organisationId, timeEntries.organisationId), eq(booker.id, timeEntries.userId)))
    .where(and(eq(timeEntries.organisationId, organisationId), eq(timeEntries.familyId, familyId)))
    .orderBy(desc(timeEntries.on), desc(timeEntries.createdAt));
}

/** The family's costs with the name of who booked them and of the catalogue entry, newest first. */
export function listCostEntryRows(db: Db, organisationId: string, familyId: string) {
  return db
    .select({ entry: costEntries, createdByName: booker.name, interventionName: interventions.name })
    .from(costEntries)
    .leftJoin(booker, and(eq(booker.organisationId, costEntries.organisationId), eq(booker.id, costEntries.createdById)))
    .leftJoin(interventions, and(eq(interventions.organisationId, costEntries.organisationId), eq(interventions.id, costEntries.interventionId)))
    .where(and(eq(costEntries.organisationId, organisationId), eq(costEntries.familyId, familyId)))
    .orderBy(desc(costEntries.on), desc(costEntries.createdAt));
}

export async function insertTimeEntry(db: Db, values: typeof timeEntries.$inferInsert): Promise<TimeEntryRow> {
  const [row] = await db.insert(timeEntries).values(values).returning();
  if (!row) throw new Error("time entry insert returned nothing");
  return row;
}

export async function insertCostEntry(db: Db, values: typeof costEntries.$inferInsert): Promise<CostEntryRow> {
  const [row] = await db.insert(costEntries).values(values).returning();
  if (!row) throw new Error("cost entry insert returned nothing");
  return row;
}

/** Removes one booking of the family; null when it is not there (or not this family's). */
export async function deleteTimeEntry(db: Db, organisationId: string, familyId: string, entryId: string): Promise<TimeEntryRow | null> {
  const rows = await db.delete(timeEntries).where(and(eq(timeEntries.organisationId, organisationId), eq(timeEntries.familyId, familyId), eq(timeEntries.id, entryId))).returning();
  return rows[0] ?? null;
}

export async function deleteCostEntry(db: Db, organisationId: string, familyId: string, entryId: string): Promise<CostEntryRow | null> {
  const rows = await db.delete(costEntries).where(and(eq(costEntries.organisationId, organisationId), eq(costEntries.familyId, familyId), eq(costEntries.id, entryId))).returning();
  return rows[0] ?? null;
}

export async function findTimeEntry(db: Db, organisationId: string, familyId: string, entryId: string): Promise<TimeEntryRow | null> {
  const rows = await db.select().from(timeEntries).where(and(eq(timeEntries.organisationId, organisationId), eq(timeEntries.familyId, familyId), eq(timeEntries.id, entryId))).limit(1);
  return rows[0] ?? null;
}

export async function findCostEntry(db: Db, organisationId: string, familyId: string, entryId: string): Promise<CostEntryRow | null> {
  const rows = await db.select().from(costEntries).where(and(eq(costEntries.organisationId, organisationId), eq(costEntries.familyId, familyId), eq(costEntries.id, entryId))).limit(1);
  return rows[0] ?? null;
}

/** A trajectory's period: from the aanmelding to the day it was closed. */
export const periodEnd = sql<string | null>`case when ${trajectories.phase} = 'closed' then ${trajectories.phaseSince} end`;

/** The family's trajectories as periods, oldest first. */
export async function familyTrajectoryPeriods(db: Db, organisationId: string, familyId: string): Promise<TrajectoryPeriod[]> {
  return db
    .select({ id: trajectories.id, startsOn: trajectories.receivedOn, endsOn: periodEnd })
    .from(trajectories)
    .where(and(eq(trajectories.organisationId, organisationId), eq(trajectories.familyId, familyId)))
    .orderBy(asc(trajectories.receivedOn), asc(trajectories.createdAt));
}

/** Whether the person may have hours booked on a family of `teamId`: active, booking role, in or leading that team. */
export async function findBookablePerson(db: Db, organisationId: string, userId: string, teamId: string) {
  const rows = await db
    .select({ id: users.id, name: users.name, role: users.role, active: users.active, teamId: users.teamId, leads: userTeams.teamId })
    .from(users)
    .leftJoin(userTeams, and(eq(userTeams.organisationId, users.organisationId), eq(userTeams.userId, users.id), eq(userTeams.teamId, teamId)))
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId)))
    .limit(1);
  const u = rows[0];
  return u ? { id: u.id, name: u.name, role: u.role, active: u.active, inTeam: u.teamId === teamId || u.leads === teamId } : null;
}

/** The catalogue entries a cost can be booked on: active ones, by name. */
export function listCatalogueCosts(db: Db, organisationId: string) {
  return db
    .select({ id: interventions.id, name: interventions.name, costCents: interventions.costCents, costUnit: interventions.costUnit, costIncludes: interventions.costIncludes, active: interventions.active })
    .from(interventions)
    .where(eq(interventions.organisationId, organisationId))
    .orderBy(asc(interventions.name));
}

export async function findIntervention(db: Db, organisationId: string, interventionId: string) {
  const rows = await db.select({ id: interventions.id, name: interventions.name, active: interventions.active }).from(interventions).where(and(eq(interventions.organisationId, organisationId), eq(interventions.id, interventionId))).limit(1);
  return rows[0] ?? null;
}

/** The family-level metingen of one instrument, for the change between nulmeting and latest meting. */
export function familyMeasurementFacts(db: Db, organisationId: string, familyId: string, instrumentKey: string) {
  return db
    .select({ round: measurements.round, measuredOn: measurements.measuredOn, srNum: measurements.srNum, srDen: measurements.srDen, problemCount: measurements.problemCount })
    .from(measurements)
    .where(and(eq(measurements.organisationId, organisationId), eq(measurements.familyId, familyId), eq(measurements.instrumentKey, instrumentKey), isNull(measurements.memberId)))
    .orderBy(asc(measurements.round));
}
