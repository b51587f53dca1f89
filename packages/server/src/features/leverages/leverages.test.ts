import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { addDays, Leverage, LeverageList, todayInNetherlands, type Phase } from "@ploegwerk/domain";
import type { Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem } from "../../testing/api.ts";
import { createTestOrganisation } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { makeTrajectory } from "../../testing/trajectories.ts";

const today = () => todayInNetherlands();

function housing(extra: Record<string, unknown> = {}) {
  return {
    lever: "woningtoewijzing",
    kind: "drang",
    party: "Woonstichting De Korf",
    condition: "Het gezin werkt zes maanden mee met de gezinscoach; anders volgt de ontruiming.",
    startsOn: addDays(today(), -30),
    endsOn: addDays(today(), 150),
    ...extra,
  };
}

describe(`dwang en drang register API (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext, phase: Phase = "execution") {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const { trajectory } = await makeTrajectory(database.db, coach.actor, { phase });
    const app = await appFor(t, database.db);
    const http = await loginAs(app, coach.email);
    return { org, coach, trajectory, app, http, url: `/api/v1/trajectories/${trajectory.id}/leverages` };
  }

  test("record drang and dwang, list latest start first with what is in force, edit the outcome with the version; audited", async (t) => {
    const { org, trajectory, http, url } = await setup(t);
    const drang = bodyOf(await http.post(url, housing()), 201, Leverage);
    assert.equal(drang.active, true);
    assert.equal(drang.outcome, null);
    assert.equal(drang.version, 1);
    const dwang = bodyOf(
      await http.post(url, { lever: "raadsmelding", kind: "dwang", party: "Raad voor de Kinderbescherming", condition: "Raadsonderzoek naar een OTS.", startsOn: addDays(today(), -10), endsOn: addDays(today(), -1), outcome: "Geen OTS: vrijwillige hulp loopt." }),
      201,
      Leverage,
    );
    assert.equal(dwang.active, false, "ended yesterday");
    const open = bodyOf(await http.post(url, { lever: "other", kind: "drang", party: "Sociale dienst", condition: "Meubelgeld pas als het huis schoon is.", startsOn: today() }), 201, Leverage);
    assert.equal(open.endsOn, null);
    assert.equal(open.active, true);

    const list = bodyOf(await http.get(url), 200, LeverageList);
    assert.deepEqual(list.items.map((l) => l.id), [open.id, dwang.id, drang.id]);

    const edited = bodyOf(await http.request("PUT", `${url}/${drang.id}`, { ...housing(), outcome: "Gezin werkt mee; huurachterstand ingelopen.", version: 1 }), 200, Leverage);
    assert.equal(edited.version, 2);
    assert.equal(edited.outcome, "Gezin werkt mee; huurachterstand ingelopen.");
    expectProblem(await http.request("PUT", `${url}/${drang.id}`, { ...housing(), outcome: "Oud", version: 1 }), { status: 409, code: "conflict", reason: "stale_version" });

    assert.deepEqual((await auditRows(database.db, org.organisationId, { action: "leverage.created" })).map((r) => [r.details.lever, r.details.kind]), [["woningtoewijzing", "drang"], ["raadsmelding", "dwang"], ["other", "drang"]]);
    const [updated] = await auditRows(database.db, org.organisationId, { action: "leverage.updated", entityId: drang.id });
    assert.deepEqual(updated?.details, { trajectoryId: trajectory.id, changed: ["outcome"], fromVersion: 1 });
    assert.equal(updated?.familyId, trajectory.familyId);
  });

  test("field errors: lever, kind, party, condition, dates (end before start), version", async (t) => {
    const { http, url } = await setup(t);
    const cases: [Record<string, unknown>, string][] = [
      [housing({ lever: "schuldhulp" }), "lever"],
      [housing({ kind: "dreiging" }), "kind"],
      [housing({ party: "" }), "party"],
      [housing({ condition: "   " }), "condition"],
      [housing({ startsOn: null }), "startsOn"],
      [housing({ startsOn: "2025-13-01" }), "startsOn"],
      [housing({ endsOn: addDays(today(), -31) }), "endsOn"],
    ];
    for (const [body, field] of cases) expectProblem(await http.post(url, body), { status: 400, code: "invalid", invalidParams: [field] });
    const saved = bodyOf(await http.post(url, housing({ endsOn: addDays(today(), -30) })), 201, Leverage);
    assert.equal(saved.endsOn, saved.startsOn, "ending on the day it starts is allowed");
    expectProblem(await http.request("PUT", `${url}/${saved.id}`, housing({ endsOn: addDays(today(), -40), version: 1 })), { status: 400, code: "invalid", invalidParams: ["endsOn"] });
    expectProblem(await http.request("PUT", `${url}/${saved.id}`, housing()), { status: 400, code: "invalid", invalidParams: ["version"] });
    expectProblem(await http.request("PUT", `${url}/${crypto.randomUUID()}`, housing({ version: 1 })), { status: 404, code: "not_found" });
    assert.equal(bodyOf(await http.get(url), 200, LeverageList).items.length, 1);
  });

  test("recorded from the aanmelding on, read-only once closed; 404 for another team's coach, 403 for ondersteuning", async (t) => {
    const { org, coach, http, url, app } = await setup(t, "referral");
    const saved = bodyOf(await http.post(url, housing()), 201, Leverage);
    const outsider = await loginAs(app, (await org.user("coach", { team: "other" })).email);
    expectProblem(await outsider.get(url), { status: 404, code: "not_found" });
    expectProblem(await outsider.post(url, housing()), { status: 404, code: "not_found" });
    expectProblem(await outsider.request("PUT", `${url}/${saved.id}`, housing({ version: 1 })), { status: 404, code: "not_found" });
    const support = await loginAs(app, (await org.user("ondersteuning")).email);
    assert.equal(bodyOf(await support.get(url), 200, LeverageList).items.length, 1);
    expectProblem(await support.post(url, housing()), { status: 403, code: "forbidden" });
    expectProblem(await support.request("PUT", `${url}/${saved.id}`, housing({ version: 1 })), { status: 403, code: "forbidden" });
    const lead = await loginAs(app, (await org.user("teamleider")).email);
    bodyOf(await lead.request("PUT", `${url}/${saved.id}`, housing({ outcome: "Loopt", version: 1 })), 200, Leverage);

    const closed = await makeTrajectory(database.db, coach.actor, { phase: "closed" });
    expectProblem(await http.post(`/api/v1/trajectories/${closed.trajectory.id}/leverages`, housing()), { status: 409, code: "conflict", reason: "wrong_phase" });
    assert.equal((await auditRows(database.db, org.organisationId, { action: "leverage.created" })).length, 1);
  });
});
