import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { QuickReferral, QuickReferralCounts, QuickReferralList } from "@ploegwerk/domain";
import type { Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem } from "../../testing/api.ts";
import { createTestOrganisation } from "../../testing/factories.ts";
import { loginAs, type Client } from "../../testing/http.ts";
import { makeIntervention, quickReferralInput } from "../../testing/quickReferrals.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";

const BASE = "/api/v1/quick-referrals";

/**
 * The flows of a quick referral over HTTP: a ketenpartner or coach refers to the team or to a
 * catalogue entry, the receiving side (team, or the chain partner that provides the entry) picks it
 * up and finishes it, and the referrer follows it; a referral phoned in by a huisarts is owed
 * feedback until that is recorded.
 */
describe(`quick referrals: refer, pick up, follow (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext) {
    const db = database.db;
    const org = await createTestOrganisation(db, "Verwijzen");
    const school = await org.partner("Basisschool De Regenboog", "school");
    const debt = await org.partner("Schuldhulp Stad", "schuldhulp");
    const app = await appFor(t, db);
    const as = async (role: Parameters<typeof org.user>[0], options: Parameters<typeof org.user>[1] = {}) => {
      const user = await org.user(role, options);
      return { user, http: await loginAs(app, user.email) };
    };
    return { db, org, school, debt, app, as };
  }

  const counts = async (http: Client) => bodyOf(await http.get(`${BASE}/counts`), 200, QuickReferralCounts);
  const inbox = async (http: Client, status = "all") => bodyOf(await http.get(`${BASE}?box=inbox&status=${status}`), 200, QuickReferralList).items;
  const sent = async (http: Client) => bodyOf(await http.get(`${BASE}?box=sent`), 200, QuickReferralList).items;
  const move = (http: Client, r: { id: string; version: number }, to: string, note: string | null = null) => http.post(`${BASE}/${r.id}/transitions`, { to, note, version: r.version });

  test("a ketenpartner refers to the team; a coach of that team picks it up and completes it; the referrer sees each step and who picked it up, as an organisation", async (t) => {
    const { db, org, school, as } = await setup(t);
    const teacher = await as("ketenpartner", { partnerOrganisationId: school.id });
    const coach = await as("coach");

    const made = bodyOf(await teacher.http.post(BASE, quickReferralInput({ kind: "team", teamId: org.teamId }, { channel: "klantwijzer" })), 201, QuickReferral);
    assert.equal(made.status, "sent");
    assert.deepEqual(made.referrer, { hasAccount: true, isViewer: true, name: teacher.user.name, organisation: "Basisschool De Regenboog", contact: teacher.user.email });
    assert.deepEqual(made.receiver, { organisation: made.receiver.organisation, team: "Team Noord" });
    assert.match(made.receiver.organisation, /^Verwijzen /);
    assert.deepEqual(made.allowed, [], "the referrer does not pick up their own referral");
    assert.equal(made.feedbackOwed, null, "a referrer with an account is never owed: they see the status");

    assert.deepEqual(await counts(coach.http), { waiting: 1, feedbackOwed: 0, receives: true, refers: true });
    const [waiting] = await inbox(coach.http);
    assert.equal(waiting?.id, made.id);
    assert.equal(waiting?.resident.name, "Mevrouw Verwijsbaar");
    assert.deepEqual(waiting?.allowed, ["pick_up", "decline"]);

    const picked = bodyOf(await move(coach.http, made, "picked_up"), 200, QuickReferral);
    assert.equal(picked.status, "picked_up");
    assert.equal(picked.pickedUp?.byName, coach.user.name, "the receiving side sees who picked it up");
    assert.deepEqual(picked.allowed, ["complete", "decline", "make_referral"]);
    assert.equal((await counts(coach.http)).waiting, 0);

    const followed = bodyOf(await teacher.http.get(`${BASE}/${made.id}`), 200, QuickReferral);
    assert.equal(followed.status, "picked_up");
    assert.equal(followed.pickedUp?.at, picked.pickedUp?.at);
    assert.equal(followed.pickedUp?.byName, null, "the referrer sees the organisation, not the worker");
    assert.ok(!JSON.stringify(followed).includes(coach.user.name));

    const done = bodyOf(await move(coach.http, picked, "completed", "Mevrouw doet mee met de wandelgroep op dinsdag."), 200, QuickReferral);
    assert.equal(done.status, "completed");
    assert.ok(done.closedAt);
    const [mine] = await sent(teacher.http);
    assert.equal(mine?.status, "completed");
    assert.equal(mine?.outcomeNote, "Mevrouw doet mee met de wandelgroep op dinsdag.");
    assert.equal(mine?.referralMade, false);

    const actions = (await auditRows(db, org.organisationId, { entityId: made.id })).map((r) => r.action);
    assert.deepEqual(actions, ["quick_referral.created", "quick_referral.picked_up", "quick_referral.completed"]);
    const [created] = await auditRows(db, org.organisationId, { action: "quick_referral.created", entityId: made.id });
    assert.deepEqual(created?.details, { channel: "klantwijzer", targetKind: "team", interventionId: null, teamId: org.teamId, byPhone: false });
    assert.ok(!JSON.stringify(created).includes("Verwijsbaar"), "no resident's name in the log");
  });

  test("an entry a registered chain partner provides lands in that partner's inbox, not the team's; the partner picks it up", async (t) => {
    const { db, org, debt, school, as } = await setup(t);
    const entry = await makeIntervention(db, org.organisationId, { name: "Budgetcursus", providerPartnerId: debt.id });
    const coach = await as("coach");
    const lead = await as("teamleider");
    const counsellor = await as("ketenpartner", { partnerOrganisationId: debt.id });
    const teacher = await as("ketenpartner", { partnerOrganisationId: school.id });

    const made = bodyOf(await coach.http.post(BASE, quickReferralInput({ kind: "intervention", interventionId: entry.id })), 201, QuickReferral);
    assert.deepEqual(made.target, { kind: "intervention", interventionId: entry.id, interventionName: "Budgetcursus" });
    assert.deepEqual(made.receiver, { organisation: "Schuldhulp Stad", team: null });
    assert.deepEqual(await inbox(coach.http), [], "the coach's team does not receive it");
    assert.deepEqual(await inbox(lead.http), []);
    assert.deepEqual(await inbox(teacher.http), [], "another chain partner does not either");
    assert.deepEqual(await counts(counsellor.http), { waiting: 1, feedbackOwed: 0, receives: true, refers: true });

    const [received] = await inbox(counsellor.http);
    assert.ok(received);
    const picked = bodyOf(await move(counsellor.http, received, "picked_up"), 200, QuickReferral);
    assert.deepEqual(picked.allowed, ["complete", "decline"], "a chain partner does not make aanmeldingen");
    const [mine] = await sent(coach.http);
    assert.equal(mine?.status, "picked_up");
    assert.deepEqual(mine?.receiver, { organisation: "Schuldhulp Stad", team: null });
    assert.equal(mine?.pickedUp?.byName, null);
  });

  test("an entry without a registered provider goes to a team: the coach's own by default, a chosen one for a ketenpartner", async (t) => {
    const { db, org, school, as } = await setup(t);
    const entry = await makeIntervention(db, org.organisationId, { name: "Wandelgroep De Stap" });
    const coach = await as("coach");
    const southCoach = await as("coach", { team: "other" });
    const teacher = await as("ketenpartner", { partnerOrganisationId: school.id });

    const byCoach = bodyOf(await coach.http.post(BASE, quickReferralInput({ kind: "intervention", interventionId: entry.id })), 201, QuickReferral);
    assert.deepEqual(byCoach.receiver.team, "Team Noord");
    expectProblem(await teacher.http.post(BASE, quickReferralInput({ kind: "intervention", interventionId: entry.id })), { status: 400, code: "invalid", invalidParams: ["target.teamId"] });
    const byTeacher = bodyOf(await teacher.http.post(BASE, quickReferralInput({ kind: "intervention", interventionId: entry.id, teamId: org.otherTeamId })), 201, QuickReferral);
    assert.equal(byTeacher.receiver.team, "Team Zuid");
    assert.deepEqual((await inbox(southCoach.http)).map((r) => r.id), [byTeacher.id]);
    assert.deepEqual((await inbox(coach.http)).map((r) => r.id), [byCoach.id]);
  });

  test("a referral phoned in by a huisarts: feedback is owed once picked up and again once closed, until recorded", async (t) => {
    const { db, org, school, as } = await setup(t);
    const coach = await as("coach");
    const support = await as("ondersteuning");
    const teacher = await as("ketenpartner", { partnerOrganisationId: school.id });
    const huisarts = { name: "Dokter Bakker", organisation: "Huisartsenpraktijk De Linde", contact: "050-1234567" };

    expectProblem(await teacher.http.post(BASE, quickReferralInput({ kind: "team", teamId: org.teamId }, { onBehalfOf: huisarts })), { status: 403, code: "forbidden" });
    const phoned = bodyOf(await support.http.post(BASE, quickReferralInput({ kind: "team", teamId: org.teamId }, { onBehalfOf: huisarts })), 201, QuickReferral);
    assert.deepEqual(phoned.referrer, { hasAccount: false, isViewer: false, name: "Dokter Bakker", organisation: "Huisartsenpraktijk De Linde", contact: "050-1234567" });
    assert.equal(phoned.feedbackOwed, null, "nothing to tell while it waits");
    assert.deepEqual(await counts(coach.http), { waiting: 1, feedbackOwed: 0, receives: true, refers: true });
    assert.deepEqual(await counts(support.http), { waiting: 0, feedbackOwed: 0, receives: false, refers: true }, "ondersteuning refers but does not receive");

    let r = bodyOf(await move(coach.http, phoned, "picked_up"), 200, QuickReferral);
    assert.equal(r.feedbackOwed, "picked_up");
    assert.ok(r.allowed.includes("record_feedback"));
    assert.deepEqual(await counts(coach.http), { waiting: 0, feedbackOwed: 1, receives: true, refers: true });

    r = bodyOf(await coach.http.post(`${BASE}/${r.id}/feedback`, { note: "Dokter Bakker gebeld: opgepakt.", version: r.version }), 200, QuickReferral);
    assert.equal(r.feedbackOwed, null);
    assert.equal(r.feedback?.note, "Dokter Bakker gebeld: opgepakt.");
    assert.equal((await counts(coach.http)).feedbackOwed, 0);
    expectProblem(await coach.http.post(`${BASE}/${r.id}/feedback`, { note: null, version: r.version }), { status: 409, code: "conflict", reason: "no_feedback_owed" });

    r = bodyOf(await move(coach.http, r, "declined", "Mevrouw wil toch liever geen hulp; de huisarts houdt contact."), 200, QuickReferral);
    assert.equal(r.feedbackOwed, "outcome", "closing owes the outcome");
    assert.equal((await counts(coach.http)).feedbackOwed, 1);
    r = bodyOf(await coach.http.post(`${BASE}/${r.id}/feedback`, { note: null, version: r.version }), 200, QuickReferral);
    assert.equal(r.feedbackOwed, null);
    assert.equal((await counts(coach.http)).feedbackOwed, 0);

    const feedback = await auditRows(db, org.organisationId, { action: "quick_referral.feedback_recorded", entityId: r.id });
    assert.deepEqual(feedback.map((f) => f.details), [{ subject: "picked_up", note: true }, { subject: "outcome", note: false }]);
    const [created] = await auditRows(db, org.organisationId, { action: "quick_referral.created", entityId: r.id });
    assert.equal(created?.details.byPhone, true);
    assert.equal(created?.actorUserId, support.user.id, "the log says who took the call");
  });

  test("reads are logged: one row for a list naming the referrals shown, one for a referral opened", async (t) => {
    const { db, org, as } = await setup(t);
    const coach = await as("coach");
    const a = bodyOf(await coach.http.post(BASE, quickReferralInput({ kind: "team", teamId: org.teamId })), 201, QuickReferral);
    const b = bodyOf(await coach.http.post(BASE, quickReferralInput({ kind: "team", teamId: org.teamId })), 201, QuickReferral);
    await inbox(coach.http);
    bodyOf(await coach.http.get(`${BASE}/${a.id}`), 200, QuickReferral);
    const reads = (await auditRows(db, org.organisationId, { includeReads: true })).filter((r) => r.kind === "read");
    const listed = reads.filter((r) => r.action === "quick_referrals.listed");
    assert.equal(listed.length, 1);
    assert.deepEqual([...(listed[0]?.details.ids as string[])].sort(), [a.id, b.id].sort());
    assert.equal(listed[0]?.actorUserId, coach.user.id);
    const viewed = reads.filter((r) => r.action === "quick_referral.viewed");
    assert.deepEqual(viewed.map((r) => r.entityId), [a.id]);
    // Badges hold no personal data: no read row.
    const before = reads.length;
    await counts(coach.http);
    assert.equal((await auditRows(db, org.organisationId, { includeReads: true })).filter((r) => r.kind === "read").length, before);
  });
});
