import { z } from "zod";
import { Id } from "../contracts/common.ts";

/*
 * Correction with history (AVG art. 16): when a family's or member's personal data is changed,
 * the value before and after is kept per field, with why and by whom. Moving a family to another
 * team or coach is not a correction of the family's data and is not listed here.
 */

export const CORRECTED_FAMILY_FIELDS = ["caseNumber", "street", "houseNumber", "postcode", "city", "district", "neighbourhood"] as const;
export const CORRECTED_MEMBER_FIELDS = ["givenName", "surname", "role", "dateOfBirth", "bsn"] as const;
export type CorrectedField = (typeof CORRECTED_FAMILY_FIELDS)[number] | (typeof CORRECTED_MEMBER_FIELDS)[number];

/** A booking of hours or costs that was taken back is kept here too: what it was, why, and by whom. */
export const CORRECTION_ENTITY_TYPES = ["family", "member", "time_entry", "cost_entry"] as const;
export type CorrectionEntityType = (typeof CORRECTION_ENTITY_TYPES)[number];

export interface CorrectedFieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * The fields that change: those `after` names (a patch leaves the rest alone) whose value differs.
 * Undefined in `after` means "not in the patch"; null is a value (emptied).
 */
export function fieldChanges(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>, fields: readonly string[]): CorrectedFieldChange[] {
  const out: CorrectedFieldChange[] = [];
  for (const field of fields) {
    if (!(field in after) || after[field] === undefined) continue;
    const was = before[field] ?? null;
    const now = after[field] ?? null;
    if (was !== now) out.push({ field, before: was, after: now });
  }
  return out;
}

/**
 * A BSN in the history shows only its last three digits: enough to see which number it was, and a
 * wrongly entered BSN (someone else's) is not kept whole.
 */
export function maskBsn(bsn: string | null): string | null {
  if (bsn === null) return null;
  const digits = bsn.replace(/\D/g, "");
  return `${"•".repeat(Math.max(digits.length - 3, 0))}${digits.slice(-3)}`;
}

/** The change as it goes into the history: a BSN masked. */
export function historyValue(field: string, value: unknown): unknown {
  return field === "bsn" ? maskBsn(typeof value === "string" ? value : null) : value;
}

export const Correction = z.object({
  id: Id,
  entityType: z.enum(CORRECTION_ENTITY_TYPES),
  entityId: Id,
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /** Null when no reason was given. */
  reason: z.string().nullable(),
  requestId: Id.nullable(),
  by: z.object({ id: Id, name: z.string() }).nullable(),
  at: z.string(),
});
export type Correction = z.infer<typeof Correction>;
export const CorrectionList = z.object({ items: z.array(Correction) });
export type CorrectionList = z.infer<typeof CorrectionList>;
