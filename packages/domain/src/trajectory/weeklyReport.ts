import { z } from "zod";
import type { MemberRole } from "../contracts/family.ts";
import type { InvalidParam } from "../errors.ts";
import { addDays, addMonths, isoWeekday, minDay, type IsoDay } from "./calendar.ts";
import { compareIsoWeeks, formatIsoWeek, isValidIsoWeek, isoWeekEnd, isoWeekStart, isoWeeksBetween, type IsoWeek } from "./isoWeek.ts";
import { periodsIn, type TrajectoryState } from "./phases.ts";

/*
 * The weekoverzicht (weeklyReport): per family per ISO week the activities, the choices made and
 * the bottlenecks, "with explicit attention to child safety" (BRIEF §3): the child-safety note is
 * required whenever the family has minor children.
 */

const OptionalText = z.string().trim().max(5000).nullable().default(null);

export const NewWeeklyReport = z
  .object({
    year: z.number().int().min(2000).max(2100),
    week: z.number().int().min(1, "an ISO week from 1 to 52 or 53").max(53, "an ISO week from 1 to 52 or 53"),
    activities: z.string().trim().min(1, "describe this week's activities").max(5000),
    choices: OptionalText,
    bottlenecks: OptionalText,
    childSafety: OptionalText,
  })
  .superRefine((r, ctx) => {
    if (!isValidIsoWeek({ year: r.year, week: r.week })) {
      ctx.addIssue({ code: "custom", path: ["week"], message: `${r.year} has no ISO week ${r.week}` });
    }
  });
export type NewWeeklyReport = z.infer<typeof NewWeeklyReport>;
export type NewWeeklyReportInput = z.input<typeof NewWeeklyReport>;

/** Members with role child who are under 18 on `onDate` (someone born on 29 February turns 18 on 28 February). */
export function hasMinorChildren(members: readonly { role: MemberRole; dateOfBirth: IsoDay }[], onDate: IsoDay): boolean {
  return members.some((m) => m.role === "child" && addMonths(m.dateOfBirth, 18 * 12) > onDate);
}

export interface WeeklyReportContext {
  hasMinorChildren: boolean;
  today: IsoDay;
  /** The go date: no report is kept for weeks before the trajectory. */
  trajectoryStartedOn: IsoDay | null;
}

/** Field errors the schema cannot see: the child-safety note, and a week that has not started or lies before the trajectory. */
export function validateWeeklyReport(report: NewWeeklyReport, ctx: WeeklyReportContext): InvalidParam[] {
  const errors: InvalidParam[] = [];
  const week = { year: report.year, week: report.week };
  if (ctx.hasMinorChildren && !(report.childSafety ?? "").trim()) {
    errors.push({ name: "childSafety", reason: "the family has children: write how safe the children were this week (veiligheid van de kinderen)" });
  }
  if (isValidIsoWeek(week)) {
    if (isoWeekStart(week) > ctx.today) errors.push({ name: "week", reason: `week ${formatIsoWeek(week)} has not started yet` });
    if (ctx.trajectoryStartedOn !== null && isoWeekEnd(week) < ctx.trajectoryStartedOn) {
      errors.push({ name: "week", reason: `week ${formatIsoWeek(week)} lies before the trajectory started (${ctx.trajectoryStartedOn})` });
    }
  }
  return errors;
}

/**
 * The ISO weeks that need a weekoverzicht: every week with a day in uitvoering or afronding, up to
 * and including last week (the current week's report is not due until it ends). A re-opened
 * trajectory needs reports again from the re-opening.
 */
export function expectedWeeklyReportWeeks(state: TrajectoryState, today: IsoDay): IsoWeek[] {
  const lastDue = addDays(today, -isoWeekday(today)); // last week's Sunday
  const weeks = new Map<string, IsoWeek>();
  for (const phase of ["execution", "closing"] as const) {
    for (const p of periodsIn(state, phase)) {
      const until = p.until === null ? lastDue : minDay(addDays(p.until, -1), lastDue);
      for (const w of isoWeeksBetween(p.from, until)) weeks.set(formatIsoWeek(w), w);
    }
  }
  return [...weeks.values()].sort(compareIsoWeeks);
}

/** Expected weeks without a report, oldest first. */
export function missingWeeklyReports(expected: readonly IsoWeek[], present: readonly IsoWeek[]): IsoWeek[] {
  const have = new Set(present.map(formatIsoWeek));
  return expected.filter((w) => !have.has(formatIsoWeek(w)));
}
