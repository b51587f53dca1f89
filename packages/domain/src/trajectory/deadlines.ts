import { z } from "zod";
import { Id, IsoDate } from "../contracts/common.ts";
import type { InvalidParam } from "../errors.ts";
import { addDays, addMonths, daysBetween, type IsoDay } from "./calendar.ts";
import { currentPhaseSince, firstEnteredOn, type TrajectoryState } from "./phases.ts";

/*
 * The method's deadlines, as calendar arithmetic on dates. A deadline is the last day on which the
 * step is on time: go/no-go for a referral received on Monday 1 March is due Monday 15 March, and
 * overdue from 16 March.
 */

/** Go/no-go "binnen twee weken" after receipt of the aanmelding (BRIEF §2.1). */
export const GO_NO_GO_DAYS = 14;
/** The informatiefase takes four weeks (BRIEF §2.2). */
export const INTAKE_DAYS = 28;
/** Eropaf route without a date of its own: the informatiefase may take eight weeks. */
export const EROPAF_DEFAULT_DAYS = 56;
/**
 * A signed gezinsplan is due four weeks after the planning phase starts: concept with the family,
 * first MDO, signature. With a four-week informatiefase that is week 8, as in Take 5's timeline.
 */
export const PLAN_SIGNATURE_DAYS = 28;
/** "Een relatief lange doorlooptijd van minimaal een half jaar" from the start of the trajectory. */
export const MINIMUM_DURATION_MONTHS = 6;

export function goNoGoDeadline(receivedOn: IsoDay): IsoDay {
  return addDays(receivedOn, GO_NO_GO_DAYS);
}

/**
 * The Eropaf route for zorgmijders relaxes the informatiefase: with a recorded reason the deadline
 * moves to the date the team sets (after the standard four weeks), or to eight weeks when it sets none.
 * The deadline is moved, not dropped, so a family can never sit in the informatiefase unnoticed.
 */
export const EropafDecision = z.object({
  decidedOn: IsoDate,
  by: Id,
  reason: z.string().trim().min(1, "give the reason for the Eropaf route").max(2000),
  revisedDeadline: IsoDate.nullable().default(null),
});
export type EropafDecision = z.infer<typeof EropafDecision>;

/** Field errors for an Eropaf decision on an informatiefase that started on `intakeStartedOn`. */
export function validateEropafDecision(decision: EropafDecision, intakeStartedOn: IsoDay): InvalidParam[] {
  const standard = addDays(intakeStartedOn, INTAKE_DAYS);
  if (decision.revisedDeadline !== null && decision.revisedDeadline <= standard) {
    return [{ name: "revisedDeadline", reason: `must be after the standard deadline ${standard}; the Eropaf route relaxes the deadline, it does not shorten it` }];
  }
  return [];
}

/** The latest decision counts: by decision date, then by order given. */
function latest<T extends { decidedOn: IsoDay }>(decisions: readonly T[]): T | null {
  let best: T | null = null;
  for (const d of decisions) if (best === null || d.decidedOn >= best.decidedOn) best = d;
  return best;
}

export interface IntakeDeadline {
  deadline: IsoDay;
  /** The Eropaf decision that moved it, if any. */
  eropaf: EropafDecision | null;
}

export function intakeDeadline(intakeStartedOn: IsoDay, eropaf: readonly EropafDecision[] = []): IntakeDeadline {
  const decision = latest(eropaf);
  if (!decision) return { deadline: addDays(intakeStartedOn, INTAKE_DAYS), eropaf: null };
  return { deadline: decision.revisedDeadline ?? addDays(intakeStartedOn, EROPAF_DEFAULT_DAYS), eropaf: decision };
}

export function planSignatureDeadline(planningStartedOn: IsoDay): IsoDay {
  return addDays(planningStartedOn, PLAN_SIGNATURE_DAYS);
}

/** The trajectory starts with the go: the first day of the informatiefase. Null before the go. */
export function trajectoryStartedOn(state: TrajectoryState): IsoDay | null {
  return firstEnteredOn(state, "intake");
}

/** Half a year in calendar months: 2024-08-31 → 2025-02-28. */
export function minimumEndDate(startedOn: IsoDay): IsoDay {
  return addMonths(startedOn, MINIMUM_DURATION_MONTHS);
}

/**
 * Verlenging (BRIEF §2): possible "wanneer het gezin nog onvoldoende zelfredzaam is, maar er nog wel
 * sprake is van mogelijkheden tot verbetering". Both conditions must be confirmed, with a reason
 * and the new planned end date.
 */
export const ExtensionDecision = z.object({
  decidedOn: IsoDate,
  by: Id,
  reason: z.string().trim().min(1, "give the reason for the extension").max(2000),
  newEndDate: IsoDate,
  insufficientlySelfReliant: z.boolean(),
  improvementStillPossible: z.boolean(),
});
export type ExtensionDecision = z.infer<typeof ExtensionDecision>;

/** The planned end: the latest extension's new end date, else half a year after the start. */
export function plannedEndDate(startedOn: IsoDay, extensions: readonly ExtensionDecision[] = []): IsoDay {
  return latest(extensions)?.newEndDate ?? minimumEndDate(startedOn);
}

/** Field errors for a new extension, given the planned end date it extends. */
export function validateExtension(decision: ExtensionDecision, currentPlannedEnd: IsoDay): InvalidParam[] {
  const errors: InvalidParam[] = [];
  if (!decision.insufficientlySelfReliant) {
    errors.push({ name: "insufficientlySelfReliant", reason: "an extension is only possible while the family is not yet self-reliant enough" });
  }
  if (!decision.improvementStillPossible) {
    errors.push({ name: "improvementStillPossible", reason: "an extension is only possible while improvement is still possible" });
  }
  if (decision.newEndDate <= currentPlannedEnd) {
    errors.push({ name: "newEndDate", reason: `must be after the current planned end ${currentPlannedEnd}` });
  }
  return errors;
}

export interface DeadlineStatus {
  deadline: IsoDay;
  /** Days left until the deadline: 0 on the day itself, negative once passed. */
  daysRemaining: number;
  overdue: boolean;
  /** Days past the deadline; 0 when not overdue. */
  daysOverdue: number;
}

export function deadlineStatus(deadline: IsoDay, today: IsoDay): DeadlineStatus {
  const daysRemaining = daysBetween(today, deadline);
  return { deadline, daysRemaining, overdue: daysRemaining < 0, daysOverdue: Math.max(0, -daysRemaining) };
}

/** Days in the current phase: 0 on the day it started. */
export function daysInPhase(state: TrajectoryState, today: IsoDay): number {
  return daysBetween(currentPhaseSince(state), today);
}
