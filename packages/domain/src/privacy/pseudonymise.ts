import { parseIsoDay, type IsoDay } from "../trajectory/calendar.ts";

/*
 * What pseudonymisation keeps (pure). An expired family file may be kept for statistics (AVG art.
 * 89): the metingen's scores, the wijk (district), the roles in the family and a five-year band of
 * the year of birth, the phases and their dates. Names, BSN, addresses, contact details, free text
 * and who did what are removed. Every stored field has a rule below; the server checks at compile
 * time that no column is left without one, so a new column cannot slip through unnoticed.
 *
 * This is pseudonymisation, not anonymisation: the family keeps its internal id, which the
 * append-only audit log (with its own legal duty, NEN 7513) still links to the old case number.
 */

export type FieldRule =
  /** Kept as it is. */
  | "keep"
  /** Emptied to null. */
  | "null"
  /** Emptied to "" (for text that must not be null). */
  | "blank"
  /** A list emptied to []. */
  | "emptyList"
  /** A list of texts kept at its length, every entry null (justifications per domain). */
  | "nullEach"
  /** An object keeping its keys, every value "" (which leefgebieden the referrer named, not what was said). */
  | "keysOnly"
  /** A date of birth becomes 1 January of the first year of its five-year band. */
  | "birthYearBand"
  /** A date becomes the first day of its month. */
  | "monthOnly"
  /** The case number becomes a pseudonym made from the record's internal id. */
  | "pseudonym"
  /** A fixed text in place of a name. */
  | { set: string };

/** Width of the bands of years of birth: 2010–2014, 2015–2019, … */
export const BIRTH_YEAR_BAND = 5;

/** 1 January of the first year of the date's band: 2013-08-02 → 2010-01-01. */
export function birthYearBand(dateOfBirth: IsoDay): IsoDay {
  const p = parseIsoDay(dateOfBirth);
  if (!p) throw new RangeError(`not a date of birth (YYYY-MM-DD): '${dateOfBirth}'`);
  const start = p.year - (p.year % BIRTH_YEAR_BAND);
  return `${String(start).padStart(4, "0")}-01-01`;
}

/** The first day of the date's month: 2024-03-17 → 2024-03-01. */
export function monthOnly(date: IsoDay): IsoDay {
  const p = parseIsoDay(date);
  if (!p) throw new RangeError(`not a date (YYYY-MM-DD): '${date}'`);
  return `${String(p.year).padStart(4, "0")}-${String(p.month).padStart(2, "0")}-01`;
}

/** "P-" and the 32 hex digits of the internal id: unique per family, telling nothing about it. */
export function pseudonymCaseNumber(id: string): string {
  return `P-${id.replace(/-/g, "").toLowerCase()}`;
}

/** Pseudonymised names, shown where a member's name used to be. */
export const PSEUDONYMISED_GIVEN_NAME = "Gezinslid";
export const PSEUDONYMISED_SURNAME = "(gepseudonimiseerd)";

function applyRule(rule: FieldRule, value: unknown, id: string): unknown {
  if (typeof rule === "object") return rule.set;
  switch (rule) {
    case "keep":
      return value;
    case "null":
      return null;
    case "blank":
      return "";
    case "emptyList":
      return [];
    case "nullEach":
      return Array.isArray(value) ? value.map(() => null) : [];
    case "keysOnly":
      return value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.keys(value).map((k) => [k, ""])) : {};
    case "birthYearBand":
      return typeof value === "string" ? birthYearBand(value) : value;
    case "monthOnly":
      return typeof value === "string" ? monthOnly(value) : null;
    case "pseudonym":
      return pseudonymCaseNumber(id);
  }
}

/**
 * The row as pseudonymisation leaves it. `rules` names every field of the row; `id` is the
 * record's internal id, for the pseudonym. Fields without a rule are refused, not kept.
 */
export function pseudonymiseRow<R extends Record<string, unknown>>(row: R, rules: Readonly<Record<keyof R & string, FieldRule>>, id: string): R {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    const rule: FieldRule | undefined = (rules as Readonly<Record<string, FieldRule>>)[field];
    if (rule === undefined) throw new RangeError(`no pseudonymisation rule for field '${field}'`);
    out[field] = applyRule(rule, value, id);
  }
  return out as R;
}

/** Only the fields a rule changes: what an UPDATE has to set. */
export function changedFields<R extends Record<string, unknown>>(row: R, rules: Readonly<Record<keyof R & string, FieldRule>>, id: string): Partial<R> {
  const after = pseudonymiseRow(row, rules, id);
  const out: Partial<R> = {};
  for (const field of Object.keys(row) as (keyof R & string)[]) {
    if ((rules as Readonly<Record<string, FieldRule>>)[field] !== "keep") out[field] = after[field];
  }
  return out;
}

// --- The rules per kept record, by stored field -----------------------------------------------

