/**
 * Everything stored about one family, for inzage (AVG art. 15): the rows of every table in
 * familyTables.ts, the AVG register, the access history from the audit log, and the names of the
 * staff and instruments the rows refer to. Read as stored, so nothing a screen leaves out is missed.
 */
import type { InstrumentDefinition } from "@ploegwerk/domain";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../db/database.ts";
import {
  actionProgress,
  aftercareCheckins,
  closingRecords,
  consents,
  corrections,
  escalations,
  familyGroupConferences,
  interventions,
  leverages,
  measurements,
  meetings,
  members,
  networkPersons,
  partnerOrganisations,
  phaseTransitions,
  planVersions,
  privacyRequests,
  quickReferrals,
  referralChecks,
  referrerFeedback,
  trajectories,
  users,
  weeklyReports,
  timeEntries,
  costEntries,
} from "../../db/schema.ts";
import { accessHistoryRows } from "../audit/audit.queries.ts";
import { findInstrument } from "../instruments/instruments.queries.ts";
import { correctionColumns, parseCorrectionValues } from "./corrections.record.ts";

/** More reads than this are summarised in the document; the newest are listed. */
export const ACCESS_HISTORY_LIMIT = 5000;

export async function trajectoryRecords(db: Db, organisationId: string, trajectoryId: string) {
  const of = (t: { organisationId: PgColumn; trajectoryId: PgColumn }) => and(eq(t.organisationId, organisationId), eq(t.trajectoryId, trajectoryId));
  const [checks, feedback, phaseHistory, plans, progress, meetingRows, weekly, conferences, escalationRows, leverageRows, closing, checkins] = await Promise.all([
    db.select().from(referralChecks).where(of(referralChecks)).orderBy(asc(referralChecks.kind)),
    db.select().from(referrerFeedback).where(of(referrerFeedback)).orderBy(asc(referrerFeedback.sentOn)),
    db.select().from(phaseTransitions).where(of(phaseTransitions)).orderBy(asc(phaseTransitions.seq)),
    db.select().from(planVersions).where(of(planVersions)).orderBy(asc(planVersions.number)),
    db.select().from(actionProgress).where(of(actionProgress)).orderBy(asc(actionProgress.createdAt)),
    db.select().from(meetings).where(of(meetings)).orderBy(asc(meetings.scheduledAt)),
    db.select().from(weeklyReports).where(of(weeklyReports)).orderBy(asc(weeklyReports.year), asc(weeklyReports.week)),
    db.select().from(familyGroupConferences).where(of(familyGroupConferences)).orderBy(asc(familyGroupConferences.createdAt)),
    db.select().from(escalations).where(of(escalations)).orderBy(asc(escalations.raisedOn)),
    db.select().from(leverages).where(of(leverages)).orderBy(asc(leverages.startsOn)),
    db.select().from(closingRecords).where(of(closingRecords)),
    db.select().from(aftercareCheckins).where(of(aftercareCheckins)).orderBy(asc(aftercareCheckins.heldOn)),
  ]);
  return {
    checks,
    feedback,
    phaseHistory,
    planVersions: plans,
    actionProgress: progress,
    meetings: meetingRows,
    weeklyReports: weekly,
    familyGroupConferences: conferences,
    escalations: escalationRows,
    leverages: leverageRows,
    closing: closing[0] ?? null,
    aftercareCheckins: checkins,
  };
}

