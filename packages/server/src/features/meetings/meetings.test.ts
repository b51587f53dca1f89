import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test, type TestContext } from "node:test";
import { Meeting, PlanVersionDetail, type Phase } from "@ploegwerk/domain";
import { z } from "zod";
import type { Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem, paramNames } from "../../testing/api.ts";
import { createTestOrganisation } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { familyTrajectory, inDays, planContent, saveBody } from "../plans/plans.fixtures.ts";

const MeetingList = z.object({ items: z.array(Meeting) });
const partner = { kind: "partnerContact", organisation: "Gemeentelijke Kredietbank", contactName: "A. de Boer", contact: "050-1234567" } as const;

describe(`MDO's (${testTarget()})`, () => {
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
    const schedule = async (body: Record<string, unknown> = {}) =>
      bodyOf(await http.post(`${f.url}/meetings`, { scheduledAt: new Date().toISOString(), location: "Buurthuis De Hoogte", participants: [{ kind: "member", memberId: f.parentId }, partner], ...body }), 201, Meeting);
    return { org, coach, app, http, schedule, ...f };
  }

  test("schedule with every kind of participant, agenda = open goals; held with agreements → a new concept version holds them as actions", async (t) => {
    const { org, coach, http, schedule, url, trajectory, parentId, childId, networkPersonId } = await setup(t, "execution");
    const lead = await org.user("teamleider");
    const v1 = bodyOf(await http.get(`${url}/plan/versions/1`), 200, PlanVersionDetail);
    const goal = v1.content.goals[0];
    assert.ok(goal);

    const planned = await schedule({
      participants: [{ kind: "member", memberId: parentId }, { kind: "member", memberId: childId }, { kind: "networkPerson", networkPersonId }, { kind: "user", userId: lead.id }, partner],
    });
    assert.deepEqual([planned.status, planned.chair?.id, planned.version], ["planned", coach.id, 1]);
    assert.deepEqual(planned.participants.map((p) => [p.kind, p.name]), [
      ["member", "Sanne de Voorbeeld"],
      ["member", "Noah Testerink"],
      ["networkPerson", "Oma Jansen"],
      ["user", lead.name],
      ["partnerContact", "A. de Boer"],
      ["user", coach.name],
    ]);
    assert.deepEqual(planned.agenda, [{ goalId: goal.id, text: goal.description }], "the agenda defaults to the plan's open goals");
    assert.deepEqual(bodyOf(await http.get(`${url}/meetings`), 200, MeetingList).items.map((m) => m.id), [planned.id]);

    const byKind = (kind: string) => planned.participants.find((p) => p.kind === kind);
    const held = bodyOf(
      await http.post(`${url}/meetings/${planned.id}/hold`, {
        version: planned.version,
        attendance: [{ participantId: byKind("member")?.id, attended: true }, { participantId: byKind("partnerContact")?.id, attended: true }],
        decisions: "Schulden eerst in beeld; daarna de huur.",
        minutes: "Aanwezig: moeder, GKB, coach.",
        agreements: [
          { description: "Schuldenoverzicht maken", goalId: goal.id, owner: partner, dueDate: inDays(14) },
          { description: "Elke ochtend zelf de wekker zetten", goalId: goal.id, owner: { kind: "member", memberId: childId }, dueDate: inDays(7) },
        ],
      }),
      200,
      Meeting,
    );
    assert.deepEqual([held.status, held.familyPresent, held.agreementsPlanVersion, held.agreements.length], ["held", true, 2, 2]);
    assert.deepEqual(held.participants.map((p) => p.attended), [true, false, false, false, true, false]);

    const v2 = bodyOf(await http.get(`${url}/plan/versions/2`), 200, PlanVersionDetail);
    assert.deepEqual([v2.status, v2.basedOn], ["concept", 1]);
    const actions = v2.content.goals[0]?.actions ?? [];
    assert.deepEqual(
      actions.slice(1).map((a) => [a.id, a.description, a.owner.kind, a.dueDate, a.status]),
      held.agreements.map((a) => [a.id, a.description, a.owner.kind, a.dueDate, "open"]),
    );
    assert.deepEqual(actions[1]?.owner, { ...partner, partnerOrganisationId: null });
    assert.equal(bodyOf(await http.get(`${url}/plan/versions/1`), 200, PlanVersionDetail).actionCount, 1, "the signed version is untouched");
    expectProblem(await http.post(`${url}/meetings/${planned.id}/hold`, { version: held.version }), { status: 409, code: "conflict", reason: "meeting_held" });
    // Once held, the minutes can still be completed, but the planning is fixed.
    const completed = bodyOf(await http.patch(`${url}/meetings/${planned.id}`, { version: held.version, minutes: "Aanwezig: moeder, GKB, coach. Volgende MDO over zes weken." }), 200, Meeting);
    assert.equal(completed.version, held.version + 1);
    expectProblem(await http.patch(`${url}/meetings/${planned.id}`, { version: completed.version, location: "Elders" }), { status: 409, code: "conflict", reason: "meeting_held" });

    const audits = await auditRows(database.db, org.organisationId, { entityId: planned.id });
    assert.deepEqual(audits.map((a) => [a.action, a.details.change ?? a.details.planVersion ?? null]), [["meeting.created", null], ["meeting.updated", "held"], ["meeting.agreements_applied", 2], ["meeting.updated", "edited"]]);
    const planSaved = await auditRows(database.db, org.organisationId, { action: "plan.saved", entityId: trajectory.id });
    assert.deepEqual(planSaved.map((a) => [a.details.number, a.details.meetingId]), [[2, planned.id]]);
  });

  test("bad agreements come back with field paths and change nothing", async (t) => {
    const { http, schedule, url, parentId } = await setup(t, "execution");
    const goalId = bodyOf(await http.get(`${url}/plan/versions/1`), 200, PlanVersionDetail).content.goals[0]?.id;
    const planned = await schedule();
    const hold = (agreements: unknown[]) => http.post(`${url}/meetings/${planned.id}/hold`, { version: planned.version, agreements });
    const ok = { description: "Bellen", goalId, owner: { kind: "member", memberId: parentId }, dueDate: inDays(3) };

    expectProblem(await hold([{ ...ok, owner: undefined }]), { status: 400, code: "invalid", invalidParams: ["agreements.0.owner"] });
    const p = expectProblem(await hold([ok, { ...ok, dueDate: inDays(-2), owner: { kind: "member", memberId: randomUUID() } }]), { status: 400, code: "invalid" });
    assert.deepEqual(paramNames(p).sort(), ["agreements.1.dueDate", "agreements.1.owner.memberId"]);
    expectProblem(await hold([{ ...ok, owner: { kind: "coach", userId: randomUUID() } }]), { status: 400, code: "invalid", invalidParams: ["agreements.0.owner.userId"] });
    expectProblem(await hold([ok, { ...ok, goalId: randomUUID() }]), { status: 400, code: "invalid", invalidParams: ["agreements.1.goalId"] });
    expectProblem(await http.post(`${url}/meetings/${planned.id}/hold`, { version: planned.version, attendance: [{ participantId: randomUUID(), attended: true }] }), {
      status: 400,
      code: "invalid",
      invalidParams: ["attendance.0.participantId"],
    });

    const still = bodyOf(await http.get(`${url}/meetings/${planned.id}`), 200, Meeting);
    assert.deepEqual([still.status, still.version], ["planned", planned.version]);
    expectProblem(await http.get(`${url}/plan/versions/2`), { status: 404, code: "not_found" });
  });

  test("change with optimistic concurrency; cancel needs a reason; a cancelled MDO is not held", async (t) => {
    const { org, http, schedule, url } = await setup(t, "execution");
    const planned = await schedule({ scheduledAt: `${inDays(10)}T14:00:00+01:00` });
    const moved = bodyOf(await http.patch(`${url}/meetings/${planned.id}`, { version: planned.version, location: "Stadhuis", scheduledAt: `${inDays(11)}T10:00:00+01:00` }), 200, Meeting);
    assert.deepEqual([moved.location, moved.version, moved.participants.map((p) => p.id)], ["Stadhuis", planned.version + 1, planned.participants.map((p) => p.id)]);
    expectProblem(await http.patch(`${url}/meetings/${planned.id}`, { version: planned.version, location: "Elders" }), { status: 409, code: "conflict", reason: "stale_version" });
    expectProblem(await http.post(`${url}/meetings/${planned.id}/hold`, { version: moved.version }), { status: 409, code: "conflict", reason: "meeting_in_future" });

    expectProblem(await http.post(`${url}/meetings/${planned.id}/cancel`, { version: moved.version }), { status: 400, code: "invalid", invalidParams: ["reason"] });
    expectProblem(await http.post(`${url}/meetings/${planned.id}/cancel`, { version: moved.version, reason: "   " }), { status: 400, code: "invalid", invalidParams: ["reason"] });
    const cancelled = bodyOf(await http.post(`${url}/meetings/${planned.id}/cancel`, { version: moved.version, reason: "De corporatie kon niet." }), 200, Meeting);
    assert.deepEqual([cancelled.status, cancelled.cancelReason], ["cancelled", "De corporatie kon niet."]);
    expectProblem(await http.post(`${url}/meetings/${planned.id}/hold`, { version: cancelled.version }), { status: 409, code: "conflict", reason: "meeting_cancelled" });
    expectProblem(await http.patch(`${url}/meetings/${planned.id}`, { version: cancelled.version, minutes: "x" }), { status: 409, code: "conflict", reason: "meeting_cancelled" });
    const audits = await auditRows(database.db, org.organisationId, { entityId: planned.id });
    assert.deepEqual(audits.map((a) => [a.action, a.details.change ?? null]), [["meeting.created", null], ["meeting.updated", "edited"], ["meeting.updated", "cancelled"]]);
  });

  test("participants and agenda goals must belong to the family and its plan", async (t) => {
    const { http, url } = await setup(t, "execution");
    const post = (body: Record<string, unknown>) => http.post(`${url}/meetings`, { scheduledAt: new Date().toISOString(), ...body });
    expectProblem(await post({ participants: [{ kind: "member", memberId: randomUUID() }] }), { status: 400, code: "invalid", invalidParams: ["participants.0.memberId"] });
    expectProblem(await post({ participants: [partner, { kind: "user", userId: randomUUID() }] }), { status: 400, code: "invalid", invalidParams: ["participants.1.userId"] });
    expectProblem(await post({ participants: [partner, { ...partner, contact: null }] }), { status: 400, code: "invalid", invalidParams: ["participants.1"] });
    expectProblem(await post({ participants: [{ kind: "partnerContact", organisation: "GKB" }] }), { status: 400, code: "invalid", invalidParams: ["participants.0.contactName"] });
    expectProblem(await post({ agenda: [{ goalId: randomUUID(), text: "Onbekend doel" }] }), { status: 400, code: "invalid", invalidParams: ["agenda.0.goalId"] });
    const free = bodyOf(await post({ agenda: [{ text: "Kennismaking" }] }), 201, Meeting);
    assert.deepEqual(free.agenda, [{ goalId: null, text: "Kennismaking" }]);
  });

  test("agreements go into the concept being worked on, which then needs reloading", async (t) => {
    const { http, schedule, url, parentId } = await setup(t, "planning");
    const concept = bodyOf(await http.request("PUT", `${url}/plan`, saveBody(planContent(parentId), null)), 201, PlanVersionDetail);
    const goalId = concept.content.goals[0]?.id;
    const planned = await schedule();
    const held = bodyOf(
      await http.post(`${url}/meetings/${planned.id}/hold`, { version: planned.version, agreements: [{ description: "Huurachterstand uitzoeken", goalId, owner: { kind: "member", memberId: parentId }, dueDate: inDays(5) }] }),
      200,
      Meeting,
    );
    assert.equal(held.agreementsPlanVersion, 1);
    const after = bodyOf(await http.get(`${url}/plan/versions/1`), 200, PlanVersionDetail);
    assert.deepEqual([after.status, after.version, after.actionCount], ["concept", concept.version + 1, 2]);
    expectProblem(await http.request("PUT", `${url}/plan`, saveBody(concept.content, 1, concept.version)), { status: 409, code: "conflict", reason: "stale_version" });
  });

  test("without a session every MDO route answers 401 before validating anything", async (t) => {
    const app = await appFor(t, database.db);
    const url = `/api/v1/trajectories/${randomUUID()}/meetings`;
    const one = `${url}/${randomUUID()}`;
    for (const [method, path] of [["GET", url], ["POST", url], ["GET", one], ["PATCH", one], ["POST", `${one}/hold`], ["POST", `${one}/cancel`]] as const) {
      const res = await app.inject({ method, url: path, ...(method === "GET" ? {} : { headers: { "content-type": "application/json" }, payload: "{}" }) });
      expectProblem(res, { status: 401, code: "unauthenticated" });
    }
  });

  test("no plan yet: agreements are refused; a coach of another team gets 404; ondersteuning reads, may not write; not at the aanmelding", async (t) => {
    const { org, app, http, schedule, url, parentId } = await setup(t, "intake");
    const planned = await schedule();
    expectProblem(
      await http.post(`${url}/meetings/${planned.id}/hold`, { version: planned.version, agreements: [{ description: "Bellen", goalId: randomUUID(), owner: { kind: "member", memberId: parentId }, dueDate: inDays(3) }] }),
      { status: 400, code: "invalid", invalidParams: ["agreements"] },
    );
    const outsider = await loginAs(app, (await org.user("coach", { team: "other" })).email);
    for (const res of [
      await outsider.get(`${url}/meetings`),
      await outsider.get(`${url}/meetings/${planned.id}`),
      await outsider.post(`${url}/meetings`, { scheduledAt: new Date().toISOString() }),
      await outsider.post(`${url}/meetings/${planned.id}/cancel`, { version: planned.version, reason: "Nee" }),
    ]) {
      expectProblem(res, { status: 404, code: "not_found" });
    }
    const support = await loginAs(app, (await org.user("ondersteuning")).email);
    assert.equal(bodyOf(await support.get(`${url}/meetings`), 200, MeetingList).items.length, 1);
    expectProblem(await support.post(`${url}/meetings`, { scheduledAt: new Date().toISOString() }), { status: 403, code: "forbidden" });
    expectProblem(await support.patch(`${url}/meetings/${planned.id}`, { version: planned.version, location: "Elders" }), { status: 403, code: "forbidden" });
    expectProblem(await http.get(`${url}/meetings/${randomUUID()}`), { status: 404, code: "not_found" });

    const referral = await familyTrajectory(database.db, (await org.user("coach")).actor, "referral");
    expectProblem(await http.post(`${referral.url}/meetings`, { scheduledAt: new Date().toISOString() }), { status: 409, code: "conflict", reason: "not_allowed_in_phase" });
  });
});
