import { z } from "zod";
import type { LocalizedText } from "../i18n.ts";
import { Id, IsoDate } from "../contracts/common.ts";
import { NewFamily } from "../contracts/family.ts";
import { PHASES, TRANSITION_KINDS } from "./phases.ts";
import { REFERRAL_CHECKS, REFERRAL_DECISIONS } from "./referralChecks.ts";
import { EropafDecision, ExtensionDecision } from "./deadlines.ts";

/** Who refers (BRIEF §2.1): the aanmeldformulier asks which kind of organisation. */
export const REFERRER_KINDS = [
  "leerplicht",
  "woningcorporatie",
  "politie",
  "mjd",
  "jeugdzorg",
  "sociale_dienst",
  "cjg",
  "mee",
  "huisarts",
  "school",
  "wijkteam",
  "other",
] as const;
export type ReferrerKind = (typeof REFERRER_KINDS)[number];
export const REFERRER_KIND_LABELS: Readonly<Record<ReferrerKind, LocalizedText>> = {
  leerplicht: { nl: "Leerplicht", en: "School attendance officer" },
  woningcorporatie: { nl: "Woningcorporatie (Woonkans)", en: "Housing corporation" },
  politie: { nl: "Politie", en: "Police" },
  mjd: { nl: "Maatschappelijk werk (MJD)", en: "Social work" },
  jeugdzorg: { nl: "Jeugdzorg (BJZ)", en: "Youth care" },
  sociale_dienst: { nl: "Sociale dienst", en: "Social services" },
  cjg: { nl: "Centrum voor Jeugd en Gezin", en: "Youth and family centre" },
  mee: { nl: "MEE", en: "MEE (disability support)" },
  huisarts: { nl: "Huisarts", en: "GP" },
  school: { nl: "School", en: "School" },
  wijkteam: { nl: "Wijkteam", en: "Neighbourhood team" },
  other: { nl: "Anders", en: "Other" },
};

export const URGENCIES = ["normal", "high", "crisis"] as const;
export const URGENCY_LABELS: Readonly<Record<(typeof URGENCIES)[number], LocalizedText>> = {
  normal: { nl: "Gewoon", en: "Normal" },
  high: { nl: "Hoog", en: "High" },
  crisis: { nl: "Crisis", en: "Crisis" },
};

export const COERCION = ["none", "drang", "dwang"] as const;
export const COERCION_LABELS: Readonly<Record<(typeof COERCION)[number], LocalizedText>> = {
  none: { nl: "Nee", en: "No" },
  drang: { nl: "Drang", en: "Pressure (drang)" },
  dwang: { nl: "Dwang", en: "Compulsion (dwang)" },
};

const Text = (what: string, max: number) => z.string().trim().min(1, `fill in ${what}`).max(max);
const OptionalText = (max: number) => z.string().trim().max(max).nullable().default(null).transform((v) => (v === "" ? null : v));

export const InvolvedAgency = z.object({
  organisation: Text("the organisation", 200),
  contactName: OptionalText(200),
  contact: OptionalText(300),
});

/** The aanmeldformulier. */
export const NewReferral = z
  .object({
    receivedOn: IsoDate,
    referrerKind: z.enum(REFERRER_KINDS),
    referrerOrganisation: Text("the referring organisation", 200),
    referrerName: Text("the referrer's name", 200),
    referrerContact: OptionalText(300),
    reason: Text("the reason for the referral", 5000),
    /** The instrument whose leefgebieden `problems` uses. */
    instrumentKey: z.string().trim().min(1).default("ploeg-9"),
    /** What the referrer saw per leefgebied: { domainKey: description }. */
    problems: z.record(z.string(), z.string().trim().max(2000)).default({}),
    urgency: z.enum(URGENCIES).default("normal"),
    safetyConcerns: OptionalText(5000),
    agencies: z.array(InvolvedAgency).max(30).default([]),
    coercion: z.enum(COERCION).default("none"),
    coercionNote: OptionalText(2000),
  })
  .superRefine((r, ctx) => {
    if (r.coercion !== "none" && !r.coercionNote) {
      ctx.addIssue({ code: "custom", path: ["coercionNote"], message: "describe the dwang or drang: which lever, which party, and what happens if the family does not cooperate" });
    }
  });
export type NewReferral = z.infer<typeof NewReferral>;
export type NewReferralInput = z.input<typeof NewReferral>;

/** An aanmelding for a family already in the file, or together with a new family. */
export const CreateReferral = z.object({
  family: z.union([z.object({ id: Id }), NewFamily]),
  referral: NewReferral,
});
export type CreateReferral = z.infer<typeof CreateReferral>;
export type CreateReferralInput = z.input<typeof CreateReferral>;

export const CHECK_RESULTS = ["no_concerns", "concerns", "not_known"] as const;
export const CHECK_RESULT_LABELS: Readonly<Record<(typeof CHECK_RESULTS)[number], LocalizedText>> = {
  no_concerns: { nl: "Geen zorgen", en: "No concerns" },
  concerns: { nl: "Zorgen", en: "Concerns" },
  not_known: { nl: "Niet bekend", en: "Not known there" },
};

