import type { LocalizedText } from "../i18n.ts";
import type { IsoDay } from "./calendar.ts";

/**
 * The phases of a family's trajectory (BRIEF §2), keys as in the glossary:
 * aanmelding → informatiefase → gezinsplan → uitvoering → afronding → nazorg → gesloten.
 */
export const PHASES = ["referral", "intake", "planning", "execution", "closing", "aftercare", "closed"] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Readonly<Record<Phase, LocalizedText>> = {
  referral: { nl: "Aanmelding", en: "Referral" },
  intake: { nl: "Informatiefase", en: "Intake" },
  planning: { nl: "Gezinsplan opstellen", en: "Drawing up the family plan" },
  execution: { nl: "Uitvoering", en: "Execution" },
  closing: { nl: "Afronding", en: "Closing" },
  aftercare: { nl: "Nazorg", en: "Aftercare" },
  closed: { nl: "Gesloten", en: "Closed" },
};

/** Phases in which the family has a coach working with it (aanmelding and gesloten are not). */
export const OPEN_PHASES: readonly Phase[] = ["intake", "planning", "execution", "closing", "aftercare"];

/**
 * What a transition means. `start` opens the tijdpad at the aanmelding; `go`/`no_go` end the
 * aanmelding; `advance` is the next phase of the method; `dropout` (uitval) stops early from an open
 * phase; `resume` goes back from afronding to uitvoering; `reopen` is the "continue lijn" from
 * nazorg back to uitvoering; `complete` ends nazorg.
 */
export const TRANSITION_KINDS = ["start", "go", "no_go", "advance", "dropout", "resume", "reopen", "complete"] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

export const TRANSITION_KIND_LABELS: Readonly<Record<TransitionKind, LocalizedText>> = {
  start: { nl: "Aangemeld", en: "Referred" },
  go: { nl: "Go: start informatiefase", en: "Go: intake starts" },
  no_go: { nl: "No-go", en: "No-go" },
  advance: { nl: "Volgende fase", en: "Next phase" },
  dropout: { nl: "Uitval (voortijdig gestopt)", en: "Dropout (stopped early)" },
  resume: { nl: "Terug naar uitvoering", en: "Back to execution" },
  reopen: { nl: "Heropend vanuit nazorg (continue lijn)", en: "Reopened from aftercare" },
  complete: { nl: "Traject afgesloten", en: "Trajectory completed" },
};

/** Every allowed move, with its kind; anything not listed is refused. */
export const TRANSITIONS: Readonly<Record<Phase, Readonly<Partial<Record<Phase, TransitionKind>>>>> = {
  referral: { intake: "go", closed: "no_go" },
  intake: { planning: "advance", closed: "dropout" },
  planning: { execution: "advance", closed: "dropout" },
  execution: { closing: "advance", closed: "dropout" },
  closing: { aftercare: "advance", execution: "resume", closed: "dropout" },
  aftercare: { execution: "reopen", closed: "complete" },
  closed: {},
};

/** Kinds that the method only allows with a reason (no-go, uitval, going back, re-opening). */
export const KINDS_NEEDING_REASON: ReadonlySet<TransitionKind> = new Set<TransitionKind>(["no_go", "dropout", "resume", "reopen"]);

export function transitionKind(from: Phase, to: Phase): TransitionKind | null {
  return TRANSITIONS[from][to] ?? null;
}

/** One line of the tijdpad: who moved the family from which phase to which, when and why. */
export interface PhaseHistoryEntry {
  /** null only for the first entry, the aanmelding. */
  from: Phase | null;
  to: Phase;
  kind: TransitionKind;
  /** The calendar date the new phase counts from (deadlines run from here). */
  on: IsoDay;
  /** When it was recorded (ISO 8601 instant), for the audit trail. */
  at: string;
  /** The user who recorded it. */
  by: string;
  reason: string | null;
}

/** A trajectory is its history: the phase is where the last entry went. History is never rewritten. */
export interface TrajectoryState {
  readonly history: readonly PhaseHistoryEntry[];
}

/** A new trajectory, in aanmelding from the day the referral was received. */
export function startTrajectory(input: { receivedOn: IsoDay; at: string; by: string }): TrajectoryState {
  return { history: [{ from: null, to: "referral", kind: "start", on: input.receivedOn, at: input.at, by: input.by, reason: null }] };
}

function lastEntry(state: TrajectoryState): PhaseHistoryEntry {
  const last = state.history[state.history.length - 1];
  if (!last) throw new RangeError("a trajectory always has at least its aanmelding in its history");
  return last;
}

export function currentPhase(state: TrajectoryState): Phase {
  return lastEntry(state).to;
}

/** The date the current phase started. */
export function currentPhaseSince(state: TrajectoryState): IsoDay {
  return lastEntry(state).on;
}

/** The date the family (most recently) entered `phase`, or null if it never did. */
export function lastEnteredOn(state: TrajectoryState, phase: Phase): IsoDay | null {
  for (let i = state.history.length - 1; i >= 0; i--) {
    const e = state.history[i];
    if (e && e.to === phase) return e.on;
  }
  return null;
}

/** The date the family first entered `phase`, or null if it never did. */
export function firstEnteredOn(state: TrajectoryState, phase: Phase): IsoDay | null {
  return state.history.find((e) => e.to === phase)?.on ?? null;
}

/**
 * The periods spent in `phase`, oldest first; the current one has `until: null`. A re-opened
 * trajectory has several uitvoering periods.
 */
export function periodsIn(state: TrajectoryState, phase: Phase): { from: IsoDay; until: IsoDay | null }[] {
  const out: { from: IsoDay; until: IsoDay | null }[] = [];
  state.history.forEach((e, i) => {
    if (e.to !== phase) return;
    out.push({ from: e.on, until: state.history[i + 1]?.on ?? null });
  });
  return out;
}

/**
 * Problems with a stored history (for imports and repair tools): the first entry must be the
 * aanmelding, every later entry must follow an allowed move from where the previous one went, and
 * dates may not go back. Empty = consistent.
 */
export function historyProblems(history: readonly PhaseHistoryEntry[]): string[] {
  const problems: string[] = [];
  history.forEach((e, i) => {
    const prev = history[i - 1];
    if (!prev) {
      if (e.from !== null || e.to !== "referral" || e.kind !== "start") problems.push(`entry 0 must open the aanmelding`);
      return;
    }
    if (e.from !== prev.to) problems.push(`entry ${i} leaves ${e.from ?? "nothing"} but the family was in ${prev.to}`);
    else if (transitionKind(prev.to, e.to) !== e.kind) problems.push(`entry ${i}: ${prev.to} → ${e.to} is not a '${e.kind}' move`);
    if (e.on < prev.on) problems.push(`entry ${i} is dated before the entry before it`);
    if (KINDS_NEEDING_REASON.has(e.kind) && !(e.reason ?? "").trim()) problems.push(`entry ${i} (${e.kind}) has no reason`);
  });
  return problems;
}
