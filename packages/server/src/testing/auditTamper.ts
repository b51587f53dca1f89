/**
 * Test-only ways around the audit log's append-only trigger, to play the attacker (or the
 * careless DBA) and check that `audit verify` notices. `session_replication_role = replica`
 * skips ordinary triggers for this transaction only (superuser; PGlite and the test PostgreSQL
 * both run as one), so parallel test processes keep their trigger.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { auditChainHeads, auditEvents } from "../db/schema.ts";

export async function bypassingTrigger<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    return fn(tx);
  });
}

export type AuditEventRow = typeof auditEvents.$inferSelect;

export async function chainOf(db: Db, organisationId: string): Promise<AuditEventRow[]> {
  return db.select().from(auditEvents).where(eq(auditEvents.organisationId, organisationId)).orderBy(asc(auditEvents.seq));
}

export async function headOf(db: Db, organisationId: string) {
  const [head] = await db.select().from(auditChainHeads).where(eq(auditChainHeads.organisationId, organisationId));
  return head ?? null;
}

const byId = (row: AuditEventRow) => and(eq(auditEvents.organisationId, row.organisationId), eq(auditEvents.id, row.id));

export function setDetails(db: Db, row: AuditEventRow, details: Record<string, unknown>) {
  return bypassingTrigger(db, (tx) => tx.update(auditEvents).set({ details }).where(byId(row)));
}

export function setHash(db: Db, row: AuditEventRow, hash: string | null) {
  return bypassingTrigger(db, (tx) => tx.update(auditEvents).set({ hash }).where(byId(row)));
}

export function deleteRow(db: Db, row: AuditEventRow) {
  return bypassingTrigger(db, (tx) => tx.delete(auditEvents).where(byId(row)));
}

/** Puts a deleted row back exactly, id included (the id column is GENERATED ALWAYS). */
export async function restoreRow(db: Db, row: AuditEventRow): Promise<void> {
  await db.execute(sql`insert into audit_events (organisation_id, id, occurred_at, actor_user_id, actor_label, action, entity_type, entity_id, family_id, details, kind, actor_role, actor_partner_organisation_id, purpose, seq, hash)
    overriding system value values (${row.organisationId}, ${row.id}, ${row.occurredAt.toISOString()}, ${row.actorUserId}, ${row.actorLabel}, ${row.action}, ${row.entityType}, ${row.entityId}, ${row.familyId},
    ${JSON.stringify(row.details)}::jsonb, ${row.kind}, ${row.actorRole}, ${row.actorPartnerOrganisationId}, ${row.purpose}, ${row.seq}, ${row.hash})`);
}

export function setHead(db: Db, organisationId: string, head: { seq: number; hash: string }) {
  return db.update(auditChainHeads).set(head).where(eq(auditChainHeads.organisationId, organisationId));
}
