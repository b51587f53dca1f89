import { conflict, invalid, notFound, parseOrganisationSettings, type AccountStatus, type PasswordChange, type Role, type TotpEnrolment } from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import { clearTotp, countUserSessions, deleteSessionsOfUser, findUserSecurity, setPassword } from "./accountSecurity.queries.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { assertPasswordAllowed } from "./passwordPolicy.ts";
import { checkCode, ENROLMENT_NOT_STARTED, startEnrolment, wrongCode, type TwoFactorDeps } from "./twoFactor.ts";

/** "Mijn account": the logged-in user's own two-factor set-up, password and sessions. */

type UserActor = Extract<Actor, { kind: "user" }>;

function userOnly(actor: Actor): UserActor {
  if (actor.kind !== "user") throw new Error("account actions need a logged-in user");
  return actor;
}

async function me(deps: TwoFactorDeps, actor: UserActor) {
  const user = await findUserSecurity(deps.db, actor.organisationId, actor.userId);
  if (!user) throw notFound({ nl: "Gebruiker", en: "User" });
  return { ...user, organisationId: actor.organisationId };
}

const required = (user: { role: string; settings: unknown }) => parseOrganisationSettings(user.settings).security.mfaRequiredRoles.includes(user.role as Role);

export async function accountStatus(deps: TwoFactorDeps, actorIn: Actor): Promise<AccountStatus> {
  const actor = userOnly(actorIn);
  const user = await me(deps, actor);
  return {
    twoFactorEnabled: user.totpEnabledAt !== null,
    twoFactorRequired: required(user),
    passwordChangedAt: user.passwordChangedAt?.toISOString() ?? null,
    activeSessions: await countUserSessions(deps.db, actor.organisationId, actor.userId, deps.policy.now()),
    oidcLinked: user.oidcSubject !== null,
  };
}

const ALREADY_ON = () =>
  conflict({ nl: "Tweestapsverificatie staat al aan. Zet het eerst uit om een nieuwe app in te stellen.", en: "Two-factor authentication is already on. Turn it off first to set up a new app." }, "two_factor_enabled");

export async function startAccountEnrolment(deps: TwoFactorDeps, actorIn: Actor): Promise<TotpEnrolment> {
  const actor = userOnly(actorIn);
  const user = await me(deps, actor);
  if (user.totpEnabledAt) throw ALREADY_ON();
  return startEnrolment(deps, user);
}

export async function confirmAccountEnrolment(deps: TwoFactorDeps, actorIn: Actor, code: string): Promise<AccountStatus> {
  const actor = userOnly(actorIn);
  const user = await me(deps, actor);
  if (user.totpEnabledAt) throw ALREADY_ON();
  if (!user.totpSecret) throw ENROLMENT_NOT_STARTED;
  const check = await checkCode(deps, user, code, true);
  if (check !== "ok") throw wrongCode(check);
  await audit(deps.db, actor, { action: "user.two_factor_enabled", entityType: "user", entityId: actor.userId, details: { during: "account" } });
  return accountStatus(deps, actor);
}

const WRONG_PASSWORD = (field: string) =>
  invalid({ nl: "Het wachtwoord klopt niet.", en: "The password is not correct." }, [{ name: field, reason: "wrong password" }], "wrong_password");

/** Turning two-factor off asks for the password again: an unattended, logged-in screen is not enough. */
export async function disableTwoFactor(deps: TwoFactorDeps, actorIn: Actor, password: string): Promise<void> {
  const actor = userOnly(actorIn);
  const user = await me(deps, actor);
  if (required(user)) {
    throw conflict({ nl: "Uw organisatie verplicht tweestapsverificatie voor uw rol. U kunt het niet uitzetten.", en: "Your organisation requires two-factor authentication for your role. You cannot turn it off." }, "two_factor_required");
  }
  if (!(await verifyPassword(user.passwordHash, password))) throw WRONG_PASSWORD("password");
  await deps.db.transaction(async (tx) => {
    await clearTotp(tx, actor.organisationId, actor.userId);
    await audit(tx, actor, { action: "user.two_factor_disabled", entityType: "user", entityId: actor.userId, details: { by: "self" } });
  });
}

/** A new password of one's own: the current one is asked, and every other session ends. */
export async function changeOwnPassword(deps: TwoFactorDeps, actorIn: Actor, input: PasswordChange, currentTokenHash: string): Promise<void> {
  const actor = userOnly(actorIn);
  const user = await me(deps, actor);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw WRONG_PASSWORD("currentPassword");
  if (input.newPassword === input.currentPassword) {
    throw invalid({ nl: "Kies een ander wachtwoord dan het huidige.", en: "Choose a password other than the current one." }, [{ name: "newPassword", reason: "same as the current password" }], "password_unchanged");
  }
  assertPasswordAllowed(input.newPassword, user, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await setPassword(tx, actor.organisationId, actor.userId, passwordHash, deps.policy.now());
    const ended = await deleteSessionsOfUser(tx, actor.organisationId, actor.userId, currentTokenHash);
    await audit(tx, actor, { action: "user.password_changed", entityType: "user", entityId: actor.userId, details: { by: "self", endedSessions: ended } });
  });
}

/** "Overal uitloggen": every session of this user ends, this one too. */
export async function logOutEverywhere(deps: TwoFactorDeps, actorIn: Actor): Promise<number> {
  const actor = userOnly(actorIn);
  return deps.db.transaction(async (tx) => {
    const ended = await deleteSessionsOfUser(tx, actor.organisationId, actor.userId);
    await audit(tx, actor, { action: "sessions.revoked", entityType: "user", entityId: actor.userId, details: { by: "self", ended } });
    return ended;
  });
}
