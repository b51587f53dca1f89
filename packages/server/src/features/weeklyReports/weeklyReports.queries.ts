import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { users, weeklyReports } from "../../db/schema.ts";

export type WeeklyReportRow = typeof weeklyReports.$inferSelect;
export type WeeklyReportText = Pick<WeeklyReportRow, "activities" | "choices" | "bottlenecks" | "childSafety">;

const withWriter = { report: weeklyReports, writtenByName: users.name };
const writer = and(eq(users.organisationId, weeklyReports.organisationId), eq(users.id, weeklyReports.writtenById));

/** The trajectory's weekoverzichten with the writer's name, newest week first. */
export function listWeeklyReportRows(db: Db, organisationId: string, trajectoryId: string) {
  return db
    .select(withWriter)
    .from(weeklyReports)
    .leftJoin(users, writer)
    .where(and(eq(weeklyReports.organisationId, organisationId), eq(weeklyReports.trajectoryId, trajectoryId)))
    .orderBy(desc(weeklyReports.year), desc(weeklyReports.week));
}

export async function findWeeklyReportRow(db: Db, organisationId: string, trajectoryId: string, reportId: string) {
  const rows = await db
    .select(withWriter)
    .from(weeklyReports)
    .leftJoin(users, writer)
    .where(and(eq(weeklyReports.organisationId, organisationId), eq(weeklyReports.trajectoryId, trajectoryId), eq(weeklyReports.id, reportId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertWeeklyReport(
  db: Db,
  values: { organisationId: string; trajectoryId: string; year: number; week: number; writtenById: string | null } & WeeklyReportText,
): Promise<WeeklyReportRow> {
  const [row] = await db.insert(weeklyReports).values(values).returning();
  if (!row) throw new Error("weekly report insert returned nothing");
  return row;
}

/** Saves the texts if nobody saved since `version`; null when stale. */
export async function updateWeeklyReportRow(db: Db, organisationId: string, reportId: string, version: number, text: WeeklyReportText): Promise<WeeklyReportRow | null> {
  const rows = await db
    .update(weeklyReports)
    .set({ ...text, version: sql`${weeklyReports.version} + 1`, updatedAt: new Date() })
    .where(and(eq(weeklyReports.organisationId, organisationId), eq(weeklyReports.id, reportId), eq(weeklyReports.version, version)))
    .returning();
  return rows[0] ?? null;
}
