import { z } from "zod";
import { Id, Version } from "../contracts/common.ts";
import type { InvalidParam } from "../errors.ts";
import { CreateReferral } from "../trajectory/referralContract.ts";
import { QUICK_REFERRAL_CHANNELS, QUICK_REFERRAL_FEEDBACK_SUBJECTS, QUICK_REFERRAL_MOVES, QUICK_REFERRAL_STATUSES } from "./quickReferralStatus.ts";

/*
 * The API contract of quick referrals (snelle verwijzingen): what a referrer sends, what the
 * receiving side and the referrer see, the moves, feedback to an outside referrer, turning a team
 * referral into an aanmelding, the badge counts and the aggregate for analists.
 */

const Text = (what: string, max: number) => z.string().trim().min(1, `fill in ${what}`).max(max, `at most ${max} characters`);
const OptionalText = (max: number) =>
  z.string().trim().max(max, `at most ${max} characters`).nullable().default(null).transform((v) => (v === "" ? null : v));

/** Where the referral goes: the team, or a catalogue entry ("wat werkt"). */
export const QUICK_REFERRAL_TARGET_KINDS = ["team", "intervention"] as const;
export type QuickReferralTargetKind = (typeof QUICK_REFERRAL_TARGET_KINDS)[number];

export const QuickReferralTarget = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("team"), teamId: Id }),
  z.object({
    kind: z.literal("intervention"),
    interventionId: Id,
    /**
     * The team that picks it up when the entry's provider is not a registered chain partner;
     * defaults to the referrer's own team.
     */
    teamId: Id.nullable().default(null),
  }),
]);
export type QuickReferralTarget = z.infer<typeof QuickReferralTarget>;

/** The professional outside the system (huisarts, school) who phoned a referral in. */
export const OutsideReferrer = z.object({
  name: Text("the referrer's name", 200),
  organisation: Text("the referrer's organisation", 200),
  /** How to reach them for the feedback they are owed. */
  contact: OptionalText(300),
});
export type OutsideReferrer = z.infer<typeof OutsideReferrer>;

export const NewQuickReferral = z.object({
  channel: z.enum(QUICK_REFERRAL_CHANNELS),
  target: QuickReferralTarget,
  /** As little as needed to make contact: a name and a phone number or e-mail address. */
  residentName: Text("the resident's name", 200),
  residentContact: OptionalText(300),
  reason: Text("the reason", 2000),
  /** "Is de inwoner akkoord?" Without the resident's agreement nothing is sent. */
  residentConsent: z.boolean(),
  /** Set when a team member records a referral that came in by phone from an outside professional. */
  onBehalfOf: OutsideReferrer.nullable().default(null),
});
export type NewQuickReferral = z.infer<typeof NewQuickReferral>;
export type NewQuickReferralInput = z.input<typeof NewQuickReferral>;

/** Checks beyond the shape: the resident must have agreed. */
export function validateNewQuickReferral(input: Pick<NewQuickReferral, "residentConsent">): InvalidParam[] {
  return input.residentConsent ? [] : [{ name: "residentConsent", reason: "the resident must agree to the referral and to their contact details being passed on" }];
}

export const QuickReferralTransitionInput = z.object({
  to: z.enum(QUICK_REFERRAL_MOVES),
  /** For completed or declined: what the referrer will read (required for declined). */
  note: OptionalText(2000),
  version: Version,
});
export type QuickReferralTransitionInput = z.infer<typeof QuickReferralTransitionInput>;

/** Feedback given to an outside referrer (by phone or mail), recorded so it is no longer owed. */
export const QuickReferralFeedbackInput = z.object({
  note: OptionalText(2000),
  version: Version,
});
export type QuickReferralFeedbackInput = z.infer<typeof QuickReferralFeedbackInput>;

/** "Aanmelding maken": the aanmeldformulier's body, plus the quick referral's version and an optional note for the referrer. */
export const QuickReferralToReferral = CreateReferral.extend({
  version: Version,
  outcomeNote: OptionalText(2000),
});
export type QuickReferralToReferral = z.infer<typeof QuickReferralToReferral>;
export type QuickReferralToReferralInput = z.input<typeof QuickReferralToReferral>;

