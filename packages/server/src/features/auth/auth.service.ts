import type { Me, Role } from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { slidingExpiry, type SessionPolicy } from "./sessionPolicy.ts";
import { deleteSession, findSessionUser, touchSession } from "./sessions.queries.ts";
import { hashToken } from "./sessionToken.ts";

export const SESSION_COOKIE = "pw_session";

export interface SessionCookie {
  organisationId: string;
  token: string;
}

export function encodeCookie(c: SessionCookie): string {
  return `${c.organisationId}.${c.token}`;
}

export function decodeCookie(value: string | undefined): SessionCookie | null {
  if (!value) return null;
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(value);
  return m && m[1] && m[2] ? { organisationId: m[1], token: m[2] } : null;
}

export interface ResolvedSession {
  actor: Extract<Actor, { kind: "user" }>;
  me: Me;
}

/**
 * The actor behind a cookie, or null (also for a session still waiting for its second factor).
 * Sliding expiry within the absolute maximum, written at most once a minute.
 */
export async function resolveSession(db: Db, cookie: SessionCookie, policy: SessionPolicy): Promise<ResolvedSession | null> {
  const now = policy.now();
  const tokenHash = hashToken(cookie.token);
  const row = await findSessionUser(db, cookie.organisationId, tokenHash, now);
  if (!row || !row.active) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await touchSession(db, cookie.organisationId, tokenHash, now, slidingExpiry(policy, row.createdAt, now));
  }
  const role = row.role as Role;
  return {
    actor: {
      kind: "user",
      organisationId: cookie.organisationId,
      userId: row.userId,
      name: row.name,
      role,
      teamId: row.teamId,
      teamIds: row.teamIds,
      partnerOrganisationId: row.partnerOrganisationId,
      breakGlassFamilyIds: row.breakGlassFamilyIds,
    },
    me: {
      id: row.userId,
      organisationId: cookie.organisationId,
      organisationName: row.organisationName,
      name: row.name,
      email: row.email,
      role,
      teamId: row.teamId,
      teamName: row.teamName,
      teamIds: row.teamIds,
      partnerOrganisationId: row.partnerOrganisationId,
      partnerOrganisationName: row.partnerOrganisationName,
    },
  };
}

export async function logOut(db: Db, cookie: SessionCookie, actor: Actor | null): Promise<void> {
  await db.transaction(async (tx) => {
    const n = await deleteSession(tx, cookie.organisationId, hashToken(cookie.token));
    if (n > 0 && actor) await audit(tx, actor, { action: "session.ended", entityType: "user", entityId: actor.kind === "user" ? actor.userId : "system" });
  });
}
