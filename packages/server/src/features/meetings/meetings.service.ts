/** Planning MDO's: schedule, read, change and cancel. Holding one (with its agreements) is in meetings.hold.ts. */
import {
  MEETING_PHASES,
  conflict,
  invalid,
  notFound,
  openGoalsAgenda,
  staleVersion,
  type CancelMeeting,
  type Meeting,
  type MeetingAgendaItem,
  type MeetingPatch,
  type MeetingStatus,
  type PlanContent,
  type ScheduleMeeting,
} from "@ploegwerk/domain";
import type { Actor } from "../../authz/actor.ts";
import { audit } from "../../audit/audit.ts";
import type { Db } from "../../db/database.ts";
import { loadForPlanWrite, userIdOf } from "../plans/plans.context.ts";
import { listPlanRows, listProgressRows } from "../plans/plans.queries.ts";
import { planHistory, workingContent } from "../plans/plans.versions.ts";
import { loadVisibleTrajectory } from "../trajectories/trajectories.service.ts";
import { resolveParticipants } from "./meetings.participants.ts";
import { participantsOf, toMeeting } from "./meetings.present.ts";
import { findMeetingRow, insertMeetingRow, listMeetingRows, updateMeetingRow, type MeetingRow } from "./meetings.queries.ts";

export const MEETING = { nl: "MDO", en: "Meeting" };

const STATUS_CONFLICT: Readonly<Record<MeetingStatus, { reason: string; nl: string; en: string }>> = {
  planned: { reason: "meeting_not_held", nl: "Dit MDO is nog niet gehouden.", en: "This meeting has not been held yet." },
  held: { reason: "meeting_held", nl: "Dit MDO is al gehouden; de planning ligt vast.", en: "This meeting has been held; its planning is fixed." },
  cancelled: { reason: "meeting_cancelled", nl: "Dit MDO is afgelast.", en: "This meeting was cancelled." },
};

export function assertStatus(row: MeetingRow, allowed: readonly MeetingStatus[]): void {
  const status = row.status as MeetingStatus;
  if (allowed.includes(status)) return;
  const c = STATUS_CONFLICT[status];
  throw conflict({ nl: c.nl, en: c.en }, c.reason);
}

/** The trajectory for an MDO write (404/403/409 as for the plan) and the meeting in it (404). */
export async function loadMeetingForWrite(tx: Db, actor: Actor, trajectoryId: string, meetingId: string, what: { nl: string; en: string }) {
  const found = await loadForPlanWrite(tx, actor, trajectoryId, MEETING_PHASES, what);
  const meeting = await findMeetingRow(tx, actor.organisationId, trajectoryId, meetingId);
  if (!meeting) throw notFound(MEETING);
  return { found, meeting: meeting.meeting };
}

/** The plan as an MDO sees it: the latest version with the progress on the plan in force written in. */
export async function meetingPlanContent(tx: Db, organisationId: string, trajectoryId: string) {
  const history = planHistory(await listPlanRows(tx, organisationId, trajectoryId));
  const progress = await listProgressRows(tx, organisationId, trajectoryId);
  return { history, content: workingContent(history, progress) };
}

function assertAgenda(agenda: readonly MeetingAgendaItem[], content: PlanContent | null): void {
  const goals = new Set((content?.goals ?? []).map((g) => g.id));
  const errors = agenda.flatMap((item, i) => (item.goalId !== null && !goals.has(item.goalId) ? [{ name: `agenda.${i}.goalId`, reason: "not a goal of the family plan" }] : []));
  if (errors.length > 0) throw invalid({ nl: "De agenda noemt een doel dat niet in het gezinsplan staat.", en: "The agenda names a goal that is not in the family plan." }, errors);
}

export async function getMeeting(db: Db, opts: { actor: Actor; trajectoryId: string; meetingId: string }): Promise<Meeting> {
  await loadVisibleTrajectory(db, opts.actor, opts.trajectoryId);
  const found = await findMeetingRow(db, opts.actor.organisationId, opts.trajectoryId, opts.meetingId);
  if (!found) throw notFound(MEETING);
  return toMeeting(found);
}

export async function listMeetings(db: Db, opts: { actor: Actor; trajectoryId: string }): Promise<Meeting[]> {
  await loadVisibleTrajectory(db, opts.actor, opts.trajectoryId);
  return (await listMeetingRows(db, opts.actor.organisationId, opts.trajectoryId)).map(toMeeting);
}

