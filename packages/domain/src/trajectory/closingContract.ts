import { z } from "zod";
import { Id, IsoDate } from "../contracts/common.ts";
import { AftercarePlan } from "./aftercarePlan.ts";
import { addDays, type IsoDay } from "./calendar.ts";
import { currentPhase, type TrajectoryState } from "./phases.ts";
import { STABILITY_ITEMS, StabilityCheck } from "./stabilityCheck.ts";

/*
 * Afronding and nazorg over the API: the stabilisatiecheck and the nazorgplan are one closing record
 * per trajectory, saved whole with the version the editor read (0 = nothing saved yet); nazorg
 * check-ins record the contact moments, and a relapse (terugval) signals the coach until the
 * family is re-opened ("continue lijn") or nazorg ends.
 */

/** Version 0 means "no closing record yet": the first save creates it. */
const RecordVersion = z.number().int().min(0);

/** The stabilisatiecheck as sent; without completedBy it is the user who saves it. */
export const SaveStabilityCheck = StabilityCheck.extend({ completedBy: Id.nullable().default(null), version: RecordVersion });
export type SaveStabilityCheck = z.infer<typeof SaveStabilityCheck>;
export type SaveStabilityCheckInput = z.input<typeof SaveStabilityCheck>;

/** The nazorgplan as sent; it may be saved incomplete (the gaps are returned). */
export const SaveAftercarePlan = AftercarePlan.extend({ version: RecordVersion });
export type SaveAftercarePlan = z.infer<typeof SaveAftercarePlan>;
export type SaveAftercarePlanInput = z.input<typeof SaveAftercarePlan>;

export const StabilityAssessmentView = z.object({
  unanswered: z.array(z.enum(STABILITY_ITEMS)),
  wronglyNotApplicable: z.array(z.enum(STABILITY_ITEMS)),
  notStable: z.array(z.enum(STABILITY_ITEMS)),
  withoutFamily: z.boolean(),
  stabilised: z.boolean(),
});

export const ClosingRecord = z.object({
  trajectoryId: Id,
  stabilityCheck: StabilityCheck.nullable(),
  /** assessStabilityCheck of the saved check; the guard of afronding reads the same. */
  stabilityAssessment: StabilityAssessmentView.nullable(),
  aftercarePlan: AftercarePlan.nullable(),
  /** What the nazorgplan still lacks (aftercarePlanGaps); all fields while there is none. */
  aftercarePlanGaps: z.array(z.object({ name: z.string(), reason: z.string() })),
  /** 0 while nothing is saved. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type ClosingRecord = z.infer<typeof ClosingRecord>;

export const NewAftercareCheckin = z
  .object({
    heldOn: IsoDate,
    /** Who had the contact (often the wijkteam, not a user); null = the user who records it. */
    byName: z.string().trim().max(200).nullable().default(null).transform((v) => (v === "" ? null : v)),
    note: z.string().trim().max(5000).nullable().default(null).transform((v) => (v === "" ? null : v)),
    /** A terugval: the coach is re-activated. */
    relapse: z.boolean().default(false),
  })
  .superRefine((c, ctx) => {
    if (c.relapse && !c.note) ctx.addIssue({ code: "custom", path: ["note"], message: "describe the relapse, so the coach knows what to pick up" });
  });
export type NewAftercareCheckin = z.infer<typeof NewAftercareCheckin>;
export type NewAftercareCheckinInput = z.input<typeof NewAftercareCheckin>;

export const AftercareCheckin = z.object({
  id: Id,
  trajectoryId: Id,
  heldOn: z.string(),
  byName: z.string(),
  note: z.string().nullable(),
  relapse: z.boolean(),
  createdAt: z.string(),
});
export type AftercareCheckin = z.infer<typeof AftercareCheckin>;

export interface CheckinFact {
  heldOn: IsoDay;
  relapse: boolean;
  /** When it was recorded (ISO 8601 instant). */
  recordedAt: string;
}

export interface AftercareStatus {
  /** The day the next contact is due: contactEveryWeeks after the last check-in (or after nazorg started); null outside nazorg or without a frequency. */
  nextCheckinDue: IsoDay | null;
  nextCheckinOverdue: boolean;
  /** A relapse was recorded in this nazorg period: the coach should re-open ("continue lijn"). */
  relapseSignalled: boolean;
  /** The first relapse's date in this nazorg period. */
  relapseSince: IsoDay | null;
}

/** The moment the family last entered nazorg, if it is in nazorg now. */
function aftercareEntry(state: TrajectoryState): { on: IsoDay; at: string } | null {
  if (currentPhase(state) !== "aftercare") return null;
  for (let i = state.history.length - 1; i >= 0; i--) {
    const e = state.history[i];
    if (e && e.to === "aftercare") return { on: e.on, at: e.at };
  }
  return null;
}

/**
 * Where nazorg stands on `today`. Only check-ins recorded since the family (last) entered nazorg
 * count, so a relapse that led to a re-opening does not signal again in a later nazorg period.
 * The caseload and the trajectory view call this with the same facts.
 */
export function aftercareStatus(state: TrajectoryState, plan: AftercarePlan | null, checkins: readonly CheckinFact[], today: IsoDay): AftercareStatus {
  const entry = aftercareEntry(state);
  if (entry === null) return { nextCheckinDue: null, nextCheckinOverdue: false, relapseSignalled: false, relapseSince: null };
  const enteredAt = Date.parse(entry.at);
  const current = checkins.filter((c) => Date.parse(c.recordedAt) >= enteredAt);
  const relapses = current.filter((c) => c.relapse).map((c) => c.heldOn).sort();
  const last = current.map((c) => c.heldOn).sort().at(-1) ?? null;
  const every = plan?.contactEveryWeeks ?? null;
  const base = last ?? plan?.startsOn ?? entry.on;
  const nextCheckinDue = every === null ? null : addDays(base, every * 7);
  return {
    nextCheckinDue,
    nextCheckinOverdue: nextCheckinDue !== null && nextCheckinDue < today,
    relapseSignalled: relapses.length > 0,
    relapseSince: relapses[0] ?? null,
  };
}

export const AftercareCheckinList = z.object({
  /** Newest first. */
  items: z.array(AftercareCheckin),
  contactEveryWeeks: z.number().int().nullable(),
  nextCheckinDue: z.string().nullable(),
  nextCheckinOverdue: z.boolean(),
  relapseSignalled: z.boolean(),
  relapseSince: z.string().nullable(),
});
export type AftercareCheckinList = z.infer<typeof AftercareCheckinList>;
