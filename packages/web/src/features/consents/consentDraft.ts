import { addMonths, ageOn, CONSENT_AGE, type ConsentCategory, type Family, type LegalBasis } from "@ploegwerk/domain";
import type { TFunction } from "i18next";

/** A new consent as the form holds it. */
export interface ConsentDraft {
  recipientId: string;
  categories: ConsentCategory[];
  purpose: string;
  legalBasis: LegalBasis;
  givenByMemberId: string;
  onBehalfOf: string[];
  givenOn: string;
  expiresOn: string;
}

export const CONSENT_FIELDS = ["recipientId", "categories", "purpose", "legalBasis", "givenByMemberId", "onBehalfOf", "givenOn", "expiresOn"] as const;

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** Who can give consent on the day it was given: members of 16 and older. */
export function giversOn(family: Family, day: string) {
  return family.members.filter((m) => !isDay(day) || ageOn(m.dateOfBirth, day) >= CONSENT_AGE);
}

/** For whom a parent gives consent: the members under 16 on that day. */
export function childrenOn(family: Family, day: string) {
  return isDay(day) ? family.members.filter((m) => ageOn(m.dateOfBirth, day) < CONSENT_AGE) : [];
}

/** The checks the browser does before sending, with Dutch (or English) messages. */
export function consentDraftErrors(d: ConsentDraft, family: Family, today: string, t: TFunction): Record<string, string> {
  const e: Record<string, string> = {};
  if (!d.recipientId) e.recipientId = t("consents.errors.recipient");
  if (d.categories.length === 0) e.categories = t("consents.errors.categories");
  if (!d.purpose.trim()) e.purpose = t("consents.errors.purpose");
  if (!isDay(d.givenOn)) e.givenOn = t("consents.errors.givenOn");
  else if (d.givenOn > today) e.givenOn = t("consents.errors.givenOnFuture");
  if (d.legalBasis === "toestemming" && !d.givenByMemberId) e.givenByMemberId = t("consents.errors.givenBy");
  const giver = family.members.find((m) => m.id === d.givenByMemberId);
  if (giver && d.onBehalfOf.length > 0 && giver.role !== "parent") e.onBehalfOf = t("consents.errors.onBehalfParent");
  const expiry = expiryError(d.expiresOn, d.givenOn, t);
  if (expiry) e.expiresOn = expiry;
  return e;
}

/** An expiry date is optional; when given, after the day of consent and at most five years later. */
export function expiryError(expiresOn: string, givenOn: string, t: TFunction): string | null {
  if (!expiresOn) return null;
  if (!isDay(expiresOn)) return t("consents.errors.expiresOn");
  if (isDay(givenOn) && expiresOn <= givenOn) return t("consents.errors.expiresBefore");
  if (isDay(givenOn) && expiresOn > addMonths(givenOn, 60)) return t("consents.errors.expiresTooLate");
  return null;
}