export const ReferralCheckInput = z
  .object({
    result: z.enum(CHECK_RESULTS),
    note: OptionalText(5000),
    checkedOn: IsoDate,
  })
  .superRefine((c, ctx) => {
    if (c.result === "concerns" && !c.note) ctx.addIssue({ code: "custom", path: ["note"], message: "describe the concerns" });
  });
export type ReferralCheckInput = z.infer<typeof ReferralCheckInput>;

export const DecisionInput = z.object({
  decision: z.enum(REFERRAL_DECISIONS),
  on: IsoDate,
  reason: OptionalText(5000),
  /** On go: the introductiegesprek the overdrachtsbrief announces. */
  introductionAt: z.iso.datetime({ offset: true, message: "a date and time (ISO 8601)" }).nullable().default(null),
  introductionPlace: OptionalText(300),
  /** The coach who will work with the family (on go). */
  coachId: Id.nullable().default(null),
});
export type DecisionInput = z.infer<typeof DecisionInput>;

export const FEEDBACK_SUBJECTS = ["decision", "start"] as const;
export const FEEDBACK_CHANNELS = ["phone", "email", "letter", "meeting"] as const;
export const FeedbackInput = z.object({
  subject: z.enum(FEEDBACK_SUBJECTS),
  sentOn: IsoDate,
  channel: z.enum(FEEDBACK_CHANNELS),
  note: OptionalText(2000),
});
export type FeedbackInput = z.infer<typeof FeedbackInput>;

export const TransitionInput = z.object({
  to: z.enum(PHASES),
  on: IsoDate,
  reason: OptionalText(5000),
  /** The trajectory version the user saw (optimistic concurrency). */
  version: z.number().int().min(1),
});
export type TransitionInput = z.infer<typeof TransitionInput>;

export const ConsentInput = z.object({ signedOn: IsoDate });
export const EropafInput = EropafDecision.omit({ by: true });
export const ExtensionInput = ExtensionDecision.omit({ by: true });

/** A trajectory as the API shows it. */
export const PhaseHistoryItem = z.object({
  from: z.enum(PHASES).nullable(),
  to: z.enum(PHASES),
  kind: z.enum(TRANSITION_KINDS),
  on: z.string(),
  at: z.string(),
  by: z.string(),
  byName: z.string(),
  reason: z.string().nullable(),
});

export const DeadlineView = z.object({
  key: z.string(),
  label: z.object({ nl: z.string(), en: z.string() }),
  dueOn: z.string(),
  daysRemaining: z.number().int(),
  overdue: z.boolean(),
  met: z.boolean(),
});
export type DeadlineView = z.infer<typeof DeadlineView>;

export const Trajectory = z.object({
  id: Id,
  familyId: Id,
  caseNumber: z.string(),
  phase: z.enum(PHASES),
  phaseSince: z.string(),
  daysInPhase: z.number().int(),
  referral: z.object({
    receivedOn: z.string(),
    referrerKind: z.enum(REFERRER_KINDS),
    referrerOrganisation: z.string(),
    referrerName: z.string(),
    referrerContact: z.string().nullable(),
    reason: z.string(),
    instrumentKey: z.string(),
    problems: z.record(z.string(), z.string()),
    urgency: z.enum(URGENCIES),
    safetyConcerns: z.string().nullable(),
    agencies: z.array(z.object({ organisation: z.string(), contactName: z.string().nullable(), contact: z.string().nullable() })),
    coercion: z.enum(COERCION),
    coercionNote: z.string().nullable(),
  }),
  checks: z.array(z.object({ kind: z.enum(REFERRAL_CHECKS), result: z.enum(CHECK_RESULTS), note: z.string().nullable(), checkedOn: z.string(), checkedBy: z.string().nullable() })),
  openChecks: z.array(z.enum(REFERRAL_CHECKS)),
  decision: z
    .object({ decision: z.enum(REFERRAL_DECISIONS), on: z.string(), reason: z.string().nullable(), decidedBy: z.string().nullable() })
    .nullable(),
  introduction: z.object({ at: z.string(), place: z.string().nullable() }).nullable(),
  feedback: z.array(z.object({ subject: z.enum(FEEDBACK_SUBJECTS), sentOn: z.string(), channel: z.enum(FEEDBACK_CHANNELS), note: z.string().nullable() })),
  feedbackOwed: z.array(z.enum(FEEDBACK_SUBJECTS)),
  consentSignedOn: z.string().nullable(),
  eropaf: z.array(EropafDecision),
  extensions: z.array(ExtensionDecision),
  deadlines: z.array(DeadlineView),
  history: z.array(PhaseHistoryItem),
  /** Phases the trajectory may move to now, each with the refusals that would stop it (empty = allowed). */
  nextPhases: z.array(z.object({ to: z.enum(PHASES), kind: z.enum(TRANSITION_KINDS), refusals: z.array(z.object({ code: z.string(), message: z.object({ nl: z.string(), en: z.string() }), details: z.array(z.string()) })) })),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Trajectory = z.infer<typeof Trajectory>;
