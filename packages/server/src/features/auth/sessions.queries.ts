import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { organisations, sessions, teams, users } from "../../db/schema.ts";

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
      active: users.active,
      organisationName: organisations.name,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.organisationId, sessions.organisationId), eq(users.id, sessions.userId)))
    .innerJoin(organisations, eq(organisations.organisationId, sessions.organisationId))
    .leftJoin(teams, and(eq(teams.organisationId, users.organisationId), eq(teams.id, users.teamId)))
    .where(and(eq(sessions.organisationId, organisationId), eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
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
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.organisationId, users.organisationId))
    .where(eq(users.email, email));
}
