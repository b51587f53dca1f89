import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { breakGlassGrants, organisations, partnerOrganisations, sessions, teams, userTeams, users } from "../../db/schema.ts";

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findSessionUser(db: Db, organisationId: string, tokenHash: string, now: Date) {
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      teamId: users.teamId,
      teamName: teams.name,
      /** The own team first, then the teams led. */
      teamIds: sql<string[]>`array_remove(array[${users.teamId}] || coalesce((select array_agg(ut.team_id order by ut.team_id) from ${userTeams} ut where ut.organisation_id = ${users.organisationId} and ut.user_id = ${users.id} and ut.team_id is distinct from ${users.teamId}), '{}'::uuid[]), null)`,
      partnerOrganisationId: users.partnerOrganisationId,
      breakGlassFamilyIds: sql<string[]>`coalesce((select array_agg(g.family_id) from ${breakGlassGrants} g where g.organisation_id = ${users.organisationId} and g.user_id = ${users.id} and g.expires_at > ${now.toISOString()}::timestamptz), '{}'::uuid[])`,
      partnerOrganisationName: partnerOrganisations.name,
      active: users.active,
      organisationName: organisations.name,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      createdAt: sessions.createdAt,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.organisationId, sessions.organisationId), eq(users.id, sessions.userId)))
    .innerJoin(organisations, eq(organisations.organisationId, sessions.organisationId))
    .leftJoin(teams, and(eq(teams.organisationId, users.organisationId), eq(teams.id, users.teamId)))
    .leftJoin(partnerOrganisations, and(eq(partnerOrganisations.organisationId, users.organisationId), eq(partnerOrganisations.id, users.partnerOrganisationId)))
    // A session waiting for its second factor opens nothing: it is not found here.
    .where(and(eq(sessions.organisationId, organisationId), eq(sessions.tokenHash, tokenHash), eq(sessions.mfaPending, false), gt(sessions.expiresAt, now)))
    .limit(1);
  return rows[0] ?? null;
}

export async function touchSession(db: Db, organisationId: string, tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(and(eq(sessions.organisationId, organisationId), eq(sessions.tokenHash, tokenHash)));
}

export async function deleteSession(db: Db, organisationId: string, tokenHash: string): Promise<number> {
  const res = await db.delete(sessions).where(and(eq(sessions.organisationId, organisationId), eq(sessions.tokenHash, tokenHash))).returning({ h: sessions.tokenHash });
  return res.length;
}

export async function deleteUserSessions(db: Db, organisationId: string, userId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.organisationId, organisationId), eq(sessions.userId, userId)));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function findLoginCandidates(db: Db, email: string) {
  return db
    .select({
      organisationId: users.organisationId,
      organisationSlug: organisations.slug,
      userId: users.id,
      passwordHash: users.passwordHash,
      active: users.active,
      name: users.name,
      role: users.role,
      failedLogins: users.failedLogins,
      lockedUntil: users.lockedUntil,
      totpEnabledAt: users.totpEnabledAt,
      settings: organisations.settings,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.organisationId, users.organisationId))
    .where(eq(users.email, email));
}