export const FAMILY_RULES = {
  organisationId: "keep",
  id: "keep",
  caseNumber: "pseudonym",
  street: "null",
  houseNumber: "null",
  postcode: "null",
  city: "null",
  district: "keep",
  neighbourhood: "null",
  districtCode: "keep",
  neighbourhoodCode: "null",
  teamId: "keep",
  coachId: "null",
  version: "keep",
  createdAt: "keep",
  updatedAt: "keep",
} as const satisfies Record<string, FieldRule>;

export const MEMBER_RULES = {
  organisationId: "keep",
  id: "keep",
  familyId: "keep",
  givenName: { set: PSEUDONYMISED_GIVEN_NAME },
  surname: { set: PSEUDONYMISED_SURNAME },
  role: "keep",
  dateOfBirth: "birthYearBand",
  bsn: "null",
  position: "keep",
  version: "keep",
  createdAt: "keep",
  updatedAt: "keep",
} as const satisfies Record<string, FieldRule>;

export const MEASUREMENT_RULES = {
  organisationId: "keep",
  id: "keep",
  familyId: "keep",
  memberId: "keep",
  instrumentKey: "keep",
  instrumentVersion: "keep",
  round: "keep",
  measuredOn: "monthOnly",
  measuredById: "null",
  measuredByName: "null",
  source: "keep",
  note: "null",
  scores: "keep",
  justifications: "nullEach",
  problemCount: "keep",
  srNum: "keep",
  srDen: "keep",
  srLevel: "keep",
  version: "keep",
  createdAt: "keep",
  updatedAt: "keep",
} as const satisfies Record<string, FieldRule>;

export const TRAJECTORY_RULES = {
  organisationId: "keep",
  id: "keep",
  familyId: "keep",
  phase: "keep",
  phaseSince: "keep",
  receivedOn: "keep",
  referrerKind: "keep",
  // Typed by hand: may hold a person ("huisarts Jansen").
  referrerOrganisation: "blank",
  referrerName: "blank",
  referrerContact: "null",
  reason: "blank",
  instrumentKey: "keep",
  problems: "keysOnly",
  urgency: "keep",
  safetyConcerns: "null",
  agencies: "emptyList",
  coercion: "keep",
  coercionNote: "null",
  decision: "keep",
  decisionOn: "keep",
  decisionReason: "null",
  decidedById: "null",
  consentSignedOn: "keep",
  eropaf: "emptyList",
  extensions: "emptyList",
  introductionAt: "null",
  introductionPlace: "null",
  createdById: "null",
  version: "keep",
  createdAt: "keep",
  updatedAt: "keep",
} as const satisfies Record<string, FieldRule>;

export const PHASE_TRANSITION_RULES = {
  organisationId: "keep",
  trajectoryId: "keep",
  seq: "keep",
  fromPhase: "keep",
  toPhase: "keep",
  kind: "keep",
  on: "keep",
  at: "keep",
  byId: "null",
  byName: "blank",
  reason: "null",
} as const satisfies Record<string, FieldRule>;

export const REFERRAL_CHECK_RULES = {
  organisationId: "keep",
  trajectoryId: "keep",
  kind: "keep",
  result: "keep",
  note: "null",
  checkedOn: "keep",
  checkedById: "null",
  updatedAt: "keep",
} as const satisfies Record<string, FieldRule>;

/** Records of the family that pseudonymisation keeps, with the rules above. */
export const PSEUDONYMISED_KEEPS = ["families", "members", "measurements", "trajectories", "phase_transitions", "referral_checks"] as const;
export type PseudonymisedKeep = (typeof PSEUDONYMISED_KEEPS)[number];

/**
 * Records of the family that pseudonymisation removes whole: each is free text, a person's choice
 * or a link to a person, and none is needed for the outcome figures.
 */
export const PSEUDONYMISED_DELETES = [
  "network_persons",
  "consents",
  "break_glass_grants",
  "corrections",
  "referrer_feedback",
  "plan_versions",
  "action_progress",
  "weekly_reports",
  "meetings",
  "family_group_conferences",
  "escalations",
  "leverages",
  "closing_records",
  "aftercare_checkins",
  // The learning organisation's records: a member's own view, hours and costs with their notes,
  // the coach's narrative, goal progress notes and quick referrals name or describe people.
  "wat_telt_views",
  "time_entries",
  "cost_entries",
  "outcome_narratives",
  "goal_progress",
  "quick_referrals",
] as const;
export type PseudonymisedDelete = (typeof PSEUDONYMISED_DELETES)[number];

/**
 * Records that outlive the family's data: AVG requests stay in the register (with their own
 * period) but lose their link to the family and member; the audit log is append-only.
 */
export const DETACHED_FROM_FAMILY = ["privacy_requests"] as const;
export const KEPT_APART = ["audit_events"] as const;

/**
 * A member erased from an MDO's list of participants keeps their place (the meeting was held with
 * them) but not their name or contact details. Entries of other kinds and other members stay.
 */
export function scrubMemberFromParticipants(participants: readonly unknown[], memberId: string, replacement: string): unknown[] {
  return participants.map((p) => {
    if (!p || typeof p !== "object") return p;
    const entry = p as Record<string, unknown>;
    return entry.kind === "member" && entry.ref === memberId ? { ...entry, name: replacement, contact: null } : entry;
  });
}