/** What the viewer may do with the referral now (the server decides; the screen shows the buttons). */
export const QUICK_REFERRAL_ACTIONS = ["pick_up", "complete", "decline", "record_feedback", "make_referral"] as const;
export type QuickReferralAction = (typeof QUICK_REFERRAL_ACTIONS)[number];

export const QuickReferral = z.object({
  id: Id,
  channel: z.enum(QUICK_REFERRAL_CHANNELS),
  status: z.enum(QUICK_REFERRAL_STATUSES),
  referrer: z.object({
    /** False for a referral phoned in by an outside professional. */
    hasAccount: z.boolean(),
    /** The viewer made this referral. */
    isViewer: z.boolean(),
    name: z.string(),
    organisation: z.string().nullable(),
    contact: z.string().nullable(),
  }),
  target: z.object({
    kind: z.enum(QUICK_REFERRAL_TARGET_KINDS),
    interventionId: Id.nullable(),
    interventionName: z.string().nullable(),
  }),
  /** Who picks it up: a chain partner organisation, or a team of the organisation. */
  receiver: z.object({ organisation: z.string(), team: z.string().nullable() }),
  resident: z.object({ name: z.string(), contact: z.string().nullable() }),
  reason: z.string(),
  residentConsent: z.boolean(),
  /** The worker's name only for the receiving side; the referrer sees the organisation. */
  pickedUp: z.object({ at: z.string(), byName: z.string().nullable() }).nullable(),
  closedAt: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  /** It became an aanmelding for family coaching. */
  referralMade: z.boolean(),
  feedback: z.object({ sentAt: z.string(), note: z.string().nullable() }).nullable(),
  feedbackOwed: z.enum(QUICK_REFERRAL_FEEDBACK_SUBJECTS).nullable(),
  /** The family file it became part of (the receiving team only). */
  familyId: Id.nullable(),
  allowed: z.array(z.enum(QUICK_REFERRAL_ACTIONS)),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type QuickReferral = z.infer<typeof QuickReferral>;

/** Binnengekomen verwijzingen (to pick up) or Mijn verwijzingen (sent by the viewer). */
export const QUICK_REFERRAL_BOXES = ["inbox", "sent"] as const;
export type QuickReferralBox = (typeof QUICK_REFERRAL_BOXES)[number];

export const QuickReferralListQuery = z.object({
  box: z.enum(QUICK_REFERRAL_BOXES).default("inbox"),
  /** "open": sent or picked up; "closed": completed or declined. */
  status: z.enum(["open", "closed", "all"]).default("all"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type QuickReferralListQuery = z.infer<typeof QuickReferralListQuery>;

export const QuickReferralList = z.object({
  items: z.array(QuickReferral),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type QuickReferralList = z.infer<typeof QuickReferralList>;

/** The badges: new referrals waiting in the viewer's inbox, and outside referrers still owed feedback. */
export const QuickReferralCounts = z.object({
  /** Sent and not yet picked up, in the viewer's inbox. */
  waiting: z.number().int(),
  feedbackOwed: z.number().int(),
  /** The viewer has an inbox (coach or team lead of a team, ketenpartner). */
  receives: z.boolean(),
  /** The viewer may refer. */
  refers: z.boolean(),
});
export type QuickReferralCounts = z.infer<typeof QuickReferralCounts>;

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month as YYYY-MM");

export const QuickReferralStatisticsQuery = z.object({
  from: Month.optional(),
  to: Month.optional(),
});
export type QuickReferralStatisticsQuery = z.infer<typeof QuickReferralStatisticsQuery>;

export const QuickReferralStatistics = z.object({
  from: z.string(),
  to: z.string(),
  /** Cells below this number of referrals are hidden (count null). */
  minimumCount: z.number().int(),
  cells: z.array(
    z.object({
      month: z.string(),
      channel: z.enum(QUICK_REFERRAL_CHANNELS),
      status: z.enum(QUICK_REFERRAL_STATUSES),
      count: z.number().int().nullable(),
    }),
  ),
});
export type QuickReferralStatistics = z.infer<typeof QuickReferralStatistics>;
