/**
 * `ploegwerk retention run|report|policy|set`: the bewaartermijnen from the command line, meant
 * for a nightly job. `run` applies them (every organisation unless one is named), `report` (or
 * `run --dry-run`) shows what a run would do, `policy` prints the periods and `set` changes one.
 * Reports go to stdout (counts only, never personal data), messages to stderr; exit code 1 when a
 * family or request could not be handled, 2 for a usage mistake.
 */
import {
  isIsoDay,
  RETENTION_ACTIONS,
  RETENTION_RECORD_TYPES,
  RetentionRule,
  todayInNetherlands,
  type RetentionAction,
  type RetentionRecordType,
  type RetentionReport,
  type RetentionSettings,
} from "@ploegwerk/domain";
import { asc, eq } from "drizzle-orm";
import { audit } from "../audit/audit.ts";
import { systemActor } from "../authz/actor.ts";
import type { Database } from "../db/database.ts";
import { organisations } from "../db/schema.ts";
import { retentionPolicy, writeRetentionPolicy } from "../features/privacy/retention.queries.ts";
import { runRetention } from "../features/privacy/retention.service.ts";
import { log } from "../runtime.ts";

const USE = `use: ploegwerk retention run [--dry-run] [--today YYYY-MM-DD] [--format text|json] [--organisation SLUG]
     ploegwerk retention report [--today YYYY-MM-DD] [--format text|json] [--organisation SLUG]
     ploegwerk retention policy [--organisation SLUG]
     ploegwerk retention set ${RETENTION_RECORD_TYPES.join("|")} --months N --action ${RETENTION_ACTIONS.join("|")} --organisation SLUG`;

export interface RetentionOptions {
  organisation?: string | undefined;
  "dry-run"?: boolean | undefined;
  today?: string | undefined;
  format?: string | undefined;
  months?: string | undefined;
  action?: string | undefined;
}

function usage(message: string): number {
  log(`error: ${message}\n${USE}`);
  return 2;
}

export async function retentionCommand(database: Database, subject: string | undefined, recordType: string | undefined, opts: RetentionOptions, write: (data: string) => void): Promise<number> {
  const orgs = await database.db
    .select({ organisationId: organisations.organisationId, slug: organisations.slug })
    .from(organisations)
    .where(opts.organisation ? eq(organisations.slug, opts.organisation) : undefined)
    .orderBy(asc(organisations.createdAt));
  if (opts.organisation && orgs.length === 0) return usage(`organisation '${opts.organisation}' does not exist`);

  if (subject === "policy") {
    for (const org of orgs) write(policyLines(org.slug, await retentionPolicy(database.db, org.organisationId)).join("\n"));
    return 0;
  }
  if (subject === "set") return setRule(database, orgs, recordType, opts);
  if (subject !== "run" && subject !== "report") return usage(`unknown retention command '${subject ?? ""}'`);

  const dryRun = subject === "report" || opts["dry-run"] === true;
  const realToday = todayInNetherlands();
  const today = opts.today ?? realToday;
  if (!isIsoDay(today)) return usage(`--today must be a date as YYYY-MM-DD, not '${today}'`);
  // Looking ahead is for reports only: a run never erases before the period is really over.
  if (!dryRun && today > realToday) return usage(`--today ${today} lies in the future; a run cannot look ahead (use retention report)`);
  const format = opts.format ?? "text";
  if (format !== "text" && format !== "json") return usage(`unknown format '${format}'; use text or json`);

  let failed = 0;
  const results: (RetentionReport & { organisation: string; runId: string })[] = [];
  for (const org of orgs) {
    const { runId, report } = await runRetention(database.db, {
      organisationId: org.organisationId,
      today,
      dryRun,
      onFailure: ({ kind, id, error }) => log(`error: ${org.slug}: ${kind} ${id} was left unchanged: ${error instanceof Error ? error.message : String(error)}`),
    });
    failed += report.families.failed + report.requests.failed;
    results.push({ organisation: org.slug, runId, ...report });
  }
  write(format === "json" ? JSON.stringify(results, null, 2) : results.map(reportText).join("\n\n"));
  log(`${dryRun ? "Retention report (dry run, nothing changed)" : "Retention run"} on ${today}: ${orgs.length} organisation(s)${failed > 0 ? `, ${failed} record(s) FAILED and were left unchanged` : ""}.`);
  return failed > 0 ? 1 : 0;
}

async function setRule(database: Database, orgs: { organisationId: string; slug: string }[], recordType: string | undefined, opts: RetentionOptions): Promise<number> {
  if (!opts.organisation) return usage("name the organisation: --organisation SLUG");
  const org = orgs[0];
  if (!org) return usage(`organisation '${opts.organisation}' does not exist`);
  if (!RETENTION_RECORD_TYPES.includes(recordType as RetentionRecordType)) return usage(`unknown record type '${recordType ?? ""}'`);
  const parsed = RetentionRule.safeParse({ months: Number(opts.months), action: opts.action });
  if (!parsed.success) return usage(`give --months (1 to 1200) and --action (${RETENTION_ACTIONS.join(" or ")}): ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  const type = recordType as RetentionRecordType;
  await database.db.transaction(async (tx) => {
    const before = await retentionPolicy(tx, org.organisationId);
    const after: RetentionSettings = { ...before, [type]: parsed.data };
    await writeRetentionPolicy(tx, org.organisationId, after);
    await audit(tx, systemActor(org.organisationId, "cli"), { action: "retention.policy_updated", entityType: "organisation", entityId: org.organisationId, details: { recordType: type, before: before[type], after: parsed.data } });
  });
  log(`${org.slug}: ${type} is now kept ${parsed.data.months} months, then ${ACTION_WORDS[parsed.data.action]}.`);
  return 0;
}

const ACTION_WORDS: Record<RetentionAction, string> = { purge: "purged", pseudonymise: "pseudonymised" };

function policyLines(slug: string, policy: RetentionSettings): string[] {
  return RETENTION_RECORD_TYPES.map((t) => `${slug}\t${t}\t${policy[t].months} months\t${policy[t].action}`);
}

/** The report as a person reads it: counts only. */
export function reportText(r: RetentionReport & { organisation: string }): string {
  const f = r.families;
  const lines = [
    `${r.organisation}: retention ${r.dryRun ? "report (dry run: nothing was changed)" : "run"} on ${r.today}`,
    `  families: open ${f.open}, without trajectory ${f.no_trajectory}, kept ${f.kept}, held by an open AVG request ${f.held}, expired ${f.expired}, failed ${f.failed}`,
    `  AVG requests: open ${r.requests.open}, kept ${r.requests.kept}, expired ${r.requests.expired}, failed ${r.requests.failed}`,
    `  quick referrals without a family file: open ${r.quickReferrals.open}, kept ${r.quickReferrals.kept}, pseudonymised ${r.quickReferrals.pseudonymised}, expired ${r.quickReferrals.expired}, failed ${r.quickReferrals.failed}`,
  ];
  if (r.actions.length === 0) lines.push("  nothing expired");
  for (const a of r.actions) {
    const rows = Object.entries(a.rows).map(([table, n]) => `${table} ${n}`).join(", ");
    lines.push(`  ${a.recordType} ${r.dryRun ? "would be" : ""}${r.dryRun ? " " : ""}${ACTION_WORDS[a.action]}: ${a.records} record(s); rows: ${rows || "none"}`);
  }
  return lines.join("\n");
}
