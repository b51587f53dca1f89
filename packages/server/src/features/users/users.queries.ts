import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { partnerOrganisations, teams, userTeams, users } from "../../db/schema.ts";

export const userColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  teamId: users.teamId,
  leadsTeamIds: sql<string[]>`coalesce((select array_agg(ut.team_id order by ut.team_id) from ${userTeams} ut where ut.organisation_id = ${users.organisationId} and ut.user_id = ${users.id}), '{}'::uuid[])`,
  partnerOrganisationId: users.partnerOrganisationId,
  active: users.active,
  version: users.version,
};

export function listUsersRows(db: Db, organisationId: string) {
  return db.select(userColumns).from(users).where(eq(users.organisationId, organisationId)).orderBy(asc(users.name));
}

export async function findUserRow(db: Db, organisationId: string, userId: string) {
  const rows = await db.select(userColumns).from(users).where(and(eq(users.organisationId, organisationId), eq(users.id, userId))).limit(1);
  return rows[0] ?? null;
}

export function listTeamsRows(db: Db, organisationId: string) {
  return db.select({ id: teams.id, name: teams.name, district: teams.district }).from(teams).where(eq(teams.organisationId, organisationId)).orderBy(asc(teams.name));
}

export async function teamExists(db: Db, organisationId: string, teamId: string): Promise<boolean> {
  const rows = await db.select({ one: sql<number>`1` }).from(teams).where(and(eq(teams.organisationId, organisationId), eq(teams.id, teamId))).limit(1);
  return rows.length > 0;
}

/**
 * Active beheerders, with their rows locked until the transaction ends: two beheerders who
 * deactivate each other at once are serialised, so the organisation always keeps one.
 */
export async function lockActiveAdmins(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.role, "beheerder"), eq(users.active, true)))
    .for("update");
  return rows.map((r) => r.id);
}

/** Replaces the teams a team lead leads besides their own. */
export async function setLedTeams(db: Db, organisationId: string, userId: string, teamIds: readonly string[]): Promise<void> {
  await db.delete(userTeams).where(and(eq(userTeams.organisationId, organisationId), eq(userTeams.userId, userId)));
  if (teamIds.length > 0) await db.insert(userTeams).values(teamIds.map((teamId) => ({ organisationId, userId, teamId })));
}

export async function partnerOrganisationExists(db: Db, organisationId: string, partnerId: string): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(partnerOrganisations)
    .where(and(eq(partnerOrganisations.organisationId, organisationId), eq(partnerOrganisations.id, partnerId)))
    .limit(1);
  return rows.length > 0;
}
