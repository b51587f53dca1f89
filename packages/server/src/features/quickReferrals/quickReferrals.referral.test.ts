import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { QuickReferral, Trajectory } from "@ploegwerk/domain";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { trajectories } from "../../db/schema.ts";
import { appFor, auditRows, bodyOf, expectProblem } from "../../testing/api.ts";
import { createTestOrganisation, familyInput, makeFamily } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { makeIntervention, quickReferralInput } from "../../testing/quickReferrals.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { makeTrajectory, referralInput } from "../../testing/trajectories.ts";

const BASE = "/api/v1/quick-referrals";

/** "Aanmelding maken": a picked-up team referral becomes an aanmelding and is linked to the family, in one go. */
describe(`quick referral → aanmelding (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext) {
    const db = database.db;
    const org = await createTestOrganisation(db, "Aanmelden");
    const school = await org.partner("School Aanmelden", "school");
    const app = await appFor(t, db);
    const teacherUser = await org.user("ketenpartner", { partnerOrganisationId: school.id });
    const coachUser = await org.user("coach");
    const teacher = await loginAs(app, teacherUser.email);
    const coach = await loginAs(app, coachUser.email);
    const trajectoryCount = async () => (await db.select({ id: trajectories.id }).from(trajectories).where(eq(trajectories.organisationId, org.organisationId))).length;
    /** A referral from the school to the team, picked up by the coach. */
    const pickedUp = async () => {
      const sent = bodyOf(await teacher.post(BASE, quickReferralInput({ kind: "team", teamId: org.teamId }, { residentName: "Familie Aanmeldbaar" })), 201, QuickReferral);
      return bodyOf(await coach.post(`${BASE}/${sent.id}/transitions`, { to: "picked_up", note: null, version: sent.version }), 200, QuickReferral);
    };
    return { db, org, school, app, teacher, coach, coachUser, trajectoryCount, pickedUp };
  }

  /** The aanmeldformulier filled in from the quick referral, as the web page pre-fills it. */
  const body = (family: Parameters<typeof referralInput>[0], version: number, outcomeNote: string | null = null) => {
    const { referral } = referralInput(family, { referrerKind: "school", referrerOrganisation: "School Aanmelden", referrerName: "Test ketenpartner", reason: "Zorgen over de kinderen, gemeld door school." });
    return { family, referral, version, outcomeNote };
  };

  test("a new family: the aanmelding is made, the quick referral completed and linked; the referrer sees it became an aanmelding, not the family", async (t) => {
    const { db, org, teacher, coach, pickedUp } = await setup(t);
    const r = await pickedUp();
    const newFamily = familyInput();
    const trajectory = bodyOf(await coach.post(`${BASE}/${r.id}/referral`, body(newFamily, r.version, "Aangemeld voor gezinscoaching.")), 201, Trajectory);
    assert.equal(trajectory.phase, "referral");
    assert.equal(trajectory.referral.referrerKind, "school");
    assert.equal(trajectory.caseNumber, newFamily.caseNumber);

    const mine = bodyOf(await coach.get(`${BASE}/${r.id}`), 200, QuickReferral);
    assert.equal(mine.status, "completed");
    assert.equal(mine.familyId, trajectory.familyId);
    assert.equal(mine.referralMade, true);
    assert.deepEqual(mine.allowed, []);
    const theirs = bodyOf(await teacher.get(`${BASE}/${r.id}`), 200, QuickReferral);
    assert.equal(theirs.status, "completed");
    assert.equal(theirs.referralMade, true);
    assert.equal(theirs.outcomeNote, "Aangemeld voor gezinscoaching.");
    assert.equal(theirs.familyId, null, "the referrer outside the team does not get the family's id");

    const [linked] = await auditRows(db, org.organisationId, { action: "quick_referral.family_linked", entityId: r.id });
    assert.equal(linked?.familyId, trajectory.familyId);
    assert.equal(linked?.details.trajectoryId, trajectory.id);
    assert.equal((await auditRows(db, org.organisationId, { action: "trajectory.created", familyId: trajectory.familyId })).length, 1);

    expectProblem(await coach.post(`${BASE}/${r.id}/referral`, body(familyInput(), mine.version)), { status: 409, code: "conflict", reason: "already_closed" });
  });

  test("a family already in the file; a family with an open trajectory is refused and the quick referral stays as it was", async (t) => {
    const { db, coachUser, coach, pickedUp, trajectoryCount } = await setup(t);
    const family = await makeFamily(db, coachUser.actor);
    const r = await pickedUp();
    const trajectory = bodyOf(await coach.post(`${BASE}/${r.id}/referral`, body({ id: family.id }, r.version)), 201, Trajectory);
    assert.equal(trajectory.familyId, family.id);

    const busy = await makeTrajectory(db, coachUser.actor, { phase: "intake" });
    const r2 = await pickedUp();
    const before = await trajectoryCount();
    expectProblem(await coach.post(`${BASE}/${r2.id}/referral`, body({ id: busy.familyId }, r2.version)), { status: 409, code: "conflict", reason: "open_trajectory" });
    const after = bodyOf(await coach.get(`${BASE}/${r2.id}`), 200, QuickReferral);
    assert.deepEqual([after.status, after.familyId, after.version], ["picked_up", null, r2.version], "rolled back with the aanmelding");
    assert.equal(await trajectoryCount(), before);
  });

  test("not yet picked up, a stale version, a chain partner's referral, the referrer: refused, nothing made", async (t) => {
    const { db, org, school, app, teacher, coach, trajectoryCount, pickedUp } = await setup(t);
    const sent = bodyOf(await teacher.post(BASE, quickReferralInput({ kind: "team", teamId: org.teamId })), 201, QuickReferral);
    const before = await trajectoryCount();
    expectProblem(await coach.post(`${BASE}/${sent.id}/referral`, body(familyInput(), sent.version)), { status: 409, code: "conflict", reason: "not_picked_up" });
    expectProblem(await teacher.post(`${BASE}/${sent.id}/referral`, body(familyInput(), sent.version)), { status: 403, code: "forbidden" });

    const r = await pickedUp();
    expectProblem(await coach.post(`${BASE}/${r.id}/referral`, body(familyInput(), r.version - 1)), { status: 409, code: "conflict", reason: "stale_version" });

    const entry = await makeIntervention(db, org.organisationId, { providerPartnerId: school.id });
    const colleague = await loginAs(app, (await org.user("ketenpartner", { partnerOrganisationId: school.id })).email);
    const toSchool = bodyOf(await coach.post(BASE, quickReferralInput({ kind: "intervention", interventionId: entry.id })), 201, QuickReferral);
    const atSchool = bodyOf(await colleague.post(`${BASE}/${toSchool.id}/transitions`, { to: "picked_up", note: null, version: toSchool.version }), 200, QuickReferral);
    expectProblem(await colleague.post(`${BASE}/${toSchool.id}/referral`, body(familyInput(), atSchool.version)), { status: 403, code: "forbidden" });
    assert.equal(await trajectoryCount(), before);
    const [unchanged] = await db.select({ status: trajectories.id }).from(trajectories).where(and(eq(trajectories.organisationId, org.organisationId), eq(trajectories.referrerOrganisation, "School Aanmelden")));
    assert.equal(unchanged, undefined, "no aanmelding from any of the refused requests");
  });
});
