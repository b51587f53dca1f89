import {
  conflict,
  expectedWeeklyReportWeeks,
  formatIsoWeek,
  hasMinorChildren,
  invalid,
  isoWeekStart,
  isoWeekView,
  missingWeeklyReports,
  notFound,
  OPEN_PHASES,
  staleVersion,
  todayInNetherlands,
  trajectoryStartedOn,
  validateWeeklyReport,
  type MemberRole,
  type NewWeeklyReport,
  type WeeklyReport,
  type WeeklyReportList,
  type WeeklyReportUpdate,
} from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { listMembers } from "../families/families.queries.ts";
import { loadTrajectoryForRecord, trajectoryState, userIdOf, type VisibleTrajectory } from "../trajectories/trajectories.records.ts";
import { loadVisibleTrajectory } from "../trajectories/trajectories.service.ts";
import { findWeeklyReportRow, insertWeeklyReport, listWeeklyReportRows, updateWeeklyReportRow, type WeeklyReportRow, type WeeklyReportText } from "./weeklyReports.queries.ts";

const WEEKLY_REPORT = { nl: "Weekoverzicht", en: "Weekly report" };

const duplicateWeek = (label: string) =>
  conflict(
    { nl: `Er is al een weekoverzicht voor week ${label}. Open dat overzicht om het aan te vullen.`, en: `There already is a weekly report for week ${label}. Open it to add to it.` },
    "duplicate_week",
  );

export function present(row: WeeklyReportRow, writtenByName: string | null): WeeklyReport {
  return {
    ...isoWeekView({ year: row.year, week: row.week }),
    id: row.id,
    trajectoryId: row.trajectoryId,
    activities: row.activities,
    choices: row.choices,
    bottlenecks: row.bottlenecks,
    childSafety: row.childSafety,
    writtenById: row.writtenById,
    writtenByName,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const blankToNull = (v: string | null) => (v === null || v.trim() === "" ? null : v);
const textOf = (r: WeeklyReportText): WeeklyReportText => ({ activities: r.activities, choices: blankToNull(r.choices), bottlenecks: blankToNull(r.bottlenecks), childSafety: blankToNull(r.childSafety) });

/** The domain's field rules: the child-safety note while the family had minor children that week, and a week within the trajectory that has started. */
async function assertValid(tx: Db, found: VisibleTrajectory, report: NewWeeklyReport, today: string): Promise<void> {
  const row = found.trajectory;
  const [members, state] = await Promise.all([listMembers(tx, row.organisationId, row.familyId), trajectoryState(tx, row.organisationId, row.id)]);
  const minors = hasMinorChildren(
    members.map((m) => ({ role: m.role as MemberRole, dateOfBirth: m.dateOfBirth })),
    isoWeekStart({ year: report.year, week: report.week }),
  );
  const errors = validateWeeklyReport(report, { hasMinorChildren: minors, today, trajectoryStartedOn: trajectoryStartedOn(state) });
  if (errors.length > 0) throw invalid({ nl: "Het weekoverzicht is niet compleet; zie de velden.", en: "The weekly report is not complete; see the fields." }, errors);
}

const WRITE = { phases: OPEN_PHASES, what: WEEKLY_REPORT };

export async function listWeeklyReports(db: Db, opts: { actor: Actor; trajectoryId: string; today?: string }): Promise<WeeklyReportList> {
  const found = await loadVisibleTrajectory(db, opts.actor, opts.trajectoryId);
  const today = opts.today ?? todayInNetherlands();
  const { organisationId, familyId, id } = found.trajectory;
  const [rows, state, members] = await Promise.all([listWeeklyReportRows(db, organisationId, id), trajectoryState(db, organisationId, id), listMembers(db, organisationId, familyId)]);
  const written = rows.map((r) => ({ year: r.report.year, week: r.report.week }));
  return {
    items: rows.map((r) => present(r.report, r.writtenByName)),
    missingWeeks: missingWeeklyReports(expectedWeeklyReportWeeks(state, today), written).map(isoWeekView),
    childSafetyRequired: hasMinorChildren(members.map((m) => ({ role: m.role as MemberRole, dateOfBirth: m.dateOfBirth })), today),
  };
}

/** One weekoverzicht per ISO week; a second one for the same week is refused (409 duplicate_week). */
export async function createWeeklyReport(db: Db, opts: { actor: Actor; trajectoryId: string; input: NewWeeklyReport; today?: string }): Promise<WeeklyReport> {
  const { actor, input } = opts;
  return db.transaction(async (tx) => {
    const found = await loadTrajectoryForRecord(tx, actor, opts.trajectoryId, WRITE);
    await assertValid(tx, found, input, opts.today ?? todayInNetherlands());
    const label = formatIsoWeek(input);
    let row: WeeklyReportRow;
    try {
      row = await insertWeeklyReport(tx, { organisationId: actor.organisationId, trajectoryId: found.trajectory.id, year: input.year, week: input.week, writtenById: userIdOf(actor), ...textOf(input) });
    } catch (err) {
      if (isUniqueViolation(err, "weekly_reports_week_key")) throw duplicateWeek(label);
      throw err;
    }
    await audit(tx, actor, { action: "weekly_report.created", entityType: "weekly_report", entityId: row.id, familyId: found.trajectory.familyId, details: { trajectoryId: found.trajectory.id, week: label } });
    return present(row, actor.kind === "user" ? actor.name : null);
  });
}

/** Saves an edit only if nobody saved in between (409 stale_version); the week stays. */
export async function updateWeeklyReport(db: Db, opts: { actor: Actor; trajectoryId: string; reportId: string; input: WeeklyReportUpdate; today?: string }): Promise<WeeklyReport> {
  const { actor, input } = opts;
  return db.transaction(async (tx) => {
    const found = await loadTrajectoryForRecord(tx, actor, opts.trajectoryId, WRITE);
    const current = await findWeeklyReportRow(tx, actor.organisationId, found.trajectory.id, opts.reportId);
    if (!current) throw notFound(WEEKLY_REPORT);
    const { year, week } = current.report;
    await assertValid(tx, found, { year, week, ...textOf(input) }, opts.today ?? todayInNetherlands());
    const row = await updateWeeklyReportRow(tx, actor.organisationId, current.report.id, input.version, textOf(input));
    if (!row) throw staleVersion();
    const label = formatIsoWeek({ year, week });
    await audit(tx, actor, { action: "weekly_report.updated", entityType: "weekly_report", entityId: row.id, familyId: found.trajectory.familyId, details: { trajectoryId: found.trajectory.id, week: label, fromVersion: input.version } });
    return present(row, current.writtenByName);
  });
}
