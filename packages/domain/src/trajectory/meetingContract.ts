import { z } from "zod";
import { Id, IsoDate, Version } from "../contracts/common.ts";
import type { LocalizedText } from "../i18n.ts";
import { PLAN_EDIT_PHASES } from "./planApiContract.ts";
import { ActionOwner } from "./planContract.ts";

/*
 * The MDO (multidisciplinair overleg, BRIEF §3) over HTTP: the coach chairs; family members, people
 * of the family's network, colleagues and chain partners' contacts are invited; attendance, decisions,
 * minutes and agreements are recorded when it is held; agreements become actions in the gezinsplan.
 */

const Text = (what: string, max: number) => z.string().trim().min(1, `${what} is required`).max(max, `${what} is too long (at most ${max} characters)`);
const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((v) => (v === "" ? null : v));
const DateTime = z.iso.datetime({ offset: true, message: "a date and time (ISO 8601, e.g. 2025-03-04T14:00:00+01:00)" });

/** Phases in which MDO's are planned and held: from the informatiefase (an optional first MDO) to the afronding. */
export const MEETING_PHASES = PLAN_EDIT_PHASES;

export const MEETING_STATUSES = ["planned", "held", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Readonly<Record<MeetingStatus, LocalizedText>> = {
  planned: { nl: "Gepland", en: "Planned" },
  held: { nl: "Gehouden", en: "Held" },
  cancelled: { nl: "Afgelast", en: "Cancelled" },
};

export const PARTICIPANT_KINDS = ["member", "networkPerson", "user", "partnerContact"] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/** Someone invited: a family member, a network person, a user (colleague), or a chain partner's contact. */
export const ParticipantInput = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("member"), memberId: Id }),
    z.object({ kind: z.literal("networkPerson"), networkPersonId: Id }),
    z.object({ kind: z.literal("user"), userId: Id }),
    z.object({
      kind: z.literal("partnerContact"),
      organisation: Text("organisation", 200),
      contactName: Text("contact person", 200),
      contact: OptionalText(300),
      /** The registered chain partner organisation, when it is one: with consent its ketenpartners see the MDO. */
      partnerOrganisationId: Id.nullable().default(null),
    }),
  ],
  { error: "a participant is a family member, network person, user or chain partner's contact" },
);
export type ParticipantInput = z.infer<typeof ParticipantInput>;

/** A participant as stored: the name is kept as it was when invited, so the minutes stay readable. */
export const Participant = z.object({
  id: Id,
  kind: z.enum(PARTICIPANT_KINDS),
  /** The member, network person or user id; null for a chain partner's contact. */
  ref: Id.nullable(),
  name: z.string(),
  organisation: z.string().nullable(),
  contact: z.string().nullable(),
  partnerOrganisationId: Id.nullable().default(null),
  /** Null until the meeting is held. */
  attended: z.boolean().nullable(),
});
export type Participant = z.infer<typeof Participant>;

export const MeetingAgendaItem = z.object({
  /** The plan goal this item discusses, if any. */
  goalId: Id.nullable().default(null),
  text: Text("agenda item", 1000),
});
export type MeetingAgendaItem = z.infer<typeof MeetingAgendaItem>;

/** An agreement made in the MDO: it becomes an action under its goal in the gezinsplan. */
export const AgreementInput = z.object({
  description: Text("description", 1000),
  goalId: Id,
  owner: ActionOwner,
  dueDate: IsoDate,
});
export type AgreementInput = z.infer<typeof AgreementInput>;

/** An agreement as stored; its id is the id of the action it became. */
export const Agreement = AgreementInput.extend({ id: Id });
export type Agreement = z.infer<typeof Agreement>;

export const ScheduleMeeting = z.object({
  scheduledAt: DateTime,
  location: OptionalText(300),
  participants: z.array(ParticipantInput).max(60).default([]),
  /** Defaults to the plan's open goals (goals with open actions, or none yet). */
  agenda: z.array(MeetingAgendaItem).max(50).optional(),
});
export type ScheduleMeeting = z.infer<typeof ScheduleMeeting>;

/** Changes to a meeting: scheduling fields while planned; decisions and minutes once held. Absent = unchanged. */
export const MeetingPatch = z.object({
  version: Version,
  scheduledAt: DateTime.optional(),
  location: z.string().trim().max(300).nullable().optional(),
  participants: z.array(ParticipantInput).max(60).optional(),
  agenda: z.array(MeetingAgendaItem).max(50).optional(),
  decisions: z.string().trim().max(10_000).nullable().optional(),
  minutes: z.string().trim().max(50_000).nullable().optional(),
});
export type MeetingPatch = z.infer<typeof MeetingPatch>;

export const Attendance = z.object({ participantId: Id, attended: z.boolean() });

/** Recording the MDO as held. Participants not named in `attendance` were absent. */
export const HoldMeeting = z.object({
  version: Version,
  attendance: z.array(Attendance).max(60).default([]),
  /** Defaults to whether any invited family member attended. */
  familyPresent: z.boolean().optional(),
  decisions: OptionalText(10_000),
  minutes: OptionalText(50_000),
  agreements: z.array(AgreementInput).max(100).default([]),
});
export type HoldMeeting = z.infer<typeof HoldMeeting>;

export const CancelMeeting = z.object({
  version: Version,
  reason: Text("reason", 2000),
});
export type CancelMeeting = z.infer<typeof CancelMeeting>;

export const Meeting = z.object({
  id: Id,
  trajectoryId: Id,
  kind: z.literal("mdo"),
  status: z.enum(MEETING_STATUSES),
  scheduledAt: z.string(),
  location: z.string().nullable(),
  chair: z.object({ id: Id, name: z.string() }).nullable(),
  participants: z.array(Participant),
  familyPresent: z.boolean().nullable(),
  agenda: z.array(MeetingAgendaItem),
  decisions: z.string().nullable(),
  agreements: z.array(Agreement),
  /** The plan version the agreements were put into. */
  agreementsPlanVersion: z.number().int().nullable(),
  minutes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;
