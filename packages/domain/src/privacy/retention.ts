import { addMonths, isIsoDay, type IsoDay } from "../trajectory/calendar.ts";
import type { Phase } from "../trajectory/phases.ts";
import type { RetentionAction, RetentionRecordType, RetentionRule, RetentionSettings } from "./retentionPolicy.ts";

/*
 * Which records have outlived their bewaartermijn on a given day (pure). The period runs from the
 * day of closing: a family closed on 2005-06-30 with a period of 240 months is kept up to and
 * including 2025-06-29 and expires on 2025-06-30. A family that is still being helped is never
 * touched, however old its earlier trajectories are.
 */

/** The day a record closed on plus the period; from this day on the record is expired. */
export function retentionExpiresOn(closedOn: IsoDay, months: number): IsoDay {
  return addMonths(closedOn, months);
}

export function isExpired(closedOn: IsoDay, months: number, today: IsoDay): boolean {
  return today >= retentionExpiresOn(closedOn, months);
}

/** One trajectory of the family, as stored. */
export interface TrajectoryRetentionFacts {
  phase: Phase;
  /** The day the current phase started: for a closed trajectory, the day it closed. */
  phaseSince: IsoDay;
  /** The referral got a go: the family was coached, so the file falls under the dossier's bewaartermijn. */
  started: boolean;
}

export interface FamilyRetentionFacts {
  trajectories: readonly TrajectoryRetentionFacts[];
  /** AVG requests about the family not yet decided: they may need the data, so the family waits. */
  openRequests: number;
  /** Pseudonymised by an earlier run: kept for statistics, nothing left to do unless the policy now says purge. */
  pseudonymised: boolean;
}

export type FamilyRetentionVerdict =
  /** A trajectory still runs (aanmelding to nazorg): never touched. */
  | { status: "open" }
  /** No trajectory, so no closing day to count from (e.g. a family imported with metingen only): never touched. */
  | { status: "no_trajectory" }
  | { status: "kept"; recordType: FamilyRecordType; lastClosedOn: IsoDay; expiresOn: IsoDay }
  /** Expired and pseudonymised before; the policy still says pseudonymise, so nothing to do. */
  | { status: "pseudonymised"; recordType: FamilyRecordType; lastClosedOn: IsoDay; expiresOn: IsoDay }
  /** Expired, but an AVG request about the family is still open. */
  | { status: "held"; recordType: FamilyRecordType; lastClosedOn: IsoDay; expiresOn: IsoDay }
  | { status: "expired"; recordType: FamilyRecordType; lastClosedOn: IsoDay; expiresOn: IsoDay; action: RetentionAction };

export type FamilyRecordType = Extract<RetentionRecordType, "family_file" | "no_go_referral">;
export type FamilyRetentionStatus = FamilyRetentionVerdict["status"];
export const FAMILY_RETENTION_STATUSES = ["open", "no_trajectory", "kept", "pseudonymised", "held", "expired"] as const satisfies readonly FamilyRetentionStatus[];

/**
 * The verdict for one family on `today`. Eligible only when every trajectory is closed; the period
 * counts from the last closing. One trajectory that started makes it a family file (the longer
 * period), even when later referrals ended in a no-go.
 */
export function familyRetention(facts: FamilyRetentionFacts, policy: RetentionSettings, today: IsoDay): FamilyRetentionVerdict {
  if (!isIsoDay(today)) throw new RangeError(`today must be a calendar date (YYYY-MM-DD): '${today}'`);
  if (facts.trajectories.length === 0) return { status: "no_trajectory" };
  if (facts.trajectories.some((t) => t.phase !== "closed")) return { status: "open" };
  const lastClosedOn = facts.trajectories.map((t) => t.phaseSince).reduce((a, b) => (a >= b ? a : b));
  const recordType: FamilyRecordType = facts.trajectories.some((t) => t.started) ? "family_file" : "no_go_referral";
  const rule: RetentionRule = policy[recordType];
  const expiresOn = retentionExpiresOn(lastClosedOn, rule.months);
  if (today < expiresOn) return { status: "kept", recordType, lastClosedOn, expiresOn };
  if (facts.pseudonymised && rule.action === "pseudonymise") return { status: "pseudonymised", recordType, lastClosedOn, expiresOn };
  if (facts.openRequests > 0) return { status: "held", recordType, lastClosedOn, expiresOn };
  return { status: "expired", recordType, lastClosedOn, expiresOn, action: rule.action };
}

/** An entry of the AVG register: open ones are never touched; decided ones count from the decision. */
export interface RequestRetentionFacts {
  status: "open" | "granted" | "refused";
  decidedOn: IsoDay | null;
}

export type RequestRetentionVerdict = { status: "open" } | { status: "kept"; expiresOn: IsoDay } | { status: "expired"; expiresOn: IsoDay; action: RetentionAction };

export function requestRetention(facts: RequestRetentionFacts, policy: RetentionSettings, today: IsoDay): RequestRetentionVerdict {
  if (facts.status === "open" || facts.decidedOn === null) return { status: "open" };
  const rule = policy.privacy_request;
  const expiresOn = retentionExpiresOn(facts.decidedOn, rule.months);
  return today < expiresOn ? { status: "kept", expiresOn } : { status: "expired", expiresOn, action: rule.action };
}

/**
 * A quick referral never linked to a family file: an open one (sent, picked up) is never touched;
 * a closed one counts from the day it closed. Pseudonymised before and still to be pseudonymised:
 * nothing to do.
 */
export interface QuickReferralRetentionFacts {
  closedOn: IsoDay | null;
  pseudonymised: boolean;
}

export type QuickReferralRetentionVerdict =
  | { status: "open" }
  | { status: "kept"; expiresOn: IsoDay }
  | { status: "pseudonymised"; expiresOn: IsoDay }
  | { status: "expired"; expiresOn: IsoDay; action: RetentionAction };

export function quickReferralRetention(facts: QuickReferralRetentionFacts, policy: RetentionSettings, today: IsoDay): QuickReferralRetentionVerdict {
  if (facts.closedOn === null) return { status: "open" };
  const rule = policy.quick_referral;
  const expiresOn = retentionExpiresOn(facts.closedOn, rule.months);
  if (today < expiresOn) return { status: "kept", expiresOn };
  if (facts.pseudonymised && rule.action === "pseudonymise") return { status: "pseudonymised", expiresOn };
  return { status: "expired", expiresOn, action: rule.action };
}
