import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  FAMILY_RULES,
  MEASUREMENT_RULES,
  MEMBER_RULES,
  PHASE_TRANSITION_RULES,
  pseudonymiseRow,
  PSEUDONYMISED_DELETES,
  REFERRAL_CHECK_RULES,
  TRAJECTORY_RULES,
  type RetentionReport,
} from "@ploegwerk/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { queryRows, type Database, type Db } from "../../db/database.ts";
import { auditEvents, families, measurements, members, phaseTransitions, privacyRequests, referralChecks, retentionRuns, trajectories } from "../../db/schema.ts";
import { createTestOrganisation, makeFamily, makeMeasurement, ploeg9 } from "../../testing/factories.ts";
import { closedFamilyFile, noGoFamily, type ClosedFamily } from "../../testing/privacyFixtures.ts";
import { canonicalRows, snapshotTables, type TableRows } from "../../testing/tableSnapshot.ts";
import { makeTrajectory } from "../../testing/trajectories.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { countFamilyRows } from "./erasure.ts";
import { FAMILY_TABLES, OUTSIDE_FAMILY_TABLES } from "./familyTables.ts";
import { runRetention } from "./retention.service.ts";

const TODAY = "2025-06-30";

/** The kept records of one family, read the way pseudonymisation reads them. */
async function keptRecords(db: Db, organisationId: string, familyId: string) {
  const org = organisationId;
  const trajectoryRows = await db.select().from(trajectories).where(and(eq(trajectories.organisationId, org), eq(trajectories.familyId, familyId))).orderBy(asc(trajectories.id));
  const ids = trajectoryRows.map((t) => t.id);
  return {
    families: await db.select().from(families).where(and(eq(families.organisationId, org), eq(families.id, familyId))),
    members: await db.select().from(members).where(and(eq(members.organisationId, org), eq(members.familyId, familyId))).orderBy(asc(members.id)),
    measurements: await db.select().from(measurements).where(and(eq(measurements.organisationId, org), eq(measurements.familyId, familyId))).orderBy(asc(measurements.id)),
    trajectories: trajectoryRows,
    phase_transitions: await db.select().from(phaseTransitions).where(and(eq(phaseTransitions.organisationId, org), inArray(phaseTransitions.trajectoryId, ids))).orderBy(asc(phaseTransitions.trajectoryId), asc(phaseTransitions.seq)),
    referral_checks: await db.select().from(referralChecks).where(and(eq(referralChecks.organisationId, org), inArray(referralChecks.trajectoryId, ids))).orderBy(asc(referralChecks.trajectoryId), asc(referralChecks.kind)),
  };
}
type Kept = Awaited<ReturnType<typeof keptRecords>>;

/** What the domain's rules make of the rows before: the exact expected state after pseudonymisation. */
function expectedAfterPseudonymisation(k: Kept): Kept {
  return {
    families: k.families.map((r) => pseudonymiseRow(r, FAMILY_RULES, r.id)),
    members: k.members.map((r) => pseudonymiseRow(r, MEMBER_RULES, r.id)),
    measurements: k.measurements.map((r) => pseudonymiseRow(r, MEASUREMENT_RULES, r.id)),
    trajectories: k.trajectories.map((r) => pseudonymiseRow(r, TRAJECTORY_RULES, r.id)),
    phase_transitions: k.phase_transitions.map((r) => pseudonymiseRow(r, PHASE_TRANSITION_RULES, r.trajectoryId)),
    referral_checks: k.referral_checks.map((r) => pseudonymiseRow(r, REFERRAL_CHECK_RULES, r.trajectoryId)),
  };
}

/** Does this stored row (to_jsonb) belong to one of the given families, trajectories or requests? */
function belongsTo(table: string, row: Record<string, unknown>, ids: { families: Set<string>; trajectories: Set<string>; requests: Set<string> }): boolean {
  const has = (key: string, set: Set<string>) => typeof row[key] === "string" && set.has(row[key] as string);
  if (table === "families") return has("id", ids.families);
  if (table === "privacy_requests") return has("id", ids.requests);
  return has("family_id", ids.families) || has("trajectory_id", ids.trajectories);
}