/** Plans an MDO chaired by the actor; without an agenda, the plan's open goals are the agenda. */
export async function scheduleMeeting(db: Db, opts: { actor: Actor; trajectoryId: string; input: ScheduleMeeting }): Promise<Meeting> {
  const { actor, trajectoryId, input } = opts;
  const id = await db.transaction(async (tx) => {
    const found = await loadForPlanWrite(tx, actor, trajectoryId, MEETING_PHASES, { nl: "Een MDO plannen", en: "Scheduling a meeting" });
    const { familyId } = found.trajectory;
    const chairId = userIdOf(actor);
    const participants = await resolveParticipants(tx, { organisationId: actor.organisationId, familyId }, input.participants, { chair: chairId ? { id: chairId } : null });
    const { content } = await meetingPlanContent(tx, actor.organisationId, trajectoryId);
    const agenda = input.agenda ?? openGoalsAgenda(content);
    assertAgenda(agenda, content);
    const row = await insertMeetingRow(tx, {
      organisationId: actor.organisationId,
      trajectoryId,
      kind: "mdo",
      status: "planned",
      scheduledAt: new Date(input.scheduledAt),
      location: input.location,
      chairId,
      participants,
      agenda,
    });
    await audit(tx, actor, { action: "meeting.created", entityType: "meeting", entityId: row.id, familyId, details: { trajectoryId, scheduledAt: input.scheduledAt, participants: participants.length } });
    return row.id;
  });
  return getMeeting(db, { actor, trajectoryId, meetingId: id });
}

/** Scheduling fields change while the MDO is planned; decisions and minutes until it is cancelled. */
export async function updateMeeting(db: Db, opts: { actor: Actor; trajectoryId: string; meetingId: string; patch: MeetingPatch }): Promise<Meeting> {
  const { actor, trajectoryId, meetingId, patch } = opts;
  await db.transaction(async (tx) => {
    const { found, meeting } = await loadMeetingForWrite(tx, actor, trajectoryId, meetingId, { nl: "Een MDO wijzigen", en: "Changing a meeting" });
    const scheduling = patch.scheduledAt !== undefined || patch.location !== undefined || patch.participants !== undefined || patch.agenda !== undefined;
    assertStatus(meeting, scheduling ? ["planned"] : ["planned", "held"]);
    if (patch.agenda) assertAgenda(patch.agenda, (await meetingPlanContent(tx, actor.organisationId, trajectoryId)).content);
    const participants = patch.participants
      ? await resolveParticipants(tx, { organisationId: actor.organisationId, familyId: found.trajectory.familyId }, patch.participants, {
          previous: participantsOf(meeting),
          chair: meeting.chairId ? { id: meeting.chairId } : null,
        })
      : undefined;
    const updated = await updateMeetingRow(
      tx,
      { organisationId: actor.organisationId, meetingId, version: patch.version },
      {
        ...(patch.scheduledAt !== undefined ? { scheduledAt: new Date(patch.scheduledAt) } : {}),
        ...(patch.location !== undefined ? { location: patch.location || null } : {}),
        ...(participants !== undefined ? { participants } : {}),
        ...(patch.agenda !== undefined ? { agenda: patch.agenda } : {}),
        ...(patch.decisions !== undefined ? { decisions: patch.decisions || null } : {}),
        ...(patch.minutes !== undefined ? { minutes: patch.minutes || null } : {}),
      },
    );
    if (!updated) throw staleVersion();
    const changed = Object.keys(patch).filter((k) => k !== "version");
    await audit(tx, actor, { action: "meeting.updated", entityType: "meeting", entityId: meetingId, familyId: found.trajectory.familyId, details: { trajectoryId, change: "edited", changed } });
  });
  return getMeeting(db, { actor, trajectoryId, meetingId });
}

/** Calls off a planned MDO, with the reason. */
export async function cancelMeeting(db: Db, opts: { actor: Actor; trajectoryId: string; meetingId: string; input: CancelMeeting }): Promise<Meeting> {
  const { actor, trajectoryId, meetingId, input } = opts;
  await db.transaction(async (tx) => {
    const { found, meeting } = await loadMeetingForWrite(tx, actor, trajectoryId, meetingId, { nl: "Een MDO afgelasten", en: "Cancelling a meeting" });
    assertStatus(meeting, ["planned"]);
    const updated = await updateMeetingRow(tx, { organisationId: actor.organisationId, meetingId, version: input.version }, { status: "cancelled", cancelReason: input.reason });
    if (!updated) throw staleVersion();
    await audit(tx, actor, { action: "meeting.updated", entityType: "meeting", entityId: meetingId, familyId: found.trajectory.familyId, details: { trajectoryId, change: "cancelled" } });
  });
  return getMeeting(db, { actor, trajectoryId, meetingId });
}
