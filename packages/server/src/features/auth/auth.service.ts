import { createHash, randomBytes } from "node:crypto";
import { DomainError, invalid, type Login, type Me, type Role } from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { dummyPasswordHash, verifyPassword } from "./passwords.ts";
import { deleteSession, findLoginCandidates, findSessionUser, insertSession, touchSession } from "./sessions.queries.ts";

export const SESSION_COOKIE = "pw_session";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const WRONG_LOGIN = new DomainError("unauthenticated", {
  nl: "Het e-mailadres of wachtwoord klopt niet.",
  en: "The e-mail address or password is not correct.",
});

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

/**
 * Checks the password and opens a session. The same message for an unknown e-mail and a wrong
 * password, and a password check in both cases, so the answer does not reveal who has an account.
 */
export async function logIn(db: Db, opts: { input: Login; sessionHours: number; userAgent?: string | undefined }): Promise<{ cookie: SessionCookie; expiresAt: Date }> {
  const candidates = (await findLoginCandidates(db, opts.input.email)).filter(
    (c) => !opts.input.organisation || c.organisationSlug === opts.input.organisation,
  );
  // Check the password for every account first: which organisations an address belongs to is
  // only told to someone who knows the password.
  const matching = [];
  for (const c of candidates) if (await verifyPassword(c.passwordHash, opts.input.password)) matching.push(c);
  if (candidates.length === 0) await verifyPassword(await dummyPasswordHash(), opts.input.password);
  const active = matching.filter((c) => c.active);
  if (active.length > 1) {
    throw invalid(
      { nl: "Dit e-mailadres hoort bij meer organisaties. Kies de organisatie.", en: "This e-mail address belongs to several organisations. Choose the organisation." },
      [{ name: "organisation", reason: `one of: ${active.map((c) => c.organisationSlug).join(", ")}` }],
      "organisation_required",
    );
  }
  const user = active[0];
  if (!user) {
    for (const c of candidates) {
      const ok = matching.includes(c);
      await audit(db, { kind: "system", organisationId: c.organisationId, label: "login" }, {
        action: "session.failed",
        entityType: "user",
        entityId: c.userId,
        details: { reason: ok ? "inactive" : "wrong_password" },
      });
    }
    throw WRONG_LOGIN;
  }
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + opts.sessionHours * 3_600_000);
  await db.transaction(async (tx) => {
    await insertSession(tx, { organisationId: user.organisationId, tokenHash: hashToken(token), userId: user.userId, expiresAt, userAgent: opts.userAgent?.slice(0, 300) ?? null });
    await audit(tx, { kind: "system", organisationId: user.organisationId, label: "login" }, { action: "session.created", entityType: "user", entityId: user.userId });
  });
  return { cookie: { organisationId: user.organisationId, token }, expiresAt };
}

export interface ResolvedSession {
  actor: Extract<Actor, { kind: "user" }>;
  me: Me;
}

/** The actor behind a cookie, or null. Sliding expiry, written at most once a minute. */
export async function resolveSession(db: Db, cookie: SessionCookie, sessionHours: number): Promise<ResolvedSession | null> {
  const now = new Date();
  const tokenHash = hashToken(cookie.token);
  const row = await findSessionUser(db, cookie.organisationId, tokenHash, now);
  if (!row || !row.active) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await touchSession(db, cookie.organisationId, tokenHash, now, new Date(now.getTime() + sessionHours * 3_600_000));
  }
  const role = row.role as Role;
  return {
    actor: { kind: "user", organisationId: cookie.organisationId, userId: row.userId, name: row.name, role, teamId: row.teamId },
    me: {
      id: row.userId,
      organisationId: cookie.organisationId,
      organisationName: row.organisationName,
      name: row.name,
      email: row.email,
      role,
      teamId: row.teamId,
      teamName: row.teamName,
    },
  };
}

export async function logOut(db: Db, cookie: SessionCookie, actor: Actor | null): Promise<void> {
  await db.transaction(async (tx) => {
    const n = await deleteSession(tx, cookie.organisationId, hashToken(cookie.token));
    if (n > 0 && actor) await audit(tx, actor, { action: "session.ended", entityType: "user", entityId: actor.kind === "user" ? actor.userId : "system" });
  });
}
