import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import {
  addDays,
  expectedWeeklyReportWeeks,
  formatIsoWeek,
  isoWeekOf,
  todayInNetherlands,
  WeeklyReport,
  WeeklyReportList,
  type Phase,
} from "@ploegwerk/domain";
import type { Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem } from "../../testing/api.ts";
import { backdateTrajectory } from "../../testing/backdate.ts";
import { createTestOrganisation, familyInput } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { makeTrajectory } from "../../testing/trajectories.ts";
import { createFamily } from "../families/families.service.ts";
import { trajectoryState } from "../trajectories/trajectories.records.ts";

const today = () => todayInNetherlands();
const weekOf = (day: string) => isoWeekOf(day);

function report(day: string, extra: Record<string, unknown> = {}) {
  return { ...weekOf(day), activities: "Huisbezoek; samen naar de GKB voor een betalingsregeling.", choices: "Eerst de huur, dan de energie.", bottlenecks: null, childSafety: "Kinderen naar school, geen zorgen.", ...extra };
}

describe(`weekly reports API (${testTarget()})`, () => {
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
    return { org, coach, trajectory, app, http, url: `/api/v1/trajectories/${trajectory.id}/weekly-reports` };
  }

  test("write, list newest first with the missing weeks of uitvoering, edit with the version; audited", async (t) => {
    const { org, coach, trajectory, http, url } = await setup(t);
    // Three weeks of uitvoering behind us: those weeks are owed, up to last week.
    await backdateTrajectory(database.db, org.organisationId, trajectory.id, 21);
    const expected = expectedWeeklyReportWeeks(await trajectoryState(database.db, org.organisationId, trajectory.id), today());
    assert.ok(expected.length >= 3, `three weeks back owes at least three reports; got ${expected.map(formatIsoWeek).join(", ")}`);

    const empty = bodyOf(await http.get(url), 200, WeeklyReportList);
    assert.deepEqual(empty.items, []);
    assert.deepEqual(empty.missingWeeks.map((w) => w.label), expected.map(formatIsoWeek));
    assert.equal(empty.childSafetyRequired, true);

    const older = bodyOf(await http.post(url, report(addDays(today(), -14))), 201, WeeklyReport);
    assert.equal(older.label, formatIsoWeek(weekOf(addDays(today(), -14))));
    assert.equal(older.writtenById, coach.id);
    assert.equal(older.writtenByName, coach.name);
    assert.equal(older.bottlenecks, null);
    assert.equal(older.version, 1);
    const current = bodyOf(await http.post(url, report(today(), { bottlenecks: "  ", choices: "" })), 201, WeeklyReport);
    assert.equal(current.bottlenecks, null, "blank text is stored as empty");
    assert.equal(current.choices, null);

    const list = bodyOf(await http.get(url), 200, WeeklyReportList);
    assert.deepEqual(list.items.map((r) => r.id), [current.id, older.id], "newest week first");
    assert.deepEqual(list.missingWeeks.map((w) => w.label), expected.map(formatIsoWeek).filter((l) => l !== older.label));
    const first = list.missingWeeks[0];
    assert.ok(first && first.startsOn <= first.endsOn);

    const edited = bodyOf(await http.request("PUT", `${url}/${older.id}`, { activities: "Huisbezoek en GKB.", bottlenecks: "Vader wil niet mee.", childSafety: "Geen zorgen.", version: 1 }), 200, WeeklyReport);
    assert.equal(edited.version, 2);
    assert.equal(edited.label, older.label, "the week stays");
    assert.equal(edited.bottlenecks, "Vader wil niet mee.");
    assert.equal(edited.choices, null, "a field left out is emptied: the edit sends the whole report");

    assert.equal((await auditRows(database.db, org.organisationId, { action: "weekly_report.created" })).length, 2);
    const [updated] = await auditRows(database.db, org.organisationId, { action: "weekly_report.updated", entityId: older.id });
    assert.equal(updated?.familyId, trajectory.familyId);
    assert.deepEqual(updated?.details, { trajectoryId: trajectory.id, week: older.label, fromVersion: 1 });
  });

  test("a second report for the same week: 409 duplicate_week; a stale edit: 409 stale_version", async (t) => {
    const { http, url } = await setup(t);
    const first = bodyOf(await http.post(url, report(today())), 201, WeeklyReport);
    expectProblem(await http.post(url, report(today(), { activities: "Nog een keer" })), { status: 409, code: "conflict", reason: "duplicate_week" });
    bodyOf(await http.request("PUT", `${url}/${first.id}`, { activities: "Bijgewerkt", childSafety: "Veilig.", version: 1 }), 200, WeeklyReport);
    expectProblem(await http.request("PUT", `${url}/${first.id}`, { activities: "Oude versie", childSafety: "Veilig.", version: 1 }), { status: 409, code: "conflict", reason: "stale_version" });
    const list = bodyOf(await http.get(url), 200, WeeklyReportList);
    assert.equal(list.items.length, 1);
    assert.equal(list.items[0]?.activities, "Bijgewerkt");
  });

  test("field errors: childSafety with minor children, activities, a week that does not exist, has not started or lies before the trajectory", async (t) => {
    const { http, url } = await setup(t);
    expectProblem(await http.post(url, report(today(), { childSafety: null })), { status: 400, code: "invalid", invalidParams: ["childSafety"] });
    expectProblem(await http.post(url, report(today(), { childSafety: "   " })), { status: 400, code: "invalid", invalidParams: ["childSafety"] });
    expectProblem(await http.post(url, report(today(), { activities: "" })), { status: 400, code: "invalid", invalidParams: ["activities"] });
    expectProblem(await http.post(url, { ...report(today()), year: 2025, week: 53 }), { status: 400, code: "invalid", invalidParams: ["week"] });
    expectProblem(await http.post(url, { ...report(today()), week: 0 }), { status: 400, code: "invalid", invalidParams: ["week"] });
    expectProblem(await http.post(url, report(addDays(today(), 7))), { status: 400, code: "invalid", invalidParams: ["week"] });
    // The trajectory started today: a week of last month lies before it.
    expectProblem(await http.post(url, report(addDays(today(), -35))), { status: 400, code: "invalid", invalidParams: ["week"] });
    const saved = bodyOf(await http.post(url, report(today())), 201, WeeklyReport);
    expectProblem(await http.request("PUT", `${url}/${saved.id}`, { activities: "Zonder veiligheid", version: 1 }), { status: 400, code: "invalid", invalidParams: ["childSafety"] });
    expectProblem(await http.request("PUT", `${url}/${saved.id}`, { activities: "x", childSafety: "ok" }), { status: 400, code: "invalid", invalidParams: ["version"] });
    expectProblem(await http.request("PUT", `${url}/${crypto.randomUUID()}`, { activities: "x", childSafety: "ok", version: 1 }), { status: 404, code: "not_found" });
    assert.equal(bodyOf(await http.get(url), 200, WeeklyReportList).items.length, 1);
  });

  test("a family without minor children needs no child-safety note", async (t) => {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const { trajectory } = await makeTrajectory(database.db, coach.actor, { phase: "intake" });
    // A family whose only child is an adult.
    const adults = familyInput({ members: [{ givenName: "Ans", surname: "Bakker", role: "parent", dateOfBirth: "1960-01-01" }, { givenName: "Tim", surname: "Bakker", role: "child", dateOfBirth: "1999-05-05" }] });
    const { family } = await createFamily(database.db, { actor: coach.actor, input: adults });
    const other = await makeTrajectory(database.db, coach.actor, { phase: "intake", familyId: family.id });
    const app = await appFor(t, database.db);
    const http = await loginAs(app, coach.email);
    const url = `/api/v1/trajectories/${other.trajectory.id}/weekly-reports`;
    assert.equal(bodyOf(await http.get(url), 200, WeeklyReportList).childSafetyRequired, false);
    const saved = bodyOf(await http.post(url, report(today(), { childSafety: null })), 201, WeeklyReport);
    assert.equal(saved.childSafety, null);
    // Reports may be written from the informatiefase on; none are owed before uitvoering.
    assert.deepEqual(bodyOf(await http.get(`/api/v1/trajectories/${trajectory.id}/weekly-reports`), 200, WeeklyReportList).missingWeeks, []);
  });

  test("scope and roles: another team's coach gets 404, ondersteuning reads but may not write (403), no reports in aanmelding or after closing (409)", async (t) => {
    const { org, http, url, app } = await setup(t);
    const saved = bodyOf(await http.post(url, report(today())), 201, WeeklyReport);

    const outsider = await loginAs(app, (await org.user("coach", { team: "other" })).email);
    expectProblem(await outsider.get(url), { status: 404, code: "not_found" });
    expectProblem(await outsider.post(url, report(today())), { status: 404, code: "not_found" });
    expectProblem(await outsider.request("PUT", `${url}/${saved.id}`, { activities: "x", childSafety: "ok", version: 1 }), { status: 404, code: "not_found" });

    const support = await loginAs(app, (await org.user("ondersteuning")).email);
    assert.equal(bodyOf(await support.get(url), 200, WeeklyReportList).items.length, 1);
    expectProblem(await support.post(url, report(addDays(today(), -7))), { status: 403, code: "forbidden" });
    expectProblem(await support.request("PUT", `${url}/${saved.id}`, { activities: "x", childSafety: "ok", version: 1 }), { status: 403, code: "forbidden" });

    const lead = await loginAs(app, (await org.user("teamleider")).email);
    assert.equal(bodyOf(await lead.get(url), 200, WeeklyReportList).items.length, 1, "the team lead sees the reports and the missing weeks");

    const coach = await org.user("coach");
    for (const phase of ["referral", "closed"] as const) {
      const { trajectory } = await makeTrajectory(database.db, coach.actor, { phase });
      const p = expectProblem(await http.post(`/api/v1/trajectories/${trajectory.id}/weekly-reports`, report(today())), { status: 409, code: "conflict", reason: "wrong_phase" });
      assert.match(p.detail, /informatiefase/);
    }
    assert.equal((await auditRows(database.db, org.organisationId, { action: "weekly_report.created" })).length, 1, "refused writes leave no audit row");
  });
});
