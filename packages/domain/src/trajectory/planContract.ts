import { z } from "zod";
import { Id, IsoDate } from "../contracts/common.ts";
import type { LocalizedText } from "../i18n.ts";

/*
 * The gezinsplan's content (BRIEF §3): overkoepelende doelen; doelen per leefgebied for the family or
 * named members; actions under each goal with one owner, a due date and a status; the
 * participatieladder step as main goal where it applies. Goals and actions carry ids chosen by the
 * client (UUIDs) so that versions can be compared item by item.
 */

const Text = (what: string, max: number) => z.string().trim().min(1, `${what} is required`).max(max, `${what} is too long (at most ${max} characters)`);

export const ACTION_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, LocalizedText>> = {
  open: { nl: "Open", en: "Open" },
  in_progress: { nl: "Bezig", en: "In progress" },
  done: { nl: "Gedaan", en: "Done" },
  cancelled: { nl: "Vervallen", en: "Cancelled" },
};

export const OWNER_KINDS = ["member", "networkPerson", "coach", "partnerContact"] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** Who carries out an action: a family member, someone of the family's network, the coach, or a chain partner's contact (need not be a user). */
export const ActionOwner = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("member"), memberId: Id }),
    z.object({ kind: z.literal("networkPerson"), networkPersonId: Id }),
    z.object({ kind: z.literal("coach"), userId: Id }),
    z.object({
      kind: z.literal("partnerContact"),
      organisation: Text("organisation", 200),
      contactName: Text("contact person", 200),
      contact: z.string().trim().max(300).nullable().default(null),
      /** The registered chain partner organisation, when it is one: its ketenpartners see and update the action (with consent). */
      partnerOrganisationId: Id.nullable().default(null),
    }),
  ],
  { error: "an action needs an owner: a family member, network person, the coach or a chain partner's contact" },
);
export type ActionOwner = z.infer<typeof ActionOwner>;

export const PlanAction = z.object({
  id: Id,
  description: Text("description", 1000),
  owner: ActionOwner,
  dueDate: IsoDate,
  status: z.enum(ACTION_STATUSES).default("open"),
  /** Why a "vervallen" action lapsed; required for that status. */
  cancelReason: z.string().trim().max(1000).nullable().default(null),
  /** The "wat werkt" catalogue entry this action uses, if any; the server accepts only an active entry of the organisation. */
  interventionId: Id.nullable().default(null),
});
export type PlanAction = z.infer<typeof PlanAction>;

export const PlanGoal = z.object({
  id: Id,
  /** The leefgebied: a domain key of the family's instrument (e.g. "huisvesting" in ploeg-9). */
  domain: z.string().trim().min(1, "choose a leefgebied"),
  /** The members the goal is for; empty = the whole family. */
  memberIds: z.array(Id).max(50).default([]),
  description: Text("description", 2000),
  targetDate: IsoDate.nullable().default(null),
  actions: z.array(PlanAction).max(100).default([]),
});
export type PlanGoal = z.infer<typeof PlanGoal>;

export const OverallGoal = z.object({
  id: Id,
  description: Text("description", 2000),
  targetDate: IsoDate.nullable().default(null),
});
export type OverallGoal = z.infer<typeof OverallGoal>;

/** The participatieladder's six steps (builtin instrument "participatieladder"). */
export const PARTICIPATION_STEPS = { min: 1, max: 6 } as const;
const Step = z.number().int().min(PARTICIPATION_STEPS.min, "a step from 1 to 6").max(PARTICIPATION_STEPS.max, "a step from 1 to 6");

/** Rising on the participatieladder, the main goal for a member where it applies. */
export const ParticipationGoal = z.object({
  memberId: Id,
  currentStep: Step,
  targetStep: Step,
});
export type ParticipationGoal = z.infer<typeof ParticipationGoal>;

export const PlanContent = z.object({
  /** The day the plan runs from; no due or target date lies before it. */
  startDate: IsoDate,
  /** The instrument whose leefgebieden the goals use. */
  instrumentKey: z.string().trim().min(1),
  overallGoals: z.array(OverallGoal).max(20).default([]),
  participation: z.array(ParticipationGoal).max(50).default([]),
  goals: z.array(PlanGoal).max(100).default([]),
});
export type PlanContent = z.infer<typeof PlanContent>;
export type PlanContentInput = z.input<typeof PlanContent>;

/** Why the timing of a goal or action (by id) deviates from the signed plan (planmatig werken). */
export const DeviationReason = z.object({
  id: Id,
  reason: Text("reason", 1000),
});
export type DeviationReason = z.infer<typeof DeviationReason>;

/** Saving the plan: content plus the reasons for deviations from the last signed version. */
export const SavePlan = z.object({
  /** The version number the client edited (optimistic concurrency); null for the first plan. */
  basedOn: z.number().int().min(1).nullable(),
  content: PlanContent,
  deviations: z.array(DeviationReason).max(500).default([]),
});
export type SavePlan = z.infer<typeof SavePlan>;

export const SIGNATURE_METHODS = ["paper", "screen"] as const;
export const SIGNATURE_METHOD_LABELS: Readonly<Record<(typeof SIGNATURE_METHODS)[number], LocalizedText>> = {
  paper: { nl: "Op papier", en: "On paper" },
  screen: { nl: "Op het scherm", en: "On screen" },
};

/** The family's signature that makes a version definitive. */
export const PlanSignature = z.object({
  signedOn: IsoDate,
  /** The family members who signed. */
  signedBy: z.array(Id).min(1, "at least one family member signs the plan").max(50),
  method: z.enum(SIGNATURE_METHODS),
  /** The user who recorded the signature. */
  recordedBy: Id,
});
export type PlanSignature = z.infer<typeof PlanSignature>;
