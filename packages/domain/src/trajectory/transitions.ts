import { todayInNetherlands } from "../contracts/family.ts";
import { DomainError } from "../errors.ts";
import type { LocalizedText } from "../i18n.ts";
import { isIsoDay, type IsoDay } from "./calendar.ts";
import { aftercarePlanGaps, type AftercarePlan } from "./aftercarePlan.ts";
import { plannedEndDate, trajectoryStartedOn, type ExtensionDecision } from "./deadlines.ts";
import { KINDS_NEEDING_REASON, PHASE_LABELS, currentPhase, lastEnteredOn, transitionKind, type Phase, type PhaseHistoryEntry, type TrajectoryState, type TransitionKind } from "./phases.ts";
import type { ReferralCheckKind, ReferralDecision } from "./referralChecks.ts";
import { assessStabilityCheck, type StabilityCheck } from "./stabilityCheck.ts";

/** What the guards need to know about the family, gathered by the caller. */
export interface TrajectoryFacts {
  referral: { decision: ReferralDecision | null; openChecks: readonly ReferralCheckKind[] };
  /** A toestemmingsformulier signed by the family (BRIEF §5). */
  consentRecorded: boolean;
  /** A nulmeting (round 0), which the plan's goals per leefgebied build on. */
  baselineRecorded: boolean;
  /** A definitive plan version, signed by the family. */
  signedPlan: boolean;
  stabilityCheck: StabilityCheck | null;
  aftercarePlan: AftercarePlan | null;
  extensions: readonly ExtensionDecision[];
}

export interface TransitionContext extends TrajectoryFacts {
  /** The calendar date the new phase counts from. */
  on: IsoDay;
  reason: string | null;
}

export const REFUSAL_CODES = [
  "trajectory_closed",
  "transition_not_allowed",
  "invalid_date",
  "date_before_previous_transition",
  "date_in_future",
  "reason_required",
  "go_decision_missing",
  "referral_checks_open",
  "no_go_decision_missing",
  "consent_missing",
  "baseline_missing",
  "signed_plan_missing",
  "stability_check_missing",
  "stability_check_incomplete",
  "stability_check_without_family",
  "not_stabilised",
  "stability_check_outdated",
  "aftercare_plan_missing",
  "aftercare_plan_incomplete",
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  code: RefusalCode;
  message: LocalizedText;
  /** Keys that explain it: open checks, checklist items, missing nazorgplan fields. */
  details: string[];
}

export type TransitionCheck = { ok: true; kind: TransitionKind } | { ok: false; refusals: Refusal[] };

const refuse = (code: RefusalCode, nl: string, en: string, details: string[] = []): Refusal => ({ code, message: { nl, en }, details });

const REASON_TEXT: Readonly<Partial<Record<TransitionKind, LocalizedText>>> = {
  no_go: { nl: "Een no-go heeft een reden nodig.", en: "A no-go needs a reason." },
  dropout: { nl: "Voortijdig stoppen (uitval) heeft een reden nodig.", en: "Stopping early (dropout) needs a reason." },
  resume: { nl: "Terug naar uitvoering heeft een reden nodig.", en: "Going back to execution needs a reason." },
  reopen: { nl: "Heropenen vanuit nazorg heeft een reden nodig.", en: "Reopening from aftercare needs a reason." },
};

/** Guards of one move; the move itself is known to be allowed. */
function guards(state: TrajectoryState, from: Phase, to: Phase, kind: TransitionKind, ctx: TransitionContext): Refusal[] {
  const out: Refusal[] = [];
  const hasReason = (ctx.reason ?? "").trim() !== "";
  const reasonText = REASON_TEXT[kind];
  if (KINDS_NEEDING_REASON.has(kind) && !hasReason && reasonText) out.push({ code: "reason_required", message: reasonText, details: [] });

  if (kind === "go") {
    if (ctx.referral.decision !== "go") out.push(refuse("go_decision_missing", "Zonder go-besluit start de informatiefase niet.", "The intake cannot start without a go decision."));
    if (ctx.referral.openChecks.length > 0) {
      out.push(refuse("referral_checks_open", "Niet alle checks van de aanmelding zijn vastgelegd.", "Not all referral checks are recorded.", [...ctx.referral.openChecks]));
    }
  } else if (kind === "no_go") {
    if (ctx.referral.decision !== "no_go") out.push(refuse("no_go_decision_missing", "Er is geen no-go-besluit vastgelegd.", "No no-go decision is recorded."));
  } else if (from === "intake" && to === "planning") {
    if (!ctx.consentRecorded) out.push(refuse("consent_missing", "Het gezin heeft nog geen toestemmingsformulier getekend.", "The family has not signed a consent form yet."));
    if (!ctx.baselineRecorded) out.push(refuse("baseline_missing", "Er is nog geen nulmeting.", "There is no baseline measurement yet."));
  } else if (from === "planning" && to === "execution") {
    if (!ctx.signedPlan) out.push(refuse("signed_plan_missing", "Uitvoering start pas met een definitief, door het gezin ondertekend gezinsplan.", "Execution needs a definitive family plan signed by the family."));
  } else if (from === "execution" && to === "closing") {
    out.push(...closingGuards(state, ctx, hasReason));
  } else if (from === "closing" && to === "aftercare") {
    if (!ctx.aftercarePlan) out.push(refuse("aftercare_plan_missing", "Nazorg start pas met een nazorgplan.", "Aftercare needs an aftercare plan."));
    else {
      const gaps = aftercarePlanGaps(ctx.aftercarePlan);
      if (gaps.length > 0) out.push(refuse("aftercare_plan_incomplete", "Het nazorgplan is nog niet compleet.", "The aftercare plan is not complete yet.", gaps.map((g) => g.name)));
    }
  }
  return out;
}

