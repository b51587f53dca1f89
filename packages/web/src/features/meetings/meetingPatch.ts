import type { Meeting, MeetingAgendaItem } from "@ploegwerk/domain";
import { localDateTimeIso } from "./dateTime.ts";
import { agendaItems, participantInputs, type InviteeInput, type MeetingDraft, type PartnerContact } from "./meetingDraft.ts";

/** The scheduling fields of a MeetingPatch; absent means unchanged. */
export interface SchedulingChanges {
  scheduledAt?: string;
  location?: string | null;
  participants?: InviteeInput[];
  agenda?: MeetingAgendaItem[];
}

/**
 * One invitee as a comparable string: the server's own notion of "the same person" (ids, or
 * organisation and name ignoring case), with the contact and the registered organisation, so
 * linking a contact to a registered chain partner counts as a change.
 */
function inviteeKey(p: { kind: string; ref: string | null; organisation: string | null; name: string; contact: string | null; partnerOrganisationId?: string | null }): string {
  return p.ref !== null
    ? `${p.kind}:${p.ref}`
    : `${p.kind}:${(p.organisation ?? "").toLowerCase()}|${p.name.toLowerCase()}|${p.contact ?? ""}|${p.partnerOrganisationId ?? ""}`;
}

function inputKey(p: InviteeInput): string {
  switch (p.kind) {
    case "member":
      return inviteeKey({ kind: p.kind, ref: p.memberId, organisation: null, name: "", contact: null });
    case "networkPerson":
      return inviteeKey({ kind: p.kind, ref: p.networkPersonId, organisation: null, name: "", contact: null });
    case "user":
      return inviteeKey({ kind: p.kind, ref: p.userId, organisation: null, name: "", contact: null });
    case "partnerContact":
      return inviteeKey({ kind: p.kind, ref: null, organisation: p.organisation, name: p.contactName, contact: p.contact ?? null, partnerOrganisationId: p.partnerOrganisationId ?? null });
  }
}

const sortedKeys = (keys: string[]) => [...new Set(keys)].sort().join("\n");

/**
 * What the change form changes on a planned MDO, field by field, so the audit trail names only
 * what really changed. Empty when nothing changed. The chair always takes part and is not compared.
 */
export function schedulingChanges(d: MeetingDraft, meeting: Meeting, planPartners: readonly PartnerContact[]): SchedulingChanges {
  const out: SchedulingChanges = {};
  const scheduledAt = localDateTimeIso(d.date, d.time);
  if (new Date(scheduledAt).getTime() !== new Date(meeting.scheduledAt).getTime()) out.scheduledAt = scheduledAt;
  const location = d.location.trim() || null;
  if (location !== meeting.location) out.location = location;
  const participants = participantInputs(d, planPartners);
  const chairKey = meeting.chair ? `user:${meeting.chair.id}` : null;
  const before = meeting.participants.map(inviteeKey).filter((k) => k !== chairKey);
  const after = participants.map(inputKey).filter((k) => k !== chairKey);
  if (sortedKeys(before) !== sortedKeys(after) || after.length !== new Set(after).size) out.participants = participants;
  const agenda = agendaItems(d);
  const agendaBefore = meeting.agenda.map((a) => ({ goalId: a.goalId, text: a.text }));
  if (JSON.stringify(agenda) !== JSON.stringify(agendaBefore)) out.agenda = agenda;
  return out;
}
