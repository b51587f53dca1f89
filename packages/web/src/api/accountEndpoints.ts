import {
  AccountStatus,
  LoginMethods,
  Me,
  SecondFactorRequired,
  SecuritySettings,
  TotpEnrolment,
  UserSecurity,
  type PasswordChange,
  type SecuritySettingsInput,
} from "@ploegwerk/domain";
import { z } from "zod";
import { request } from "./client.ts";
import { itemsOf } from "./schemas.ts";

const V1 = "/api/v1";
const enc = encodeURIComponent;

/** The answer to a password: the user (200), or which second step comes (202). */
export const LoginAnswer = z.union([Me, SecondFactorRequired]);
export type LoginAnswer = z.infer<typeof LoginAnswer>;

export const isSecondStep = (answer: LoginAnswer): answer is SecondFactorRequired => "secondFactor" in answer;

/** Typed calls for the log-in's second step, "Mijn account" and the beheerder's account security (docs/API.md). */
export const accountApi = {
  loginMethods: () => request(`${V1}/session/methods`, { schema: LoginMethods, quiet401: true }),
  // The waiting session answers 401 on everything else, so these are quiet too.
  secondFactor: (code: string) => request(`${V1}/session/two-factor`, { method: "POST", body: { code }, schema: Me, quiet401: true }),
  startLoginEnrolment: () => request(`${V1}/session/two-factor/enrolment`, { method: "POST", schema: TotpEnrolment, quiet401: true }),

  account: () => request(`${V1}/account`, { schema: AccountStatus }),
  startTwoFactor: () => request(`${V1}/account/two-factor`, { method: "POST", schema: TotpEnrolment }),
  confirmTwoFactor: (code: string) => request(`${V1}/account/two-factor`, { method: "PUT", body: { code }, schema: AccountStatus }),
  disableTwoFactor: (password: string) => request(`${V1}/account/two-factor`, { method: "DELETE", body: { password } }),
  changePassword: (body: PasswordChange) => request(`${V1}/account/password`, { method: "PUT", body }),
  logOutEverywhere: () => request(`${V1}/sessions`, { method: "DELETE" }),

  usersSecurity: () => request(`${V1}/users/security`, { schema: itemsOf(UserSecurity) }),
  resetTwoFactor: (userId: string) => request(`${V1}/users/${enc(userId)}/two-factor`, { method: "DELETE" }),
  unlockUser: (userId: string) => request(`${V1}/users/${enc(userId)}/lock`, { method: "DELETE" }),
  logOutUser: (userId: string) => request(`${V1}/users/${enc(userId)}/sessions`, { method: "DELETE" }),
  securitySettings: () => request(`${V1}/organisation/security`, { schema: SecuritySettings }),
  updateSecuritySettings: (body: SecuritySettingsInput) => request(`${V1}/organisation/security`, { method: "PUT", body, schema: SecuritySettings }),
};

/** Query keys of these calls (the shared keys.ts stays for the rest). */
export const accountKeys = {
  loginMethods: ["loginMethods"] as const,
  account: ["account"] as const,
  usersSecurity: ["users", "security"] as const,
  securitySettings: ["organisation", "security"] as const,
};
