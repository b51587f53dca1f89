import { csvLine, notFound, type AccessHistoryPage, type AuditEvent, type AuditEventPage, type AuditKind, type AuditSearch } from "@ploegwerk/domain";
import { noteRead } from "../../audit/requestContext.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize, familyScope } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import type { auditEvents } from "../../db/schema.ts";
import { findFamilyRow } from "../families/families.queries.ts";
import { FAMILY } from "../families/families.service.ts";
import { accessHistoryRows, searchAuditRows, type AuditFilters } from "./audit.queries.ts";

const toAuditEvent = (r: typeof auditEvents.$inferSelect): AuditEvent => ({
  id: r.id,
  seq: r.seq,
  occurredAt: r.occurredAt.toISOString(),
  kind: r.kind as AuditKind,
  actor: r.actorLabel,
  actorUserId: r.actorUserId,
  actorRole: r.actorRole,
  actorPartnerOrganisationId: r.actorPartnerOrganisationId,
  action: r.action,
  entityType: r.entityType,
  entityId: r.entityId,
  familyId: r.familyId,
  purpose: r.purpose,
  details: r.details,
});

export async function searchAudit(db: Db, opts: { actor: Actor; query: AuditSearch }): Promise<AuditEventPage> {
  authorize(opts.actor, "audit.read");
  const { before, pageSize, ...filters } = opts.query;
  const page = await searchAuditRows(db, opts.actor.organisationId, filters, { before, limit: pageSize });
  return { items: page.items.map(toAuditEvent), nextBefore: page.nextBefore };
}

/** More than this is a job for the database, not for a spreadsheet. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
const EXPORT_COLUMNS = ["id", "seq", "occurred_at", "kind", "actor", "actor_user_id", "actor_role", "actor_partner_organisation_id", "action", "entity_type", "entity_id", "family_id", "purpose", "details"];

/** The search as CSV, newest first; cells that a spreadsheet would run as a formula are defused. */
export async function exportAuditCsv(db: Db, opts: { actor: Actor; filters: AuditFilters }): Promise<{ csv: string; rows: number; truncated: boolean }> {
  authorize(opts.actor, "audit.read");
  const lines = [csvLine(EXPORT_COLUMNS)];
  let before: number | undefined;
  let rows = 0;
  let truncated = false;
  for (;;) {
    const page = await searchAuditRows(db, opts.actor.organisationId, opts.filters, { before, limit: 5000 });
    for (const e of page.items.map(toAuditEvent)) {
      if (rows === AUDIT_EXPORT_MAX_ROWS) {
        truncated = true;
        break;
      }
      lines.push(csvLine([e.id, e.seq, e.occurredAt, e.kind, e.actor, e.actorUserId, e.actorRole, e.actorPartnerOrganisationId, e.action, e.entityType, e.entityId, e.familyId, e.purpose, JSON.stringify(e.details)]));
      rows += 1;
    }
    if (truncated || page.nextBefore === null) break;
    before = page.nextBefore;
  }
  // The log names families and staff: taking it out of the system is itself logged.
  noteRead({ familyId: null, entityType: "audit", entityId: "export", action: "audit.exported", details: { ...opts.filters, rows, truncated } });
  return { csv: `${lines.join("\r\n")}\r\n`, rows, truncated };
}

/**
 * "Wie heeft dit dossier ingezien" for the family's own team. The family is looked up with the
 * same scope as every dossier read (404 outside it) but not through loadVisibleFamily: the
 * access history holds no personal data of the family, and viewing it would otherwise fill it.
 */
export async function familyAccessHistory(db: Db, opts: { actor: Actor; familyId: string; before?: number | undefined; pageSize: number }): Promise<AccessHistoryPage> {
  const found = await findFamilyRow(db, opts.actor.organisationId, opts.familyId, familyScope(opts.actor));
  if (!found) throw notFound(FAMILY);
  authorize(opts.actor, "audit.readFamily", { teamId: found.family.teamId });
  const page = await accessHistoryRows(db, opts.actor.organisationId, opts.familyId, { before: opts.before, limit: opts.pageSize });
  return { items: page.items.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString(), kind: r.kind as AuditKind })), nextBefore: page.nextBefore };
}
