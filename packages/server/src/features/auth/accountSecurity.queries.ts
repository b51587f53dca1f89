import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { organisations, sessions, users } from "../../db/schema.ts";

/** Counts one failed log-in; answers the new count and the lock that is already in place. */
export async function countFailedLogin(db: Db, organisationId: string, userId: string): Promise<number> {
  const [row] = await db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId)))
    .returning({ failedLogins: users.failedLogins });
  return row?.failedLogins ?? 0;
}

export async function lockUntil(db: Db, organisationId: string, userId: string, until: Date): Promise<void> {
  await db.update(users).set({ lockedUntil: until }).where(and(eq(users.organisationId, organisationId), eq(users.id, userId)));
}

export async function clearFailedLogins(db: Db, organisationId: string, userId: string): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(and(eq(users.organisationId, organisationId), eq(users.id, userId)));
}

/** The security columns of one user and their organisation's settings. */
export async function findUserSecurity(db: Db, organisationId: string, userId: string) {
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      passwordHash: users.passwordHash,
      passwordChangedAt: users.passwordChangedAt,
      totpSecret: users.totpSecret,
      totpEnabledAt: users.totpEnabledAt,
      totpLastStep: users.totpLastStep,
      failedLogins: users.failedLogins,
      lockedUntil: users.lockedUntil,
      oidcSubject: users.oidcSubject,
      settings: organisations.settings,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.organisationId, users.organisationId))
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId)))
    .limit(1);
  return rows[0] ?? null;
}
export type UserSecurityRow = NonNullable<Awaited<ReturnType<typeof findUserSecurity>>>;

/** The user behind a session that still waits for its second factor; null for any other session. */
export async function findPendingSession(db: Db, organisationId: string, tokenHash: string, now: Date) {
  const rows = await db
    .select({ userId: sessions.userId, createdAt: sessions.createdAt })
    .from(sessions)
    .where(and(eq(sessions.organisationId, organisationId), eq(sessions.tokenHash, tokenHash), eq(sessions.mfaPending, true), gt(sessions.expiresAt, now)))
    .limit(1);
  const session = rows[0];
  if (!session) return null;
  const user = await findUserSecurity(db, organisationId, session.userId);
  return user && user.active ? user : null;
}

/** Stores a new (not yet confirmed) TOTP secret; the one in use, if any, stays until a code confirms the new one. */
export async function storePendingTotpSecret(db: Db, organisationId: string, userId: string, sealed: string): Promise<void> {
  await db.update(users).set({ totpSecret: sealed, totpEnabledAt: null, totpLastStep: null }).where(and(eq(users.organisationId, organisationId), eq(users.id, userId)));
}

/**
 * Marks a time step as used. The condition makes two requests with the same code race safely:
 * only one of them updates the row, the other gets false (a replay).
 */
export async function useTotpStep(db: Db, organisationId: string, userId: string, step: number, enableAt: Date | null): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step, ...(enableAt ? { totpEnabledAt: enableAt } : {}) })
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length > 0;
}

export async function clearTotp(db: Db, organisationId: string, userId: string): Promise<void> {
  await db.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(and(eq(users.organisationId, organisationId), eq(users.id, userId)));
}

export async function countUserSessions(db: Db, organisationId: string, userId: string, now: Date): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(and(eq(sessions.organisationId, organisationId), eq(sessions.userId, userId), eq(sessions.mfaPending, false), gt(sessions.expiresAt, now)));
  return rows[0]?.n ?? 0;
}

/** Ends every session of a user except, when given, the one making the request. Answers how many ended. */
export async function deleteSessionsOfUser(db: Db, organisationId: string, userId: string, exceptTokenHash?: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.organisationId, organisationId), eq(sessions.userId, userId), exceptTokenHash ? sql`${sessions.tokenHash} <> ${exceptTokenHash}` : undefined))
    .returning({ h: sessions.tokenHash });
  return rows.length;
}

export async function setPassword(db: Db, organisationId: string, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: now, version: sql`${users.version} + 1`, updatedAt: now })
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId)));
}

/** Security columns of every user of an organisation, for the beheerder's list. */
export async function listUserSecurity(db: Db, organisationId: string, now: Date) {
  return db
    .select({
      userId: users.id,
      role: users.role,
      totpEnabledAt: users.totpEnabledAt,
      failedLogins: users.failedLogins,
      lockedUntil: users.lockedUntil,
      activeSessions: sql<number>`(select count(*)::int from ${sessions} s where s.organisation_id = ${users.organisationId} and s.user_id = ${users.id} and s.mfa_pending = false and s.expires_at > ${now.toISOString()}::timestamptz)`,
    })
    .from(users)
    .where(eq(users.organisationId, organisationId));
}

export async function organisationSettings(db: Db, organisationId: string): Promise<unknown> {
  const rows = await db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.organisationId, organisationId)).limit(1);
  return rows[0]?.settings ?? {};
}

/** Replaces only the security part of the settings document, so other settings (retention, …) written meanwhile stay. */
export async function writeSecuritySettings(db: Db, organisationId: string, security: Record<string, unknown>): Promise<void> {
  await db
    .update(organisations)
    .set({ settings: sql`jsonb_set(coalesce(${organisations.settings}, '{}'::jsonb), '{security}', ${JSON.stringify(security)}::jsonb, true)` })
    .where(eq(organisations.organisationId, organisationId));
}
