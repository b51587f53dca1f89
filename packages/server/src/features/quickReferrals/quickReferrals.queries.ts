/**
 * Quick referrals as stored, with what the screens need beside them: the entry's name and the
 * chain partner that provides it (who then receives the referral), the receiving team, the
 * organisation's name and the name of the worker who picked it up.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { QuickReferralInbox } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { interventions, organisations, partnerOrganisations, quickReferrals, teams, users } from "../../db/schema.ts";

const pickedUpBy = alias(users, "picked_up_by");

const columns = {
  referral: quickReferrals,
  interventionName: interventions.name,
  providerPartnerId: interventions.providerPartnerId,
  providerPartnerName: partnerOrganisations.name,
  teamName: teams.name,
  organisationName: organisations.name,
  pickedUpByName: pickedUpBy.name,
};

export type QuickReferralRow = typeof quickReferrals.$inferSelect & {
  interventionName: string | null;
  /** The chain partner that provides the entry: its ketenpartners receive the referral. */
  providerPartnerId: string | null;
  providerPartnerName: string | null;
  teamName: string | null;
  organisationName: string;
  pickedUpByName: string | null;
};

function base(db: Db) {
  return db
    .select(columns)
    .from(quickReferrals)
    .innerJoin(organisations, eq(organisations.organisationId, quickReferrals.organisationId))
    .leftJoin(interventions, and(eq(interventions.organisationId, quickReferrals.organisationId), eq(interventions.id, quickReferrals.interventionId)))
    .leftJoin(partnerOrganisations, and(eq(partnerOrganisations.organisationId, interventions.organisationId), eq(partnerOrganisations.id, interventions.providerPartnerId)))
    .leftJoin(teams, and(eq(teams.organisationId, quickReferrals.organisationId), eq(teams.id, quickReferrals.teamId)))
    .leftJoin(pickedUpBy, and(eq(pickedUpBy.organisationId, quickReferrals.organisationId), eq(pickedUpBy.id, quickReferrals.pickedUpById)));
}

type Selected = Awaited<ReturnType<ReturnType<typeof base>["execute"]>>[number];

function toRow(r: Selected): QuickReferralRow {
  return {
    ...r.referral,
    interventionName: r.interventionName,
    providerPartnerId: r.providerPartnerId,
    providerPartnerName: r.providerPartnerName,
    teamName: r.teamName,
    organisationName: r.organisationName,
    pickedUpByName: r.pickedUpByName,
  };
}

/** The referrals an inbox holds: the receiving teams' (when no chain partner provides the entry) and the partner's own. */
export function inboxCondition(inbox: QuickReferralInbox): SQL {
  if (inbox.all) return sql`true`;
  const byTeam = inbox.teamIds.length > 0 ? and(inArray(quickReferrals.teamId, inbox.teamIds), isNull(interventions.providerPartnerId)) : undefined;
  const byPartner = inbox.partnerOrganisationId ? eq(interventions.providerPartnerId, inbox.partnerOrganisationId) : undefined;
  if (!byTeam && !byPartner) return sql`false`;
  return (byTeam && byPartner ? or(byTeam, byPartner) : (byTeam ?? byPartner)) as SQL;
}

const STATUS_GROUPS = { open: ["sent", "picked_up"], closed: ["completed", "declined"] } as const;

export interface ListFilter {
  box: "inbox" | "sent";
  inbox: QuickReferralInbox;
  userId: string | null;
  status: "open" | "closed" | "all";
}

function listCondition(organisationId: string, f: ListFilter): SQL {
  const scope = f.box === "inbox" ? inboxCondition(f.inbox) : f.userId ? eq(quickReferrals.referrerUserId, f.userId) : sql`false`;
  const status = f.status === "all" ? undefined : inArray(quickReferrals.status, [...STATUS_GROUPS[f.status]]);
  return and(eq(quickReferrals.organisationId, organisationId), scope, status) as SQL;
}

