import { z } from "zod";
import { Id, IsoDate, Version } from "../contracts/common.ts";
import type { InvalidParam } from "../errors.ts";
import type { LocalizedText } from "../i18n.ts";
import { addMonths, type IsoDay } from "../trajectory/calendar.ts";

/*
 * Toestemming (BRIEF §5): "gewoon toestemming vragen aan de ouders, dan kan er heel veel". A family
 * shares named categories of its file with a chain partner organisation, for a purpose, on a legal
 * basis, until it expires or is withdrawn. What a ketenpartner sees follows from the active records
 * alone, so a withdrawal takes effect on the next request.
 */

export const CONSENT_CATEGORIES = [
  "basis",
  "plan_actions",
  "plan",
  "meetings",
  "trajectory",
  "measurements",
  "measurement_justifications",
  "weekly_reports",
] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];

/** What each category lets the recipient see, in plain language (B1) for the family and the coach. */
export const CONSENT_CATEGORY_LABELS: Readonly<Record<ConsentCategory, LocalizedText>> = {
  basis: { nl: "Wie er in het gezin zijn: namen, geboortedata en adres (geen BSN)", en: "Who is in the family: names, dates of birth and address (no BSN)" },
  plan_actions: { nl: "De acties uit het gezinsplan die deze organisatie zelf doet, met het doel erbij", en: "The actions of the family plan this organisation carries out, with their goal" },
  plan: { nl: "Het hele gezinsplan", en: "The whole family plan" },
  meetings: { nl: "De overleggen (MDO) waarvoor deze organisatie is uitgenodigd", en: "The meetings (MDO) this organisation is invited to" },
  trajectory: { nl: "In welke fase de begeleiding is en de belangrijke data", en: "Which phase the coaching is in and the key dates" },
  measurements: { nl: "De scores per leefgebied (zonder toelichting)", en: "The scores per life domain (without explanation)" },
  measurement_justifications: { nl: "De toelichting bij de scores", en: "The explanation of the scores" },
  weekly_reports: { nl: "De weekoverzichten van de coach", en: "The coach's weekly reports" },
};

/** The lawful bases of AVG article 6; the first is the family's own consent. */
export const LEGAL_BASES = ["toestemming", "wettelijke_taak", "wettelijke_verplichting", "vitaal_belang", "overeenkomst", "gerechtvaardigd_belang"] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
export const LEGAL_BASIS_LABELS: Readonly<Record<LegalBasis, LocalizedText>> = {
  toestemming: { nl: "Toestemming van het gezin", en: "Consent of the family" },
  wettelijke_taak: { nl: "Wettelijke taak (publieke taak)", en: "Public task" },
  wettelijke_verplichting: { nl: "Wettelijke verplichting", en: "Legal obligation" },
  vitaal_belang: { nl: "Vitaal belang (acute veiligheid)", en: "Vital interest (acute safety)" },
  overeenkomst: { nl: "Overeenkomst met het gezin", en: "Contract with the family" },
  gerechtvaardigd_belang: { nl: "Gerechtvaardigd belang", en: "Legitimate interest" },
};

/** Children younger than this cannot consent themselves; a parent gives it on their behalf (UAVG art. 5). */
export const CONSENT_AGE = 16;

const Text = (what: string, max: number) => z.string().trim().min(1, `fill in ${what}`).max(max, `${what} is too long (at most ${max} characters)`);

export const NewConsent = z.object({
  /** The member who gave consent; required when the basis is the family's consent. */
  givenByMemberId: Id.nullable().default(null),
  /** Children the giver consented for. */
  onBehalfOf: z.array(Id).max(30).default([]),
  recipientId: Id,
  categories: z
    .array(z.enum(CONSENT_CATEGORIES, { error: `one of: ${CONSENT_CATEGORIES.join(", ")}` }))
    .min(1, "choose at least one kind of information to share")
    .max(CONSENT_CATEGORIES.length)
    .refine((c) => new Set(c).size === c.length, "each kind of information once"),
  purpose: Text("the purpose", 1000),
  legalBasis: z.enum(LEGAL_BASES, { error: `choose one of: ${LEGAL_BASES.join(", ")}` }),
  givenOn: IsoDate,
  /** Null: until withdrawn. */
  expiresOn: IsoDate.nullable().default(null),
});
export type NewConsent = z.infer<typeof NewConsent>;
export type NewConsentInput = z.input<typeof NewConsent>;

/** Narrowing or widening: the categories, purpose and expiry change; a new version of the record. */
export const ConsentChange = z.object({
  version: Version,
  categories: NewConsent.shape.categories,
  purpose: NewConsent.shape.purpose,
  expiresOn: IsoDate.nullable().default(null),
});
export type ConsentChange = z.infer<typeof ConsentChange>;

