import { z } from "zod";
import type { LocalizedText } from "../i18n.ts";

/*
 * Bewaartermijnen (retention periods): how long after closing each kind of record is kept, and
 * what happens when that time is up. The defaults and their sources are explained in
 * docs/RETENTION.md; an organisation's beheerder can change them (`ploegwerk retention set`).
 */

/**
 * - family_file: the file of a family that was coached (at least one trajectory got a go), counted
 *   from the day its last trajectory closed;
 * - no_go_referral: a family only known through aanmeldingen that ended in a no-go;
 * - privacy_request: the register entry of an AVG request, counted from its decision;
 * - quick_referral: a quick referral (snelle verwijzing) never linked to a family file, counted from
 *   its closing (one linked to a family goes with the family's file).
 */
export const RETENTION_RECORD_TYPES = ["family_file", "no_go_referral", "privacy_request", "quick_referral"] as const;
export type RetentionRecordType = (typeof RETENTION_RECORD_TYPES)[number];

/** purge removes the records; pseudonymise keeps what statistics need without names (see pseudonymise.ts). */
export const RETENTION_ACTIONS = ["purge", "pseudonymise"] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];

export const RETENTION_RECORD_TYPE_LABELS: Readonly<Record<RetentionRecordType, LocalizedText>> = {
  family_file: { nl: "Gezinsdossier na afsluiten", en: "Family file after closing" },
  no_go_referral: { nl: "Aanmelding zonder start (no-go)", en: "Referral that did not start (no-go)" },
  privacy_request: { nl: "AVG-verzoek na besluit", en: "AVG request after decision" },
  quick_referral: { nl: "Snelle verwijzing zonder gezinsdossier, na afsluiten", en: "Quick referral without a family file, after closing" },
};

export const RETENTION_ACTION_LABELS: Readonly<Record<RetentionAction, LocalizedText>> = {
  purge: { nl: "Verwijderen", en: "Purge" },
  pseudonymise: { nl: "Pseudonimiseren (alleen voor statistiek)", en: "Pseudonymise (for statistics only)" },
};

/** A hundred years: a longer period is a typing mistake, not a policy. */
export const MAX_RETENTION_MONTHS = 1200;

export const RetentionRule = z.object({
  months: z.number().int().min(1, "at least one month").max(MAX_RETENTION_MONTHS, `at most ${MAX_RETENTION_MONTHS} months`),
  action: z.enum(RETENTION_ACTIONS, { error: `one of: ${RETENTION_ACTIONS.join(", ")}` }),
});
export type RetentionRule = z.infer<typeof RetentionRule>;

/**
 * The defaults (docs/RETENTION.md):
 * - the family file 20 years (240 months) after closing: the Jeugdwet's bewaartermijn for a
 *   jeugdhulp dossier (art. 7.3.8, 20 years since 2020), then pseudonymised so outcome figures keep;
 * - a no-go referral 2 years: no help was given, so no dossier duty applies; long enough to recognise
 *   a family referred again and to handle a complaint, under the 3 years advised for refused requests;
 * - an AVG request 5 years after its decision: to account for how it was handled (AVG art. 5(2));
 * - a quick referral without a family file 2 years after it closed: like a no-go, no help from the
 *   team followed; long enough to answer the referrer's or resident's questions about it.
 */
export const DEFAULT_RETENTION: Readonly<Record<RetentionRecordType, RetentionRule>> = {
  family_file: { months: 240, action: "pseudonymise" },
  no_go_referral: { months: 24, action: "purge" },
  privacy_request: { months: 60, action: "purge" },
  quick_referral: { months: 24, action: "purge" },
};

/** One rule per record type; a type missing from the stored settings takes its default. */
export const RetentionSettings = z.object({
  family_file: RetentionRule.default({ ...DEFAULT_RETENTION.family_file }),
  no_go_referral: RetentionRule.default({ ...DEFAULT_RETENTION.no_go_referral }),
  privacy_request: RetentionRule.default({ ...DEFAULT_RETENTION.privacy_request }),
  quick_referral: RetentionRule.default({ ...DEFAULT_RETENTION.quick_referral }),
});
export type RetentionSettings = z.infer<typeof RetentionSettings>;

export const defaultRetentionSettings = (): RetentionSettings => RetentionSettings.parse({});
