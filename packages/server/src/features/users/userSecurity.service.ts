import { notFound, parseOrganisationSettings, type Role, type SecuritySettings, type SecuritySettingsInput, type UserSecurity } from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { clearFailedLogins, clearTotp, deleteSessionsOfUser, findUserSecurity, listUserSecurity, organisationSettings, writeSecuritySettings } from "../auth/accountSecurity.queries.ts";
import { isLocked } from "../auth/lockout.ts";

/**
 * What a beheerder does with other accounts' security: see two-factor and lock status, reset a
 * lost second factor, lift a lock, end all sessions; and set which roles must use two-factor.
 * "users.manage" is the beheerder's permission over accounts and their settings.
 */

async function existingUser(db: Db, actor: Actor, userId: string) {
  const user = await findUserSecurity(db, actor.organisationId, userId);
  if (!user) throw notFound({ nl: "Gebruiker", en: "User" });
  return user;
}

export async function listAccountSecurity(db: Db, opts: { actor: Actor; now: Date }): Promise<UserSecurity[]> {
  authorize(opts.actor, "users.manage");
  const required = parseOrganisationSettings(await organisationSettings(db, opts.actor.organisationId)).security.mfaRequiredRoles;
  return (await listUserSecurity(db, opts.actor.organisationId, opts.now)).map((r) => ({
    userId: r.userId,
    twoFactorEnabled: r.totpEnabledAt !== null,
    twoFactorRequired: required.includes(r.role as Role),
    failedLogins: r.failedLogins,
    lockedUntil: isLocked(r.lockedUntil, opts.now) && r.lockedUntil ? r.lockedUntil.toISOString() : null,
    activeSessions: r.activeSessions,
  }));
}

/** For a lost phone: the user sets up a new app at the next log-in (when required) and their sessions end. */
export async function resetTwoFactor(db: Db, opts: { actor: Actor; userId: string }): Promise<void> {
  authorize(opts.actor, "users.manage");
  await existingUser(db, opts.actor, opts.userId);
  await db.transaction(async (tx) => {
    await clearTotp(tx, opts.actor.organisationId, opts.userId);
    const ended = await deleteSessionsOfUser(tx, opts.actor.organisationId, opts.userId);
    await audit(tx, opts.actor, { action: "user.two_factor_reset", entityType: "user", entityId: opts.userId, details: { endedSessions: ended } });
  });
}

export async function unlockAccount(db: Db, opts: { actor: Actor; userId: string }): Promise<void> {
  authorize(opts.actor, "users.manage");
  const user = await existingUser(db, opts.actor, opts.userId);
  await db.transaction(async (tx) => {
    await clearFailedLogins(tx, opts.actor.organisationId, opts.userId);
    await audit(tx, opts.actor, { action: "user.unlocked", entityType: "user", entityId: opts.userId, details: { failedLogins: user.failedLogins, lockedUntil: user.lockedUntil?.toISOString() ?? null } });
  });
}

export async function revokeUserSessions(db: Db, opts: { actor: Actor; userId: string }): Promise<void> {
  authorize(opts.actor, "users.manage");
  await existingUser(db, opts.actor, opts.userId);
  await db.transaction(async (tx) => {
    const ended = await deleteSessionsOfUser(tx, opts.actor.organisationId, opts.userId);
    await audit(tx, opts.actor, { action: "sessions.revoked", entityType: "user", entityId: opts.userId, details: { by: "beheerder", ended } });
  });
}

export async function securitySettings(db: Db, opts: { actor: Actor }): Promise<SecuritySettings> {
  authorize(opts.actor, "users.manage");
  return parseOrganisationSettings(await organisationSettings(db, opts.actor.organisationId)).security;
}

/** Takes effect at each user's next log-in; sessions already open stay open. */
export async function updateSecuritySettings(db: Db, opts: { actor: Actor; input: SecuritySettingsInput }): Promise<SecuritySettings> {
  authorize(opts.actor, "users.manage");
  const before = await securitySettings(db, opts);
  const after: SecuritySettings = { ...before, mfaRequiredRoles: opts.input.mfaRequiredRoles };
  await db.transaction(async (tx) => {
    await writeSecuritySettings(tx, opts.actor.organisationId, after);
    await audit(tx, opts.actor, {
      action: "organisation.security_updated",
      entityType: "organisation",
      entityId: opts.actor.organisationId,
      details: { mfaRequiredRoles: { from: before.mfaRequiredRoles, to: after.mfaRequiredRoles } },
    });
  });
  return after;
}
