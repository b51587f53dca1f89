import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FamilyGroupConference, PlanVersionDetail, addDays, todayInNetherlands } from "@ploegwerk/domain";
import { z } from "zod";
import type { Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem } from "../../testing/api.ts";
import { createTestOrganisation } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { makeTrajectory } from "../../testing/trajectories.ts";
import { getFamily } from "../families/families.service.ts";

const Applied = z.object({ planVersion: z.number().int() });

describe(`network plan agreements into the gezinsplan (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  test("chosen agreements of a held conference become actions under a goal in a new concept version; once only; goals must exist", async (t) => {
    const db = database.db;
    const org = await createTestOrganisation(db);
    const coach = await org.user("coach");
    const { trajectory, familyId } = await makeTrajectory(db, coach.actor, { phase: "execution" });
    const family = await getFamily(db, { actor: coach.actor, familyId });
    const oma = family.network[0];
    const parent = family.members.find((m) => m.role === "parent");
    assert.ok(oma && parent);
    const app = await appFor(t, db);
    const http = await loginAs(app, coach.email);
    const base = `/api/v1/trajectories/${trajectory.id}`;
    const today = todayInNetherlands();
    const conference = bodyOf(
      await http.post(`${base}/family-group-conferences`, {
        status: "held",
        coordinator: "Eigen Kracht Centrale",
        heldOn: today,
        agreements: [
          { description: "Oma brengt de kinderen op maandag naar school", owner: { kind: "networkPerson", networkPersonId: oma.id }, dueDate: addDays(today, 7) },
          { description: "Moeder gaat mee naar de voetbalclub", owner: { kind: "member", memberId: parent.id }, dueDate: addDays(today, 14) },
        ],
      }),
      201,
      FamilyGroupConference,
    );
    const [first] = conference.agreements;
    assert.ok(first);
    const v1 = bodyOf(await http.get(`${base}/plan/versions/1`), 200, PlanVersionDetail);
    const goalId = v1.content.goals[0]?.id;
    assert.ok(goalId);
    const url = `${base}/family-group-conferences/${conference.id}/plan`;

    expectProblem(await http.post(url, { placements: [{ agreementId: first.id, goalId: crypto.randomUUID() }] }), { status: 400, code: "invalid", invalidParams: ["placements.0.goalId"] });
    expectProblem(await http.post(url, { placements: [{ agreementId: crypto.randomUUID(), goalId }] }), { status: 400, code: "invalid", invalidParams: ["placements.0.agreementId"] });

    const applied = bodyOf(await http.post(url, { placements: [{ agreementId: first.id, goalId }] }), 200, Applied);
    assert.equal(applied.planVersion, 2);
    const v2 = bodyOf(await http.get(`${base}/plan/versions/2`), 200, PlanVersionDetail);
    assert.equal(v2.status, "concept");
    const action = v2.content.goals.find((g) => g.id === goalId)?.actions.find((a) => a.id === first.id);
    assert.deepEqual(action && { description: action.description, owner: action.owner, dueDate: action.dueDate, status: action.status }, {
      description: "Oma brengt de kinderen op maandag naar school",
      owner: { kind: "networkPerson", networkPersonId: oma.id },
      dueDate: addDays(today, 7),
      status: "open",
    });
    // The signed version 1 is untouched; the same agreement cannot go in twice.
    assert.equal(bodyOf(await http.get(`${base}/plan/versions/1`), 200, PlanVersionDetail).content.goals[0]?.actions.some((a) => a.id === first.id), false);
    expectProblem(await http.post(url, { placements: [{ agreementId: first.id, goalId }] }), { status: 400, code: "invalid", invalidParams: ["placements.0.agreementId"] });
    assert.equal((await auditRows(db, org.organisationId, { action: "family_group_conference.updated", entityId: conference.id })).length, 1);

    const support = await loginAs(app, (await org.user("ondersteuning")).email);
    expectProblem(await support.post(url, { placements: [{ agreementId: conference.agreements[1]?.id ?? "", goalId }] }), { status: 403, code: "forbidden" });
  });

  test("a conference that was not held has no network plan to take from", async (t) => {
    const db = database.db;
    const org = await createTestOrganisation(db);
    const coach = await org.user("coach");
    const { trajectory } = await makeTrajectory(db, coach.actor, { phase: "execution" });
    const http = await loginAs(await appFor(t, db), coach.email);
    const base = `/api/v1/trajectories/${trajectory.id}`;
    const discussed = bodyOf(await http.post(`${base}/family-group-conferences`, { status: "discussed" }), 201, FamilyGroupConference);
    const p = expectProblem(await http.post(`${base}/family-group-conferences/${discussed.id}/plan`, { placements: [{ agreementId: crypto.randomUUID(), goalId: crypto.randomUUID() }] }), { status: 409, code: "conflict" });
    assert.equal(p.reason, "conference_not_held");
  });
});
