import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test, type TestContext } from "node:test";
import { ActionProgressRecorded, addDays, Consent, ConsentList, PlanOverview, SharedFamily, SharedFamilyList, SharingOverview, todayInNetherlands } from "@ploegwerk/domain";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { planVersions } from "../../db/schema.ts";
import { appFor, auditRows, bodyOf, expectProblem } from "../../testing/api.ts";
import { createTestOrganisation } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { makeTrajectory } from "../../testing/trajectories.ts";
import { getFamily } from "../families/families.service.ts";

/**
 * Sharing with chain partners follows consent: what a ketenpartner sees and may do changes on the
 * very next request when the family's consent is given, widened, narrowed, withdrawn or expires.
 */
describe(`consent-scoped sharing with chain partners (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext) {
    const db = database.db;
    const org = await createTestOrganisation(db);
    const coach = await org.user("coach");
    const schuldhulp = await org.partner("Schuldhulp Voorbeeldstad", "schuldhulp");
    const corporatie = await org.partner("Woonstichting De Korf", "woningcorporatie");
    const partnerUser = await org.user("ketenpartner", { partnerOrganisationId: schuldhulp.id });
    const otherPartnerUser = await org.user("ketenpartner", { partnerOrganisationId: corporatie.id });
    const { trajectory, familyId } = await makeTrajectory(db, coach.actor, { phase: "execution" });
    const family = await getFamily(db, { actor: coach.actor, familyId });
    const parent = family.members.find((m) => m.role === "parent");
    const child = family.members.find((m) => m.role === "child");
    assert.ok(parent && child);

    // The plan in force gets a second, signed version with an action the debt counsellor carries out.
    const [v1] = await db.select().from(planVersions).where(and(eq(planVersions.organisationId, org.organisationId), eq(planVersions.trajectoryId, trajectory.id)));
    assert.ok(v1);
    const today = todayInNetherlands();
    const content = structuredClone(v1.content) as { goals: { id: string; domain: string; actions: unknown[] }[] };
    const partnerActionId = randomUUID();
    const goal = { id: randomUUID(), domain: "financien", memberIds: [], description: "Grip op de schulden.", targetDate: null, actions: [
      { id: partnerActionId, description: "Schulden in kaart brengen en een budgetplan maken", owner: { kind: "partnerContact", organisation: schuldhulp.name, contactName: "Mark Budget", contact: null, partnerOrganisationId: schuldhulp.id }, dueDate: addDays(today, 30), status: "open", cancelReason: null },
    ] };
    content.goals.push(goal);
    await db.insert(planVersions).values({ organisationId: org.organisationId, trajectoryId: trajectory.id, number: 2, status: "definitive", content, signature: { signedOn: today, signedBy: [parent.id], method: "paper", recordedBy: coach.id }, createdOn: today });
    const memberActionId = (content.goals[0]?.actions[0] as { id: string }).id;

    const app = await appFor(t, db);
    const coachClient = await loginAs(app, coach.email);
    const partner = await loginAs(app, partnerUser.email);
    const otherPartner = await loginAs(app, otherPartnerUser.email);
    const consentUrl = `/api/v1/families/${familyId}/consents`;
    const give = async (categories: string[], extra: Record<string, unknown> = {}) =>
      bodyOf(
        await coachClient.post(consentUrl, { givenByMemberId: parent.id, onBehalfOf: [child.id], recipientId: schuldhulp.id, categories, purpose: "Samen werken aan de schulden.", legalBasis: "toestemming", givenOn: today, ...extra }),
        201,
        Consent,
      );
    return { db, org, coach, schuldhulp, corporatie, trajectory, familyId, parent, child, partnerActionId, memberActionId, coachClient, partner, otherPartner, consentUrl, give, today };
  }

  test("without consent a ketenpartner sees nothing of the family and cannot reach the team's endpoints", async (t) => {
    const s = await setup(t);
    assert.deepEqual(bodyOf(await s.partner.get("/api/v1/shared/families"), 200, SharedFamilyList).items, []);
    expectProblem(await s.partner.get(`/api/v1/shared/families/${s.familyId}`), { status: 404, code: "not_found" });
    expectProblem(await s.partner.post(`/api/v1/shared/families/${s.familyId}/actions/${s.partnerActionId}/progress`, { status: "in_progress" }), { status: 404, code: "not_found" });
    // The team's own endpoints stay closed even with consent: partners use the shared view only.
    await s.give(["plan", "basis"]);
    expectProblem(await s.partner.get(`/api/v1/families/${s.familyId}`), { status: 404, code: "not_found" });
    expectProblem(await s.partner.get(`/api/v1/trajectories/${s.trajectory.id}/plan`), { status: 404, code: "not_found" });
    expectProblem(await s.partner.get("/api/v1/families"), { status: 403, code: "forbidden" });
    // Team members cannot use the partner view.
    expectProblem(await s.coachClient.get("/api/v1/shared/families"), { status: 403, code: "forbidden" });
  });

  test("consent given, widened, narrowed and withdrawn changes what the partner sees on the next request", async (t) => {
    const s = await setup(t);
    const view = async () => bodyOf(await s.partner.get(`/api/v1/shared/families/${s.familyId}`), 200, SharedFamily);

    // Given: only the actions the debt counsellor carries out.
    const consent = await s.give(["plan_actions"]);
    assert.equal(consent.status, "active");
    assert.deepEqual(consent.onBehalfOf.map((p) => p.memberId), [s.child.id]);
    const listed = bodyOf(await s.partner.get("/api/v1/shared/families"), 200, SharedFamilyList).items;
    assert.deepEqual(listed.map((f) => [f.familyId, f.familyName, f.openActionCount]), [[s.familyId, null, 1]]);
    let v = await view();
    assert.equal(v.members, null, "no names without consent for basis");
    assert.equal(v.address, null);
    assert.equal(v.trajectory, null);
    assert.equal(v.measurements, null);
    assert.equal(v.weeklyReports, null);
    assert.equal(v.meetings, null);
    assert.equal(v.plan?.scope, "own");
    assert.deepEqual(v.plan?.goals.flatMap((g) => g.actions.map((a) => a.actionId)), [s.partnerActionId]);
    assert.deepEqual(v.plan?.overallGoals, []);
    // The partner's reads are in the family's access history, with what it could see.
    const partnerReads = (await auditRows(s.db, s.org.organisationId, { familyId: s.familyId, includeReads: true })).filter((r) => r.kind === "read" && r.actorRole === "ketenpartner");
    assert.ok(partnerReads.length >= 1);
    assert.deepEqual(partnerReads[0]?.details.categories, ["plan_actions"]);
    assert.equal(partnerReads[0]?.actorPartnerOrganisationId, s.schuldhulp.id);
    // The other partner organisation sees nothing.
    expectProblem(await s.otherPartner.get(`/api/v1/shared/families/${s.familyId}`), { status: 404, code: "not_found" });

    // The partner updates its own action; the coach sees it in the plan.
    const recorded = bodyOf(await s.partner.post(`/api/v1/shared/families/${s.familyId}/actions/${s.partnerActionId}/progress`, { status: "in_progress" }), 201, ActionProgressRecorded);
    assert.equal(recorded.action.status, "in_progress");
    const overview = bodyOf(await s.coachClient.get(`/api/v1/trajectories/${s.trajectory.id}/plan`), 200, PlanOverview);
    assert.equal(overview.openActions.find((a) => a.actionId === s.partnerActionId)?.status, "in_progress");
    // Not an action of its own: as if it does not exist.
    expectProblem(await s.partner.post(`/api/v1/shared/families/${s.familyId}/actions/${s.memberActionId}/progress`, { status: "done" }), { status: 404, code: "not_found" });
    const progressed = await auditRows(s.db, s.org.organisationId, { action: "action.progressed", familyId: s.familyId });
    assert.equal(progressed.length, 1);
    assert.equal(progressed[0]?.actorUserId !== null, true);

    // Widened: names and the whole plan.
    const widened = bodyOf(await s.coachClient.put(`${s.consentUrl}/${consent.id}`, { version: consent.version, categories: ["plan_actions", "basis", "plan"], purpose: consent.purpose, expiresOn: null }), 200, Consent);
    v = await view();
    assert.ok(v.members && v.members.length === 2);
    assert.ok(v.familyName?.startsWith("gezin "));
    assert.equal(v.plan?.scope, "all");
    assert.ok((v.plan?.goals.flatMap((g) => g.actions).length ?? 0) >= 2);
    assert.ok((v.plan?.overallGoals.length ?? 0) >= 1);

    // Narrowed to names only: the plan disappears and its actions can no longer be updated.
    const narrowed = bodyOf(await s.coachClient.put(`${s.consentUrl}/${consent.id}`, { version: widened.version, categories: ["basis"], purpose: consent.purpose, expiresOn: null }), 200, Consent);
    v = await view();
    assert.equal(v.plan, null);
    assert.ok(v.members);
    expectProblem(await s.partner.post(`/api/v1/shared/families/${s.familyId}/actions/${s.partnerActionId}/progress`, { status: "done" }), { status: 404, code: "not_found" });

    // Withdrawn: gone at once, and a withdrawn consent cannot be changed again.
    const withdrawn = bodyOf(await s.coachClient.post(`${s.consentUrl}/${consent.id}/withdraw`, { version: narrowed.version, reason: "Moeder wil dit niet meer." }), 200, Consent);
    assert.equal(withdrawn.status, "withdrawn");
    expectProblem(await s.partner.get(`/api/v1/shared/families/${s.familyId}`), { status: 404, code: "not_found" });
    assert.deepEqual(bodyOf(await s.partner.get("/api/v1/shared/families"), 200, SharedFamilyList).items, []);
    expectProblem(await s.coachClient.put(`${s.consentUrl}/${consent.id}`, { version: withdrawn.version, categories: ["basis"], purpose: "x", expiresOn: null }), { status: 409, code: "conflict", reason: "consent_withdrawn" });

    for (const action of ["consent.recorded", "consent.changed", "consent.withdrawn"]) {
      assert.ok((await auditRows(s.db, s.org.organisationId, { action, familyId: s.familyId })).length >= 1, `${action} audited`);
    }
  });

  test("an expired consent shares nothing; the family file says who can see what and why", async (t) => {
    const s = await setup(t);
    await s.give(["basis"], { givenOn: addDays(s.today, -60), expiresOn: addDays(s.today, -1) });
    expectProblem(await s.partner.get(`/api/v1/shared/families/${s.familyId}`), { status: 404, code: "not_found" });
    let sharing = bodyOf(await s.coachClient.get(`/api/v1/families/${s.familyId}/sharing`), 200, SharingOverview);
    assert.deepEqual(sharing.partners, []);
    assert.ok(sharing.team.people.some((p) => p.role === "coach"));

    await s.give(["plan_actions", "meetings"], { expiresOn: addDays(s.today, 90) });
    sharing = bodyOf(await s.coachClient.get(`/api/v1/families/${s.familyId}/sharing`), 200, SharingOverview);
    assert.deepEqual(sharing.partners.map((p) => [p.name, p.categories, p.until, p.accounts]), [["Schuldhulp Voorbeeldstad", ["meetings", "plan_actions"], addDays(s.today, 90), 1]]);
  });

  test("bad consent input is refused with the field and changes nothing", async (t) => {
    const s = await setup(t);
    const post = (body: Record<string, unknown>) =>
      s.coachClient.post(s.consentUrl, { givenByMemberId: s.parent.id, recipientId: s.schuldhulp.id, categories: ["basis"], purpose: "Samenwerking.", legalBasis: "toestemming", givenOn: s.today, ...body });
    expectProblem(await post({ givenByMemberId: s.child.id }), { status: 400, code: "invalid", invalidParams: ["givenByMemberId"] });
    expectProblem(await post({ givenByMemberId: null }), { status: 400, code: "invalid", invalidParams: ["givenByMemberId"] });
    expectProblem(await post({ recipientId: randomUUID() }), { status: 400, code: "invalid", invalidParams: ["recipientId"] });
    expectProblem(await post({ categories: [] }), { status: 400, code: "invalid", invalidParams: ["categories"] });
    expectProblem(await post({ categories: ["everything"] }), { status: 400, code: "invalid", invalidParams: ["categories.0"] });
    expectProblem(await post({ givenOn: addDays(s.today, 1) }), { status: 400, code: "invalid", invalidParams: ["givenOn"] });
    expectProblem(await post({ expiresOn: s.today }), { status: 400, code: "invalid", invalidParams: ["expiresOn"] });
    expectProblem(await post({ onBehalfOf: [s.parent.id] }), { status: 400, code: "invalid", invalidParams: ["onBehalfOf.0"] });
    assert.deepEqual(bodyOf(await s.coachClient.get(s.consentUrl), 200, ConsentList).items, []);
    assert.deepEqual(await auditRows(s.db, s.org.organisationId, { action: "consent.recorded" }), []);
  });
});
