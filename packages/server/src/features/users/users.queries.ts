import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { teams, users } from "../../db/schema.ts";

export const userColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  teamId: users.teamId,
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
