/**
 * `ploegwerk retention …`: the command in-process against the test database with families closed
 * long ago, recently, never, and refused (no-go); then the real binary once, for its options and
 * exit codes. What exactly a run erases, byte for byte, is features/privacy/retention.test.ts.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { pseudonymCaseNumber, RetentionReport } from "@ploegwerk/domain";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/database.ts";
import { families, retentionRuns } from "../db/schema.ts";
import { countFamilyRows } from "../features/privacy/erasure.ts";
import { auditRows } from "../testing/api.ts";
import { createTestOrganisation } from "../testing/factories.ts";
import { closedFamilyFile, noGoFamily } from "../testing/privacyFixtures.ts";
import { makeTrajectory } from "../testing/trajectories.ts";
import { testDatabase, testTarget } from "../testing/testDatabase.ts";
import { cli, newOrganisation, ON_POSTGRES, setUpCli, tearDownCli } from "./cliTesting.ts";
import { retentionCommand, type RetentionOptions } from "./retention.ts";

before(setUpCli);
after(tearDownCli);

const TODAY = "2025-06-30";
const Reports = z.array(RetentionReport.extend({ organisation: z.string(), runId: z.string() }));

describe(`ploegwerk retention (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function run(subject: string, opts: RetentionOptions, recordType?: string): Promise<{ code: number; out: string }> {
    const lines: string[] = [];
    const code = await retentionCommand(database, subject, recordType, opts, (data) => lines.push(data));
    return { code, out: lines.join("\n") };
  }

  test("report shows what a run would do and changes nothing; run then does exactly that", async () => {
    const db = database.db;
    const org = await createTestOrganisation(db, "Retentie CLI");
    const coach = (await org.user("coach")).actor;
    const partner = await org.partner();
    const longAgo = await closedFamilyFile(db, coach, "2000-02-01", { partnerId: partner.id });
    const recent = await closedFamilyFile(db, coach, "2024-06-01", { partnerId: partner.id });
    const noGo = await noGoFamily(db, coach, "2020-01-01");
    const open = await makeTrajectory(db, coach, { phase: "intake" });
    const caseNumber = async (familyId: string) =>
      (await db.select({ c: families.caseNumber }).from(families).where(and(eq(families.organisationId, org.organisationId), eq(families.id, familyId))))[0]?.c ?? null;
    const before = await caseNumber(longAgo.familyId);

    const report = await run("report", { organisation: org.slug, today: TODAY, format: "json" });
    assert.equal(report.code, 0);
    const [dry] = Reports.parse(JSON.parse(report.out));
    assert.equal(dry?.organisation, org.slug);
    assert.equal(dry?.dryRun, true);
    assert.deepEqual(dry?.families, { open: 1, no_trajectory: 0, kept: 1, pseudonymised: 0, held: 0, expired: 2, failed: 0 });
    assert.deepEqual(dry?.actions.map((a) => [a.recordType, a.action, a.records]), [["family_file", "pseudonymise", 1], ["no_go_referral", "purge", 1]]);
    assert.equal(await caseNumber(longAgo.familyId), before, "a report changes nothing");
    assert.ok(Object.keys(await countFamilyRows(db, org.organisationId, noGo.familyId)).length > 0);

    const text = await run("run", { organisation: org.slug, today: TODAY, "dry-run": true });
    assert.equal(text.code, 0);
    assert.match(text.out, /retention report \(dry run: nothing was changed\) on 2025-06-30/);
    assert.match(text.out, /family_file would be pseudonymised: 1 record\(s\); rows: .*families 1/);
    assert.match(text.out, /no_go_referral would be purged: 1 record\(s\)/);

    const done = await run("run", { organisation: org.slug, today: TODAY });
    assert.equal(done.code, 0);
    assert.match(done.out, /families: open 1, without trajectory 0, kept 1, held by an open AVG request 0, expired 2, failed 0/);
    assert.match(done.out, /family_file pseudonymised: 1 record\(s\)/);
    assert.doesNotMatch(done.out, /[0-9a-f]{8}-[0-9a-f]{4}-|Voorbeeld|Testerink/, "counts only: no ids or names");
    assert.equal(await caseNumber(longAgo.familyId), pseudonymCaseNumber(longAgo.familyId));
    assert.deepEqual(await countFamilyRows(db, org.organisationId, noGo.familyId), {});
    for (const kept of [recent.familyId, open.familyId]) assert.match((await caseNumber(kept)) ?? "", /^T-/, "kept as it was");

    const runs = await db.select({ dryRun: retentionRuns.dryRun }).from(retentionRuns).where(eq(retentionRuns.organisationId, org.organisationId));
    assert.deepEqual(runs.map((r) => r.dryRun).sort(), [false, true, true]);
  });

  test("a run cannot look ahead; a report can; mistakes are exit code 2", async () => {
    const org = await createTestOrganisation(database.db, "Retentie fouten");
    assert.equal((await run("run", { organisation: org.slug, today: "2999-01-01" })).code, 2);
    assert.equal((await run("report", { organisation: org.slug, today: "2999-01-01" })).code, 0);
    assert.equal((await run("run", { organisation: org.slug, today: "30-06-2025" })).code, 2);
    assert.equal((await run("run", { organisation: org.slug, format: "xml" })).code, 2);
    assert.equal((await run("purge", { organisation: org.slug })).code, 2);
    assert.equal((await run("run", { organisation: "bestaat-niet" })).code, 2);
  });

  test("policy prints the periods; set changes one, audited as the CLI", async () => {
    const org = await createTestOrganisation(database.db, "Retentie beleid");
    const policy = await run("policy", { organisation: org.slug });
    assert.equal(policy.out, [`${org.slug}\tfamily_file\t240 months\tpseudonymise`, `${org.slug}\tno_go_referral\t24 months\tpurge`, `${org.slug}\tprivacy_request\t60 months\tpurge`, `${org.slug}\tquick_referral\t24 months\tpurge`].join("\n"));
    assert.equal((await run("set", { organisation: org.slug, months: "180", action: "purge" }, "family_file")).code, 0);
    assert.match((await run("policy", { organisation: org.slug })).out, /family_file\t180 months\tpurge/);
    const [row] = await auditRows(database.db, org.organisationId, { action: "retention.policy_updated" });
    assert.deepEqual(row?.details, { recordType: "family_file", before: { months: 240, action: "pseudonymise" }, after: { months: 180, action: "purge" } });
    assert.equal(row?.actorLabel, "system:cli");
    for (const [type, months, action] of [["family_file", "0", "purge"], ["family_file", "12", "archive"], ["dossier", "12", "purge"]] as const) {
      assert.equal((await run("set", { organisation: org.slug, months, action }, type)).code, 2, `${type} ${months} ${action}`);
    }
    assert.equal((await run("set", { months: "12", action: "purge" }, "family_file")).code, 2, "set needs --organisation");
  });
});

describe(`ploegwerk retention, the binary (${ON_POSTGRES ? "postgres" : "pglite"})`, () => {
  test("options reach the command: --today, --format json, --dry-run; looking ahead is refused", async () => {
    const slug = await newOrganisation("Retentie");
    const report = await cli(["retention", "report", "--today", TODAY, "--format", "json", "--organisation", slug]);
    assert.equal(report.code, 0, report.stderr);
    const [r] = Reports.parse(JSON.parse(report.stdout));
    assert.deepEqual([r?.organisation, r?.today, r?.dryRun, r?.actions], [slug, TODAY, true, []]);
    assert.match(report.stderr, /Retention report \(dry run, nothing changed\) on 2025-06-30: 1 organisation\(s\)\./);
    const dry = await cli(["retention", "run", "--dry-run", "--organisation", slug]);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /nothing expired/);
    const ahead = await cli(["retention", "run", "--today", "2999-01-01", "--organisation", slug]);
    assert.equal(ahead.code, 2);
    assert.match(ahead.stderr, /lies in the future; a run cannot look ahead/);
  });
});
