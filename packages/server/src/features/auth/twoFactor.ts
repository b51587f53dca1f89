import { conflict, DomainError, invalid, type TotpEnrolment } from "@ploegwerk/domain";
import type { Db } from "../../db/database.ts";
import { storePendingTotpSecret, useTotpStep, type UserSecurityRow } from "./accountSecurity.queries.ts";
import { qrCodeSvgDataUri } from "./qrCode.ts";
import type { SecretBox } from "./secretBox.ts";
import type { SessionPolicy } from "./sessionPolicy.ts";
import { base32Encode, generateTotpSecret, otpauthUri, verifyTotp } from "./totp.ts";

/** What the two-factor use cases need from the app: the database, the clock and the key. */
export interface TwoFactorDeps {
  db: Db;
  policy: SessionPolicy;
  secrets: SecretBox;
}

/** The sealed secret belongs to one user of one organisation; sealed for another, it does not open. */
const secretContext = (organisationId: string, userId: string) => `totp:${organisationId}:${userId}`;

/** The name authenticator apps show above the code. */
const ISSUER = "Ploegwerk";

/** A new secret, stored sealed and not yet in use; the first correct code switches it on. */
export async function startEnrolment(deps: TwoFactorDeps, user: { organisationId: string; userId: string; email: string }): Promise<TotpEnrolment> {
  const secret = generateTotpSecret();
  await storePendingTotpSecret(deps.db, user.organisationId, user.userId, deps.secrets.seal(secret, secretContext(user.organisationId, user.userId)));
  const uri = otpauthUri(secret, { issuer: ISSUER, account: user.email });
  return { secret: base32Encode(secret), otpauthUri: uri, qrCodeSvg: qrCodeSvgDataUri(uri) };
}

export type CodeCheck = "ok" | "wrong" | "replayed";

/**
 * Checks a code against the user's secret (in use, or waiting for confirmation when `enable`)
 * and uses up its time step; `enable` switches two-factor on with the first correct code.
 */
export async function checkCode(deps: TwoFactorDeps, user: UserSecurityRow & { organisationId: string }, code: string, enable: boolean): Promise<CodeCheck> {
  if (!user.totpSecret) return "wrong";
  const secret = deps.secrets.open(user.totpSecret, secretContext(user.organisationId, user.userId));
  if (!secret) {
    // Sealed under another key (PLOEGWERK_SECRET_KEY changed, or the key file was replaced).
    throw new Error(`the two-factor secret of user ${user.userId} cannot be opened with this server's key`);
  }
  const now = deps.policy.now();
  const result = verifyTotp(secret, code, now, user.totpLastStep);
  if (result.step === null) return result.replayed ? "replayed" : "wrong";
  return (await useTotpStep(deps.db, user.organisationId, user.userId, result.step, enable ? now : null)) ? "ok" : "replayed";
}

export function wrongCode(check: Exclude<CodeCheck, "ok">): DomainError {
  return invalid(
    check === "replayed"
      ? { nl: "Deze code is al gebruikt. Wacht tot de app een nieuwe code laat zien en typ die in.", en: "This code has already been used. Wait for the app to show a new code and enter that one." }
      : { nl: "De code klopt niet of is verlopen. Typ de code die de app nu laat zien.", en: "The code is not correct or has expired. Enter the code the app shows now." },
    [{ name: "code", reason: check === "replayed" ? "code already used" : "wrong or expired code" }],
    check === "replayed" ? "code_reused" : "wrong_code",
  );
}

export const ENROLMENT_NOT_STARTED = conflict(
  { nl: "Begin eerst met het instellen van de app.", en: "Start setting up the app first." },
  "enrolment_not_started",
);
