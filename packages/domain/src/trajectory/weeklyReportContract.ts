import { z } from "zod";
import { Id, Version } from "../contracts/common.ts";
import { formatIsoWeek, isoWeekEnd, isoWeekStart, type IsoWeek } from "./isoWeek.ts";

/*
 * The weekoverzicht over the API. A new report is `NewWeeklyReport` (weeklyReport.ts); an edit sends
 * the texts again with the version the editor read. The week itself never changes: a report for
 * another week is another report.
 */

const OptionalText = z.string().trim().max(5000).nullable().default(null);

export const WeeklyReportUpdate = z.object({
  activities: z.string().trim().min(1, "describe this week's activities").max(5000),
  choices: OptionalText,
  bottlenecks: OptionalText,
  childSafety: OptionalText,
  /** The version the editor read (optimistic concurrency). */
  version: Version,
});
export type WeeklyReportUpdate = z.infer<typeof WeeklyReportUpdate>;
export type WeeklyReportUpdateInput = z.input<typeof WeeklyReportUpdate>;

/** An ISO week as the UI shows it: "2025-W03", Monday to Sunday. */
export const IsoWeekView = z.object({
  year: z.number().int(),
  week: z.number().int(),
  label: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
});
export type IsoWeekView = z.infer<typeof IsoWeekView>;

export function isoWeekView(w: IsoWeek): IsoWeekView {
  return { year: w.year, week: w.week, label: formatIsoWeek(w), startsOn: isoWeekStart(w), endsOn: isoWeekEnd(w) };
}

export const WeeklyReport = IsoWeekView.extend({
  id: Id,
  trajectoryId: Id,
  activities: z.string(),
  choices: z.string().nullable(),
  bottlenecks: z.string().nullable(),
  childSafety: z.string().nullable(),
  writtenById: Id.nullable(),
  writtenByName: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WeeklyReport = z.infer<typeof WeeklyReport>;

export const WeeklyReportList = z.object({
  /** Newest week first. */
  items: z.array(WeeklyReport),
  /** Weeks of uitvoering and afronding up to last week without a report, oldest first (expectedWeeklyReportWeeks). */
  missingWeeks: z.array(IsoWeekView),
  /** The family has minor children today: the child-safety note is required. */
  childSafetyRequired: z.boolean(),
});
export type WeeklyReportList = z.infer<typeof WeeklyReportList>;
