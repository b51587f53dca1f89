/**
 * Every table that holds a family's data, and how it hangs on the family: by family_id, or through
 * one of its trajectories. Erasure, pseudonymisation and the row counts of a retention run all go
 * through this list; retention.test.ts checks it against the live schema, so a new table with a
 * family_id or trajectory_id column fails the tests until it is placed here.
 */
import type { PseudonymisedDelete, PseudonymisedKeep } from "@ploegwerk/domain";
import { sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import {
  actionProgress,
  aftercareCheckins,
  breakGlassGrants,
  closingRecords,
  consents,
  corrections,
  escalations,
  families,
  familyGroupConferences,
  leverages,
  measurements,
  meetings,
  members,
  networkPersons,
  phaseTransitions,
  planVersions,
  referralChecks,
  referrerFeedback,
  trajectories,
  weeklyReports,
  watTeltViews,
  timeEntries,
  costEntries,
  outcomeNarratives,
  goalProgress,
  quickReferrals,
} from "../../db/schema.ts";

export interface FamilyTable {
  table: PgTable;
  organisationId: PgColumn;
  /** families.id for the family itself, family_id or trajectory_id for the rest. */
  key: PgColumn;
  via: "self" | "family" | "trajectory";
}

const self = (table: typeof families): FamilyTable => ({ table, organisationId: table.organisationId, key: table.id, via: "self" });
const byFamily = (table: PgTable, organisationId: PgColumn, familyId: PgColumn): FamilyTable => ({ table, organisationId, key: familyId, via: "family" });
const byTrajectory = (table: PgTable, organisationId: PgColumn, trajectoryId: PgColumn): FamilyTable => ({ table, organisationId, key: trajectoryId, via: "trajectory" });

/** Keyed by the SQL table name; the type makes every record kind of pseudonymise.ts appear exactly here. */
export const FAMILY_TABLES: Readonly<Record<PseudonymisedKeep | PseudonymisedDelete, FamilyTable>> = {
  families: self(families),
  members: byFamily(members, members.organisationId, members.familyId),
  network_persons: byFamily(networkPersons, networkPersons.organisationId, networkPersons.familyId),
  measurements: byFamily(measurements, measurements.organisationId, measurements.familyId),
  consents: byFamily(consents, consents.organisationId, consents.familyId),
  break_glass_grants: byFamily(breakGlassGrants, breakGlassGrants.organisationId, breakGlassGrants.familyId),
  corrections: byFamily(corrections, corrections.organisationId, corrections.familyId),
  trajectories: byFamily(trajectories, trajectories.organisationId, trajectories.familyId),
  referral_checks: byTrajectory(referralChecks, referralChecks.organisationId, referralChecks.trajectoryId),
  referrer_feedback: byTrajectory(referrerFeedback, referrerFeedback.organisationId, referrerFeedback.trajectoryId),
  phase_transitions: byTrajectory(phaseTransitions, phaseTransitions.organisationId, phaseTransitions.trajectoryId),
  plan_versions: byTrajectory(planVersions, planVersions.organisationId, planVersions.trajectoryId),
  action_progress: byTrajectory(actionProgress, actionProgress.organisationId, actionProgress.trajectoryId),
  weekly_reports: byTrajectory(weeklyReports, weeklyReports.organisationId, weeklyReports.trajectoryId),
  meetings: byTrajectory(meetings, meetings.organisationId, meetings.trajectoryId),
  family_group_conferences: byTrajectory(familyGroupConferences, familyGroupConferences.organisationId, familyGroupConferences.trajectoryId),
  escalations: byTrajectory(escalations, escalations.organisationId, escalations.trajectoryId),
  leverages: byTrajectory(leverages, leverages.organisationId, leverages.trajectoryId),
  closing_records: byTrajectory(closingRecords, closingRecords.organisationId, closingRecords.trajectoryId),
  aftercare_checkins: byTrajectory(aftercareCheckins, aftercareCheckins.organisationId, aftercareCheckins.trajectoryId),
  wat_telt_views: byFamily(watTeltViews, watTeltViews.organisationId, watTeltViews.familyId),
  time_entries: byFamily(timeEntries, timeEntries.organisationId, timeEntries.familyId),
  cost_entries: byFamily(costEntries, costEntries.organisationId, costEntries.familyId),
  outcome_narratives: byFamily(outcomeNarratives, outcomeNarratives.organisationId, outcomeNarratives.familyId),
  goal_progress: byTrajectory(goalProgress, goalProgress.organisationId, goalProgress.trajectoryId),
  quick_referrals: byFamily(quickReferrals, quickReferrals.organisationId, quickReferrals.familyId),
};
export type FamilyTableName = keyof typeof FAMILY_TABLES;

/**
 * Tables with a family_id that are deliberately not in FAMILY_TABLES: the AVG register outlives
 * the data (its entries are detached, with their own bewaartermijn), and the audit log is
 * append-only (NEN 7513; a trigger refuses changes).
 */
export const OUTSIDE_FAMILY_TABLES = ["privacy_requests", "audit_events"] as const;

/** WHERE: the rows of `t` that belong to the family. */
export function ofFamily(t: FamilyTable, organisationId: string, familyId: string): SQL {
  if (t.via === "trajectory") {
    return sql`${t.organisationId} = ${organisationId} and ${t.key} in (select ${trajectories.id} from ${trajectories} where ${trajectories.organisationId} = ${organisationId} and ${trajectories.familyId} = ${familyId})`;
  }
  return sql`${t.organisationId} = ${organisationId} and ${t.key} = ${familyId}`;
}
