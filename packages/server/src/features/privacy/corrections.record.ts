/**
 * Correction with history (AVG art. 16). The family and member PATCH use cases call
 * `recordCorrections` in their own transaction with the fields that really changed, so the change
 * and its history commit together. Kept apart from the list (corrections.service.ts) because the
 * families feature imports this file.
 */
import {
  CORRECTED_FAMILY_FIELDS,
  CORRECTED_MEMBER_FIELDS,
  fieldChanges,
  historyValue,
  invalid,
  type CorrectedFieldChange,
  type CorrectionEntityType,
  type FamilyPatch,
  type MemberPatch,
} from "@ploegwerk/domain";
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import type { Actor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { corrections, privacyRequests, type families, type members } from "../../db/schema.ts";

export interface CorrectionInput {
  familyId: string;
  entityType: CorrectionEntityType;
  entityId: string;
  changes: readonly CorrectedFieldChange[];
  /** Why, as the user gave it; the column needs a value, so "" stands for "no reason given". */
  reason?: string | undefined;
  /** The AVG correctie request this change answers; must be one of this family's requests. */
  requestId?: string | undefined;
}

export async function recordCorrections(tx: Db, actor: Actor, input: CorrectionInput): Promise<void> {
  if (input.changes.length === 0) return;
  if (input.requestId) {
    const [request] = await tx
      .select({ id: privacyRequests.id })
      .from(privacyRequests)
      .where(and(eq(privacyRequests.organisationId, actor.organisationId), eq(privacyRequests.id, input.requestId), eq(privacyRequests.familyId, input.familyId)));
    if (!request) throw invalid({ nl: "Dit AVG-verzoek hoort niet bij dit gezin.", en: "This AVG request does not belong to this family." }, [{ name: "privacyRequestId", reason: "not a request of this family" }]);
  }
  await tx.insert(corrections).values(
    input.changes.map((c) => ({
      organisationId: actor.organisationId,
      familyId: input.familyId,
      entityType: input.entityType,
      entityId: input.entityId,
      field: c.field,
      before: historyValue(c.field, c.before),
      after: historyValue(c.field, c.after),
      reason: input.reason?.trim() ?? "",
      requestId: input.requestId ?? null,
      byId: actor.kind === "user" ? actor.userId : null,
    })),
  );
}


/** The family's personal data a PATCH changes; the address comes as a whole and is compared per field. */
export function familyChanges(before: typeof families.$inferSelect, patch: FamilyPatch): CorrectedFieldChange[] {
  const after = { caseNumber: patch.caseNumber, ...(patch.address ?? {}), district: patch.district, neighbourhood: patch.neighbourhood };
  return fieldChanges(before, after, CORRECTED_FAMILY_FIELDS);
}

export function memberChanges(before: typeof members.$inferSelect, patch: Partial<MemberPatch>): CorrectedFieldChange[] {
  return fieldChanges(before, patch, CORRECTED_MEMBER_FIELDS);
}

/**
 * The columns of a correction for reading. before/after are read as JSON text and parsed here:
 * drizzle's jsonb reader parses a string value a second time, so a stored "12" (a house number)
 * would come back as the number 12.
 */
export const correctionColumns = {
  ...getTableColumns(corrections),
  before: sql<string | null>`${corrections.before}::text`,
  after: sql<string | null>`${corrections.after}::text`,
};

export function parseCorrectionValues<R extends { before: string | null; after: string | null }>(row: R): Omit<R, "before" | "after"> & { before: unknown; after: unknown } {
  const parse = (v: string | null): unknown => (v === null ? null : (JSON.parse(v) as unknown));
  return { ...row, before: parse(row.before), after: parse(row.after) };
}
