/**
 * `ploegwerk retention run`: applies the organisation's bewaartermijnen on a day. Each expired
 * family is erased or pseudonymised in a transaction of its own (all or nothing for that family,
 * with its audit row); a family that fails stays exactly as it was and is counted as failed. The
 * run ends with a retention_runs row and an audit row holding the report: counts, never data.
 *
 * A dry run takes the very same steps, each in a transaction that is rolled back at the end, so
 * the report of a dry run is exactly what a real run on that day would do.
 */
import {
  addToReport,
  emptyRetentionReport,
  familyRetention,
  quickReferralRetention,
  requestRetention,
  type RetentionReport,
} from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import { systemActor, type Actor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { eraseFamily, eraseQuickReferral, eraseRequest } from "./erasure.ts";
import { familyRetentionFacts, insertRetentionRun, quickReferralRetentionFacts, requestRetentionFacts, retentionPolicy } from "./retention.queries.ts";

export interface RetentionRunOptions {
  organisationId: string;
  /** The day the periods are measured against (YYYY-MM-DD). */
  today: string;
  dryRun: boolean;
  /** Told about a family or request that could not be handled (its id, never its data). */
  onFailure?: (record: { kind: "family" | "privacy_request" | "quick_referral"; id: string; error: unknown }) => void;
}

export interface RetentionRunResult {
  runId: string;
  report: RetentionReport;
}

class RollBack<T> extends Error {
  constructor(readonly value: T) {
    super("dry run: rolled back");
  }
}

/** Runs `fn` in a transaction that commits, or for a dry run always rolls back, answering its result either way. */
async function step<T>(db: Db, dryRun: boolean, fn: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      const value = await fn(tx);
      if (dryRun) throw new RollBack(value);
      return value;
    });
  } catch (err) {
    if (err instanceof RollBack) return err.value as T;
    throw err;
  }
}

export async function runRetention(db: Db, opts: RetentionRunOptions): Promise<RetentionRunResult> {
  const { organisationId, today, dryRun } = opts;
  const actor: Actor = systemActor(organisationId, "retention");
  const policy = await retentionPolicy(db, organisationId);
  let report = emptyRetentionReport(today, dryRun, policy);

  for (const facts of await familyRetentionFacts(db, organisationId)) {
    const verdict = familyRetention(facts, policy, today);
    if (verdict.status !== "expired") {
      report.families[verdict.status] += 1;
      continue;
    }
    try {
      const done = await step(db, dryRun, async (tx) => {
        // Again under a lock: the family may have been referred again since the facts were read.
        const [fresh] = await familyRetentionFacts(tx, organisationId, { familyId: facts.familyId, lock: true });
        const now = fresh ? familyRetention(fresh, policy, today) : null;
        if (now?.status !== "expired") return { verdict: now, rows: {} };
        const rows = await eraseFamily(tx, organisationId, facts.familyId, now.action);
        await audit(tx, actor, {
          action: now.action === "purge" ? "family.purged" : "family.pseudonymised",
          entityType: "family",
          entityId: facts.familyId,
          familyId: facts.familyId,
          details: { cause: "retention", recordType: now.recordType, lastClosedOn: now.lastClosedOn, expiresOn: now.expiresOn, today, rows },
        });
        return { verdict: now, rows };
      });
      // Gone meanwhile (erased by a request): nothing to count.
      if (done.verdict === null) continue;
      report.families[done.verdict.status] += 1;
      if (done.verdict.status === "expired") report = addToReport(report, done.verdict.recordType, done.verdict.action, done.rows);
    } catch (error) {
      report.families.failed += 1;
      opts.onFailure?.({ kind: "family", id: facts.familyId, error });
    }
  }

  for (const request of await requestRetentionFacts(db, organisationId)) {
    const verdict = requestRetention(request, policy, today);
    if (verdict.status !== "expired") {
      report.requests[verdict.status] += 1;
      continue;
    }
    try {
      const rows = await step(db, dryRun, async (tx) => {
        const counts = await eraseRequest(tx, organisationId, request.id, verdict.action);
        await audit(tx, actor, {
          action: verdict.action === "purge" ? "privacy_request.purged" : "privacy_request.pseudonymised",
          entityType: "privacy_request",
          entityId: request.id,
          familyId: request.familyId,
          details: { cause: "retention", recordType: "privacy_request", expiresOn: verdict.expiresOn, today },
        });
        return counts;
      });
      report.requests.expired += 1;
      report = addToReport(report, "privacy_request", verdict.action, rows);
    } catch (error) {
      report.requests.failed += 1;
      opts.onFailure?.({ kind: "privacy_request", id: request.id, error });
    }
  }

  for (const referral of await quickReferralRetentionFacts(db, organisationId)) {
    const verdict = quickReferralRetention(referral, policy, today);
    if (verdict.status !== "expired") {
      report.quickReferrals[verdict.status] += 1;
      continue;
    }
    try {
      const rows = await step(db, dryRun, async (tx) => {
        // Again under a lock: it may have been linked to a family since the facts were read.
        const [fresh] = await quickReferralRetentionFacts(tx, organisationId, { id: referral.id, lock: true });
        if (!fresh || quickReferralRetention(fresh, policy, today).status !== "expired") return null;
        const counts = await eraseQuickReferral(tx, organisationId, referral.id, verdict.action);
        await audit(tx, actor, {
          action: verdict.action === "purge" ? "quick_referral.purged" : "quick_referral.pseudonymised",
          entityType: "quick_referral",
          entityId: referral.id,
          details: { cause: "retention", recordType: "quick_referral", expiresOn: verdict.expiresOn, today },
        });
        return counts;
      });
      if (rows === null) continue;
      report.quickReferrals.expired += 1;
      report = addToReport(report, "quick_referral", verdict.action, rows);
    } catch (error) {
      report.quickReferrals.failed += 1;
      opts.onFailure?.({ kind: "quick_referral", id: referral.id, error });
    }
  }

  // The run itself is recorded for dry runs too: "what would have happened on this day".
  const runId = await db.transaction(async (tx) => {
    const id = await insertRetentionRun(tx, organisationId, dryRun, report);
    await audit(tx, actor, { action: "retention.run", entityType: "retention_run", entityId: id, details: { dryRun, today, families: report.families, requests: report.requests, quickReferrals: report.quickReferrals, actions: report.actions } });
    return id;
  });
  return { runId, report };
}
