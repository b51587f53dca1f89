/**
 * From stored rows to the domain's view of a trajectory: the state (tijdpad), the facts the
 * guards need, and the deadlines shown. Pure apart from the reads in `gatherFacts`.
 */
import {
  AftercarePlan,
  EropafDecision,
  ExtensionDecision,
  PHASES,
  StabilityCheck,
  TRANSITIONS,
  checkTransition,
  currentPhase,
  deadlineStatus,
  goNoGoDeadline,
  intakeDeadline,
  lastEnteredOn,
  openReferralChecks,
  planSignatureDeadline,
  plannedEndDate,
  trajectoryStartedOn,
  type DeadlineView,
  type Phase,
  type ReferralCheckKind,
  type ReferralDecision,
  type TrajectoryFacts,
  type TrajectoryState,
  type TransitionKind,
} from "@ploegwerk/domain";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { findClosingRecord, hasBaseline, hasSignedPlan, type TrajectoryRow, type TransitionRow } from "./trajectories.queries.ts";

export function stateOf(transitions: readonly TransitionRow[]): TrajectoryState {
  return {
    history: transitions.map((t) => ({
      from: t.fromPhase as Phase | null,
      to: t.toPhase as Phase,
      kind: t.kind as TransitionKind,
      on: t.on,
      at: t.at.toISOString(),
      by: t.byId ?? t.byName,
      reason: t.reason,
    })),
  };
}

export const parseEropaf = (row: TrajectoryRow) => z.array(EropafDecision).parse(row.eropaf);
export const parseExtensions = (row: TrajectoryRow) => z.array(ExtensionDecision).parse(row.extensions);

export async function gatherFacts(db: Db, row: TrajectoryRow, checkKinds: readonly ReferralCheckKind[]): Promise<TrajectoryFacts> {
  // One after the other: inside a transaction the statements share one connection.
  const baseline = await hasBaseline(db, row.organisationId, row.familyId, row.instrumentKey);
  const signed = await hasSignedPlan(db, row.organisationId, row.id);
  const closing = await findClosingRecord(db, row.organisationId, row.id);
  return {
    referral: { decision: row.decision as ReferralDecision | null, openChecks: openReferralChecks(checkKinds) },
    consentRecorded: row.consentSignedOn !== null,
    baselineRecorded: baseline,
    signedPlan: signed,
    stabilityCheck: closing?.stabilityCheck ? StabilityCheck.parse(closing.stabilityCheck) : null,
    aftercarePlan: closing?.aftercarePlan ? AftercarePlan.parse(closing.aftercarePlan) : null,
    extensions: parseExtensions(row),
  };
}

/** Where the trajectory can go from here, and what stands in the way of each move today. */
export function nextPhases(state: TrajectoryState, facts: TrajectoryFacts, today: string) {
  const from = currentPhase(state);
  return PHASES.filter((to) => TRANSITIONS[from][to] !== undefined).map((to) => {
    const check = checkTransition(state, to, { ...facts, on: today, reason: "—" });
    return {
      to,
      kind: TRANSITIONS[from][to] as TransitionKind,
      refusals: check.ok ? [] : check.refusals.filter((r) => r.code !== "date_before_previous_transition"),
    };
  });
}

const view = (key: string, label: { nl: string; en: string }, dueOn: string, today: string, met: boolean): DeadlineView => {
  const s = deadlineStatus(dueOn, today);
  return { key, label, dueOn, daysRemaining: s.daysRemaining, overdue: !met && s.overdue, met };
};

/** The deadlines of the method that apply to this trajectory so far, met or running. */
export function deadlines(row: TrajectoryRow, state: TrajectoryState, signedPlan: boolean, today: string): DeadlineView[] {
  const phase = currentPhase(state);
  const out: DeadlineView[] = [view("go_no_go", { nl: "Go/no-go-besluit", en: "Go/no-go decision" }, goNoGoDeadline(row.receivedOn), today, row.decision !== null)];
  const intakeOn = lastEnteredOn(state, "intake");
  if (intakeOn) {
    const d = intakeDeadline(intakeOn, parseEropaf(row));
    out.push(view("intake", { nl: d.eropaf ? "Einde informatiefase (Eropaf)" : "Einde informatiefase", en: d.eropaf ? "End of intake (Eropaf)" : "End of intake" }, d.deadline, today, phase !== "intake"));
  }
  const planningOn = lastEnteredOn(state, "planning");
  if (planningOn) out.push(view("plan_signature", { nl: "Gezinsplan ondertekend", en: "Family plan signed" }, planSignatureDeadline(planningOn), today, signedPlan));
  const started = trajectoryStartedOn(state);
  if (started && phase !== "closed" && phase !== "referral") {
    out.push(view("planned_end", { nl: "Geplande einddatum (minimaal een half jaar)", en: "Planned end (at least six months)" }, plannedEndDate(started, parseExtensions(row)), today, phase === "aftercare"));
  }
  return out;
}
