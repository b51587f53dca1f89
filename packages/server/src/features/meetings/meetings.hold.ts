/**
 * Recording an MDO as held: attendance per participant, whether the family was there, decisions,
 * minutes and agreements. Agreements become open actions under their goals in the gezinsplan, in
 * the same transaction, through the domain's savePlan: on top of a signed version that is a new
 * concept version; when a concept is already being worked on, the agreements go into that concept
 * (one concept at a time, edited in place). The version is recorded on the meeting.
 */
import { randomUUID } from "node:crypto";
import { addAgreements, conflict, invalid, staleVersion, todayInNetherlands, type HoldMeeting, type InvalidParam, type Meeting } from "@ploegwerk/domain";
import type { Actor } from "../../authz/actor.ts";
import { audit } from "../../audit/audit.ts";
import type { Db } from "../../db/database.ts";
import type { VisibleTrajectory } from "../plans/plans.context.ts";
import { storePlan } from "../plans/plans.store.ts";
import { participantsOf } from "./meetings.present.ts";
import { updateMeetingRow, type MeetingRow } from "./meetings.queries.ts";
import { assertStatus, getMeeting, loadMeetingForWrite, meetingPlanContent } from "./meetings.service.ts";

const holdInvalid = (params: InvalidParam[]) => invalid({ nl: "Het verslag van het MDO klopt niet; zie invalidParams.", en: "The meeting record is not valid; see invalidParams." }, params);

function attendanceOf(meeting: MeetingRow, input: HoldMeeting) {
  const participants = participantsOf(meeting);
  const ids = new Set(participants.map((p) => p.id));
  const errors = input.attendance.flatMap((a, i) => (ids.has(a.participantId) ? [] : [{ name: `attendance.${i}.participantId`, reason: "not a participant of this meeting" }]));
  if (errors.length > 0) throw holdInvalid(errors);
  const present = new Set(input.attendance.filter((a) => a.attended).map((a) => a.participantId));
  return participants.map((p) => ({ ...p, attended: present.has(p.id) }));
}

/** Puts the agreements into the plan; returns the plan version that holds them. */
async function applyAgreements(tx: Db, actor: Actor, found: VisibleTrajectory, meetingId: string, agreements: Parameters<typeof addAgreements>[1]): Promise<number> {
  const { history, content } = await meetingPlanContent(tx, actor.organisationId, found.trajectory.id);
  const latest = history.entries.at(-1);
  if (!latest || !content) throw holdInvalid([{ name: "agreements", reason: "there is no family plan yet to put agreements into; draft the plan first" }]);
  const applied = addAgreements(content, agreements);
  if (applied.errors.length > 0) throw holdInvalid(applied.errors);
  const { row } = await storePlan(tx, actor, {
    found,
    history,
    input: { basedOn: latest.version.number, content: applied.content, deviations: latest.version.deviations },
    rowVersion: latest.row.version,
    rename: (name) => applied.agreementPath(name) ?? `plan.${name}`,
    details: { meetingId },
  });
  return row.number;
}

export async function holdMeeting(db: Db, opts: { actor: Actor; trajectoryId: string; meetingId: string; input: HoldMeeting }): Promise<Meeting> {
  const { actor, trajectoryId, meetingId, input } = opts;
  await db.transaction(async (tx) => {
    const { found, meeting } = await loadMeetingForWrite(tx, actor, trajectoryId, meetingId, { nl: "Een MDO vastleggen", en: "Recording a meeting" });
    assertStatus(meeting, ["planned"]);
    if (meeting.version !== input.version) throw staleVersion();
    if (todayInNetherlands(meeting.scheduledAt) > todayInNetherlands()) {
      throw conflict({ nl: "Dit MDO is pas later gepland; verzet het eerst als het eerder werd gehouden.", en: "This meeting is scheduled later; reschedule it first if it was held earlier." }, "meeting_in_future");
    }
    const participants = attendanceOf(meeting, input);
    const agreements = input.agreements.map((a) => ({ ...a, id: randomUUID() }));
    const planVersion = agreements.length > 0 ? await applyAgreements(tx, actor, found, meetingId, agreements) : null;
    const familyPresent = input.familyPresent ?? participants.some((p) => p.kind === "member" && p.attended);
    const updated = await updateMeetingRow(
      tx,
      { organisationId: actor.organisationId, meetingId, version: input.version },
      { status: "held", participants, familyPresent, decisions: input.decisions, minutes: input.minutes, agreements, agreementsPlanVersion: planVersion },
    );
    if (!updated) throw staleVersion();
    const familyId = found.trajectory.familyId;
    await audit(tx, actor, { action: "meeting.updated", entityType: "meeting", entityId: meetingId, familyId, details: { trajectoryId, change: "held", familyPresent, agreements: agreements.length } });
    if (planVersion !== null) {
      await audit(tx, actor, { action: "meeting.agreements_applied", entityType: "meeting", entityId: meetingId, familyId, details: { trajectoryId, planVersion, actionIds: agreements.map((a) => a.id) } });
    }
  });
  return getMeeting(db, { actor, trajectoryId, meetingId });
}
