import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { addDays, ClosingRecord, STABILITY_ITEMS, todayInNetherlands, Trajectory, type Phase } from "@ploegwerk/domain";
import type { Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem, paramNames } from "../../testing/api.ts";
import { createTestOrganisation, makeFamily } from "../../testing/factories.ts";
import { loginAs, type Client } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { makeTrajectory } from "../../testing/trajectories.ts";
import { getFamily } from "../families/families.service.ts";

const today = () => todayInNetherlands();
const allYes = () => Object.fromEntries(STABILITY_ITEMS.map((item) => [item, { answer: "yes", note: null }]));
const fullPlan = () => ({
  contactPersonName: "Fatima el Amrani",
  contactOrganisation: "Wijkteam Noord",
  contactEveryWeeks: 4,
  handoverTo: "Wijkteam Noord en schuldhulp GKB",
  relapseAgreement: "Bij een nieuwe huurachterstand of zorgen over de kinderen belt het wijkteam de gezinscoach.",
  startsOn: today(),
});

describe(`afronding: stability check and aftercare plan API (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext, phase: Phase) {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const { trajectory, familyId } = await makeTrajectory(database.db, coach.actor, { phase });
    const family = await getFamily(database.db, { actor: coach.actor, familyId });
    const members = family.members.map((m) => m.id);
    const app = await appFor(t, database.db);
    const http = await loginAs(app, coach.email);
    return { org, coach, trajectory, members, app, http, url: `/api/v1/trajectories/${trajectory.id}/closing` };
  }

  async function move(http: Client, trajectoryId: string, to: Phase, reason: string | null = null) {
    const current = bodyOf(await http.get(`/api/v1/trajectories/${trajectoryId}`), 200, Trajectory);
    return http.post(`/api/v1/trajectories/${trajectoryId}/transitions`, { to, on: today(), reason, version: current.version });
  }

  test("the afronding guard reads the saved stability check: refused with stability_check_missing before, allowed after a full check; audited", async (t) => {
    const { org, coach, trajectory, members, http, url } = await setup(t, "execution");
    const empty = bodyOf(await http.get(url), 200, ClosingRecord);
    assert.equal(empty.version, 0);
    assert.equal(empty.stabilityCheck, null);
    assert.equal(empty.stabilityAssessment, null);
    assert.equal(empty.aftercarePlan, null);
    assert.equal(empty.aftercarePlanGaps.length, 5, "every nazorgplan field is still missing");

    const reason = "Doelen eerder bereikt dan gepland.";
    const refused = expectProblem(await move(http, trajectory.id, "closing", reason), { status: 409, code: "conflict", reason: "stability_check_missing" });
    assert.deepEqual(paramNames(refused), ["stability_check_missing"]);

    const saved = bodyOf(await http.request("PUT", `${url}/stability-check`, { completedOn: today(), withMembers: members, answers: allYes(), version: 0 }), 200, ClosingRecord);
    assert.equal(saved.version, 1);
    assert.equal(saved.stabilityCheck?.completedBy, coach.id, "without completedBy it is the user who saves it");
    assert.deepEqual(saved.stabilityAssessment, { unanswered: [], wronglyNotApplicable: [], notStable: [], withoutFamily: false, stabilised: true });
    assert.deepEqual(bodyOf(await http.get(url), 200, ClosingRecord), saved);

    const moved = bodyOf(await move(http, trajectory.id, "closing", reason), 200, Trajectory);
    assert.equal(moved.phase, "closing");

    const [row] = await auditRows(database.db, org.organisationId, { action: "stability_check.recorded" });
    assert.equal(row?.entityId, trajectory.id);
    assert.equal(row?.familyId, trajectory.familyId);
    assert.equal(row?.details.stabilised, true);
  });

  test("an incomplete or unstable check is saved with its assessment, and the guard refuses it with the same findings", async (t) => {
    const { trajectory, members, http, url } = await setup(t, "execution");
    const answers = { ...allYes(), housing_secure: { answer: "no", note: "Huurachterstand loopt weer op." }, children_safe: { answer: "not_applicable" }, family_agrees: { answer: "not_applicable" } };
    delete (answers as Record<string, unknown>).income_stable;
    const saved = bodyOf(await http.request("PUT", `${url}/stability-check`, { completedOn: today(), withMembers: [], answers, version: 0 }), 200, ClosingRecord);
    assert.deepEqual(saved.stabilityAssessment, { unanswered: ["income_stable"], wronglyNotApplicable: ["family_agrees"], notStable: ["housing_secure"], withoutFamily: true, stabilised: false });
    const refused = expectProblem(await move(http, trajectory.id, "closing", "Vroeg afronden"), { status: 409, code: "conflict", reason: "stability_check_incomplete" });
    assert.deepEqual(paramNames(refused).sort(), ["not_stabilised", "stability_check_incomplete", "stability_check_without_family"]);

    // Filled in again, with the family: the version moves on, a stale save is refused.
    const fixed = bodyOf(await http.request("PUT", `${url}/stability-check`, { completedOn: today(), withMembers: members.slice(0, 1), answers: allYes(), version: 1 }), 200, ClosingRecord);
    assert.equal(fixed.version, 2);
    assert.equal(fixed.stabilityAssessment?.stabilised, true);
    expectProblem(await http.request("PUT", `${url}/stability-check`, { completedOn: today(), withMembers: [], answers: allYes(), version: 1 }), { status: 409, code: "conflict", reason: "stale_version" });
    expectProblem(await http.request("PUT", `${url}/stability-check`, { completedOn: today(), withMembers: [], answers: allYes(), version: 0 }), { status: 409, code: "conflict", reason: "stale_version" });
    bodyOf(await move(http, trajectory.id, "closing", "Vroeg afronden"), 200, Trajectory);
  });

  test("the nazorgplan may be saved incomplete (gaps returned); nazorg starts only when it is complete; stale versions refused; audited", async (t) => {
    const { org, trajectory, http, url } = await setup(t, "closing");
    const start = bodyOf(await http.get(url), 200, ClosingRecord);
    assert.ok(start.stabilityCheck, "the factory's afronding came with a stability check");
    const partial = bodyOf(await http.request("PUT", `${url}/aftercare-plan`, { contactPersonName: "Fatima el Amrani", contactEveryWeeks: 4, version: start.version }), 200, ClosingRecord);
    assert.deepEqual(partial.aftercarePlanGaps.map((g) => g.name), ["aftercarePlan.handoverTo", "aftercarePlan.relapseAgreement", "aftercarePlan.startsOn"]);
    assert.equal(partial.aftercarePlan?.contactOrganisation, null);
    assert.ok(partial.stabilityCheck, "saving the plan keeps the check");
    const refused = expectProblem(await move(http, trajectory.id, "aftercare"), { status: 409, code: "conflict", reason: "aftercare_plan_incomplete" });
    assert.match(refused.invalidParams?.[0]?.reason ?? "", /aftercarePlan\.handoverTo/);

    const complete = bodyOf(await http.request("PUT", `${url}/aftercare-plan`, { ...fullPlan(), version: partial.version }), 200, ClosingRecord);
    assert.deepEqual(complete.aftercarePlanGaps, []);
    expectProblem(await http.request("PUT", `${url}/aftercare-plan`, { ...fullPlan(), version: partial.version }), { status: 409, code: "conflict", reason: "stale_version" });
    assert.equal(bodyOf(await move(http, trajectory.id, "aftercare"), 200, Trajectory).phase, "aftercare");
    // In nazorg the plan is kept up to date; the stability check is history.
    bodyOf(await http.request("PUT", `${url}/aftercare-plan`, { ...fullPlan(), contactEveryWeeks: 6, version: complete.version }), 200, ClosingRecord);
    expectProblem(await http.request("PUT", `${url}/stability-check`, { completedOn: today(), withMembers: [], answers: allYes(), version: complete.version + 1 }), { status: 409, code: "conflict", reason: "wrong_phase" });

    const saves = await auditRows(database.db, org.organisationId, { action: "aftercare_plan.saved", entityId: trajectory.id });
    assert.deepEqual(saves.map((s) => s.details.complete), [false, true, true]);
    assert.deepEqual(saves[0]?.details.gaps, ["aftercarePlan.handoverTo", "aftercarePlan.relapseAgreement", "aftercarePlan.startsOn"]);
  });

  test("field errors: members of another family, an unknown user, dates, answers, frequency, version", async (t) => {
    const { coach, members, http, url } = await setup(t, "execution");
    const stranger = (await makeFamily(database.db, coach.actor)).members[0]?.id ?? "";
    const check = (extra: Record<string, unknown>) => ({ completedOn: today(), withMembers: members, answers: allYes(), version: 0, ...extra });
    const cases: [string, Record<string, unknown>, string][] = [
      ["stability-check", check({ withMembers: [members[0], stranger] }), "withMembers.1"],
      ["stability-check", check({ completedBy: crypto.randomUUID() }), "completedBy"],
      ["stability-check", check({ completedOn: addDays(today(), 1) }), "completedOn"],
      ["stability-check", check({ completedOn: addDays(today(), -1) }), "completedOn"],
      ["stability-check", check({ completedOn: "31-12-2025" }), "completedOn"],
      ["stability-check", check({ answers: { ...allYes(), goals_reached: { answer: "maybe" } } }), "answers.goals_reached.answer"],
      ["stability-check", check({ version: undefined }), "version"],
      ["stability-check", check({ version: -1 }), "version"],
      ["aftercare-plan", { ...fullPlan(), contactEveryWeeks: 0, version: 0 }, "contactEveryWeeks"],
      ["aftercare-plan", { ...fullPlan(), contactEveryWeeks: 1.5, version: 0 }, "contactEveryWeeks"],
      ["aftercare-plan", { ...fullPlan(), startsOn: "volgende week", version: 0 }, "startsOn"],
      ["aftercare-plan", fullPlan(), "version"],
    ];
    for (const [path, body, field] of cases) {
      const p = expectProblem(await http.request("PUT", `${url}/${path}`, body), { status: 400, code: "invalid" });
      assert.ok(paramNames(p).includes(field), `${path} ${JSON.stringify(body)} should name ${field}; got ${JSON.stringify(p.invalidParams)}`);
    }
    assert.equal(bodyOf(await http.get(url), 200, ClosingRecord).version, 0, "nothing is stored");
  });

  test("scope, roles and phases: 404 for another team's coach, 403 for ondersteuning, 409 outside afronding", async (t) => {
    const { org, coach, members, http, url, app } = await setup(t, "execution");
    const body = { completedOn: today(), withMembers: members, answers: allYes(), version: 0 };
    const outsider = await loginAs(app, (await org.user("coach", { team: "other" })).email);
    expectProblem(await outsider.get(url), { status: 404, code: "not_found" });
    expectProblem(await outsider.request("PUT", `${url}/stability-check`, body), { status: 404, code: "not_found" });
    expectProblem(await outsider.request("PUT", `${url}/aftercare-plan`, { ...fullPlan(), version: 0 }), { status: 404, code: "not_found" });
    const support = await loginAs(app, (await org.user("ondersteuning")).email);
    assert.equal(bodyOf(await support.get(url), 200, ClosingRecord).version, 0);
    expectProblem(await support.request("PUT", `${url}/stability-check`, body), { status: 403, code: "forbidden" });
    expectProblem(await support.request("PUT", `${url}/aftercare-plan`, { ...fullPlan(), version: 0 }), { status: 403, code: "forbidden" });
    const lead = await loginAs(app, (await org.user("teamleider")).email);
    assert.equal(bodyOf(await lead.request("PUT", `${url}/stability-check`, body), 200, ClosingRecord).version, 1, "the team lead may fill it in too");

    const planning = await makeTrajectory(database.db, coach.actor, { phase: "planning" });
    const planningUrl = `/api/v1/trajectories/${planning.trajectory.id}/closing`;
    expectProblem(await http.request("PUT", `${planningUrl}/stability-check`, body), { status: 409, code: "conflict", reason: "wrong_phase" });
    expectProblem(await http.request("PUT", `${planningUrl}/aftercare-plan`, { ...fullPlan(), version: 0 }), { status: 409, code: "conflict", reason: "wrong_phase" });
    assert.equal((await auditRows(database.db, org.organisationId, { action: "stability_check.recorded" })).length, 1);
  });
});
