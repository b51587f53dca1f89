import type { Db } from "../db/database.ts";
import { auditEvents } from "../db/schema.ts";
import { actorLabel, type Actor } from "../authz/actor.ts";

/** Audit actions are typed so a report over them can rely on the names. */
export type AuditAction =
  | "organisation.created"
  | "session.created"
  | "session.ended"
  | "session.failed"
  | "user.created"
  | "user.updated"
  | "team.created"
  | "family.created"
  | "family.updated"
  | "member.created"
  | "member.updated"
  | "member.deleted"
  | "network_person.created"
  | "network_person.deleted"
  | "instrument.imported"
  | "measurement.created"
  | "measurement.updated"
  | "measurements.imported"
  // The trajectory (issue order 2)
  | "trajectory.created"
  | "trajectory.updated"
  | "referral_check.recorded"
  | "referral.decided"
  | "referrer_feedback.recorded"
  | "phase.changed"
  | "trajectory.eropaf_recorded"
  | "trajectory.extension_recorded"
  | "plan.saved"
  | "plan.signed"
  | "action.progressed"
  | "weekly_report.created"
  | "weekly_report.updated"
  | "meeting.created"
  | "meeting.updated"
  | "meeting.agreements_applied"
  | "family_group_conference.created"
  | "family_group_conference.updated"
  | "covenant.signatory_added"
  | "covenant.signatory_removed"
  | "escalation.created"
  | "escalation.resolved"
  | "leverage.created"
  | "leverage.updated"
  | "stability_check.recorded"
  | "aftercare_plan.saved"
  | "aftercare_checkin.recorded";

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId: string;
  familyId?: string | null;
  details?: Record<string, unknown>;
}

function row(actor: Actor, entry: AuditEntry) {
  return {
    organisationId: actor.organisationId,
    actorUserId: actor.kind === "user" ? actor.userId : null,
    actorLabel: actorLabel(actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    familyId: entry.familyId ?? null,
    details: entry.details ?? {},
  };
}

/** Writes one audit row; call it with the transaction of the change so both commit or neither. */
export async function audit(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values(row(actor, entry));
}

/** Many audit rows in one statement, for bulk changes (seed, import). */
export async function auditMany(tx: Db, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length > 0) await tx.insert(auditEvents).values(entries.map((e) => row(actor, e)));
}
