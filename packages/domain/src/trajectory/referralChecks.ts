import type { LocalizedText } from "../i18n.ts";

/**
 * The checks the team runs on an aanmelding before go/no-go (BRIEF §2.1): child safety; known at
 * police, sociale dienst and jeugdzorg (a BJZ case manager must know); housing corporation (rent
 * arrears are a lever). A go needs every check recorded; a no-go does not.
 */
export const REFERRAL_CHECKS = ["child_safety", "police", "social_services", "youth_care", "housing"] as const;
export type ReferralCheckKind = (typeof REFERRAL_CHECKS)[number];

export const REFERRAL_CHECK_LABELS: Readonly<Record<ReferralCheckKind, LocalizedText>> = {
  child_safety: { nl: "Veiligheid van de kinderen", en: "Child safety" },
  police: { nl: "Bekend bij politie", en: "Known to the police" },
  social_services: { nl: "Bekend bij sociale dienst", en: "Known to social services" },
  youth_care: { nl: "Bekend bij jeugdzorg", en: "Known to youth care" },
  housing: { nl: "Woningcorporatie (huurachterstand)", en: "Housing corporation (rent arrears)" },
};

export const REFERRAL_DECISIONS = ["go", "no_go"] as const;
export type ReferralDecision = (typeof REFERRAL_DECISIONS)[number];

/** The checks without a recorded result, in the fixed order above. */
export function openReferralChecks(recorded: Iterable<ReferralCheckKind>): ReferralCheckKind[] {
  const done = new Set(recorded);
  return REFERRAL_CHECKS.filter((c) => !done.has(c));
}
