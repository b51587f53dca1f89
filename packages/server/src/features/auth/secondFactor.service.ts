import { DomainError, type TotpEnrolment } from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import { systemActor } from "../../authz/actor.ts";
import { clearFailedLogins, findPendingSession } from "./accountSecurity.queries.ts";
import type { SessionCookie } from "./auth.service.ts";
import { isLocked } from "./lockout.ts";
import { registerFailure, secondFactorStep } from "./login.service.ts";
import { openSession } from "./sessionPolicy.ts";
import { deleteSession } from "./sessions.queries.ts";
import { hashToken } from "./sessionToken.ts";
import { checkCode, ENROLMENT_NOT_STARTED, startEnrolment, wrongCode, type TwoFactorDeps } from "./twoFactor.ts";

/**
 * The second log-in step, reached only with a session that waits for it (the password was
 * right). Such a session opens nothing else; the correct code replaces it by a new, full session.
 */

const NOT_PENDING = new DomainError("unauthenticated", { nl: "U bent niet (meer) ingelogd. Log opnieuw in.", en: "You are not logged in (any more). Please log in again." });

const LOCKED = new DomainError(
  "unauthenticated",
  { nl: "Te vaak een verkeerde code. Uw account is een tijdje geblokkeerd. Probeer het later opnieuw.", en: "Too many wrong codes. Your account is locked for a while. Please try again later." },
  { reason: "locked" },
);

async function pendingUser(deps: TwoFactorDeps, cookie: SessionCookie) {
  const user = await findPendingSession(deps.db, cookie.organisationId, hashToken(cookie.token), deps.policy.now());
  if (!user) throw NOT_PENDING;
  return { ...user, organisationId: cookie.organisationId };
}

/** Throws 401 (and ends the pending session) when the account got locked meanwhile. */
async function refuseWhenLocked(deps: TwoFactorDeps, cookie: SessionCookie, lockedUntil: Date | null) {
  if (!isLocked(lockedUntil, deps.policy.now())) return;
  await deleteSession(deps.db, cookie.organisationId, hashToken(cookie.token));
  throw LOCKED;
}

/** Set-up during log-in, for a user whose role requires two-factor and who has none yet. */
export async function startLoginEnrolment(deps: TwoFactorDeps, cookie: SessionCookie): Promise<TotpEnrolment> {
  const user = await pendingUser(deps, cookie);
  await refuseWhenLocked(deps, cookie, user.lockedUntil);
  if (secondFactorStep(user) !== "enrolment") {
    throw new DomainError("conflict", { nl: "Tweestapsverificatie is al ingesteld. Vul de code uit de app in.", en: "Two-factor authentication is already set up. Enter the code from the app." }, { reason: "two_factor_enabled" });
  }
  return startEnrolment(deps, user);
}

/** Checks the code; a wrong one counts towards the lock-out like a wrong password. */
export async function completeSecondFactor(deps: TwoFactorDeps, cookie: SessionCookie, code: string, userAgent?: string): Promise<{ cookie: SessionCookie; expiresAt: Date }> {
  const user = await pendingUser(deps, cookie);
  await refuseWhenLocked(deps, cookie, user.lockedUntil);
  const step = secondFactorStep(user);
  if (step === "enrolment" && !user.totpSecret) throw ENROLMENT_NOT_STARTED;
  const check = await checkCode(deps, user, code, step === "enrolment");
  if (check !== "ok") {
    const locked = await deps.db.transaction(async (tx) => {
      const nowLocked = await registerFailure(tx, deps.policy, user, check === "replayed" ? "code_reused" : "wrong_code");
      if (nowLocked) await deleteSession(tx, cookie.organisationId, hashToken(cookie.token));
      return nowLocked;
    });
    throw locked ? LOCKED : wrongCode(check);
  }
  return deps.db.transaction(async (tx) => {
    const actor = systemActor(user.organisationId, "login");
    // A new token for the full session: whoever saw the pending cookie does not get the session.
    await deleteSession(tx, cookie.organisationId, hashToken(cookie.token));
    const opened = await openSession(tx, deps.policy, { organisationId: user.organisationId, userId: user.userId, pending: false, userAgent });
    await clearFailedLogins(tx, user.organisationId, user.userId);
    if (step === "enrolment") await audit(tx, actor, { action: "user.two_factor_enabled", entityType: "user", entityId: user.userId, details: { during: "login" } });
    await audit(tx, actor, { action: "session.created", entityType: "user", entityId: user.userId, details: { method: "password", secondFactor: "totp" } });
    return opened;
  });
}
