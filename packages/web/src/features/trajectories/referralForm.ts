import type { COERCION, InstrumentDefinition, NewReferralInput, ReferrerKind, URGENCIES } from "@ploegwerk/domain";
import type { TFunction } from "i18next";
import type { FieldErrors } from "../../api/fieldErrors.ts";
import { todayIso } from "../../i18n/format.ts";
import { ISO_DATE } from "./labels.ts";

export type Urgency = (typeof URGENCIES)[number];
export type Coercion = (typeof COERCION)[number];

/** The aanmeldformulier as typed; field names are the server's (without "referral."). */
export interface ReferralDraft {
  receivedOn: string;
  referrerKind: ReferrerKind | "";
  referrerOrganisation: string;
  referrerName: string;
  referrerContact: string;
  reason: string;
  instrumentKey: string;
  problems: Record<string, string>;
  urgency: Urgency;
  safetyConcerns: string;
  coercion: Coercion;
  coercionNote: string;
}

export interface AgencyDraft {
  organisation: string;
  contactName: string;
  contact: string;
}
export type AgencyField = keyof AgencyDraft;
export const AGENCY_FIELDS: AgencyField[] = ["organisation", "contactName", "contact"];
export const emptyAgency = (): AgencyDraft => ({ organisation: "", contactName: "", contact: "" });
/** The most agencies one aanmelding may name (as the server). */
export const MAX_AGENCIES = 30;

export function emptyReferral(instrumentKey: string): ReferralDraft {
  return {
    receivedOn: todayIso(), referrerKind: "", referrerOrganisation: "", referrerName: "", referrerContact: "", reason: "",
    instrumentKey, problems: {}, urgency: "normal", safetyConcerns: "", coercion: "none", coercionNote: "",
  };
}

/** The order of the fields on the form, for the error summary. */
export function referralFieldOrder(def: InstrumentDefinition | undefined, agencies: number): string[] {
  return [
    "receivedOn", "urgency", "referrerKind", "referrerOrganisation", "referrerName", "referrerContact", "reason", "safetyConcerns",
    "instrumentKey", ...(def?.domains ?? []).map((d) => `problems.${d.key}`),
    ...Array.from({ length: agencies }, (_, i) => AGENCY_FIELDS.map((f) => `agencies.${i}.${f}`)).flat(),
    "coercion", "coercionNote",
  ];
}

const LIMITS: Partial<Record<keyof ReferralDraft, number>> = {
  referrerOrganisation: 200, referrerName: 200, referrerContact: 300, reason: 5000, safetyConcerns: 5000, coercionNote: 2000,
};

/** The server's checks of NewReferral, in plain words; the server checks again. */
export function validateReferral(d: ReferralDraft, agencies: readonly AgencyDraft[], def: InstrumentDefinition | undefined, t: TFunction): FieldErrors {
  const out: FieldErrors = {};
  if (!d.receivedOn) out.receivedOn = t("referral.errors.receivedOnRequired");
  else if (!ISO_DATE.test(d.receivedOn)) out.receivedOn = t("referral.errors.dateInvalid");
  else if (d.receivedOn > todayIso()) out.receivedOn = t("referral.errors.receivedOnFuture");
  if (!d.referrerKind) out.referrerKind = t("referral.errors.referrerKindRequired");
  if (!d.referrerOrganisation.trim()) out.referrerOrganisation = t("referral.errors.organisationRequired");
  if (!d.referrerName.trim()) out.referrerName = t("referral.errors.referrerNameRequired");
  if (!d.reason.trim()) out.reason = t("referral.errors.reasonRequired");
  if (!def) out.instrumentKey = t("referral.errors.instrumentRequired");
  if (d.coercion !== "none" && !d.coercionNote.trim()) out.coercionNote = t("referral.errors.coercionNoteRequired");
  for (const [field, max] of Object.entries(LIMITS)) {
    const value = d[field as keyof ReferralDraft];
    if (typeof value === "string" && value.trim().length > max && !out[field]) out[field] = t("referral.errors.tooLong", { max });
  }
  for (const domain of def?.domains ?? []) {
    if ((d.problems[domain.key] ?? "").trim().length > 2000) out[`problems.${domain.key}`] = t("referral.errors.tooLong", { max: 2000 });
  }
  agencies.forEach((a, i) => {
    if (!a.organisation.trim()) out[`agencies.${i}.organisation`] = t("referral.errors.agencyOrganisationRequired", { n: i + 1 });
    else if (a.organisation.trim().length > 200) out[`agencies.${i}.organisation`] = t("referral.errors.tooLong", { max: 200 });
    if (a.contactName.trim().length > 200) out[`agencies.${i}.contactName`] = t("referral.errors.tooLong", { max: 200 });
    if (a.contact.trim().length > 300) out[`agencies.${i}.contact`] = t("referral.errors.tooLong", { max: 300 });
  });
  return out;
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

export function referralBody(d: ReferralDraft, agencies: readonly AgencyDraft[], def: InstrumentDefinition): NewReferralInput {
  const problems: Record<string, string> = {};
  for (const domain of def.domains) {
    const text = (d.problems[domain.key] ?? "").trim();
    if (text) problems[domain.key] = text;
  }
  return {
    receivedOn: d.receivedOn,
    referrerKind: d.referrerKind === "" ? "other" : d.referrerKind,
    referrerOrganisation: d.referrerOrganisation.trim(),
    referrerName: d.referrerName.trim(),
    referrerContact: orNull(d.referrerContact),
    reason: d.reason.trim(),
    instrumentKey: def.key,
    problems,
    urgency: d.urgency,
    safetyConcerns: orNull(d.safetyConcerns),
    agencies: agencies.map((a) => ({ organisation: a.organisation.trim(), contactName: orNull(a.contactName), contact: orNull(a.contact) })),
    coercion: d.coercion,
    coercionNote: d.coercion === "none" ? null : orNull(d.coercionNote),
  };
}