export const ConsentWithdrawal = z.object({
  version: Version,
  reason: z.string().trim().max(1000).nullable().default(null).transform((v) => (v === "" ? null : v)),
});
export type ConsentWithdrawal = z.infer<typeof ConsentWithdrawal>;

export interface ConsentMember {
  id: string;
  role: "parent" | "child" | "other";
  dateOfBirth: string;
}

/** Age in whole years on a day. */
export function ageOn(dateOfBirth: IsoDay, day: IsoDay): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Rules that need the family and today's date. */
export function validateConsent(c: Pick<NewConsent, "givenByMemberId" | "onBehalfOf" | "legalBasis" | "givenOn" | "expiresOn">, ctx: { today: IsoDay; members: readonly ConsentMember[] }): InvalidParam[] {
  const errors: InvalidParam[] = [];
  const byId = new Map(ctx.members.map((m) => [m.id, m]));
  const giver = c.givenByMemberId ? byId.get(c.givenByMemberId) : undefined;
  if (c.legalBasis === "toestemming" && c.givenByMemberId === null) errors.push({ name: "givenByMemberId", reason: "consent is given by a member of the family: choose who gave it" });
  if (c.givenByMemberId !== null && !giver) errors.push({ name: "givenByMemberId", reason: "not a member of this family" });
  if (giver && ageOn(giver.dateOfBirth, c.givenOn) < CONSENT_AGE) errors.push({ name: "givenByMemberId", reason: `younger than ${CONSENT_AGE} on ${c.givenOn}: a parent gives consent on their behalf` });
  c.onBehalfOf.forEach((memberId, i) => {
    const m = byId.get(memberId);
    if (!m) errors.push({ name: `onBehalfOf.${i}`, reason: "not a member of this family" });
    else if (memberId === c.givenByMemberId) errors.push({ name: `onBehalfOf.${i}`, reason: "the giver consents for themselves already" });
    else if (ageOn(m.dateOfBirth, c.givenOn) >= CONSENT_AGE) errors.push({ name: `onBehalfOf.${i}`, reason: `${CONSENT_AGE} or older on ${c.givenOn}: they give their own consent` });
  });
  if (c.onBehalfOf.length > 0 && giver && giver.role !== "parent") errors.push({ name: "givenByMemberId", reason: "only a parent gives consent on behalf of children" });
  if (c.givenOn > ctx.today) errors.push({ name: "givenOn", reason: "a date in the future; record consent once it is given" });
  if (c.expiresOn !== null && c.expiresOn <= c.givenOn) errors.push({ name: "expiresOn", reason: `after the day it was given (${c.givenOn})` });
  if (c.expiresOn !== null && c.expiresOn > addMonths(c.givenOn, 60)) errors.push({ name: "expiresOn", reason: "at most five years after it was given; ask again after that" });
  return errors;
}

export const CONSENT_STATUSES = ["active", "expired", "withdrawn", "not_yet"] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export interface ConsentState {
  givenOn: string;
  expiresOn: string | null;
  withdrawnOn: string | null;
}

/** Withdrawal counts from the moment it is recorded; an expiry date is the last day it holds. */
export function consentStatus(c: ConsentState, today: IsoDay): ConsentStatus {
  if (c.withdrawnOn !== null) return "withdrawn";
  if (c.givenOn > today) return "not_yet";
  if (c.expiresOn !== null && today > c.expiresOn) return "expired";
  return "active";
}

/** The categories a recipient may see today: the union over its active consent records. */
export function sharedCategories(consents: readonly (ConsentState & { recipientId: string; categories: readonly string[] })[], recipientId: string, today: IsoDay): Set<ConsentCategory> {
  const out = new Set<ConsentCategory>();
  for (const c of consents) {
    if (c.recipientId !== recipientId || consentStatus(c, today) !== "active") continue;
    for (const cat of c.categories) if ((CONSENT_CATEGORIES as readonly string[]).includes(cat)) out.add(cat as ConsentCategory);
  }
  return out;
}

export const Consent = z.object({
  id: Id,
  familyId: Id,
  givenBy: z.object({ memberId: Id, name: z.string() }).nullable(),
  onBehalfOf: z.array(z.object({ memberId: Id, name: z.string() })),
  recipient: z.object({ id: Id, name: z.string() }),
  categories: z.array(z.enum(CONSENT_CATEGORIES)),
  purpose: z.string(),
  legalBasis: z.enum(LEGAL_BASES),
  givenOn: z.string(),
  expiresOn: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  status: z.enum(CONSENT_STATUSES),
  version: z.number().int(),
  recordedAt: z.string(),
});
export type Consent = z.infer<typeof Consent>;
export const ConsentList = z.object({ items: z.array(Consent) });
