import { openGoalsAgenda, type Family, type Meeting, type MeetingAgendaItem, type ParticipantInput, type PlanContent } from "@ploegwerk/domain";
import type { TFunction } from "i18next";
import type { z } from "zod";
import type { AgendaRow } from "./AgendaRows.tsx";
import { localParts } from "./dateTime.ts";
import type { PartnerRow } from "./PartnerRows.tsx";

/*
 * The planning of an MDO as the schedule and change forms hold it: when and where, who is invited,
 * and the agenda. The same draft, checks and error places serve planning a new MDO and changing a
 * planned one.
 */

export interface MeetingDraft {
  date: string;
  time: string;
  location: string;
  memberIds: string[];
  networkIds: string[];
  /** Colleagues besides the chair (who always takes part). */
  userIds: string[];
  /** Chosen contacts from the plan's chain partners, by `partnerKey`. */
  planPartnerKeys: string[];
  /** Other chain partners' contacts, typed in. */
  partners: PartnerRow[];
  agenda: AgendaRow[];
}

export interface PartnerContact {
  organisation: string;
  contactName: string;
  contact: string | null;
  /** The registered chain partner organisation; with consent its ketenpartners see the MDO. */
  partnerOrganisationId: string | null;
}

export const partnerKey = (p: { organisation: string; contactName: string }) => `${p.organisation}|${p.contactName}`;
/** The same contact: organisation and name as the server compares them (ignoring case), the same phone or e-mail, and the same registered organisation. */
const sameContact = (a: PartnerContact, b: PartnerContact) =>
  a.organisation.toLowerCase() === b.organisation.toLowerCase() &&
  a.contactName.toLowerCase() === b.contactName.toLowerCase() &&
  (a.contact ?? "") === (b.contact ?? "") &&
  a.partnerOrganisationId === b.partnerOrganisationId;

const agendaRow = (a: { goalId: string | null; text: string }): AgendaRow => ({ key: crypto.randomUUID(), goalId: a.goalId, text: a.text });

/** A new MDO: the parents invited, the plan's open goals on the agenda. */
export function newMeetingDraft(family: Family, plan: PlanContent | null): MeetingDraft {
  return {
    date: "",
    time: "",
    location: "",
    memberIds: family.members.filter((m) => m.role === "parent").map((m) => m.id),
    networkIds: [],
    userIds: [],
    planPartnerKeys: [],
    partners: [],
    agenda: openGoalsAgenda(plan).map(agendaRow),
  };
}

/**
 * A planned MDO as the change form starts from. Family members and network persons no longer in
 * the family are left out (the server would refuse them); a partner's contact just as the plan
 * has it is ticked there, any other is a typed-in row.
 */
export function meetingDraftOf(meeting: Meeting, opts: { family: Family; planPartners: readonly PartnerContact[] }): MeetingDraft {
  const refs = (kind: Meeting["participants"][number]["kind"], known: readonly string[]) =>
    meeting.participants.flatMap((p) => (p.kind === kind && p.ref !== null && known.includes(p.ref) ? [p.ref] : []));
  const draft: MeetingDraft = {
    ...localParts(meeting.scheduledAt),
    location: meeting.location ?? "",
    memberIds: refs("member", opts.family.members.map((m) => m.id)),
    networkIds: refs("networkPerson", opts.family.network.map((n) => n.id)),
    userIds: invitedColleagues(meeting).map((c) => c.id),
    planPartnerKeys: [],
    partners: [],
    agenda: meeting.agenda.map(agendaRow),
  };
  for (const p of meeting.participants) {
    if (p.kind !== "partnerContact") continue;
    const invited: PartnerContact = { organisation: p.organisation ?? "", contactName: p.name, contact: p.contact, partnerOrganisationId: p.partnerOrganisationId };
    const fromPlan = opts.planPartners.find((x) => sameContact(x, invited));
    if (fromPlan) draft.planPartnerKeys.push(partnerKey(fromPlan));
    else {
      draft.partners.push({
        key: crypto.randomUUID(),
        organisation: invited.organisation,
        contactName: invited.contactName,
        contact: invited.contact ?? "",
        partnerOrganisationId: invited.partnerOrganisationId ?? "",
      });
    }
  }
  return draft;
}

