import { z } from "zod";
import { Id, IsoDate, Version } from "../contracts/common.ts";
import type { InvalidParam } from "../errors.ts";
import type { LocalizedText } from "../i18n.ts";
import { addDays, addMonths, daysBetween, type IsoDay } from "./calendar.ts";

/*
 * The Eigen Kracht-conferentie (familyGroupConference, BRIEF §3): the family and its network make
 * their own plan, organised by an independent coordinator. Discussed with the family, started
 * (preparation), held, or called off (with a reason). The network plan's agreements are owned by
 * people of the family or its network; the coordinator phones after four weeks, a call bureau after
 * three months.
 */

export const FGC_STATUSES = ["discussed", "started", "held", "called_off"] as const;
export type FgcStatus = (typeof FGC_STATUSES)[number];
export const FGC_STATUS_LABELS: Readonly<Record<FgcStatus, LocalizedText>> = {
  discussed: { nl: "Besproken met het gezin", en: "Discussed with the family" },
  started: { nl: "Gestart (voorbereiding)", en: "Started (preparation)" },
  held: { nl: "Gehouden", en: "Held" },
  called_off: { nl: "Afgeblazen", en: "Called off" },
};

/** Follow-up calls after the conference: four weeks (the coordinator) and three months (a call bureau). */
export const FGC_FOLLOW_UPS = ["fourWeeks", "threeMonths"] as const;
export type FgcFollowUp = (typeof FGC_FOLLOW_UPS)[number];
export const FGC_FOLLOW_UP_LABELS: Readonly<Record<FgcFollowUp, LocalizedText>> = {
  fourWeeks: { nl: "Nabellen na vier weken (coördinator)", en: "Follow-up call after four weeks (coordinator)" },
  threeMonths: { nl: "Nabellen na drie maanden", en: "Follow-up call after three months" },
};

/** The day each follow-up is due: 28 days and three calendar months after the conference. */
export function fgcFollowUpDueOn(heldOn: IsoDay, followUp: FgcFollowUp): IsoDay {
  return followUp === "fourWeeks" ? addDays(heldOn, 28) : addMonths(heldOn, 3);
}

const Text = (what: string, max: number) => z.string().trim().min(1, `fill in ${what}`).max(max, `${what} is too long (at most ${max} characters)`);
const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((v) => (v === "" ? null : v));

/**
 * Who carries out an agreement of the network plan: a member of the family or someone of its
 * network. The shape is a subset of the plan's ActionOwner, so an agreement becomes an action as is.
 */
export const NetworkAgreementOwner = z.discriminatedUnion(
  "kind",
  [z.object({ kind: z.literal("member"), memberId: Id }), z.object({ kind: z.literal("networkPerson"), networkPersonId: Id })],
  { error: "an agreement needs an owner: a member of the family or someone of its network" },
);
export type NetworkAgreementOwner = z.infer<typeof NetworkAgreementOwner>;

const agreementShape = {
  description: Text("the agreement", 1000),
  owner: NetworkAgreementOwner,
  dueDate: IsoDate,
};

/** An agreement as sent; without an id the server gives it one (the plan refers to it by id). */
export const NetworkAgreementInput = z.object({ id: Id.optional(), ...agreementShape });
export type NetworkAgreementInput = z.infer<typeof NetworkAgreementInput>;

export const FollowUpInput = z.object({
  /** The day the follow-up call took place; null while it has not. */
  on: IsoDate.nullable().default(null),
  note: OptionalText(2000),
});

const conferenceShape = {
  status: z.enum(FGC_STATUSES),
  /** Why the conference was called off; required for that status. */
  statusReason: OptionalText(2000),
  coordinator: OptionalText(200),
  heldOn: IsoDate.nullable().default(null),
  agreements: z.array(NetworkAgreementInput).max(100).default([]),
  followUps: z
    .object({ fourWeeks: FollowUpInput.default({ on: null, note: null }), threeMonths: FollowUpInput.default({ on: null, note: null }) })
    .default({ fourWeeks: { on: null, note: null }, threeMonths: { on: null, note: null } }),
};

interface ConferenceFields {
  status: FgcStatus;
  statusReason: string | null;
  heldOn: string | null;
  agreements: readonly { dueDate: string }[];
  followUps: Record<FgcFollowUp, { on: string | null; note: string | null }>;
}

/** Rules within the record: a reason to call off, a date for a held conference, a plan and follow-ups only after it. */
export function fgcFieldErrors(c: ConferenceFields): InvalidParam[] {
  const errors: InvalidParam[] = [];
  const held = c.status === "held";
  if (c.status === "called_off" && !c.statusReason) errors.push({ name: "statusReason", reason: "give the reason the conference was called off" });
  if (held && c.heldOn === null) errors.push({ name: "heldOn", reason: "give the date the conference was held" });
  if (!held && c.heldOn !== null) errors.push({ name: "heldOn", reason: "only a held conference has a date held; set the status to held" });
  if (!held && c.agreements.length > 0) errors.push({ name: "agreements", reason: "the network plan is made at the conference; set the status to held first" });
  c.agreements.forEach((a, i) => {
    if (c.heldOn !== null && a.dueDate < c.heldOn) errors.push({ name: `agreements.${i}.dueDate`, reason: `on or after the conference (${c.heldOn})` });
  });
  for (const key of FGC_FOLLOW_UPS) {
    const f = c.followUps[key];
    if (f.on === null && f.note !== null) errors.push({ name: `followUps.${key}.on`, reason: "give the date of the follow-up call" });
    if (f.on !== null && !held) errors.push({ name: `followUps.${key}.on`, reason: "follow-up calls come after a held conference" });
    if (f.on !== null && c.heldOn !== null && f.on < c.heldOn) errors.push({ name: `followUps.${key}.on`, reason: `on or after the conference (${c.heldOn})` });
  }
  return errors;
}

