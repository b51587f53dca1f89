import { z } from "zod";
import { FAMILY_RETENTION_STATUSES, type FamilyRetentionStatus } from "./retention.ts";
import { RETENTION_ACTIONS, RETENTION_RECORD_TYPES, RetentionSettings, type RetentionAction, type RetentionRecordType } from "./retentionPolicy.ts";

/*
 * What one retention run did (or, dry, would do): counts only — how many families were looked at
 * and in which state, and per record type and action how many records and rows went. Never a name,
 * case number or id: the report is printed, stored in retention_runs and may be mailed around.
 */

/** Rows removed or changed, per table. */
export const RowCounts = z.record(z.string(), z.number().int().min(0));
export type RowCounts = z.infer<typeof RowCounts>;

export const RetentionActionSummary = z.object({
  recordType: z.enum(RETENTION_RECORD_TYPES),
  action: z.enum(RETENTION_ACTIONS),
  /** Families (family_file, no_go_referral), register entries (privacy_request) or quick referrals. */
  records: z.number().int().min(0),
  rows: RowCounts,
});
export type RetentionActionSummary = z.infer<typeof RetentionActionSummary>;

const FamilyCounts = z.object(Object.fromEntries([...FAMILY_RETENTION_STATUSES, "failed"].map((s) => [s, z.number().int().min(0)])) as Record<FamilyRetentionStatus | "failed", z.ZodNumber>);

export const RetentionReport = z.object({
  today: z.string(),
  dryRun: z.boolean(),
  policy: RetentionSettings,
  families: FamilyCounts,
  requests: z.object({ open: z.number().int(), kept: z.number().int(), expired: z.number().int(), failed: z.number().int() }),
  /** Quick referrals never linked to a family file. */
  quickReferrals: z.object({ open: z.number().int(), kept: z.number().int(), pseudonymised: z.number().int(), expired: z.number().int(), failed: z.number().int() }),
  actions: z.array(RetentionActionSummary),
});
export type RetentionReport = z.infer<typeof RetentionReport>;

export function emptyRetentionReport(today: string, dryRun: boolean, policy: RetentionSettings): RetentionReport {
  return {
    today,
    dryRun,
    policy,
    families: { open: 0, no_trajectory: 0, kept: 0, pseudonymised: 0, held: 0, expired: 0, failed: 0 },
    requests: { open: 0, kept: 0, expired: 0, failed: 0 },
    quickReferrals: { open: 0, kept: 0, pseudonymised: 0, expired: 0, failed: 0 },
    actions: [],
  };
}

/** Adds one record's rows to its record type and action, keeping actions in a stable order. */
export function addToReport(report: RetentionReport, recordType: RetentionRecordType, action: RetentionAction, rows: RowCounts): RetentionReport {
  const found = report.actions.find((a) => a.recordType === recordType && a.action === action);
  const merged: RetentionActionSummary = found
    ? { ...found, records: found.records + 1, rows: sumRows(found.rows, rows) }
    : { recordType, action, records: 1, rows: sumRows({}, rows) };
  const rank = (a: RetentionActionSummary) => RETENTION_RECORD_TYPES.indexOf(a.recordType) * 10 + RETENTION_ACTIONS.indexOf(a.action);
  const actions = [...report.actions.filter((a) => a !== found), merged].sort((a, b) => rank(a) - rank(b));
  return { ...report, actions };
}

function sumRows(a: RowCounts, b: RowCounts): RowCounts {
  const out: RowCounts = { ...a };
  for (const [table, n] of Object.entries(b)) if (n > 0) out[table] = (out[table] ?? 0) + n;
  return Object.fromEntries(Object.entries(out).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}
