import type { Role } from "../contracts/auth.ts";
import type { LocalizedText } from "../i18n.ts";

/*
 * Hours and costs per family (BRIEF §2 randvoorwaarde "inzichtelijk maken van kosten, financiering
 * en resultaten"; §5 cost transparency). The lists are stable keys: they are stored in
 * time_entries.activity and cost_entries.funding and used in CSV exports.
 */

/** What the hours were spent on. */
export const TIME_ACTIVITIES = ["huisbezoek", "mdo", "overleg_ketenpartners", "telefonisch_contact", "administratie", "reistijd", "overig"] as const;
export type TimeActivity = (typeof TIME_ACTIVITIES)[number];
export const TIME_ACTIVITY_LABELS: Readonly<Record<TimeActivity, LocalizedText>> = {
  huisbezoek: { nl: "Huisbezoek", en: "Home visit" },
  mdo: { nl: "MDO", en: "Multidisciplinary meeting" },
  overleg_ketenpartners: { nl: "Overleg met ketenpartners", en: "Consultation with chain partners" },
  telefonisch_contact: { nl: "Telefonisch contact", en: "Phone contact" },
  administratie: { nl: "Administratie", en: "Administration" },
  reistijd: { nl: "Reistijd", en: "Travel time" },
  overig: { nl: "Overig", en: "Other" },
};

/**
 * Who pays (the fragmented financing of BRIEF §5): the laws the help falls under, the family
 * budget of Take 5 ("per gezin één zak met geld"), the organisation's own means, or something else.
 */
export const FUNDING_SOURCES = ["wmo", "jeugdwet", "participatiewet", "bijzondere_bijstand", "gezinsbudget", "zvw", "wlz", "eigen_middelen", "overig"] as const;
export type Funding = (typeof FUNDING_SOURCES)[number];
export const FUNDING_LABELS: Readonly<Record<Funding, LocalizedText>> = {
  wmo: { nl: "Wmo (gemeente)", en: "Wmo (social support act, municipality)" },
  jeugdwet: { nl: "Jeugdwet", en: "Youth Act (Jeugdwet)" },
  participatiewet: { nl: "Participatiewet", en: "Participation Act" },
  bijzondere_bijstand: { nl: "Bijzondere bijstand", en: "Special assistance (bijzondere bijstand)" },
  gezinsbudget: { nl: "Gezinsbudget", en: "Family budget" },
  zvw: { nl: "Zorgverzekeringswet (Zvw)", en: "Health Insurance Act (Zvw)" },
  wlz: { nl: "Wet langdurige zorg (Wlz)", en: "Long-term Care Act (Wlz)" },
  eigen_middelen: { nl: "Eigen middelen organisatie", en: "Organisation's own means" },
  overig: { nl: "Overig", en: "Other" },
};

/**
 * The cost lines of a summary: the hours (valued at the hourly rates) and each funding source.
 * Hours have no funding of their own: the coaches are paid from the project (BRIEF §5).
 */
export const COST_LINES = ["hours", ...FUNDING_SOURCES] as const;
export type CostLine = (typeof COST_LINES)[number];
export const COST_LINE_LABELS: Readonly<Record<CostLine, LocalizedText>> = {
  hours: { nl: "Inzet in uren", en: "Hours worked" },
  ...FUNDING_LABELS,
};

/** The roles that spend hours on a family and book them. */
export const BOOKING_ROLES = ["coach", "teamleider", "ondersteuning"] as const satisfies readonly Role[];
export type BookingRole = (typeof BOOKING_ROLES)[number];

export function isBookingRole(role: string): role is BookingRole {
  return (BOOKING_ROLES as readonly string[]).includes(role);
}

/** Durations are booked in steps of five minutes, up to a whole day. */
export const TIME_STEP_MINUTES = 5;
export const MAX_MINUTES_PER_ENTRY = 24 * 60;

/** A single cost line above one million euros is a typing mistake, not a cost of help for one family. */
export const MAX_COST_CENTS = 100_000_000;
