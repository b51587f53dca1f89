/**
 * Reading stored audit rows back as chain content, for chaining old rows and for verifying.
 * The time is read as whole milliseconds computed by PostgreSQL, so both drivers (pg, PGlite)
 * give the same value; rows written before the chain may hold microseconds, which the hash
 * of those rows does not cover (their chaining happened after the fact anyway).
 */
import { and, asc, eq, gt, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { auditEvents } from "../db/schema.ts";
import type { AuditContent } from "./chain.ts";

export interface StoredRow extends AuditContent {
  id: number;
  seq: number | null;
  hash: string | null;
}

const columns = {
  id: auditEvents.id,
  seq: auditEvents.seq,
  hash: auditEvents.hash,
  organisationId: auditEvents.organisationId,
  occurredAtMs: sql<string>`floor(extract(epoch from ${auditEvents.occurredAt}) * 1000)::bigint::text`,
  kind: auditEvents.kind,
  actorUserId: auditEvents.actorUserId,
  actorLabel: auditEvents.actorLabel,
  actorRole: auditEvents.actorRole,
  actorPartnerOrganisationId: auditEvents.actorPartnerOrganisationId,
  action: auditEvents.action,
  entityType: auditEvents.entityType,
  entityId: auditEvents.entityId,
  familyId: auditEvents.familyId,
  purpose: auditEvents.purpose,
  details: auditEvents.details,
};

async function select(db: Db, where: SQL | undefined, orderBy: SQL, limit: number): Promise<StoredRow[]> {
  const rows = await db.select(columns).from(auditEvents).where(where).orderBy(orderBy).limit(limit);
  return rows.map(({ occurredAtMs, ...r }) => ({ ...r, seq: r.seq === null ? null : Number(r.seq), occurredAt: new Date(Number(occurredAtMs)) }));
}

/** Chained rows of one organisation in chain order, from after `afterSeq`. */
export function chainedRows(db: Db, organisationId: string, afterSeq: number, limit: number): Promise<StoredRow[]> {
  return select(db, and(eq(auditEvents.organisationId, organisationId), isNotNull(auditEvents.seq), gt(auditEvents.seq, afterSeq)), asc(auditEvents.seq), limit);
}

/** Rows of one organisation not (yet) in the chain, oldest first, from after `afterId`. */
export function unchainedRows(db: Db, organisationId: string, afterId: number, limit: number): Promise<StoredRow[]> {
  return select(db, and(eq(auditEvents.organisationId, organisationId), isNull(auditEvents.seq), gt(auditEvents.id, afterId)), asc(auditEvents.id), limit);
}
