import { z } from "zod";
import { DOSSIER_ROLES, Role } from "../contracts/auth.ts";
import { CostSettings, DEFAULT_HOURLY_RATES } from "../costs/costContract.ts";
import { RetentionSettings } from "./retentionPolicy.ts";

/**
 * Settings an organisation's beheerder can change, stored as one jsonb document per organisation
 * and parsed with this schema on the way in and out, so a missing key takes its default.
 */
export const SecuritySettings = z.object({
  /** Roles that must log in with a second factor (TOTP). */
  mfaRequiredRoles: z.array(Role).default([...DOSSIER_ROLES]),
});
export type SecuritySettings = z.infer<typeof SecuritySettings>;

export const OrganisationSettings = z.object({
  security: SecuritySettings.default({ mfaRequiredRoles: [...DOSSIER_ROLES] }),
  /** Bewaartermijnen per record type (retentionPolicy.ts); `ploegwerk retention run` applies them. */
  retention: RetentionSettings.default(RetentionSettings.parse({})),
  /** Hourly rates per role that hours are valued at (costs/costContract.ts). */
  costs: CostSettings.default({ hourlyRateCents: DEFAULT_HOURLY_RATES }),
});
export type OrganisationSettings = z.infer<typeof OrganisationSettings>;

/** Reads stored settings leniently: unknown keys are dropped, invalid values fall back to defaults. */
export function parseOrganisationSettings(stored: unknown): OrganisationSettings {
  const parsed = OrganisationSettings.safeParse(stored ?? {});
  return parsed.success ? parsed.data : OrganisationSettings.parse({});
}
