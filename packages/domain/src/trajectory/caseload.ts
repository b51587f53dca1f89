import type { LocalizedText } from "../i18n.ts";
import { isOpenStatus, type EffectiveAction } from "./actionProgress.ts";
import { daysBetween, type IsoDay } from "./calendar.ts";
import { deadlineStatus, goNoGoDeadline, intakeDeadline, planSignatureDeadline, plannedEndDate, trajectoryStartedOn, type EropafDecision, type ExtensionDecision } from "./deadlines.ts";
import { formatIsoWeek, isoWeekEnd, type IsoWeek } from "./isoWeek.ts";
import { currentPhase, currentPhaseSince, firstEnteredOn, type Phase, type TrajectoryState } from "./phases.ts";
import { expectedWeeklyReportWeeks, missingWeeklyReports } from "./weeklyReport.ts";

/*
 * Signals (signaal: an overdue deadline or a missing record) for the team lead's caseload overview,
 * computed per family from its trajectory and records. Pure: the caller gathers the inputs.
 */

/** In order of urgency: the agendas list families by their most urgent signal. */
export const SIGNAL_CODES = [
  "relapse",
  "no_coach",
  "go_no_go_overdue",
  "intake_overdue",
  "plan_signature_overdue",
  "planned_end_passed",
  "actions_overdue",
  "weekly_reports_missing",
  "aftercare_contact_overdue",
  "referrer_feedback_owed",
] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];

export interface Signal {
  code: SignalCode;
  familyId: string;
  caseNumber: string;
  coachId: string | null;
  phase: Phase;
  /** The deadline that passed, or the day the missing record became owed. */
  dueOn: IsoDay;
  /** Days past `dueOn` (0 on the day itself, for records owed from that day). */
  daysOverdue: number;
  /** What it is about: action ids, ISO weeks ("2024-W10"), feedback topics ("decision", "start"), "eropaf". */
  details: string[];
  message: LocalizedText;
}

export interface CaseloadFamily {
  familyId: string;
  caseNumber: string;
  coachId: string | null;
  trajectory: TrajectoryState;
  /** When go or no-go was decided; null while undecided. */
  referralDecidedOn: IsoDay | null;
  eropaf: readonly EropafDecision[];
  extensions: readonly ExtensionDecision[];
  /** A definitive, signed plan version exists. */
  planSigned: boolean;
  /** The actions of the plan in force with their current status; empty without a signed plan. */
  actions: readonly EffectiveAction[];
  /** The weeks that have a weekoverzicht. */
  weeklyReportWeeks: readonly IsoWeek[];
  /** In nazorg: a relapse signalled at a check-in, and the next contact moment (closingContract.ts aftercareStatus). */
  aftercare?: { relapseSince: IsoDay | null; nextCheckinDue: IsoDay | null } | undefined;
  /** Terugkoppeling to the referrer: on the go/no-go decision, and on the start of uitvoering. */
  referrerFeedback: { decisionSentOn: IsoDay | null; startSentOn: IsoDay | null };
}

const days = (n: number) => ({ nl: n === 1 ? "1 dag" : `${n} dagen`, en: n === 1 ? "1 day" : `${n} days` });

