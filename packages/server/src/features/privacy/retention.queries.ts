import {
  parseOrganisationSettings,
  pseudonymCaseNumber,
  type FamilyRetentionFacts,
  type Phase,
  type QuickReferralRetentionFacts,
  type RequestRetentionFacts,
  type RetentionSettings,
  type TrajectoryRetentionFacts,
} from "@ploegwerk/domain";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { families, organisations, privacyRequests, quickReferrals, retentionRuns, trajectories } from "../../db/schema.ts";
import { organisationSettings } from "../auth/accountSecurity.queries.ts";

export async function retentionPolicy(db: Db, organisationId: string): Promise<RetentionSettings> {
  return parseOrganisationSettings(await organisationSettings(db, organisationId)).retention;
}

/** Replaces the retention part of the settings document; other settings written meanwhile stay. */
export async function writeRetentionPolicy(db: Db, organisationId: string, policy: RetentionSettings): Promise<void> {
  await db
    .update(organisations)
    .set({ settings: sql`jsonb_set(coalesce(${organisations.settings}, '{}'::jsonb), '{retention}', ${JSON.stringify(policy)}::jsonb, true)` })
    .where(eq(organisations.organisationId, organisationId));
}

export interface FamilyFacts extends FamilyRetentionFacts {
  familyId: string;
  trajectories: TrajectoryRetentionFacts[];
}

/**
 * What the retention rules need of every family of the organisation (or one): its trajectories'
 * phase, phase date and go, and how many AVG requests about it are open. `lock` takes the family
 * row FOR UPDATE, so a family re-opened while a run is busy is not erased from stale facts.
 */
export async function familyRetentionFacts(db: Db, organisationId: string, opts: { familyId?: string; lock?: boolean } = {}): Promise<FamilyFacts[]> {
  const byFamily = opts.familyId ? eq(families.id, opts.familyId) : undefined;
  const familyQuery = db.select({ id: families.id, caseNumber: families.caseNumber }).from(families).where(and(eq(families.organisationId, organisationId), byFamily)).orderBy(asc(families.id));
  const familyRows = opts.lock ? await familyQuery.for("update") : await familyQuery;
  const trajectoryRows = await db
    .select({ familyId: trajectories.familyId, phase: trajectories.phase, phaseSince: trajectories.phaseSince, decision: trajectories.decision })
    .from(trajectories)
    .where(and(eq(trajectories.organisationId, organisationId), opts.familyId ? eq(trajectories.familyId, opts.familyId) : undefined));
  const openRows = await db
    .select({ familyId: privacyRequests.familyId, n: sql<number>`count(*)::int` })
    .from(privacyRequests)
    .where(and(eq(privacyRequests.organisationId, organisationId), eq(privacyRequests.status, "open"), opts.familyId ? eq(privacyRequests.familyId, opts.familyId) : undefined))
    .groupBy(privacyRequests.familyId);
  const facts = new Map<string, FamilyFacts>(
    familyRows.map((f) => [f.id, { familyId: f.id, trajectories: [], openRequests: 0, pseudonymised: f.caseNumber === pseudonymCaseNumber(f.id) }]),
  );
  for (const t of trajectoryRows) {
    facts.get(t.familyId)?.trajectories.push({ phase: t.phase as Phase, phaseSince: t.phaseSince, started: t.decision === "go" });
  }
  for (const r of openRows) {
    const f = r.familyId ? facts.get(r.familyId) : undefined;
    if (f) f.openRequests = Number(r.n);
  }
  return [...facts.values()];
}

export async function requestRetentionFacts(db: Db, organisationId: string): Promise<(RequestRetentionFacts & { id: string; familyId: string | null })[]> {
  const rows = await db
    .select({ id: privacyRequests.id, familyId: privacyRequests.familyId, status: privacyRequests.status, decidedOn: privacyRequests.decidedOn })
    .from(privacyRequests)
    .where(eq(privacyRequests.organisationId, organisationId))
    .orderBy(asc(privacyRequests.id));
  return rows.map((r) => ({ ...r, status: r.status as RequestRetentionFacts["status"] }));
}

/**
 * Quick referrals never linked to a family file (those linked go with the family): the day they
 * closed, in the Dutch calendar, and whether an earlier run pseudonymised them. `lock` takes the
 * row FOR UPDATE, so one linked to a family meanwhile is not erased from stale facts.
 */
export async function quickReferralRetentionFacts(db: Db, organisationId: string, opts: { id?: string; lock?: boolean } = {}): Promise<(QuickReferralRetentionFacts & { id: string })[]> {
  const query = db
    .select({
      id: quickReferrals.id,
      closedOn: sql<string | null>`to_char(${quickReferrals.closedAt} at time zone 'Europe/Amsterdam', 'YYYY-MM-DD')`,
      residentName: quickReferrals.residentName,
    })
    .from(quickReferrals)
    .where(and(eq(quickReferrals.organisationId, organisationId), isNull(quickReferrals.familyId), opts.id ? eq(quickReferrals.id, opts.id) : undefined))
    .orderBy(asc(quickReferrals.id));
  const rows = opts.lock ? await query.for("update") : await query;
  return rows.map((r) => ({ id: r.id, closedOn: r.closedOn, pseudonymised: r.residentName === PSEUDONYMISED_RESIDENT }));
}

/** What stands where the resident's name was in a pseudonymised quick referral. */
export const PSEUDONYMISED_RESIDENT = "";

export async function insertRetentionRun(db: Db, organisationId: string, dryRun: boolean, report: Record<string, unknown>): Promise<string> {
  const [row] = await db.insert(retentionRuns).values({ organisationId, dryRun, report }).returning({ id: retentionRuns.id });
  if (!row) throw new Error("retention run insert returned nothing");
  return row.id;
}
