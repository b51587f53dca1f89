import type { AuditKind } from "@ploegwerk/domain";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db } from "../db/database.ts";
import { actorLabel, type Actor } from "../authz/actor.ts";
import { appendToChain, normaliseDetails, type AuditContent } from "./chain.ts";
import { currentAuditContext, type ReadAction } from "./requestContext.ts";

/** Audit actions are typed so a report over them can rely on the names. */
export type AuditAction =
  | "organisation.created"
  | "session.created"
  | "session.ended"
  | "session.failed"
  // Accounts (issue order 3): second factor, lock-out, password, sessions, security settings
  | "session.second_factor_requested"
  | "session.locked"
  | "sessions.revoked"
  | "user.unlocked"
  | "user.password_changed"
  | "user.two_factor_enabled"
  | "user.two_factor_disabled"
  | "user.two_factor_reset"
  | "user.oidc_linked"
  | "organisation.security_updated"
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
  | "aftercare_checkin.recorded"
  // Sharing with chain partners and break-the-glass (issue order 3)
  | "partner.created"
  | "partner.updated"
  | "consent.recorded"
  | "consent.changed"
  | "consent.withdrawn"
  | "break_glass.opened"
  | "break_glass.reviewed"
  // AVG rights and bewaartermijnen (issue order 3)
  | "privacy.exported"
  | "privacy_request.recorded"
  | "privacy_request.decided"
  | "privacy_request.purged"
  | "privacy_request.pseudonymised"
  | "family.purged"
  | "family.pseudonymised"
  | "member.purged"
  | "member.pseudonymised"
  | "retention.run"
  | "retention.policy_updated"
  // Quick referrals (issue order 4)
  | "quick_referral.created"
  | "quick_referral.picked_up"
  | "quick_referral.completed"
  | "quick_referral.declined"
  | "quick_referral.feedback_recorded"
  | "quick_referral.family_linked"
  | "quick_referral.purged"
  | "quick_referral.pseudonymised"
  // Hours and costs (issue order 4)
  | "time_entry.created"
  | "time_entry.deleted"
  | "cost_entry.created"
  | "cost_entry.deleted"
  | "organisation.costs_updated"
  // The "wat werkt" catalogue (issue order 4)
  | "intervention.created"
  | "intervention.updated"
  | "intervention.archived"
  | "interventions.imported";

export interface AuditEntry {
  action: AuditAction | ReadAction;
  entityType: string;
  entityId: string;
  familyId?: string | null;
  details?: Record<string, unknown>;
  /** Defaults to "auth" for session.* actions and "write" for the rest; reads say "read". */
  kind?: AuditKind;
  /** Defaults to the purpose the current request gave (X-Ploegwerk-Purpose). */
  purpose?: string | null;
}

/** A transaction handle and the root db share one type; only the class tells them apart. */
const inTransaction = (db: Db): boolean => db instanceof PgTransaction;

function content(actor: Actor, entry: AuditEntry, purpose: string | null): Omit<AuditContent, "occurredAt"> {
  return {
    organisationId: actor.organisationId,
    kind: entry.kind ?? (entry.action.startsWith("session.") ? "auth" : "write"),
    actorUserId: actor.kind === "user" ? actor.userId : null,
    actorLabel: actorLabel(actor),
    actorRole: actor.kind === "user" ? actor.role : null,
    actorPartnerOrganisationId: actor.kind === "user" ? actor.partnerOrganisationId : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    familyId: entry.familyId ?? null,
    purpose: entry.purpose !== undefined ? entry.purpose : purpose,
    details: normaliseDetails(entry.details),
  };
}

/** Writes one audit row; call it with the transaction of the change so both commit or neither. */
export async function audit(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await auditMany(tx, actor, [entry]);
}

/**
 * Many audit rows at once, for bulk changes (seed, import): chained in one pass under one lock
 * of the organisation's chain head. Called with the db rather than a transaction, it opens one,
 * because the head lock only holds inside a transaction.
 */
export async function auditMany(tx: Db, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const context = currentAuditContext();
  for (const e of entries) if (e.familyId && e.kind !== "read") context?.writtenFamilies.add(e.familyId);
  const contents = entries.map((e) => content(actor, e, context?.purpose ?? null));
  if (inTransaction(tx)) await appendToChain(tx, actor.organisationId, contents);
  else await tx.transaction((t) => appendToChain(t, actor.organisationId, contents));
}