function withRules<S extends z.ZodType<ConferenceFields>>(schema: S) {
  return schema.superRefine((c, ctx) => {
    for (const e of fgcFieldErrors(c)) ctx.addIssue({ code: "custom", path: e.name.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: e.reason });
  });
}

export const NewFamilyGroupConference = withRules(z.object(conferenceShape));
export type NewFamilyGroupConference = z.infer<typeof NewFamilyGroupConference>;
export type NewFamilyGroupConferenceInput = z.input<typeof NewFamilyGroupConference>;

/** An edit sends the whole record again with the version the editor read. */
export const FamilyGroupConferenceUpdate = withRules(z.object({ ...conferenceShape, version: Version }));
export type FamilyGroupConferenceUpdate = z.infer<typeof FamilyGroupConferenceUpdate>;

export interface FgcContext {
  today: IsoDay;
  memberIds: ReadonlySet<string>;
  networkPersonIds: ReadonlySet<string>;
}

/** Rules that need the family and the date: owners of the family, no dates in the future. */
export function validateFamilyGroupConference(c: NewFamilyGroupConference, ctx: FgcContext): InvalidParam[] {
  const errors: InvalidParam[] = [];
  if (c.heldOn !== null && c.heldOn > ctx.today) errors.push({ name: "heldOn", reason: "a date in the future; record the conference once it is held" });
  c.agreements.forEach((a, i) => {
    const own = a.owner.kind === "member" ? ctx.memberIds.has(a.owner.memberId) : ctx.networkPersonIds.has(a.owner.networkPersonId);
    if (!own) errors.push({ name: `agreements.${i}.owner`, reason: a.owner.kind === "member" ? "not a member of this family" : "not in this family's network" });
  });
  const ids = c.agreements.map((a) => a.id).filter((id): id is string => id !== undefined);
  if (new Set(ids).size !== ids.length) errors.push({ name: "agreements", reason: "two agreements have the same id" });
  for (const key of FGC_FOLLOW_UPS) {
    const on = c.followUps[key].on;
    if (on !== null && on > ctx.today) errors.push({ name: `followUps.${key}.on`, reason: "a date in the future" });
  }
  return errors;
}

export const FOLLOW_UP_STATUSES = ["upcoming", "due", "done"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FollowUpView = z.object({
  /** When the call is due, counted from the date held. */
  dueOn: z.string(),
  /** Days from today to dueOn; negative once it has passed. */
  daysUntilDue: z.number().int(),
  status: z.enum(FOLLOW_UP_STATUSES),
  on: z.string().nullable(),
  note: z.string().nullable(),
});
export type FollowUpView = z.infer<typeof FollowUpView>;

/** A follow-up's schedule and state on `today`: upcoming, due (from its day until done) or done. */
export function followUpView(heldOn: IsoDay, key: FgcFollowUp, done: { on: string | null; note: string | null }, today: IsoDay): FollowUpView {
  const dueOn = fgcFollowUpDueOn(heldOn, key);
  const status: FollowUpStatus = done.on !== null ? "done" : today >= dueOn ? "due" : "upcoming";
  return { dueOn, daysUntilDue: daysBetween(today, dueOn), status, on: done.on, note: done.note };
}

export const NetworkAgreement = z.object({
  id: Id,
  description: z.string(),
  owner: NetworkAgreementOwner,
  dueDate: z.string(),
  /** The owner's name now; null when the person has left the family file. */
  ownerName: z.string().nullable(),
});
export type NetworkAgreement = z.infer<typeof NetworkAgreement>;

export const FamilyGroupConference = z.object({
  id: Id,
  trajectoryId: Id,
  status: z.enum(FGC_STATUSES),
  statusReason: z.string().nullable(),
  coordinator: z.string().nullable(),
  heldOn: z.string().nullable(),
  agreements: z.array(NetworkAgreement),
  /** Null until the conference is held. */
  followUps: z.object({ fourWeeks: FollowUpView, threeMonths: FollowUpView }).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FamilyGroupConference = z.infer<typeof FamilyGroupConference>;

export const FamilyGroupConferenceList = z.object({ items: z.array(FamilyGroupConference) });

/** Puts agreements of a held conference's network plan into the gezinsplan, each under a goal. */
export const ConferenceAgreementsToPlan = z.object({
  placements: z
    .array(z.object({ agreementId: Id, goalId: Id }))
    .min(1, "choose at least one agreement and the goal it belongs to")
    .max(100),
});
export type ConferenceAgreementsToPlan = z.infer<typeof ConferenceAgreementsToPlan>;

/** The agreements as stored on a conference: every one has its id (the plan's actions refer to it). */
export const StoredNetworkAgreements = z.array(NetworkAgreementInput.required({ id: true }));