export async function familyRecords(db: Db, organisationId: string, familyId: string) {
  const byFamily = (t: { organisationId: PgColumn; familyId: PgColumn }) => and(eq(t.organisationId, organisationId), eq(t.familyId, familyId));
  const [memberRows, network, trajectoryRows, measurementRows, consentRows, correctionRows, requestRows] = await Promise.all([
    db.select().from(members).where(byFamily(members)).orderBy(asc(members.position), asc(members.createdAt)),
    db.select().from(networkPersons).where(byFamily(networkPersons)).orderBy(asc(networkPersons.createdAt)),
    db.select().from(trajectories).where(byFamily(trajectories)).orderBy(asc(trajectories.receivedOn), asc(trajectories.createdAt)),
    db.select().from(measurements).where(byFamily(measurements)).orderBy(asc(measurements.instrumentKey), asc(measurements.round)),
    db
      .select({ consent: consents, recipientName: partnerOrganisations.name })
      .from(consents)
      .innerJoin(partnerOrganisations, and(eq(partnerOrganisations.organisationId, consents.organisationId), eq(partnerOrganisations.id, consents.recipientId)))
      .where(byFamily(consents))
      .orderBy(asc(consents.givenOn)),
    db.select(correctionColumns).from(corrections).where(byFamily(corrections)).orderBy(asc(corrections.createdAt)),
    db.select().from(privacyRequests).where(and(eq(privacyRequests.organisationId, organisationId), eq(privacyRequests.familyId, familyId))).orderBy(asc(privacyRequests.receivedOn)),
  ]);
  const trajectoryList = [];
  for (const t of trajectoryRows) trajectoryList.push({ trajectory: t, ...(await trajectoryRecords(db, organisationId, t.id)) });
  // Hours and costs (issue order 4): as stored, a cost with the name of the catalogue entry it was for.
  const [hours, costs] = await Promise.all([
    db.select().from(timeEntries).where(byFamily(timeEntries)).orderBy(asc(timeEntries.on), asc(timeEntries.createdAt)),
    db
      .select({ entry: costEntries, interventionName: interventions.name })
      .from(costEntries)
      .leftJoin(interventions, and(eq(interventions.organisationId, costEntries.organisationId), eq(interventions.id, costEntries.interventionId)))
      .where(byFamily(costEntries))
      .orderBy(asc(costEntries.on), asc(costEntries.createdAt)),
  ]);
  const history = await accessHistoryRows(db, organisationId, familyId, { limit: ACCESS_HISTORY_LIMIT });
  // Quick referrals that became part of this family's file, with the name of the entry they went to.
  const quickReferralRows = await db
    .select({ referral: quickReferrals, interventionName: interventions.name })
    .from(quickReferrals)
    .leftJoin(interventions, and(eq(interventions.organisationId, quickReferrals.organisationId), eq(interventions.id, quickReferrals.interventionId)))
    .where(byFamily(quickReferrals))
    .orderBy(asc(quickReferrals.createdAt));
  return {
    members: memberRows,
    network,
    trajectories: trajectoryList,
    measurements: measurementRows,
    consents: consentRows.map((c) => ({ ...c.consent, recipientName: c.recipientName })),
    corrections: correctionRows.map(parseCorrectionValues),
    privacyRequests: requestRows,
    quickReferrals: quickReferralRows.map((q) => ({ ...q.referral, interventionName: q.interventionName })),
    timeEntries: hours,
    costEntries: costs.map((c) => ({ ...c.entry, interventionName: c.interventionName })),
    accessHistory: history.items,
    accessHistoryTruncated: history.nextBefore !== null,
  };
}

/** Names and roles of staff the records mention, by id. */
export async function staffNames(db: Db, organisationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(and(eq(users.organisationId, organisationId), inArray(users.id, [...new Set(ids)]))).orderBy(asc(users.name));
}

/** The instrument versions the metingen were taken with, for the names of the leefgebieden. */
export async function instrumentsOf(db: Db, organisationId: string, used: readonly { instrumentKey: string; instrumentVersion: number }[]): Promise<InstrumentDefinition[]> {
  const seen = new Map<string, { key: string; version: number }>();
  for (const u of used) seen.set(`${u.instrumentKey}@${u.instrumentVersion}`, { key: u.instrumentKey, version: u.instrumentVersion });
  const out: InstrumentDefinition[] = [];
  for (const { key, version } of seen.values()) {
    const def = await findInstrument(db, organisationId, key, version);
    if (def) out.push(def);
  }
  return out;
}
