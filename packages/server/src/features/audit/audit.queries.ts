import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { auditEvents } from "../../db/schema.ts";

export function listAuditRows(db: Db, organisationId: string, opts: { familyId?: string | undefined; limit: number; offset: number }) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organisationId, organisationId), opts.familyId ? eq(auditEvents.familyId, opts.familyId) : undefined))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(opts.limit)
    .offset(opts.offset);
}
