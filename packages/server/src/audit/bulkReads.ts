/**
 * Reads outside the HTTP API — CLI exports and reports — are logged like any other read
 * (NEN 7513): one row per family whose data the output holds, so the family's access history
 * shows the export too. Written in one pass (auditMany) before the output is handed over.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Actor } from "../authz/actor.ts";
import type { Db } from "../db/database.ts";
import { families } from "../db/schema.ts";
import { auditMany } from "./audit.ts";
import type { ReadAction } from "./requestContext.ts";

const LOOKUP_CHUNK = 5000;

export async function auditBulkRead(
  db: Db,
  actor: Actor,
  opts: { action: ReadAction; caseNumbers: readonly string[]; purpose: string | null; details?: Record<string, unknown> },
): Promise<number> {
  const caseNumbers = [...new Set(opts.caseNumbers)];
  const ids: string[] = [];
  for (let i = 0; i < caseNumbers.length; i += LOOKUP_CHUNK) {
    const rows = await db
      .select({ id: families.id })
      .from(families)
      .where(and(eq(families.organisationId, actor.organisationId), inArray(families.caseNumber, caseNumbers.slice(i, i + LOOKUP_CHUNK))));
    ids.push(...rows.map((r) => r.id));
  }
  await auditMany(
    db,
    actor,
    ids.map((id) => ({ kind: "read", action: opts.action, entityType: "family", entityId: id, familyId: id, purpose: opts.purpose, details: opts.details ?? {} })),
  );
  return ids.length;
}