/** Afronding: a stabilisation check from this uitvoering period that shows a stable situation. */
function closingGuards(state: TrajectoryState, ctx: TransitionContext, hasReason: boolean): Refusal[] {
  const out: Refusal[] = [];
  const check = ctx.stabilityCheck;
  if (!check) {
    out.push(refuse("stability_check_missing", "Afronding vraagt een ingevulde stabilisatiecheck.", "Closing needs a completed stability check."));
  } else {
    const a = assessStabilityCheck(check);
    const incomplete = [...a.unanswered, ...a.wronglyNotApplicable];
    if (incomplete.length > 0) out.push(refuse("stability_check_incomplete", "De stabilisatiecheck is niet volledig ingevuld.", "The stability check is not complete.", incomplete));
    if (a.withoutFamily) out.push(refuse("stability_check_without_family", "De stabilisatiecheck is niet met het gezin ingevuld.", "The stability check was not filled in with the family."));
    if (a.notStable.length > 0) out.push(refuse("not_stabilised", "De situatie is nog niet stabiel.", "The situation is not stable yet.", a.notStable));
    const since = lastEnteredOn(state, "execution");
    if ((since !== null && check.completedOn < since) || check.completedOn > ctx.on) {
      out.push(
        refuse(
          "stability_check_outdated",
          "De stabilisatiecheck hoort bij deze uitvoeringsperiode en moet vóór de afronding zijn ingevuld.",
          "The stability check must be from this execution period and filled in before closing.",
        ),
      );
    }
  }
  const start = trajectoryStartedOn(state);
  const end = start === null ? null : plannedEndDate(start, ctx.extensions);
  if (end !== null && ctx.on < end && !hasReason) {
    out.push(
      refuse(
        "reason_required",
        `Afronden vóór de geplande einddatum (${end}; minimaal een half jaar) heeft een reden nodig.`,
        `Closing before the planned end date (${end}; at least half a year) needs a reason.`,
      ),
    );
  }
  return out;
}

/** Whether the family may move to `to` now; refusals carry stable codes and nl/en messages. */
export function checkTransition(state: TrajectoryState, to: Phase, ctx: TransitionContext): TransitionCheck {
  const from = currentPhase(state);
  if (from === "closed") {
    return { ok: false, refusals: [refuse("trajectory_closed", "Het traject is gesloten; een nieuwe aanmelding start een nieuw traject.", "The trajectory is closed; a new referral starts a new trajectory.")] };
  }
  const kind = transitionKind(from, to);
  if (kind === null) {
    const f = PHASE_LABELS[from];
    const t = PHASE_LABELS[to];
    return { ok: false, refusals: [refuse("transition_not_allowed", `Van ${f.nl.toLowerCase()} naar ${t.nl.toLowerCase()} kan niet.`, `Moving from ${f.en.toLowerCase()} to ${t.en.toLowerCase()} is not possible.`)] };
  }
  const refusals: Refusal[] = [];
  const last = state.history[state.history.length - 1];
  if (!isIsoDay(ctx.on)) refusals.push(refuse("invalid_date", "De datum is geen geldige datum (JJJJ-MM-DD).", "The date is not a valid date (YYYY-MM-DD)."));
  else if (last && ctx.on < last.on) {
    refusals.push(refuse("date_before_previous_transition", `De datum ligt vóór de vorige faseovergang (${last.on}).`, `The date is before the previous phase change (${last.on}).`));
  }
  refusals.push(...guards(state, from, to, kind, ctx));
  return refusals.length === 0 ? { ok: true, kind } : { ok: false, refusals };
}

export type TransitionResult = { ok: true; state: TrajectoryState; entry: PhaseHistoryEntry } | { ok: false; refusals: Refusal[] };

/**
 * Checks and records a move: the new state has one more history entry; nothing earlier changes.
 * `at` is the moment of recording; `ctx.on` may not lie after that day in the Netherlands.
 */
export function recordTransition(state: TrajectoryState, to: Phase, ctx: TransitionContext, actor: { at: string; by: string }): TransitionResult {
  const check = checkTransition(state, to, ctx);
  const recordedOn = todayInNetherlands(new Date(actor.at));
  const future = isIsoDay(ctx.on) && ctx.on > recordedOn ? [refuse("date_in_future", "De datum ligt in de toekomst.", "The date lies in the future.")] : [];
  if (!check.ok || future.length > 0) return { ok: false, refusals: [...(check.ok ? [] : check.refusals), ...future] };
  const reason = (ctx.reason ?? "").trim();
  const entry: PhaseHistoryEntry = { from: currentPhase(state), to, kind: check.kind, on: ctx.on, at: actor.at, by: actor.by, reason: reason === "" ? null : reason };
  return { ok: true, state: { history: [...state.history, entry] }, entry };
}

/** A refused move as the domain error the API returns (409, reason = the first refusal's code). */
export function transitionRefused(refusals: readonly Refusal[]): DomainError {
  const first = refusals[0];
  return new DomainError(
    "conflict",
    { nl: refusals.map((r) => r.message.nl).join(" "), en: refusals.map((r) => r.message.en).join(" ") },
    { reason: first?.code ?? "transition_not_allowed", invalidParams: refusals.map((r) => ({ name: r.code, reason: [r.message.en, ...r.details].join(" ") })) },
  );
}
