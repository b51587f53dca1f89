import type { AuditSearch } from "@ploegwerk/domain";
import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { auditEvents, organisations, partnerOrganisations } from "../../db/schema.ts";

export type AuditFilters = Omit<AuditSearch, "before" | "pageSize">;

/** Calendar days are Dutch days: "to 2026-03-01" ends at midnight in Amsterdam, not in UTC. */
const startOfDay = (day: string) => sql`(${day}::date)::timestamp at time zone 'Europe/Amsterdam'`;
const startOfNextDay = (day: string) => sql`(${day}::date + 1)::timestamp at time zone 'Europe/Amsterdam'`;

/** LIKE's own characters in the search text are searched for literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function conditions(organisationId: string, f: AuditFilters, before: number | undefined): SQL[] {
  const where: SQL[] = [eq(auditEvents.organisationId, organisationId)];
  if (f.actorUserId) where.push(eq(auditEvents.actorUserId, f.actorUserId));
  if (f.familyId) where.push(eq(auditEvents.familyId, f.familyId));
  if (f.action) where.push(eq(auditEvents.action, f.action));
  if (f.kind) where.push(eq(auditEvents.kind, f.kind));
  if (f.from) where.push(sql`${auditEvents.occurredAt} >= ${startOfDay(f.from)}`);
  if (f.to) where.push(sql`${auditEvents.occurredAt} < ${startOfNextDay(f.to)}`);
  if (f.entityId) where.push(sql`${auditEvents.entityId} ilike ${contains(f.entityId)}`);
  if (before !== undefined) where.push(lt(auditEvents.id, before));
  return where;
}

/**
 * One page of the organisation's audit log, newest first. Keyset on id (ids rise with the chain
 * within an organisation), so page 1,000 costs what page 1 costs and rows written meanwhile do
 * not shift the pages.
 */
export async function searchAuditRows(db: Db, organisationId: string, filters: AuditFilters, page: { before?: number | undefined; limit: number }) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...conditions(organisationId, filters, page.before)))
    .orderBy(desc(auditEvents.id))
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const items = more ? rows.slice(0, page.limit) : rows;
  return { items, nextBefore: more ? (items[items.length - 1]?.id ?? null) : null };
}

/** Who accessed one family's file: its rows with the actor's organisation (a chain partner's name, or our own). */
export async function accessHistoryRows(db: Db, organisationId: string, familyId: string, page: { before?: number | undefined; limit: number }) {
  const rows = await db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      kind: auditEvents.kind,
      actor: auditEvents.actorLabel,
      actorUserId: auditEvents.actorUserId,
      actorRole: auditEvents.actorRole,
      organisation: sql<string>`coalesce(${partnerOrganisations.name}, ${organisations.name})`,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      purpose: auditEvents.purpose,
    })
    .from(auditEvents)
    .innerJoin(organisations, eq(organisations.organisationId, auditEvents.organisationId))
    .leftJoin(partnerOrganisations, and(eq(partnerOrganisations.organisationId, auditEvents.organisationId), eq(partnerOrganisations.id, auditEvents.actorPartnerOrganisationId)))
    .where(and(...conditions(organisationId, { familyId }, page.before)))
    .orderBy(desc(auditEvents.id))
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const items = more ? rows.slice(0, page.limit) : rows;
  return { items, nextBefore: more ? (items[items.length - 1]?.id ?? null) : null };
}
