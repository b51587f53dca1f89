/**
 * A stored quick referral as one viewer may see it. Who receives it follows from the entry: its
 * chain partner when a registered partner provides it, otherwise the team on the referral. The
 * receiving side sees who of them picked it up; the referrer sees which organisation (and team)
 * did, not the worker's name. The family link is for the receiving team only.
 */
import {
  openMoves,
  quickReferralFeedbackOwed,
  type QuickReferral,
  type QuickReferralAction,
  type QuickReferralChannel,
  type QuickReferralMove,
  type QuickReferralStatus,
  type QuickReferralTargetKind,
} from "@ploegwerk/domain";
import type { Actor } from "../../authz/actor.ts";
import { can, type Target } from "../../authz/rules.ts";
import type { QuickReferralRow } from "./quickReferrals.queries.ts";

/** The facts the rules need about a referral: who receives it, and who made it. */
export function referralTarget(row: QuickReferralRow): Target {
  return {
    teamId: row.providerPartnerId ? null : row.teamId,
    partnerOrganisationId: row.providerPartnerId,
    createdByUserId: row.referrerUserId,
    familyId: row.familyId,
  };
}

export const receives = (actor: Actor, row: QuickReferralRow): boolean => can(actor, "quickReferral.receive", referralTarget(row));
export const madeBy = (actor: Actor, row: QuickReferralRow): boolean => can(actor, "quickReferral.readOwn", referralTarget(row));
/** Handled by a team of the organisation (and so able to become an aanmelding), not by a chain partner. */
export const handledByTeam = (row: QuickReferralRow): boolean => row.providerPartnerId === null && row.teamId !== null;

const MOVE_ACTIONS: Readonly<Record<QuickReferralMove, QuickReferralAction>> = { picked_up: "pick_up", completed: "complete", declined: "decline" };

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function feedbackOwedOf(row: QuickReferralRow) {
  return quickReferralFeedbackOwed({ referrerHasAccount: row.referrerUserId !== null, pickedUpAt: iso(row.pickedUpAt), closedAt: iso(row.closedAt), feedbackSentAt: iso(row.feedbackSentAt) });
}

export function presentQuickReferral(row: QuickReferralRow, actor: Actor): QuickReferral {
  const receiving = receives(actor, row);
  const status = row.status as QuickReferralStatus;
  const owed = feedbackOwedOf(row);
  const allowed: QuickReferralAction[] = [];
  if (receiving) {
    allowed.push(...openMoves(status).map((m) => MOVE_ACTIONS[m]));
    if (owed !== null) allowed.push("record_feedback");
    if (handledByTeam(row) && status === "picked_up" && row.familyId === null && can(actor, "trajectory.write", { teamId: row.teamId })) allowed.push("make_referral");
  }
  return {
    id: row.id,
    channel: row.channel as QuickReferralChannel,
    status,
    referrer: {
      hasAccount: row.referrerUserId !== null,
      isViewer: actor.kind === "user" && row.referrerUserId === actor.userId,
      name: row.referrerName,
      organisation: row.referrerOrganisation,
      contact: row.referrerContact,
    },
    target: { kind: row.targetKind as QuickReferralTargetKind, interventionId: row.interventionId, interventionName: row.interventionName },
    receiver: row.providerPartnerId
      ? { organisation: row.providerPartnerName ?? "", team: null }
      : { organisation: row.organisationName, team: row.teamName },
    resident: { name: row.residentName, contact: row.residentContact },
    reason: row.reason,
    residentConsent: row.residentConsent,
    pickedUp: row.pickedUpAt ? { at: row.pickedUpAt.toISOString(), byName: receiving ? row.pickedUpByName : null } : null,
    closedAt: iso(row.closedAt),
    outcomeNote: row.outcomeNote,
    referralMade: row.familyId !== null,
    feedback: row.feedbackSentAt ? { sentAt: row.feedbackSentAt.toISOString(), note: row.feedbackNote } : null,
    feedbackOwed: owed,
    familyId: receiving && handledByTeam(row) ? row.familyId : null,
    allowed,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
