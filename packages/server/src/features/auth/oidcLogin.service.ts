import { and, eq, isNull } from "drizzle-orm";
import { audit } from "../../audit/audit.ts";
import { systemActor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { users } from "../../db/schema.ts";
import { findOrganisationBySlug } from "../organisations/organisations.service.ts";
import { clearFailedLogins, findUserSecurity } from "./accountSecurity.queries.ts";
import { isLocked } from "./lockout.ts";
import { secondFactorStep, type LoginOutcome } from "./login.service.ts";
import type { OidcClaims } from "./oidcClient.ts";
import { openSession, type SessionPolicy } from "./sessionPolicy.ts";

async function userIdBySubject(db: Db, organisationId: string, subject: string): Promise<string | null> {
  const rows = await db.select({ id: users.id }).from(users).where(and(eq(users.organisationId, organisationId), eq(users.oidcSubject, subject))).limit(1);
  return rows[0]?.id ?? null;
}

/** A user not yet linked to any subject, by address: the first log-in through the provider links them. */
async function unlinkedUserIdByEmail(db: Db, organisationId: string, email: string): Promise<string | null> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.email, email), isNull(users.oidcSubject)))
    .limit(1);
  return rows[0]?.id ?? null;
}

/**
 * Who the provider's user is here: the account linked to the subject, or else the unlinked account
 * with the provider's verified address (which is then linked). Nobody is created: a beheerder makes
 * accounts and gives roles, so a provider's user never gets a dossier role by logging in.
 * Null when there is no such active, unlocked account.
 */
export async function oidcLogIn(db: Db, opts: { policy: SessionPolicy; organisationSlug: string; claims: OidcClaims; userAgent?: string | undefined }): Promise<LoginOutcome | null> {
  const { claims, policy } = opts;
  const org = await findOrganisationBySlug(db, opts.organisationSlug);
  if (!org) return null;
  const actor = systemActor(org.organisationId, "oidc");
  let userId = await userIdBySubject(db, org.organisationId, claims.subject);
  const linking = !userId && claims.email !== null && claims.emailVerified;
  if (!userId && linking && claims.email) userId = await unlinkedUserIdByEmail(db, org.organisationId, claims.email);
  const user = userId ? await findUserSecurity(db, org.organisationId, userId) : null;
  if (!user || !user.active || isLocked(user.lockedUntil, policy.now())) {
    await audit(db, actor, {
      action: "session.failed",
      entityType: user ? "user" : "organisation",
      entityId: user?.userId ?? org.organisationId,
      details: { method: "oidc", reason: !user ? "no_matching_account" : !user.active ? "inactive" : "locked", emailVerified: claims.emailVerified },
    });
    return null;
  }
  // A provider that used more than one factor (amr "mfa") counts as the second factor.
  const step = claims.multiFactor ? null : secondFactorStep(user);
  return db.transaction(async (tx) => {
    if (linking) {
      await tx.update(users).set({ oidcSubject: claims.subject }).where(and(eq(users.organisationId, org.organisationId), eq(users.id, user.userId)));
      await audit(tx, actor, { action: "user.oidc_linked", entityType: "user", entityId: user.userId, details: { issuerSubject: claims.subject } });
    }
    const opened = await openSession(tx, policy, { organisationId: org.organisationId, userId: user.userId, pending: step !== null, userAgent: opts.userAgent });
    if (step) {
      await audit(tx, actor, { action: "session.second_factor_requested", entityType: "user", entityId: user.userId, details: { step, method: "oidc" } });
      return { kind: "second_factor", step, ...opened };
    }
    await clearFailedLogins(tx, org.organisationId, user.userId);
    await audit(tx, actor, { action: "session.created", entityType: "user", entityId: user.userId, details: { method: "oidc", providerMfa: claims.multiFactor } });
    return { kind: "session", ...opened };
  });
}
