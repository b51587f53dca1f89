import { z } from "zod";
import { Id, IsoDate } from "../contracts/common.ts";
import { COST_LINES, FUNDING_SOURCES, MAX_COST_CENTS, MAX_MINUTES_PER_ENTRY, TIME_ACTIVITIES, TIME_STEP_MINUTES } from "./costKinds.ts";

/*
 * The API contracts of hours (uren, timeEntry) and costs (kosten, costEntry) per family, the
 * family's cost summary and the organisation's hourly rates.
 */

const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .nullable()
    .default(null)
    .transform((v) => (v === "" ? null : v));

export const NewTimeEntry = z.object({
  on: IsoDate,
  minutes: z
    .number()
    .int("whole minutes")
    .min(TIME_STEP_MINUTES, `at least ${TIME_STEP_MINUTES} minutes`)
    .max(MAX_MINUTES_PER_ENTRY, `at most ${MAX_MINUTES_PER_ENTRY} minutes (one day)`)
    .multipleOf(TIME_STEP_MINUTES, `in steps of ${TIME_STEP_MINUTES} minutes`),
  activity: z.enum(TIME_ACTIVITIES),
  /** The trajectory the hours belong to; without one they count for the trajectory running on that day. */
  trajectoryId: Id.nullable().default(null),
  /** Whose hours: one's own when left out; only a team lead books for someone else. */
  userId: Id.nullable().default(null),
  note: OptionalText(1000),
});
export type NewTimeEntry = z.infer<typeof NewTimeEntry>;
export type NewTimeEntryInput = z.input<typeof NewTimeEntry>;

export const NewCostEntry = z.object({
  on: IsoDate,
  amountCents: z.number().int("whole cents").min(1, "more than € 0,00").max(MAX_COST_CENTS, "at most € 1.000.000,00 per line"),
  description: z.string().trim().min(1, "describe what the cost was for").max(500, "at most 500 characters"),
  funding: z.enum(FUNDING_SOURCES),
  /** The catalogue entry ("wat werkt") the cost was for, when it was one. */
  interventionId: Id.nullable().default(null),
  trajectoryId: Id.nullable().default(null),
});
export type NewCostEntry = z.infer<typeof NewCostEntry>;
export type NewCostEntryInput = z.input<typeof NewCostEntry>;

/** A booking is taken back with a reason; the reason and what was removed stay in the audit log. */
export const EntryRemoval = z.object({
  reason: z.string().trim().min(3, "say why the booking is removed (at least 3 characters)").max(500, "at most 500 characters"),
});
export type EntryRemoval = z.infer<typeof EntryRemoval>;

export const TimeEntry = z.object({
  id: Id,
  familyId: Id,
  trajectoryId: Id.nullable(),
  /** The trajectory the hours count for: the one booked on, or the one running on that day. */
  countsFor: Id.nullable(),
  userId: Id,
  userName: z.string(),
  userRole: z.string(),
  on: z.string(),
  minutes: z.number().int(),
  activity: z.enum(TIME_ACTIVITIES),
  note: z.string().nullable(),
  /** The hours valued at the organisation's current rate for the person's role. */
  costCents: z.number().int(),
  createdAt: z.string(),
});
export type TimeEntry = z.infer<typeof TimeEntry>;