describe(`retention (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  test("every table with a family_id or trajectory_id is erased, pseudonymised or deliberately kept apart", async () => {
    const rows = await queryRows<{ table_name: string }>(
      database.db,
      sql`select distinct table_name from information_schema.columns where table_schema = current_schema() and column_name in ('family_id', 'trajectory_id') order by 1`,
    );
    const known = new Set<string>([...Object.keys(FAMILY_TABLES), ...OUTSIDE_FAMILY_TABLES]);
    const missing = rows.map((r) => r.table_name).filter((t) => !known.has(t));
    assert.deepEqual(missing, [], "place these tables in features/privacy/familyTables.ts (and a pseudonymisation rule in the domain)");
  });

  test("purges and pseudonymises exactly what has expired on the day, and nothing else changes by a byte", async () => {
    const db = database.db;
    const org = await createTestOrganisation(db, "Bewaartermijn");
    const elsewhere = await createTestOrganisation(db, "Andere gemeente");
    const coach = (await org.user("coach")).actor;
    const otherCoach = (await elsewhere.user("coach")).actor;
    const partner = await org.partner();
    const otherPartner = await elsewhere.partner();

    // Family files (20 years, pseudonymise): long ago, exactly on the day, one day short, recent.
    const longAgo = await closedFamilyFile(db, coach, "2005-01-10", { partnerId: partner.id });
    const onTheDay = await closedFamilyFile(db, coach, "2005-06-30", { partnerId: partner.id });
    const dayShort = await closedFamilyFile(db, coach, "2005-07-01", { partnerId: partner.id });
    const recent = await closedFamilyFile(db, coach, "2024-01-01", { partnerId: partner.id });
    // Open: an old closed trajectory, and now referred again.
    const reopened = await closedFamilyFile(db, coach, "2000-01-01", { partnerId: partner.id });
    await makeTrajectory(db, coach, { familyId: reopened.familyId });
    // No-go referrals (2 years, purge): on the day, and one day short.
    const noGoExpired = await noGoFamily(db, coach, "2023-06-30");
    const noGoKept = await noGoFamily(db, coach, "2023-07-01");
    // Never referred (metingen only): no closing day, never touched.
    const neverReferred = await makeFamily(db, coach);
    await makeMeasurement(db, coach, neverReferred.id, 0, ploeg9(3, 3, 3, 3, 3, 3, 3, 3, 3));
    // Expired, but an AVG request about it is still open.
    const held = await closedFamilyFile(db, coach, "2000-01-01", { partnerId: partner.id });
    await db.insert(privacyRequests).values({ organisationId: org.organisationId, familyId: held.familyId, kind: "verwijdering", requestedBy: "Vader", receivedOn: "2025-06-01", status: "open" });
    // The recent family's AVG request was decided one day more than five years ago: that entry goes; another one day less: it stays.
    const [oldRequest] = await db
      .insert(privacyRequests)
      .values({ organisationId: org.organisationId, familyId: recent.familyId, kind: "bezwaar", requestedBy: "Moeder", receivedOn: "2020-06-01", status: "refused", decidedOn: "2020-06-29", decision: "Afgewezen." })
      .returning({ id: privacyRequests.id });
    await db.insert(privacyRequests).values({ organisationId: org.organisationId, familyId: recent.familyId, kind: "beperking", requestedBy: "Moeder", receivedOn: "2020-06-01", status: "granted", decidedOn: "2020-07-01", decision: "Toegewezen." });
    // Another organisation's expired family is not this organisation's run's business.
    const foreign = await closedFamilyFile(db, otherCoach, "2000-01-01", { partnerId: otherPartner.id });

    const pseudonymised: ClosedFamily[] = [longAgo, onTheDay];
    const purged: ClosedFamily[] = [noGoExpired];
    const affected = {
      families: new Set([...pseudonymised, ...purged].map((f) => f.familyId)),
      trajectories: new Set([...pseudonymised, ...purged].map((f) => f.trajectoryId)),
      requests: new Set<string>([oldRequest?.id ?? ""]),
    };
    for (const r of await db.select({ id: privacyRequests.id }).from(privacyRequests).where(inArray(privacyRequests.familyId, [...affected.families]))) affected.requests.add(r.id);

    const keptBefore = new Map<string, Kept>();
    for (const f of pseudonymised) keptBefore.set(f.familyId, await keptRecords(db, org.organisationId, f.familyId));
    const purgedCounts = await countFamilyRows(db, org.organisationId, noGoExpired.familyId);
    const orgs = [org.organisationId, elsewhere.organisationId];
    const beforeRun = await snapshotTables(db, orgs);

    // A dry run first: exactly the same report, and not a byte of data changed.
    const dry = await runRetention(db, { organisationId: org.organisationId, today: TODAY, dryRun: true });
    const afterDry = await snapshotTables(db, orgs);
    assertUnchangedBut(beforeRun, afterDry, () => false, { newAuditActions: ["retention.run"], newRuns: 1 });

    const { report, runId } = await runRetention(db, { organisationId: org.organisationId, today: TODAY, dryRun: false });
    const afterRun = await snapshotTables(db, orgs);

    // The report: counts per state, and per record type and action (never a name or id).
    const expectedReport: RetentionReport = {
      today: TODAY,
      dryRun: false,
      policy: report.policy,
      families: { open: 1, no_trajectory: 1, kept: 3, pseudonymised: 0, held: 1, expired: 3, failed: 0 },
      // Open: the held family's erasure request. Kept: the six coached families' inzage requests (2023) and the one decided a day short of five years.
      requests: { open: 1, kept: 7, expired: 1, failed: 0 },
      // No quick referrals in this organisation (their rule has tests of its own).
      quickReferrals: { open: 0, kept: 0, pseudonymised: 0, expired: 0, failed: 0 },
      actions: [
        {
          recordType: "family_file",
          action: "pseudonymise",
          records: 2,
          rows: {
            action_progress: 2,
            consents: 2,
            corrections: 2,
            families: 2,
            measurements: 2,
            members: 4,
            network_persons: 2,
            phase_transitions: 10,
            plan_versions: 2,
            privacy_requests: 2,
            referral_checks: 10,
            referrer_feedback: 2,
            trajectories: 2,
            weekly_reports: 2,
          },
        },
        { recordType: "no_go_referral", action: "purge", records: 1, rows: { ...purgedCounts } },
        { recordType: "privacy_request", action: "purge", records: 1, rows: { privacy_requests: 1 } },
      ],
    };
    assert.deepEqual(report, expectedReport);
    assert.deepEqual({ ...dry.report, dryRun: false }, expectedReport, "the dry run reported exactly what the run then did");
    assert.doesNotMatch(JSON.stringify(report), /[0-9a-f]{8}-[0-9a-f]{4}-|Voorbeeld|Testerink|T-/, "no ids, names or case numbers in the report");

    // Everything but the affected families' rows (and the log and run register, which only grow) is byte-for-byte the same.
    assertUnchangedBut(afterDry, afterRun, (table, row) => belongsTo(table, row, affected), {
      newAuditActions: ["family.pseudonymised", "family.pseudonymised", "family.purged", "privacy_request.purged", "retention.run"],
      newRuns: 1,
    });

    // Pseudonymised: the kept records are exactly what the domain's rules make of them, the rest is gone.
    for (const f of pseudonymised) {
      const beforeKept = keptBefore.get(f.familyId);
      assert.ok(beforeKept);
      assert.deepEqual(await keptRecords(db, org.organisationId, f.familyId), expectedAfterPseudonymisation(beforeKept));
      const left = await countFamilyRows(db, org.organisationId, f.familyId);
      for (const gone of PSEUDONYMISED_DELETES) assert.equal(left[gone] ?? 0, 0, `${gone} of a pseudonymised family`);
    }
    // Purged: nothing of the family is left anywhere.
    assert.deepEqual(await countFamilyRows(db, org.organisationId, noGoExpired.familyId), {});
    // The AVG register keeps the pseudonymised families' entries, detached; the expired entry is gone.
    const detached = await db.select().from(privacyRequests).where(inArray(privacyRequests.id, [...affected.requests]));
    assert.equal(detached.length, 2);
    for (const r of detached) assert.deepEqual([r.familyId, r.memberId], [null, null]);

    // The run is registered, and every erasure is in the audit log under the system actor.
    const [run] = await db.select().from(retentionRuns).where(and(eq(retentionRuns.organisationId, org.organisationId), eq(retentionRuns.id, runId)));
    assert.deepEqual(run?.report, report);
    assert.equal(run?.dryRun, false);
    const erasures = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.organisationId), inArray(auditEvents.action, ["family.purged", "family.pseudonymised"])));
    assert.deepEqual(new Set(erasures.map((e) => e.familyId)), affected.families);
    for (const e of erasures) {
      assert.equal(e.actorUserId, null);
      assert.equal(e.actorLabel, "system:retention");
      assert.equal(e.details.cause, "retention");
    }

    // The next night: the pseudonymised families are done, nothing else has expired.
    const again = await runRetention(db, { organisationId: org.organisationId, today: TODAY, dryRun: false });
    assert.deepEqual(again.report.families, { open: 1, no_trajectory: 1, kept: 3, pseudonymised: 2, held: 1, expired: 0, failed: 0 });
    assert.deepEqual(again.report.actions, []);
    void dayShort;
    void noGoKept;
    void foreign;
  });

  test("a family re-opened between reading and erasing is left alone (checked again under a lock)", async () => {
    const db = database.db;
    const org = await createTestOrganisation(db, "Heropend");
    const coach = (await org.user("coach")).actor;
    const partner = await org.partner();
    const f = await closedFamilyFile(db, coach, "2001-01-01", { partnerId: partner.id });
    await makeTrajectory(db, coach, { familyId: f.familyId });
    const { report } = await runRetention(db, { organisationId: org.organisationId, today: TODAY, dryRun: false });
    assert.equal(report.families.open, 1);
    assert.deepEqual(report.actions, []);
  });
});

/**
 * Every table is the same before and after, except rows `affected` says may change, and the audit
 * log and run register, which may only grow: by exactly these actions and runs.
 */
function assertUnchangedBut(
  before: TableRows,
  afterwards: TableRows,
  affected: (table: string, row: Record<string, unknown>) => boolean,
  grows: { newAuditActions: string[]; newRuns: number },
): void {
  assert.deepEqual([...afterwards.keys()], [...before.keys()]);
  for (const [table, rows] of before) {
    const now = afterwards.get(table) ?? [];
    if (table === "audit_events") {
      const old = new Set(canonicalRows(rows));
      const kept = canonicalRows(now).filter((r) => old.has(r));
      assert.equal(kept.length, old.size, "no audit row changed or went");
      const added = now.filter((r) => !old.has(canonicalRows([r])[0] ?? ""));
      assert.deepEqual(added.map((r) => String(r.action)).sort(), [...grows.newAuditActions].sort());
      continue;
    }
    if (table === "audit_chain_heads") continue; // moves with every audit row
    if (table === "retention_runs") {
      assert.equal(now.length, rows.length + grows.newRuns);
      continue;
    }
    const keep = (list: readonly Record<string, unknown>[]) => canonicalRows(list.filter((r) => !affected(table, r)));
    assert.deepEqual(keep(now), keep(rows), `table ${table} changed outside the expired records`);
  }
}
