import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test, type TestContext } from "node:test";
import { PlanContent, PlanDiffView, PlanOverview, PlanVersionDetail, todayInNetherlands, type Phase } from "@ploegwerk/domain";
import type { Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem, paramNames } from "../../testing/api.ts";
import { createTestOrganisation } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { familyTrajectory, inDays, planContent, saveBody } from "./plans.fixtures.ts";

describe(`gezinsplan versions (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext, phase: Phase) {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const app = await appFor(t, database.db);
    const http = await loginAs(app, coach.email);
    const f = await familyTrajectory(database.db, coach.actor, phase);
    const put = (body: unknown) => http.request("PUT", `${f.url}/plan`, body);
    return { org, coach, app, http, put, ...f };
  }

  test("concept → edit → sign; a signed version never changes: a save makes version n+1; any two versions compare", async (t) => {
    const { org, coach, http, put, url, trajectory, parentId, childId } = await setup(t, "planning");
    const empty = bodyOf(await http.get(`${url}/plan`), 200, PlanOverview);
    assert.deepEqual([empty.versions, empty.latest, empty.inForce, empty.editable, empty.signable], [[], null, null, true, true]);

    const content = planContent(parentId);
    const v1 = bodyOf(await put(saveBody(content, null)), 201, PlanVersionDetail);
    assert.deepEqual([v1.number, v1.status, v1.version, v1.basedOn, v1.createdBy], [1, "concept", 1, null, coach.id]);

    // Edit the concept in place: a second goal with an action for the child.
    const edited = { ...content, goals: [...(content.goals ?? []), { id: randomUUID(), domain: "opvoeding", memberIds: [childId], description: "Noah gaat elke dag naar school", actions: [{ id: randomUUID(), description: "Wekker zetten", owner: { kind: "member" as const, memberId: childId }, dueDate: inDays(7) }] }] };
    const v1b = bodyOf(await put(saveBody(edited, 1, v1.version)), 200, PlanVersionDetail);
    assert.deepEqual([v1b.number, v1b.version, v1b.goalCount, v1b.actionCount], [1, 2, 2, 2]);

    const today = todayInNetherlands();
    const signed = bodyOf(await http.post(`${url}/plan/versions/1/signature`, { signedOn: today, signedBy: [parentId, childId], method: "paper", version: v1b.version }), 200, PlanVersionDetail);
    assert.equal(signed.status, "definitive");
    assert.equal(signed.inForce, true);
    assert.deepEqual(signed.signature, { signedOn: today, signedBy: [parentId, childId], method: "paper", recordedBy: coach.id });
    assert.equal(signed.actions?.length, 2, "the version in force lists its actions with their effective status");

    // Signing again, or saving "onto" version 1 with its old edit counter, never changes it.
    expectProblem(await http.post(`${url}/plan/versions/1/signature`, { signedOn: today, signedBy: [parentId], method: "screen", version: signed.version }), { status: 409, code: "conflict", reason: "already_signed" });
    const changed = PlanContent.parse({ ...edited, overallGoals: [...(edited.overallGoals ?? []), { id: randomUUID(), description: "Een stabiele woonsituatie", targetDate: inDays(180) }] });
    const v2 = bodyOf(await put(saveBody(changed, 1, v1b.version)), 201, PlanVersionDetail);
    assert.deepEqual([v2.number, v2.status, v2.basedOn, v2.inForce], [2, "concept", 1, false]);
    const v1again = bodyOf(await http.get(`${url}/plan/versions/1`), 200, PlanVersionDetail);
    assert.deepEqual(v1again.content, signed.content);
    assert.deepEqual([v1again.status, v1again.version, v1again.inForce], ["definitive", signed.version, true]);

    // Saving on top of version 1 again is stale now that version 2 exists.
    expectProblem(await put(saveBody(changed, 1)), { status: 409, code: "conflict", reason: "stale_version" });

    const overview = bodyOf(await http.get(`${url}/plan`), 200, PlanOverview);
    assert.deepEqual(overview.versions.map((v) => [v.number, v.status, v.inForce, v.latest]), [[1, "definitive", true, false], [2, "concept", false, true]]);
    assert.deepEqual([overview.latest, overview.inForce, overview.openActions.length], [2, 1, 2]);

    const diff = bodyOf(await http.get(`${url}/plan/diff?from=1&to=2`), 200, PlanDiffView);
    assert.deepEqual(diff.changes.map((c) => [c.entity, c.kind]), [["overallGoal", "added"]]);
    assert.deepEqual(diff.changes[0]?.fields, [{ field: "description", before: null, after: "Een stabiele woonsituatie" }, { field: "targetDate", before: null, after: inDays(180) }]);
    const back = bodyOf(await http.get(`${url}/plan/diff?from=2&to=1`), 200, PlanDiffView);
    assert.deepEqual(back.changes.map((c) => [c.entity, c.kind]), [["overallGoal", "removed"]]);
    expectProblem(await http.get(`${url}/plan/diff?from=1&to=9`), { status: 404, code: "not_found" });
    const concept = bodyOf(await http.get(`${url}/plan/versions/2`), 200, PlanVersionDetail);
    assert.deepEqual([concept.actions, concept.progress], [null, null]);

    const audits = await auditRows(database.db, org.organisationId, { entityId: trajectory.id });
    assert.deepEqual(audits.filter((a) => a.action.startsWith("plan.")).map((a) => [a.action, a.details.number]), [["plan.saved", 1], ["plan.saved", 1], ["plan.signed", 1], ["plan.saved", 2]]);
  });

  test("actions without an owner or due before the plan's start, strangers as owners, unknown leefgebieden: 400 with field paths", async (t) => {
    const { put, parentId } = await setup(t, "planning");
    const base = planContent(parentId);
    const goal = base.goals?.[0];
    assert.ok(goal);
    const withAction = (action: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ ...base, goals: [{ ...goal, ...extra, actions: [{ id: randomUUID(), description: "Iets doen", dueDate: inDays(3), ...action }] }] });

    const noOwner = expectProblem(await put(saveBody(withAction({}), null)), { status: 400, code: "invalid", invalidParams: ["content.goals.0.actions.0.owner"] });
    assert.equal(paramNames(noOwner).length, 1);
    expectProblem(await put(saveBody(withAction({ owner: { kind: "member", memberId: parentId }, dueDate: inDays(-1) }), null)), {
      status: 400,
      code: "invalid",
      invalidParams: ["content.goals.0.actions.0.dueDate"],
    });
    const stranger = expectProblem(await put(saveBody(withAction({ owner: { kind: "member", memberId: randomUUID() } }, { domain: "maanreizen" }), null)), { status: 400, code: "invalid" });
    assert.deepEqual(paramNames(stranger).sort(), ["content.goals.0.actions.0.owner.memberId", "content.goals.0.domain"]);
    expectProblem(await put(saveBody(withAction({ owner: { kind: "coach", userId: randomUUID() } }), null)), { status: 400, code: "invalid", invalidParams: ["content.goals.0.actions.0.owner.userId"] });
    expectProblem(await put(saveBody({ ...base, instrumentKey: "bestaat-niet" }, null)), { status: 400, code: "invalid", invalidParams: ["content.instrumentKey"] });
  });

  test("planmatig werken: moving or dropping a signed action needs a reason; with it a new version keeps the reason", async (t) => {
    const { put, http, url } = await setup(t, "execution");
    const v1 = bodyOf(await http.get(`${url}/plan/versions/1`), 200, PlanVersionDetail);
    const goal = v1.content.goals[0];
    const action = goal?.actions[0];
    assert.ok(goal && action);
    const moved = { ...v1.content, goals: [{ ...goal, actions: [{ ...action, dueDate: inDays(14) }] }] };
    expectProblem(await put(saveBody(moved, 1)), { status: 400, code: "invalid", invalidParams: ["content.goals.0.actions.0.dueDate"] });
    const dropped = { ...v1.content, goals: [{ ...goal, actions: [] }] };
    expectProblem(await put(saveBody(dropped, 1)), { status: 400, code: "invalid", invalidParams: [`deviations.${action.id}`] });

    const v2 = bodyOf(await put(saveBody(moved, 1, null, [{ id: action.id, reason: "De corporatie heeft pas over twee weken tijd." }])), 201, PlanVersionDetail);
    assert.deepEqual(v2.deviations, [{ id: action.id, reason: "De corporatie heeft pas over twee weken tijd." }]);
    assert.equal(v2.content.goals[0]?.actions[0]?.dueDate, inDays(14));
  });

  test("two concurrent saves of the same concept: one wins, the other gets 409 stale_version; so do two new versions on a signed one", async (t) => {
    const { put, http, url, parentId } = await setup(t, "planning");
    const content = planContent(parentId);
    bodyOf(await put(saveBody(content, null)), 201, PlanVersionDetail);
    const a = { ...content, overallGoals: [{ id: randomUUID(), description: "Versie A", targetDate: null }] };
    const b = { ...content, overallGoals: [{ id: randomUUID(), description: "Versie B", targetDate: null }] };
    const results = await Promise.all([put(saveBody(a, 1, 1)), put(saveBody(b, 1, 1))]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
    const lost = results.find((r) => r.statusCode === 409);
    assert.ok(lost);
    expectProblem(lost, { status: 409, code: "conflict", reason: "stale_version" });
    // An edit of the concept must say which edit counter it read.
    expectProblem(await put(saveBody(a, 1)), { status: 400, code: "invalid", invalidParams: ["version"] });

    const current = bodyOf(await http.get(`${url}/plan/versions/1`), 200, PlanVersionDetail);
    bodyOf(await http.post(`${url}/plan/versions/1/signature`, { signedOn: todayInNetherlands(), signedBy: [parentId], method: "screen", version: current.version }), 200, PlanVersionDetail);
    const extra = (description: string) => ({ ...current.content, overallGoals: [...current.content.overallGoals, { id: randomUUID(), description, targetDate: null }] });
    const next = await Promise.all([put(saveBody(extra("Erbij A"), 1)), put(saveBody(extra("Erbij B"), 1))]);
    assert.deepEqual(next.map((r) => r.statusCode).sort(), [201, 409], next.map((r) => r.body).join("\n"));
    const overview = bodyOf(await http.get(`${url}/plan`), 200, PlanOverview);
    assert.deepEqual(overview.versions.map((v) => v.number), [1, 2]);
  });

  test("signing: family members only, a parent among them, the latest concept as read, not in the future", async (t) => {
    const { put, http, url, parentId, childId } = await setup(t, "planning");
    const v1 = bodyOf(await put(saveBody(planContent(parentId), null)), 201, PlanVersionDetail);
    const sign = (body: Record<string, unknown>) => http.post(`${url}/plan/versions/1/signature`, { signedOn: todayInNetherlands(), signedBy: [parentId], method: "paper", version: v1.version, ...body });
    expectProblem(await sign({ signedBy: [randomUUID(), parentId] }), { status: 400, code: "invalid", invalidParams: ["signedBy.0"] });
    expectProblem(await sign({ signedBy: [childId] }), { status: 400, code: "invalid", invalidParams: ["signedBy"] });
    expectProblem(await sign({ signedOn: inDays(1) }), { status: 400, code: "invalid", invalidParams: ["signedOn"] });
    expectProblem(await sign({ version: v1.version + 1 }), { status: 409, code: "conflict", reason: "stale_version" });
    expectProblem(await http.post(`${url}/plan/versions/7/signature`, { signedOn: todayInNetherlands(), signedBy: [parentId], method: "paper", version: 1 }), { status: 404, code: "not_found" });
    // A plan without a family action is not ready to sign.
    const coachOnly = planContent(parentId);
    const goal = coachOnly.goals?.[0];
    assert.ok(goal);
    const v1b = bodyOf(await put(saveBody({ ...coachOnly, goals: [{ ...goal, actions: [] }] }, 1, v1.version)), 200, PlanVersionDetail);
    expectProblem(await sign({ version: v1b.version }), { status: 400, code: "invalid", invalidParams: ["content.goals.0.actions"] });
  });
});