export const CostEntry = z.object({
  id: Id,
  familyId: Id,
  trajectoryId: Id.nullable(),
  countsFor: Id.nullable(),
  interventionId: Id.nullable(),
  interventionName: z.string().nullable(),
  on: z.string(),
  amountCents: z.number().int(),
  description: z.string(),
  funding: z.enum(FUNDING_SOURCES),
  createdById: Id.nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type CostEntry = z.infer<typeof CostEntry>;

/** The hourly rates per role, in cents; hours are valued at these when costs are shown. */
export const HourlyRates = z.object({
  coach: z.number().int().min(0).max(100_000),
  teamleider: z.number().int().min(0).max(100_000),
  ondersteuning: z.number().int().min(0).max(100_000),
});
export type HourlyRates = z.infer<typeof HourlyRates>;

/**
 * Defaults until the beheerder sets the organisation's own rates: € 75 an hour for a gezinscoach,
 * € 85 for a team lead, € 90 for ondersteuning (gedragswetenschapper) — placeholders in the range of
 * Dutch municipal tariffs for ambulant family support, to be replaced by the organisation's own.
 */
export const DEFAULT_HOURLY_RATES: HourlyRates = { coach: 7500, teamleider: 8500, ondersteuning: 9000 };

export const CostSettings = z.object({
  hourlyRateCents: HourlyRates.default(DEFAULT_HOURLY_RATES),
});
export type CostSettings = z.infer<typeof CostSettings>;
export const CostSettingsInput = z.object({ hourlyRateCents: HourlyRates });
export type CostSettingsInput = z.infer<typeof CostSettingsInput>;

const Minutes = z.number().int();
const Cents = z.number().int();

export const TrajectoryCosts = z.object({
  /** Null: entries outside every trajectory. */
  trajectoryId: Id.nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  minutes: Minutes,
  hoursCents: Cents,
  costsCents: Cents,
  totalCents: Cents,
});
export type TrajectoryCosts = z.infer<typeof TrajectoryCosts>;

export const FamilyCostSummary = z.object({
  minutes: Minutes,
  hoursCents: Cents,
  costsCents: Cents,
  totalCents: Cents,
  /** Per cost line (hours and each funding source used), largest first. */
  byLine: z.array(z.object({ line: z.enum(COST_LINES), cents: Cents })),
  byTrajectory: z.array(TrajectoryCosts),
  byPerson: z.array(
    z.object({
      userId: Id,
      name: z.string(),
      role: z.string(),
      minutes: Minutes,
      hoursCents: Cents,
      byActivity: z.array(z.object({ activity: z.enum(TIME_ACTIVITIES), minutes: Minutes })),
    }),
  ),
  byActivity: z.array(z.object({ activity: z.enum(TIME_ACTIVITIES), minutes: Minutes })),
  /** Calendar months (YYYY-MM), oldest first. */
  byMonth: z.array(z.object({ month: z.string(), minutes: Minutes, hoursCents: Cents, costsCents: Cents, totalCents: Cents })),
});
export type FamilyCostSummary = z.infer<typeof FamilyCostSummary>;

/** Change between the nulmeting and the latest later meting of one instrument. */
export const OutcomeChange = z.object({
  instrumentKey: z.string(),
  fromRound: z.number().int(),
  toRound: z.number().int(),
  fromOn: z.string().nullable(),
  toOn: z.string().nullable(),
  /** Weighted self-reliance at both (one decimal) and the change (two decimals, exact); null when the instrument has none. */
  selfReliance: z.object({ from: z.number(), to: z.number(), change: z.number() }).nullable(),
  problemDomains: z.object({ from: z.number().int(), to: z.number().int(), change: z.number().int() }),
});
export type OutcomeChange = z.infer<typeof OutcomeChange>;

export const FamilyCosts = z.object({
  familyId: Id,
  timeEntries: z.array(TimeEntry),
  costEntries: z.array(CostEntry),
  summary: FamilyCostSummary,
  rates: HourlyRates,
  /** The family's change on the default instrument; null without a nulmeting and a later meting. */
  outcome: OutcomeChange.nullable(),
});
export type FamilyCosts = z.infer<typeof FamilyCosts>;

/** A catalogue entry as the cost form offers it, with what it costs (domain prefillCost). */
export const CostCatalogueItem = z.object({
  id: Id,
  name: z.string(),
  costCents: z.number().int().nullable(),
  costUnit: z.string().nullable(),
  costIncludes: z.string().nullable(),
});
export type CostCatalogueItem = z.infer<typeof CostCatalogueItem>;
export const CostCatalogue = z.object({ items: z.array(CostCatalogueItem) });
export type CostCatalogue = z.infer<typeof CostCatalogue>;
