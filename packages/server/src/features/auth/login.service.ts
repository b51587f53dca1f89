import { DomainError, invalid, parseOrganisationSettings, type Login, type Role, type SecondFactorStep } from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import { systemActor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { clearFailedLogins, countFailedLogin, lockUntil } from "./accountSecurity.queries.ts";
import type { SessionCookie } from "./auth.service.ts";
import { isLocked, lockDurationMs } from "./lockout.ts";
import { dummyPasswordHash, verifyPassword } from "./passwords.ts";
import { openSession, type SessionPolicy } from "./sessionPolicy.ts";
import { findLoginCandidates } from "./sessions.queries.ts";

/**
 * One answer for an unknown address, a wrong password, an inactive account and a locked one, so
 * the answer never tells whether an address has an account or how it fares. It names the lock as
 * a possibility, so someone who typed the right password during a lock knows to wait.
 */
export const WRONG_LOGIN = new DomainError("unauthenticated", {
  nl: "Het e-mailadres of wachtwoord klopt niet. Of u heeft te vaak een verkeerd wachtwoord ingevuld: probeer het dan over een paar minuten opnieuw.",
  en: "The e-mail address or password is not correct. Or there were too many wrong attempts: then try again in a few minutes.",
});

export type LoginOutcome =
  | { kind: "session"; cookie: SessionCookie; expiresAt: Date }
  | { kind: "second_factor"; step: SecondFactorStep; cookie: SessionCookie; expiresAt: Date };

/** Which second step a user needs: a code when they set up an app, set-up when their role requires it, else none. */
export function secondFactorStep(user: { role: string; totpEnabledAt: Date | null; settings: unknown }): SecondFactorStep | null {
  if (user.totpEnabledAt) return "totp";
  const required = parseOrganisationSettings(user.settings).security.mfaRequiredRoles.includes(user.role as Role);
  return required ? "enrolment" : null;
}

/**
 * Counts a failed attempt and locks the account when the count reaches the threshold; audits both.
 * Answers true when the account is now locked.
 */
export async function registerFailure(tx: Db, policy: SessionPolicy, user: { organisationId: string; userId: string }, reason: string): Promise<boolean> {
  const now = policy.now();
  const failures = await countFailedLogin(tx, user.organisationId, user.userId);
  const actor = systemActor(user.organisationId, "login");
  await audit(tx, actor, { action: "session.failed", entityType: "user", entityId: user.userId, details: { reason, failedLogins: failures } });
  const ms = lockDurationMs(failures);
  if (ms === 0) return false;
  const until = new Date(now.getTime() + ms);
  await lockUntil(tx, user.organisationId, user.userId, until);
  await audit(tx, actor, { action: "session.locked", entityType: "user", entityId: user.userId, details: { failedLogins: failures, lockedUntil: until.toISOString(), minutes: ms / 60_000 } });
  return true;
}

/**
 * Checks the password and opens a session, or a session that waits for the second factor.
 * Every account under the address gets a password check of the same cost (a locked one against a
 * dummy hash), so neither the answer nor its timing tells who has an account or who is locked.
 */
export async function logIn(db: Db, opts: { input: Login; policy: SessionPolicy; userAgent?: string | undefined }): Promise<LoginOutcome> {
  const { input, policy } = opts;
  const now = policy.now();
  const candidates = (await findLoginCandidates(db, input.email)).filter((c) => !input.organisation || c.organisationSlug === input.organisation);
  const checked: { c: (typeof candidates)[number]; result: "match" | "wrong" | "locked" }[] = [];
  for (const c of candidates) {
    if (isLocked(c.lockedUntil, now)) {
      // A guess during a lock is not checked: no oracle for the right password while locked.
      await verifyPassword(await dummyPasswordHash(), input.password);
      checked.push({ c, result: "locked" });
    } else {
      checked.push({ c, result: (await verifyPassword(c.passwordHash, input.password)) ? "match" : "wrong" });
    }
  }
  if (candidates.length === 0) await verifyPassword(await dummyPasswordHash(), input.password);
  // Which organisations an address belongs to is only told to someone who knows the password.
  const active = checked.filter((x) => x.result === "match" && x.c.active).map((x) => x.c);
  if (active.length > 1) {
    throw invalid(
      { nl: "Dit e-mailadres hoort bij meer organisaties. Kies de organisatie.", en: "This e-mail address belongs to several organisations. Choose the organisation." },
      [{ name: "organisation", reason: `one of: ${active.map((c) => c.organisationSlug).join(", ")}` }],
      "organisation_required",
    );
  }
  const user = active[0];
  if (!user) {
    // Only a failed attempt counts against the accounts it tried: a colleague's log-in to the
    // account whose password matched does not lock their other account under the same address.
    await db.transaction(async (tx) => {
      for (const { c, result } of checked) {
        if (result === "wrong") await registerFailure(tx, policy, c, "wrong_password");
        else await audit(tx, systemActor(c.organisationId, "login"), { action: "session.failed", entityType: "user", entityId: c.userId, details: { reason: result === "locked" ? "locked" : "inactive" } });
      }
    });
    throw WRONG_LOGIN;
  }
  const step = secondFactorStep(user);
  return db.transaction(async (tx) => {
    const actor = systemActor(user.organisationId, "login");
    const opened = await openSession(tx, policy, { organisationId: user.organisationId, userId: user.userId, pending: step !== null, userAgent: opts.userAgent });
    if (step) {
      // The failure count stays until the second factor is passed too: guessing codes counts as well.
      await audit(tx, actor, { action: "session.second_factor_requested", entityType: "user", entityId: user.userId, details: { step } });
      return { kind: "second_factor", step, ...opened };
    }
    if (user.failedLogins > 0 || user.lockedUntil) await clearFailedLogins(tx, user.organisationId, user.userId);
    await audit(tx, actor, { action: "session.created", entityType: "user", entityId: user.userId, details: { method: "password" } });
    return { kind: "session", ...opened };
  });
}