/** The colleagues invited to an MDO besides its chair, with their names as invited. */
export function invitedColleagues(meeting: Meeting): { id: string; name: string }[] {
  return meeting.participants.flatMap((p) => (p.kind === "user" && p.ref !== null && p.ref !== meeting.chair?.id ? [{ id: p.ref, name: p.name }] : []));
}

/** An invitee as the API takes it (fields with a default may be left out). */
export type InviteeInput = z.input<typeof ParticipantInput>;

/** Who is invited, as the API takes it. */
export function participantInputs(d: MeetingDraft, planPartners: readonly PartnerContact[]): InviteeInput[] {
  return [
    ...d.memberIds.map((memberId) => ({ kind: "member" as const, memberId })),
    ...d.networkIds.map((networkPersonId) => ({ kind: "networkPerson" as const, networkPersonId })),
    ...d.userIds.map((userId) => ({ kind: "user" as const, userId })),
    ...planPartners
      .filter((p) => d.planPartnerKeys.includes(partnerKey(p)))
      .map((p) => ({ kind: "partnerContact" as const, organisation: p.organisation, contactName: p.contactName, contact: p.contact, partnerOrganisationId: p.partnerOrganisationId })),
    ...d.partners.map((r) => ({
      kind: "partnerContact" as const,
      organisation: r.organisation.trim(),
      contactName: r.contactName.trim(),
      contact: r.contact.trim() || null,
      partnerOrganisationId: r.partnerOrganisationId || null,
    })),
  ];
}

export function agendaItems(d: MeetingDraft): MeetingAgendaItem[] {
  return d.agenda.map((a) => ({ goalId: a.goalId, text: a.text.trim() }));
}

/** The checks the browser does before sending, keyed by field name ("partners.0.organisation", "agenda.1.text"). */
export function meetingDraftErrors(d: MeetingDraft, t: TFunction): Record<string, string> {
  const found: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) found.date = t("meeting.errors.date");
  if (!/^\d{2}:\d{2}/.test(d.time)) found.time = t("meeting.errors.time");
  d.partners.forEach((r, i) => {
    if (!r.organisation.trim()) found[`partners.${i}.organisation`] = t("meeting.errors.partnerOrganisation", { number: i + 1 });
    if (!r.contactName.trim()) found[`partners.${i}.contactName`] = t("meeting.errors.partnerContactName", { number: i + 1 });
  });
  d.agenda.forEach((a, i) => {
    if (!a.text.trim()) found[`agenda.${i}.text`] = t("meeting.errors.agendaText", { number: i + 1 });
  });
  return found;
}

/** Every field that can carry an error, in form order (the order of the error summary). */
export function meetingDraftFields(d: MeetingDraft): string[] {
  return [
    "date",
    "time",
    "location",
    "participants",
    ...d.partners.flatMap((_, i) => [`partners.${i}.partnerOrganisationId`, `partners.${i}.organisation`, `partners.${i}.contactName`, `partners.${i}.contact`]),
    "agenda",
    ...d.agenda.map((_, i) => `agenda.${i}.text`),
  ];
}

/**
 * A server field name as the form knows it: the time is the date and time fields; an error on a
 * typed-in partner's contact goes to its row, any other invitee's to the invitee list.
 */
export function meetingFieldOf(name: string, d: MeetingDraft): string {
  if (name === "scheduledAt") return "date";
  const invitee = /^participants\.(\d+)(?:\.(partnerOrganisationId|organisation|contactName|contact))?$/.exec(name);
  if (invitee) {
    const firstRow = d.memberIds.length + d.networkIds.length + d.userIds.length + d.planPartnerKeys.length;
    const row = Number(invitee[1]) - firstRow;
    // "listed twice" names the whole invitee: it goes on the row's organisation.
    if (row >= 0 && row < d.partners.length) return `partners.${row}.${invitee[2] ?? "organisation"}`;
  }
  if (name.startsWith("participants")) return "participants";
  return name.replace(/^agenda\.(\d+)\.goalId$/, "agenda.$1.text");
}
