import { z } from "zod";
import { Password, Role } from "./auth.ts";
import { Id } from "./common.ts";

/**
 * Accounts (issue order 3): the second log-in step, two-factor set-up, the own password and
 * sessions, and what a beheerder sees and resets of other accounts.
 */

/** A six-digit code from an authenticator app (RFC 6238); spaces are allowed, as apps show "123 456". */
export const TotpCode = z
  .string()
  .transform((s) => s.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "enter the 6 digits from the authenticator app"));

export const SecondFactorCode = z.object({ code: TotpCode });
export type SecondFactorCode = z.infer<typeof SecondFactorCode>;

/**
 * The answer to a correct password when a second step is needed (HTTP 202): "totp" asks for a
 * code, "enrolment" first sets up an authenticator app because the organisation requires it.
 */
export const SecondFactorStep = z.enum(["totp", "enrolment"]);
export type SecondFactorStep = z.infer<typeof SecondFactorStep>;
export const SecondFactorRequired = z.object({ secondFactor: SecondFactorStep });
export type SecondFactorRequired = z.infer<typeof SecondFactorRequired>;

/** A new secret to add to an authenticator app: as a QR code (SVG data URI) and as text. */
export const TotpEnrolment = z.object({
  /** Base32, the form apps accept when typed in. */
  secret: z.string(),
  otpauthUri: z.string(),
  qrCodeSvg: z.string(),
});
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const AccountStatus = z.object({
  twoFactorEnabled: z.boolean(),
  /** The organisation requires two-factor log-in for this user's role. */
  twoFactorRequired: z.boolean(),
  passwordChangedAt: z.string().nullable(),
  /** Open sessions of this user, this one included. */
  activeSessions: z.number().int(),
  /** Logs in through the organisation's own identity provider (OpenID Connect). */
  oidcLinked: z.boolean(),
});
export type AccountStatus = z.infer<typeof AccountStatus>;

export const PasswordChange = z.object({
  currentPassword: z.string().min(1, "enter your current password").max(1024),
  newPassword: Password,
});
export type PasswordChange = z.infer<typeof PasswordChange>;

export const PasswordConfirmation = z.object({ password: z.string().min(1, "enter your password").max(1024) });
export type PasswordConfirmation = z.infer<typeof PasswordConfirmation>;

/** What a beheerder sees of each account's security. */
export const UserSecurity = z.object({
  userId: Id,
  twoFactorEnabled: z.boolean(),
  twoFactorRequired: z.boolean(),
  failedLogins: z.number().int(),
  /** Set while the account is locked after failed log-ins. */
  lockedUntil: z.string().nullable(),
  activeSessions: z.number().int(),
});
export type UserSecurity = z.infer<typeof UserSecurity>;

/** The organisation's security settings as the beheerder edits them. */
export const SecuritySettingsInput = z.object({
  mfaRequiredRoles: z
    .array(Role)
    .max(20)
    .transform((roles) => [...new Set(roles)]),
});
export type SecuritySettingsInput = z.infer<typeof SecuritySettingsInput>;

/** How one can log in here; the log-in page shows a button for the organisation's own provider when configured. */
export const LoginMethods = z.object({
  oidc: z.object({ label: z.string(), url: z.string() }).nullable(),
});
export type LoginMethods = z.infer<typeof LoginMethods>;
