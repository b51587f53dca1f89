import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { addDays, addMonths, daysBetween, FamilyGroupConference, FamilyGroupConferenceList, todayInNetherlands } from "@ploegwerk/domain";
import type { Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem, paramNames } from "../../testing/api.ts";
import { createTestOrganisation, makeFamily } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { makeTrajectory } from "../../testing/trajectories.ts";
import { getFamily } from "../families/families.service.ts";

const today = () => todayInNetherlands();

describe(`family group conferences API (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext) {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const { trajectory, familyId } = await makeTrajectory(database.db, coach.actor, { phase: "execution" });
    const family = await getFamily(database.db, { actor: coach.actor, familyId });
    const parent = family.members.find((m) => m.role === "parent");
    const oma = family.network[0];
    assert.ok(parent && oma, "the test family has a parent and a network person");
    const app = await appFor(t, database.db);
    const http = await loginAs(app, coach.email);
    return { org, coach, trajectory, parent, oma, app, http, url: `/api/v1/trajectories/${trajectory.id}/family-group-conferences` };
  }

  test("discussed → started → held with the network plan and follow-ups due four weeks and three months after; audited", async (t) => {
    const { org, trajectory, parent, oma, http, url } = await setup(t);
    const discussed = bodyOf(await http.post(url, { status: "discussed" }), 201, FamilyGroupConference);
    assert.equal(discussed.status, "discussed");
    assert.equal(discussed.followUps, null);
    assert.deepEqual(discussed.agreements, []);
    const started = bodyOf(await http.request("PUT", `${url}/${discussed.id}`, { status: "started", coordinator: "Eigen Kracht Centrale, Jan de Vries", version: 1 }), 200, FamilyGroupConference);
    assert.equal(started.version, 2);
    assert.equal(started.coordinator, "Eigen Kracht Centrale, Jan de Vries");

    const heldOn = addDays(today(), -40);
    const keepId = crypto.randomUUID();
    const held = bodyOf(
      await http.request("PUT", `${url}/${discussed.id}`, {
        status: "held",
        coordinator: "Eigen Kracht Centrale, Jan de Vries",
        heldOn,
        agreements: [
          { id: keepId, description: "Oma brengt de kinderen op maandag naar school", owner: { kind: "networkPerson", networkPersonId: oma.id }, dueDate: addDays(heldOn, 7) },
          { description: "Moeder belt de GKB voor een afspraak", owner: { kind: "member", memberId: parent.id }, dueDate: addDays(heldOn, 14) },
        ],
        followUps: { fourWeeks: { on: addDays(heldOn, 29), note: "Afspraken lopen; oma is er elke maandag." } },
        version: 2,
      }),
      200,
      FamilyGroupConference,
    );
    assert.equal(held.heldOn, heldOn);
    assert.deepEqual(held.agreements.map((a) => a.ownerName), [oma.name, `${parent.givenName} ${parent.surname}`]);
    assert.equal(held.agreements[0]?.id, keepId, "a given id is kept (the plan refers to it)");
    assert.ok(held.agreements[1]?.id, "an agreement without id gets one");
    assert.deepEqual(held.followUps?.fourWeeks, { dueOn: addDays(heldOn, 28), daysUntilDue: -12, status: "done", on: addDays(heldOn, 29), note: "Afspraken lopen; oma is er elke maandag." });
    const threeMonths = held.followUps?.threeMonths;
    assert.equal(threeMonths?.dueOn, addMonths(heldOn, 3));
    assert.equal(threeMonths?.status, "upcoming");
    assert.equal(threeMonths?.daysUntilDue, daysBetween(today(), addMonths(heldOn, 3)));

    // A conference held long ago whose calls were not made: both are due.
    const late = bodyOf(await http.post(url, { status: "held", heldOn: addDays(today(), -100) }), 201, FamilyGroupConference);
    assert.equal(late.followUps?.fourWeeks.status, "due");
    assert.equal(late.followUps?.threeMonths.status, "due");
    assert.ok((late.followUps?.threeMonths.daysUntilDue ?? 0) < 0);

    const list = bodyOf(await http.get(url), 200, FamilyGroupConferenceList);
    assert.deepEqual(list.items.map((c) => c.id), [late.id, held.id], "newest first");
    assert.deepEqual(bodyOf(await http.get(`${url}/${held.id}`), 200, FamilyGroupConference), held);

    const created = await auditRows(database.db, org.organisationId, { action: "family_group_conference.created" });
    assert.equal(created.length, 2);
    const updates = await auditRows(database.db, org.organisationId, { action: "family_group_conference.updated", entityId: held.id });
    assert.deepEqual(updates.map((u) => [u.details.fromStatus, u.details.status]), [["discussed", "started"], ["started", "held"]]);
    assert.equal(updates[1]?.familyId, trajectory.familyId);
  });

  test("called off needs a reason; every field error is named", async (t) => {
    const { coach, parent, oma, http, url } = await setup(t);
    const other = await makeFamily(database.db, coach.actor);
    const stranger = other.members[0];
    const strangerNetwork = other.network[0];
    assert.ok(stranger && strangerNetwork);
    const heldOn = addDays(today(), -10);
    const agreement = (extra: Record<string, unknown>) => ({ description: "Afspraak", owner: { kind: "member", memberId: parent.id }, dueDate: heldOn, ...extra });
    const cases: [Record<string, unknown>, string][] = [
      [{ status: "called_off" }, "statusReason"],
      [{ status: "called_off", statusReason: "   " }, "statusReason"],
      [{ status: "held" }, "heldOn"],
      [{ status: "discussed", heldOn }, "heldOn"],
      [{ status: "held", heldOn: addDays(today(), 1) }, "heldOn"],
      [{ status: "started", agreements: [agreement({})] }, "agreements"],
      [{ status: "held", heldOn, agreements: [agreement({ owner: { kind: "member", memberId: stranger.id } })] }, "agreements.0.owner"],
      [{ status: "held", heldOn, agreements: [agreement({}), agreement({ owner: { kind: "networkPerson", networkPersonId: strangerNetwork.id } })] }, "agreements.1.owner"],
      [{ status: "held", heldOn, agreements: [agreement({ owner: { kind: "coach", userId: crypto.randomUUID() } })] }, "agreements.0.owner.kind"],
      [{ status: "held", heldOn, agreements: [agreement({ owner: null })] }, "agreements.0.owner"],
      [{ status: "held", heldOn, agreements: [agreement({ dueDate: addDays(heldOn, -1) })] }, "agreements.0.dueDate"],
      [{ status: "held", heldOn, agreements: [agreement({ description: "" })] }, "agreements.0.description"],
      [{ status: "held", heldOn, followUps: { fourWeeks: { note: "Gebeld" } } }, "followUps.fourWeeks.on"],
      [{ status: "held", heldOn, followUps: { threeMonths: { on: addDays(heldOn, -1) } } }, "followUps.threeMonths.on"],
      [{ status: "held", heldOn, followUps: { threeMonths: { on: addDays(today(), 1) } } }, "followUps.threeMonths.on"],
      [{ status: "started", followUps: { fourWeeks: { on: heldOn } } }, "followUps.fourWeeks.on"],
      [{ status: "postponed" }, "status"],
    ];
    for (const [body, field] of cases) {
      const p = expectProblem(await http.post(url, body), { status: 400, code: "invalid" });
      assert.ok(paramNames(p).includes(field), `${JSON.stringify(body)} should name ${field}; got ${JSON.stringify(p.invalidParams)}`);
    }
    assert.deepEqual(bodyOf(await http.get(url), 200, FamilyGroupConferenceList).items, [], "nothing is stored");
    const off = bodyOf(await http.post(url, { status: "called_off", statusReason: "Netwerk te klein; vader wil niet." }), 201, FamilyGroupConference);
    assert.equal(off.statusReason, "Netwerk te klein; vader wil niet.");
    const held = bodyOf(await http.post(url, { status: "held", heldOn, agreements: [agreement({ owner: { kind: "networkPerson", networkPersonId: oma.id } })] }), 201, FamilyGroupConference);
    assert.equal(held.agreements.length, 1);
  });

  test("scope, roles and versions: 404 for another team's coach, 403 for ondersteuning, 409 stale_version, 409 before the go", async (t) => {
    const { org, coach, http, url, app } = await setup(t);
    const saved = bodyOf(await http.post(url, { status: "discussed" }), 201, FamilyGroupConference);
    const outsider = await loginAs(app, (await org.user("coach", { team: "other" })).email);
    expectProblem(await outsider.get(url), { status: 404, code: "not_found" });
    expectProblem(await outsider.post(url, { status: "discussed" }), { status: 404, code: "not_found" });
    expectProblem(await outsider.request("PUT", `${url}/${saved.id}`, { status: "started", version: 1 }), { status: 404, code: "not_found" });
    const support = await loginAs(app, (await org.user("ondersteuning")).email);
    assert.equal(bodyOf(await support.get(url), 200, FamilyGroupConferenceList).items.length, 1);
    expectProblem(await support.post(url, { status: "discussed" }), { status: 403, code: "forbidden" });
    expectProblem(await support.request("PUT", `${url}/${saved.id}`, { status: "started", version: 1 }), { status: 403, code: "forbidden" });

    bodyOf(await http.request("PUT", `${url}/${saved.id}`, { status: "started", version: 1 }), 200, FamilyGroupConference);
    expectProblem(await http.request("PUT", `${url}/${saved.id}`, { status: "called_off", statusReason: "x", version: 1 }), { status: 409, code: "conflict", reason: "stale_version" });
    expectProblem(await http.request("PUT", `${url}/${crypto.randomUUID()}`, { status: "started", version: 1 }), { status: 404, code: "not_found" });
    expectProblem(await http.get(`${url}/${crypto.randomUUID()}`), { status: 404, code: "not_found" });

    const { trajectory } = await makeTrajectory(database.db, coach.actor, { phase: "referral" });
    expectProblem(await http.post(`/api/v1/trajectories/${trajectory.id}/family-group-conferences`, { status: "discussed" }), { status: 409, code: "conflict", reason: "wrong_phase" });
    assert.equal((await auditRows(database.db, org.organisationId, { action: "family_group_conference.updated" })).length, 1);
  });
});
