import type { LocalizedText } from "../i18n.ts";
import { SIGNAL_CODES, type Signal, type SignalCode } from "./caseload.ts";
import type { Phase } from "./phases.ts";

/*
 * The coach's load against the norm, and the agendas of the weekly casuïstiekbespreking (team and
 * support staff: the grote lijn, priorities, regie, safety, timing) and the two-weekly
 * caseloadgesprek (coach and team lead), built from the signals.
 */

/** "5–8 gezinnen per coach", average 6 (BRIEF §2). */
export const CASELOAD_NORM = { min: 5, max: 8 } as const;

/**
 * Phases that count towards the norm: the work is heaviest in informatiefase and early uitvoering,
 * and "a higher caseload is possible in uitstroom/nazorg", so nazorg is shown but not counted.
 */
export const LOAD_PHASES: readonly Phase[] = ["intake", "planning", "execution", "closing"];

export type LoadStatus = "below" | "within" | "above";
export const LOAD_STATUS_LABELS: Readonly<Record<LoadStatus, LocalizedText>> = {
  below: { nl: "Onder de norm", en: "Below the norm" },
  within: { nl: "Binnen de norm", en: "Within the norm" },
  above: { nl: "Boven de norm", en: "Above the norm" },
};

export interface CoachLoad {
  coachId: string;
  /** Families in LOAD_PHASES: compared with the norm. */
  active: number;
  /** Families in nazorg: shown, not counted. */
  aftercare: number;
  byPhase: Partial<Record<Phase, number>>;
  status: LoadStatus;
}

export function loadStatus(active: number): LoadStatus {
  return active < CASELOAD_NORM.min ? "below" : active > CASELOAD_NORM.max ? "above" : "within";
}

/**
 * The load per coach: the coaches given first (so a coach without families shows as 0, below the
 * norm), then any other coach found in the families, by id. Families without a coach count for no one.
 */
export function coachLoads(families: readonly { coachId: string | null; phase: Phase }[], coachIds: readonly string[] = []): CoachLoad[] {
  const byCoach = new Map<string, Partial<Record<Phase, number>>>();
  for (const id of coachIds) byCoach.set(id, {});
  const others = new Set<string>();
  for (const f of families) {
    if (f.coachId === null) continue;
    if (!byCoach.has(f.coachId)) others.add(f.coachId);
    const counts = byCoach.get(f.coachId) ?? {};
    counts[f.phase] = (counts[f.phase] ?? 0) + 1;
    byCoach.set(f.coachId, counts);
  }
  const order = [...new Set(coachIds), ...[...others].sort()];
  return order.map((coachId) => {
    const byPhase = byCoach.get(coachId) ?? {};
    const active = LOAD_PHASES.reduce((n, p) => n + (byPhase[p] ?? 0), 0);
    return { coachId, active, aftercare: byPhase.aftercare ?? 0, byPhase, status: loadStatus(active) };
  });
}

export interface AgendaItem {
  familyId: string;
  caseNumber: string;
  coachId: string | null;
  /** The family's signals, most urgent first. */
  signals: Signal[];
}

/** Signals about the course of the trajectory, for the team; administrative backlogs go to the caseloadgesprek. */
export const CASE_REVIEW_SIGNALS: ReadonlySet<SignalCode> = new Set<SignalCode>([
  "relapse",
  "no_coach",
  "go_no_go_overdue",
  "intake_overdue",
  "plan_signature_overdue",
  "planned_end_passed",
  "actions_overdue",
]);

const rank = (code: SignalCode) => SIGNAL_CODES.indexOf(code);
const collator = new Intl.Collator("nl", { numeric: true, sensitivity: "base" });

/**
 * Groups signals into one item per family and orders the items: most urgent signal first, then the
 * most days overdue, then case number (numeric: D-9 before D-10), then family id.
 */
export function agendaItems(signals: readonly Signal[]): AgendaItem[] {
  const byFamily = new Map<string, AgendaItem>();
  for (const s of signals) {
    const item = byFamily.get(s.familyId) ?? { familyId: s.familyId, caseNumber: s.caseNumber, coachId: s.coachId, signals: [] };
    item.signals.push(s);
    byFamily.set(s.familyId, item);
  }
  const items = [...byFamily.values()];
  for (const item of items) item.signals.sort((a, b) => rank(a.code) - rank(b.code) || b.daysOverdue - a.daysOverdue);
  const top = (i: AgendaItem) => Math.min(...i.signals.map((s) => rank(s.code)));
  const most = (i: AgendaItem) => Math.max(...i.signals.map((s) => s.daysOverdue));
  return items.sort(
    (a, b) => top(a) - top(b) || most(b) - most(a) || collator.compare(a.caseNumber, b.caseNumber) || (a.familyId < b.familyId ? -1 : a.familyId > b.familyId ? 1 : 0),
  );
}

/** The weekly casuïstiekbespreking: every family with a signal about its course, team-wide. */
export function buildCaseReviewAgenda(signals: readonly Signal[]): AgendaItem[] {
  return agendaItems(signals.filter((s) => CASE_REVIEW_SIGNALS.has(s.code)));
}

export interface CaseloadReviewAgenda {
  coachId: string;
  load: CoachLoad;
  items: AgendaItem[];
}

/** The two-weekly caseloadgesprek with one coach: the coach's load and every signal of the coach's families. */
export function buildCaseloadReviewAgenda(coachId: string, signals: readonly Signal[], loads: readonly CoachLoad[]): CaseloadReviewAgenda {
  const load = loads.find((l) => l.coachId === coachId) ?? { coachId, active: 0, aftercare: 0, byPhase: {}, status: loadStatus(0) };
  return { coachId, load, items: agendaItems(signals.filter((s) => s.coachId === coachId)) };
}
