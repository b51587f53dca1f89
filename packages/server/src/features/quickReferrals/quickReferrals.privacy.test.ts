import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { defaultRetentionSettings, QuickReferral, Trajectory } from "@ploegwerk/domain";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { families, quickReferrals } from "../../db/schema.ts";
import { appFor, auditRows, bodyOf, expectStatus } from "../../testing/api.ts";
import { createTestOrganisation, familyInput } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { readPdf } from "../../testing/pdfText.ts";
import { makeIntervention, makeQuickReferral, quickReferralInput } from "../../testing/quickReferrals.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { referralInput } from "../../testing/trajectories.ts";
import { eraseFamily } from "../privacy/erasure.ts";
import { writeRetentionPolicy } from "../privacy/retention.queries.ts";
import { runRetention } from "../privacy/retention.service.ts";

const BASE = "/api/v1/quick-referrals";
const TODAY = "2025-06-30";

/** AVG: a quick referral linked to a family is part of its inzage and goes with it; one never linked has its own bewaartermijn. */
describe(`quick referrals: inzage, erasure and retention (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  /** A team referral from a school, picked up and turned into an aanmelding for a new family. */
  async function linkedFamily(t: TestContext) {
    const db = database.db;
    const org = await createTestOrganisation(db, "Verwijsinzage");
    const school = await org.partner("School Inzage", "school");
    const app = await appFor(t, db);
    const teacher = await loginAs(app, (await org.user("ketenpartner", { partnerOrganisationId: school.id })).email);
    const coach = await loginAs(app, (await org.user("coach")).email);
    const sent = bodyOf(await teacher.post(BASE, quickReferralInput({ kind: "team", teamId: org.teamId }, { residentName: "Sanne de Doorverwezen", reason: "Zorgen over thuis, gemeld door de juf." })), 201, QuickReferral);
    const picked = bodyOf(await coach.post(`${BASE}/${sent.id}/transitions`, { to: "picked_up", note: null, version: sent.version }), 200, QuickReferral);
    const { referral } = referralInput({ id: sent.id });
    const trajectory = bodyOf(await coach.post(`${BASE}/${sent.id}/referral`, { family: familyInput(), referral, version: picked.version, outcomeNote: "Aangemeld." }), 201, Trajectory);
    return { db, org, app, coach, quickReferralId: sent.id, familyId: trajectory.familyId };
  }

  test("inzage: the family's quick referrals are in the JSON file and the PDF", async (t) => {
    const { coach, familyId, quickReferralId } = await linkedFamily(t);
    const json = await coach.get(`/api/v1/families/${familyId}/export.json`);
    expectStatus(json, 200);
    const body = json.json() as { quickReferrals: { id: string; residentName: string; channel: string; interventionName: string | null; referrerUserId: string }[]; staff: { id: string }[] };
    assert.deepEqual(body.quickReferrals.map((q) => [q.id, q.residentName, q.channel]), [[quickReferralId, "Sanne de Doorverwezen", "welzijn_op_recept"]]);
    assert.ok(body.staff.some((s) => s.id === body.quickReferrals[0]?.referrerUserId), "the referrer's name is under staff");
    const pdf = await readPdf((await coach.get(`/api/v1/families/${familyId}/export.pdf`)).rawPayload);
    for (const expected of ["Snelle verwijzingen", "Welzijn op Recept van Test ketenpartner (School Inzage) naar het team", "Over: Sanne de Doorverwezen", "Reden: Zorgen over thuis, gemeld door de juf.", "Stand: afgerond"]) {
      assert.ok(pdf.text.includes(expected), `missing "${expected}" in ${pdf.text.slice(0, 3000)}`);
    }
  });

  test("erasing the family removes its quick referrals (purge) or drops them (pseudonymise)", async (t) => {
    const { db, org, familyId, quickReferralId } = await linkedFamily(t);
    const counts = await db.transaction((tx) => eraseFamily(tx, org.organisationId, familyId, "purge"));
    assert.equal(counts.quick_referrals, 1);
    assert.deepEqual(await db.select().from(quickReferrals).where(eq(quickReferrals.id, quickReferralId)), []);
    assert.deepEqual(await db.select().from(families).where(and(eq(families.organisationId, org.organisationId), eq(families.id, familyId))), []);

    const second = await linkedFamily(t);
    const pseudonymised = await db.transaction((tx) => eraseFamily(tx, second.org.organisationId, second.familyId, "pseudonymise"));
    assert.equal(pseudonymised.quick_referrals, 1);
    assert.deepEqual(await db.select().from(quickReferrals).where(eq(quickReferrals.id, second.quickReferralId)), []);
  });

  test("retention: a quick referral without a family file is purged two years after it closed; open, linked and recent ones stay", async (t) => {
    const { db, org, quickReferralId: linked } = await linkedFamily(t);
    const system = org.system;
    const entry = await makeIntervention(db, org.organisationId);
    const closeOn = async (id: string, day: string) => db.execute(sql`update quick_referrals set status = 'completed', closed_at = (${day}::date + time '12:00') at time zone 'Europe/Amsterdam' where id = ${id}::uuid`);
    const expired = await makeQuickReferral(db, system, { kind: "intervention", interventionId: entry.id, teamId: org.teamId }, { residentName: "Verlopen Verwijzing" });
    await closeOn(expired.id, "2023-06-30");
    const dayShort = await makeQuickReferral(db, system, { kind: "team", teamId: org.teamId });
    await closeOn(dayShort.id, "2023-07-01");
    const open = await makeQuickReferral(db, system, { kind: "team", teamId: org.teamId });
    await db.execute(sql`update quick_referrals set created_at = '2019-01-01' where id = ${open.id}::uuid`);
    await closeOn(linked, "2020-01-01");

    const dry = await runRetention(db, { organisationId: org.organisationId, today: TODAY, dryRun: true });
    assert.equal((await db.select().from(quickReferrals).where(eq(quickReferrals.id, expired.id))).length, 1, "a dry run changes nothing");
    const { report } = await runRetention(db, { organisationId: org.organisationId, today: TODAY, dryRun: false });
    assert.deepEqual(report.quickReferrals, { open: 1, kept: 1, pseudonymised: 0, expired: 1, failed: 0 });
    assert.deepEqual({ ...dry.report, dryRun: false }, report, "the dry run said exactly what the run did");
    assert.deepEqual(report.actions.filter((a) => a.recordType === "quick_referral"), [{ recordType: "quick_referral", action: "purge", records: 1, rows: { quick_referrals: 1 } }]);
    const left = (await db.select({ id: quickReferrals.id }).from(quickReferrals).where(eq(quickReferrals.organisationId, org.organisationId))).map((r) => r.id).sort();
    assert.deepEqual(left, [dayShort.id, open.id, linked].sort());
    const [purged] = await auditRows(db, org.organisationId, { action: "quick_referral.purged" });
    assert.equal(purged?.entityId, expired.id);
    assert.deepEqual(purged?.details, { cause: "retention", recordType: "quick_referral", expiresOn: "2025-06-30", today: TODAY });
    assert.doesNotMatch(JSON.stringify(report), /Verlopen|[0-9a-f]{8}-[0-9a-f]{4}-/, "counts only");
  });

  test("retention with pseudonymise: the count stays (channel, status, dates), the resident, referrer and texts go; a second run leaves it", async () => {
    const db = database.db;
    const org = await createTestOrganisation(db, "Verwijspseudo");
    await writeRetentionPolicy(db, org.organisationId, { ...defaultRetentionSettings(), quick_referral: { months: 12, action: "pseudonymise" } });
    const made = await makeQuickReferral(db, org.system, { kind: "team", teamId: org.teamId }, { onBehalfOf: { name: "Dokter Oud", organisation: "Praktijk Oud", contact: "050-1111111" } });
    await db.execute(sql`update quick_referrals set status = 'declined', outcome_note = 'Geen plek', closed_at = '2024-01-15T10:00:00Z' where id = ${made.id}::uuid`);
    const before = (await db.select().from(quickReferrals).where(eq(quickReferrals.id, made.id)))[0];
    const { report } = await runRetention(db, { organisationId: org.organisationId, today: TODAY, dryRun: false });
    assert.deepEqual(report.quickReferrals, { open: 0, kept: 0, pseudonymised: 0, expired: 1, failed: 0 });
    const [row] = await db.select().from(quickReferrals).where(eq(quickReferrals.id, made.id));
    assert.ok(row && before);
    assert.deepEqual(
      { residentName: row.residentName, residentContact: row.residentContact, reason: row.reason, referrerName: row.referrerName, referrerOrganisation: row.referrerOrganisation, referrerContact: row.referrerContact, outcomeNote: row.outcomeNote },
      { residentName: "", residentContact: null, reason: "", referrerName: "", referrerOrganisation: null, referrerContact: null, outcomeNote: null },
    );
    assert.deepEqual([row.channel, row.status, row.targetKind, row.teamId, row.createdAt, row.closedAt], [before.channel, before.status, before.targetKind, before.teamId, before.createdAt, before.closedAt]);
    const again = await runRetention(db, { organisationId: org.organisationId, today: TODAY, dryRun: false });
    assert.deepEqual(again.report.quickReferrals, { open: 0, kept: 0, pseudonymised: 1, expired: 0, failed: 0 });
    assert.equal((await auditRows(db, org.organisationId, { action: "quick_referral.pseudonymised" })).length, 1);
  });
});
