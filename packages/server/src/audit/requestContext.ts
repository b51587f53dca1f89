/**
 * What one request (or one CLI command) did with personal data, collected while it runs.
 * The dossier lookups call `noteRead`; the HTTP layer writes the notes as audit rows once the
 * answer turned out well (see features/audit/readLog.hooks.ts). Keeping this in an
 * AsyncLocalStorage means no service has to pass a logger around, and a lookup made outside a
 * request (tests calling services, the seed) simply logs nothing.
 */
import { AsyncLocalStorage } from "node:async_hooks";

/** Read actions: typed like the write actions, so a report over them can rely on the names. */
export type ReadAction =
  | "family.viewed"
  | "family.listed"
  | "trajectory.viewed"
  | "measurement.viewed"
  | "plan.viewed"
  | "meeting.viewed"
  | "weekly_report.viewed"
  | "family_group_conference.viewed"
  | "escalation.viewed"
  | "leverage.viewed"
  | "closing.viewed"
  | "aftercare_checkin.viewed"
  | "consent.viewed"
  | "document.generated"
  | "measurements.exported"
  | "outcomes.exported"
  | "audit.exported"
  | "quick_referral.viewed"
  | "quick_referrals.listed"
  | "costs.viewed"
  | "costs.exported"
  | "research.exported";

export interface ReadNote {
  /** The family whose data was read; null for a list or search over many families. */
  familyId: string | null;
  entityType: string;
  entityId: string;
  action: ReadAction;
  details?: Record<string, unknown>;
}

export interface AuditContext {
  /** Why the data is consulted, as the client said (X-Ploegwerk-Purpose); null when not given. */
  purpose: string | null;
  reads: ReadNote[];
  /** Families this request wrote an audit row for: that row already records the access. */
  writtenFamilies: Set<string>;
}

const storage = new AsyncLocalStorage<AuditContext>();

export function newAuditContext(purpose: string | null): AuditContext {
  return { purpose, reads: [], writtenFamilies: new Set() };
}

/** Runs `fn` with `context` as the current one (for the HTTP hooks and the CLI). */
export function runInAuditContext<T>(context: AuditContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentAuditContext(): AuditContext | undefined {
  return storage.getStore();
}

/** Records that personal data was read; written to the audit log only if the request succeeds. */
export function noteRead(note: ReadNote): void {
  storage.getStore()?.reads.push(note);
}