/** One page, newest first, and how many there are in all. */
export async function listQuickReferralRows(db: Db, organisationId: string, filter: ListFilter, page: number, pageSize: number) {
  const where = listCondition(organisationId, filter);
  const rows = await base(db)
    .where(where)
    .orderBy(desc(quickReferrals.createdAt), desc(quickReferrals.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(quickReferrals)
    .leftJoin(interventions, and(eq(interventions.organisationId, quickReferrals.organisationId), eq(interventions.id, quickReferrals.interventionId)))
    .where(where);
  return { rows: rows.map(toRow), total: Number(count?.n ?? 0) };
}

export async function findQuickReferralRow(db: Db, organisationId: string, id: string): Promise<QuickReferralRow | null> {
  const [row] = await base(db)
    .where(and(eq(quickReferrals.organisationId, organisationId), eq(quickReferrals.id, id)))
    .limit(1);
  return row ? toRow(row) : null;
}

export async function insertQuickReferral(db: Db, values: typeof quickReferrals.$inferInsert): Promise<string> {
  const [row] = await db.insert(quickReferrals).values(values).returning({ id: quickReferrals.id });
  if (!row) throw new Error("quick referral insert returned nothing");
  return row.id;
}

/** Applies a change if the version still matches; null when someone else changed it first. */
export async function updateQuickReferralRow(db: Db, organisationId: string, id: string, version: number, values: Partial<typeof quickReferrals.$inferInsert>) {
  const [row] = await db
    .update(quickReferrals)
    .set({ ...values, version: sql`${quickReferrals.version} + 1`, updatedAt: new Date() })
    .where(and(eq(quickReferrals.organisationId, organisationId), eq(quickReferrals.id, id), eq(quickReferrals.version, version)))
    .returning({ id: quickReferrals.id });
  return row ?? null;
}

/**
 * The badges of an inbox: referrals waiting to be picked up, and those whose outside referrer is
 * still owed feedback (the same rule as the domain's quickReferralFeedbackOwed, in SQL).
 */
export async function inboxCounts(db: Db, organisationId: string, inbox: QuickReferralInbox) {
  const owed = sql`${quickReferrals.referrerUserId} is null and coalesce(${quickReferrals.closedAt}, ${quickReferrals.pickedUpAt}) is not null
    and (${quickReferrals.feedbackSentAt} is null or ${quickReferrals.feedbackSentAt} < coalesce(${quickReferrals.closedAt}, ${quickReferrals.pickedUpAt}))`;
  const [row] = await db
    .select({
      waiting: sql<number>`count(*) filter (where ${quickReferrals.status} = 'sent')::int`,
      feedbackOwed: sql<number>`count(*) filter (where ${owed})::int`,
    })
    .from(quickReferrals)
    .leftJoin(interventions, and(eq(interventions.organisationId, quickReferrals.organisationId), eq(interventions.id, quickReferrals.interventionId)))
    .where(and(eq(quickReferrals.organisationId, organisationId), inboxCondition(inbox)));
  return { waiting: Number(row?.waiting ?? 0), feedbackOwed: Number(row?.feedbackOwed ?? 0) };
}

/** Counts per month made (Dutch calendar), channel and status, for the months from–to. */
export async function countsPerMonth(db: Db, organisationId: string, from: string, to: string) {
  const month = sql<string>`to_char(${quickReferrals.createdAt} at time zone 'Europe/Amsterdam', 'YYYY-MM')`;
  const start = sql`(${`${from}-01`}::date)::timestamp at time zone 'Europe/Amsterdam'`;
  const end = sql`((${`${to}-01`}::date + interval '1 month')::date)::timestamp at time zone 'Europe/Amsterdam'`;
  return db
    .select({ month, channel: quickReferrals.channel, status: quickReferrals.status, count: sql<number>`count(*)::int` })
    .from(quickReferrals)
    .where(and(eq(quickReferrals.organisationId, organisationId), gte(quickReferrals.createdAt, start), lt(quickReferrals.createdAt, end)))
    .groupBy(month, quickReferrals.channel, quickReferrals.status);
}

/** The intervention a referral may name: it exists in the organisation and is active. */
export async function findInterventionForReferral(db: Db, organisationId: string, interventionId: string) {
  const [row] = await db
    .select({ id: interventions.id, name: interventions.name, active: interventions.active, providerPartnerId: interventions.providerPartnerId })
    .from(interventions)
    .where(and(eq(interventions.organisationId, organisationId), eq(interventions.id, interventionId)))
    .limit(1);
  return row ?? null;
}

export async function findTeam(db: Db, organisationId: string, teamId: string) {
  const [row] = await db.select({ id: teams.id, name: teams.name }).from(teams).where(and(eq(teams.organisationId, organisationId), eq(teams.id, teamId))).limit(1);
  return row ?? null;
}

/** Who the referrer is, as the referral keeps it: the name, their organisation (chain partner or own) and e-mail address. */
export async function referrerDetails(db: Db, organisationId: string, userId: string) {
  const [row] = await db
    .select({ name: users.name, email: users.email, partnerName: partnerOrganisations.name, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.organisationId, users.organisationId))
    .leftJoin(partnerOrganisations, and(eq(partnerOrganisations.organisationId, users.organisationId), eq(partnerOrganisations.id, users.partnerOrganisationId)))
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId)))
    .limit(1);
  return row ?? null;
}

/** Quick referrals of a family, as stored (inzage). */
export function familyQuickReferralRows(db: Db, organisationId: string, familyId: string) {
  return db
    .select()
    .from(quickReferrals)
    .where(and(eq(quickReferrals.organisationId, organisationId), eq(quickReferrals.familyId, familyId)))
    .orderBy(asc(quickReferrals.createdAt));
}
