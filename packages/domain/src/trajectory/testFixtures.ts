/** Shared builders for the trajectory tests (not exported from the package). */
import type { AftercarePlan } from "./aftercarePlan.ts";
import { startTrajectory, type Phase, type TrajectoryState } from "./phases.ts";
import { STABILITY_ITEMS, type StabilityCheck } from "./stabilityCheck.ts";
import { recordTransition, type TransitionContext, type TrajectoryFacts } from "./transitions.ts";

export const COACH = "00000000-0000-4000-8000-00000000c0ac";
export const PARENT = "00000000-0000-4000-8000-0000000000a1";
export const CHILD = "00000000-0000-4000-8000-0000000000c1";
export const NETWORK = "00000000-0000-4000-8000-0000000000e1";

export const completeAftercarePlan: AftercarePlan = {
  contactPersonName: "Fatima el Amrani",
  contactOrganisation: "Wijkteam Korrewegwijk",
  contactEveryWeeks: 4,
  handoverTo: "Wijkteam Korrewegwijk",
  relapseAgreement: "Bij huurachterstand of een melding belt het wijkteam de coach.",
  startsOn: "2024-09-01",
};

export function stableCheck(completedOn: string): StabilityCheck {
  const answers: StabilityCheck["answers"] = {};
  for (const item of STABILITY_ITEMS) answers[item] = { answer: "yes", note: null };
  return { completedOn, completedBy: COACH, withMembers: [PARENT], answers };
}

/** Facts under which every guard passes (the referral decision fits the move asked for). */
export function goodFacts(to: Phase, on: string): TrajectoryFacts {
  return {
    referral: { decision: to === "closed" ? "no_go" : "go", openChecks: [] },
    consentRecorded: true,
    baselineRecorded: true,
    signedPlan: true,
    stabilityCheck: stableCheck(on),
    aftercarePlan: completeAftercarePlan,
    extensions: [],
  };
}

export function goodContext(to: Phase, on: string, reason: string | null = "Besproken in de casuïstiekbespreking"): TransitionContext {
  return { ...goodFacts(to, on), on, reason };
}

/** Dates of the standard path: received, go, plan, execution, closing, aftercare, closed. */
export const PATH_DATES: Readonly<Record<Phase, string>> = {
  referral: "2024-01-01",
  intake: "2024-01-10",
  planning: "2024-02-07",
  execution: "2024-03-01",
  closing: "2024-08-01",
  aftercare: "2024-09-01",
  closed: "2024-12-01",
};

const PATH: readonly Phase[] = ["intake", "planning", "execution", "closing", "aftercare", "closed"];

/** A trajectory that went the standard way up to `phase` (closed = after nazorg). */
export function stateIn(phase: Phase): TrajectoryState {
  let state = startTrajectory({ receivedOn: PATH_DATES.referral, at: "2024-01-01T09:00:00Z", by: COACH });
  for (const to of PATH.slice(0, PATH.indexOf(phase) + 1)) {
    state = move(state, to, PATH_DATES[to]);
  }
  return state;
}

export function move(state: TrajectoryState, to: Phase, on: string, reason: string | null = "reden"): TrajectoryState {
  const res = recordTransition(state, to, goodContext(to, on, reason), { at: `${on}T10:00:00Z`, by: COACH });
  if (!res.ok) throw new Error(`cannot move to ${to} on ${on}: ${res.refusals.map((r) => r.code).join(", ")}`);
  return res.state;
}

/** A UUID that reads as a small number, for readable tests. */
export const uid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