/** Every signal for one family on `today`, in SIGNAL_CODES order. */
export function familySignals(f: CaseloadFamily, today: IsoDay): Signal[] {
  const phase = currentPhase(f.trajectory);
  const out: Signal[] = [];
  const add = (code: SignalCode, dueOn: IsoDay, details: string[], message: (d: { nl: string; en: string }) => LocalizedText) => {
    const daysOverdue = Math.max(0, daysBetween(dueOn, today));
    out.push({ code, familyId: f.familyId, caseNumber: f.caseNumber, coachId: f.coachId, phase, dueOn, daysOverdue, details, message: message(days(daysOverdue)) });
  };
  const overdue = (deadline: IsoDay) => deadlineStatus(deadline, today).overdue;

  if (phase === "aftercare" && f.aftercare?.relapseSince) {
    add("relapse", f.aftercare.relapseSince, [], (d) => ({ nl: `Terugval gemeld in de nazorg, ${d.nl} geleden: coach weer inschakelen (continue lijn)`, en: `Relapse reported in aftercare ${d.en} ago: re-activate the coach` }));
  }
  if (f.coachId === null && (phase === "intake" || phase === "planning" || phase === "execution" || phase === "closing")) {
    add("no_coach", currentPhaseSince(f.trajectory), [], (d) => ({ nl: `Geen gezinscoach, al ${d.nl}`, en: `No family coach for ${d.en}` }));
  }
  if (phase === "referral" && f.referralDecidedOn === null) {
    const deadline = goNoGoDeadline(f.trajectory.history[0]?.on ?? today);
    if (overdue(deadline)) add("go_no_go_overdue", deadline, [], (d) => ({ nl: `Go/no-go-besluit ${d.nl} te laat`, en: `Go/no-go decision ${d.en} overdue` }));
  }
  if (phase === "intake") {
    const d = intakeDeadline(currentPhaseSince(f.trajectory), f.eropaf);
    if (overdue(d.deadline)) {
      add("intake_overdue", d.deadline, d.eropaf ? ["eropaf"] : [], (n) => ({ nl: `Informatiefase ${n.nl} over de termijn`, en: `Intake ${n.en} past its deadline` }));
    }
  }
  if (phase === "planning" && !f.planSigned) {
    const deadline = planSignatureDeadline(currentPhaseSince(f.trajectory));
    if (overdue(deadline)) add("plan_signature_overdue", deadline, [], (d) => ({ nl: `Gezinsplan ${d.nl} te laat ondertekend`, en: `Family plan signature ${d.en} overdue` }));
  }
  const start = trajectoryStartedOn(f.trajectory);
  if (phase === "execution" && start !== null) {
    const end = plannedEndDate(start, f.extensions);
    if (overdue(end)) {
      add("planned_end_passed", end, [], (d) => ({ nl: `Geplande einddatum ${d.nl} voorbij: afronden of verlengen`, en: `Planned end passed ${d.en} ago: close or extend` }));
    }
  }
  if (phase === "planning" || phase === "execution" || phase === "closing") {
    const late = f.actions.filter((a) => isOpenStatus(a.status) && a.dueDate < today).sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
    const first = late[0];
    if (first) {
      add("actions_overdue", first.dueDate, late.map((a) => a.actionId), (d) => ({
        nl: `${late.length === 1 ? "1 actie" : `${late.length} acties`} over de datum, de oudste ${d.nl}`,
        en: `${late.length === 1 ? "1 action" : `${late.length} actions`} past due, the oldest by ${d.en}`,
      }));
    }
  }
  // Gaps stay on the overview while the family is in care (nazorg included), not after it is closed.
  const missing = phase === "closed" ? [] : missingWeeklyReports(expectedWeeklyReportWeeks(f.trajectory, today), f.weeklyReportWeeks);
  const oldest = missing[0];
  if (oldest) {
    add("weekly_reports_missing", isoWeekEnd(oldest), missing.map(formatIsoWeek), () => ({
      nl: `${missing.length === 1 ? "1 weekoverzicht ontbreekt" : `${missing.length} weekoverzichten ontbreken`}`,
      en: `${missing.length === 1 ? "1 weekly report is" : `${missing.length} weekly reports are`} missing`,
    }));
  }
  const owed: { topic: string; since: IsoDay }[] = [];
  if (f.referralDecidedOn !== null && f.referrerFeedback.decisionSentOn === null) owed.push({ topic: "decision", since: f.referralDecidedOn });
  const executionOn = firstEnteredOn(f.trajectory, "execution");
  if (executionOn !== null && f.referrerFeedback.startSentOn === null) owed.push({ topic: "start", since: executionOn });
  const nextContact = phase === "aftercare" ? (f.aftercare?.nextCheckinDue ?? null) : null;
  if (nextContact !== null && overdue(nextContact)) {
    add("aftercare_contact_overdue", nextContact, [], (d) => ({ nl: `Nazorgcontact ${d.nl} te laat`, en: `Aftercare contact ${d.en} overdue` }));
  }
  const firstOwed = owed[0];
  if (firstOwed) {
    add("referrer_feedback_owed", firstOwed.since, owed.map((o) => o.topic), (d) => ({ nl: `Terugkoppeling aan de aanmelder open, al ${d.nl}`, en: `Feedback to the referrer owed for ${d.en}` }));
  }
  return out;
}

/** Signals for a whole caseload, family by family in the order given. */
export function caseloadSignals(families: readonly CaseloadFamily[], today: IsoDay): Signal[] {
  return families.flatMap((f) => familySignals(f, today));
}

/** Phase, the day it started and days in it, for the overview's phase column. */
export function phaseSummary(state: TrajectoryState, today: IsoDay): { phase: Phase; since: IsoDay; days: number } {
  const since = currentPhaseSince(state);
  return { phase: currentPhase(state), since, days: daysBetween(since, today) };
}
