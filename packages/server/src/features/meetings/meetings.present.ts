import { Agreement, MeetingAgendaItem, Participant, type Meeting, type MeetingStatus } from "@ploegwerk/domain";
import { z } from "zod";
import type { MeetingRow, MeetingWithChair } from "./meetings.queries.ts";

const Participants = z.array(Participant);
const Agenda = z.array(MeetingAgendaItem);
const Agreements = z.array(Agreement);

export const participantsOf = (row: MeetingRow): Participant[] => Participants.parse(row.participants);
export const agendaOf = (row: MeetingRow): MeetingAgendaItem[] => Agenda.parse(row.agenda);
export const agreementsOf = (row: MeetingRow): Agreement[] => Agreements.parse(row.agreements);

export function toMeeting({ meeting: row, chairName }: MeetingWithChair): Meeting {
  return {
    id: row.id,
    trajectoryId: row.trajectoryId,
    kind: "mdo",
    status: row.status as MeetingStatus,
    scheduledAt: row.scheduledAt.toISOString(),
    location: row.location,
    chair: row.chairId ? { id: row.chairId, name: chairName ?? "" } : null,
    participants: participantsOf(row),
    familyPresent: row.familyPresent,
    agenda: agendaOf(row),
    decisions: row.decisions,
    agreements: agreementsOf(row),
    agreementsPlanVersion: row.agreementsPlanVersion,
    minutes: row.minutes,
    cancelReason: row.cancelReason,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
