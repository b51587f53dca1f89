import { z } from "zod";
import { Id } from "../contracts/common.ts";
import { Role } from "../contracts/auth.ts";
import { CONSENT_CATEGORIES, LEGAL_BASES } from "./consent.ts";
import { PARTNER_KINDS } from "./partners.ts";

/**
 * "Wie kan wat zien, en waarom": the family file's own answer, in plain language on the page.
 * The team that works with the family sees the file for its task; chain partners see what active
 * consent names; a team lead who broke the glass sees it for the time of the grant.
 */
export const SharingOverview = z.object({
  team: z.object({
    name: z.string(),
    people: z.array(z.object({ name: z.string(), role: Role })),
  }),
  partners: z.array(
    z.object({
      partnerId: Id,
      name: z.string(),
      kind: z.enum(PARTNER_KINDS),
      categories: z.array(z.enum(CONSENT_CATEGORIES)),
      purposes: z.array(z.string()),
      legalBases: z.array(z.enum(LEGAL_BASES)),
      /** The last day of the longest-running active consent; null = until withdrawn. */
      until: z.string().nullable(),
      /** People of this organisation with an account (they see it in Ploegwerk). */
      accounts: z.number().int(),
    }),
  ),
  breakGlass: z.array(z.object({ userName: z.string(), reason: z.string(), grantedAt: z.string(), expiresAt: z.string() })),
});
export type SharingOverview = z.infer<typeof SharingOverview>;
